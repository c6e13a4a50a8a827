// Facility registry list: a small Leaflet map of the listed facilities (points from data-points). Without Leaflet
// the list remains; without a tile service the points show on the platform's own basemap. Re-drawn after htmx swaps.
(function () {
  var colors = ['#b3261e', '#1f6feb', '#2da44e', '#bf8700', '#8250df', '#57606a', '#0a7d8c', '#cf222e', '#116329'];
  var map = null;
  var layer = null;

  function color(code) {
    var h = 0;
    for (var i = 0; i < code.length; i++) h = (h * 31 + code.charCodeAt(i)) >>> 0;
    return colors[h % colors.length];
  }

  function draw() {
    var box = document.getElementById('circle-facility-map');
    if (!box || !window.L) return;
    var points;
    try { points = JSON.parse(box.getAttribute('data-points') || '[]'); } catch (e) { return; }
    if (map) { map.remove(); map = null; }
    box.innerHTML = '';
    var large = document.documentElement.classList.contains('age-friendly');
    var jm = window.jinlinMap(box, { leaflet: { preferCanvas: true } });
    if (!jm) return;
    map = jm.map;
    layer = window.L.layerGroup().addTo(map);
    var bounds = [];
    points.forEach(function (p) {
      var marker = window.L.circleMarker(jm.ll(p.lat, p.lon), {
        radius: large ? 8 : 5, color: color(p.category), weight: 1, fillOpacity: p.status === 'OPERATING' ? 0.8 : 0.25
      }).addTo(layer);
      var div = document.createElement('div');
      var b = document.createElement('strong');
      b.textContent = p.name;
      div.appendChild(b);
      div.appendChild(document.createElement('br'));
      div.appendChild(document.createTextNode(p.categoryName));
      marker.bindPopup(div);
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length) map.fitBounds(jm.bounds(bounds), { padding: [20, 20], maxZoom: 16 });
  }

  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSwap', function (e) {
    if (e.target && e.target.id === 'circle-facility-results') draw();
  });
})();
