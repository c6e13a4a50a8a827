// One alarm: a small map of the elder's home. The marker is a vector circle, so it shows even when no map
// tile server is configured (the platform's basemap is drawn under it); the coordinates stay in the element's text for a page without script.
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('alarm-map');
  if (!el || !window.L) return;
  var lat = Number(el.getAttribute('data-lat'));
  var lon = Number(el.getAttribute('data-lon'));
  if (!isFinite(lat) || !isFinite(lon)) return;
  el.textContent = '';
  var jm = window.jinlinMap(el, { center: [lat, lon], zoom: 17 });
  if (!jm) return;
  window.L.circleMarker(jm.ll(lat, lon), { radius: 10, color: '#b00000', weight: 3, fillColor: '#ff3b30', fillOpacity: 0.8 })
    .addTo(jm.map).bindTooltip(el.getAttribute('data-label') || '', { permanent: false });
});
