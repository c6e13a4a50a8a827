// One alarm: a small map of the elder's home. The marker is a vector circle, so it shows even when no map
// tiles load (offline, or tiles blocked); the coordinates stay in the element's text for a page without script.
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('alarm-map');
  if (!el || !window.L) return;
  var lat = Number(el.getAttribute('data-lat'));
  var lon = Number(el.getAttribute('data-lon'));
  if (!isFinite(lat) || !isFinite(lon)) return;
  el.textContent = '';
  var map = window.L.map(el, { zoomControl: true, attributionControl: true }).setView([lat, lon], 17);
  window.L.tileLayer('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 19, attribution: '&copy; OpenStreetMap'
  }).addTo(map);
  window.L.circleMarker([lat, lon], { radius: 10, color: '#b00000', weight: 3, fillColor: '#ff3b30', fillOpacity: 0.8 })
    .addTo(map).bindTooltip(el.getAttribute('data-label') || '', { permanent: false });
});
