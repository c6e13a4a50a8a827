// The raise form's map: a click (or tap) picks the demand's place, fills the hidden lat/lon inputs,
// selects "a point on the map" and asks htmx to refresh the similar demands nearby.
document.addEventListener('DOMContentLoaded', function () {
  var box = document.getElementById('demand-map');
  var lat = document.getElementById('demand-lat');
  var lon = document.getElementById('demand-lon');
  if (!box || !lat || !lon || typeof L === 'undefined') {
    if (box) box.style.display = 'none';
    return;
  }
  var start = lat.value && lon.value ? [parseFloat(lat.value), parseFloat(lon.value)] : [26.0805, 119.2965];
  var map = L.map(box, { scrollWheelZoom: false }).setView(start, lat.value ? 17 : 14);
  L.tileLayer('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 19,
    attribution: '&copy; OpenStreetMap'
  }).addTo(map);
  var marker = lat.value && lon.value ? L.circleMarker(start, { radius: 10 }).addTo(map) : null;
  map.on('click', function (e) {
    var p = e.latlng;
    lat.value = p.lat.toFixed(6);
    lon.value = p.lng.toFixed(6);
    if (marker) marker.setLatLng(p); else marker = L.circleMarker(p, { radius: 10 }).addTo(map);
    var onMap = document.getElementById('location-MAP');
    if (onMap) onMap.checked = true;
    document.body.dispatchEvent(new CustomEvent('jl:located'));
  });
  document.querySelectorAll('input[name=location]').forEach(function (radio) {
    radio.addEventListener('change', function () {
      document.body.dispatchEvent(new CustomEvent('jl:located'));
    });
  });
});
