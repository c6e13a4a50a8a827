// The raise form's map: a click (or tap) picks the demand's place, fills the hidden lat/lon inputs,
// selects "a point on the map" and asks htmx to refresh the similar demands nearby.
document.addEventListener('DOMContentLoaded', function () {
  var box = document.getElementById('demand-map');
  var lat = document.getElementById('demand-lat');
  var lon = document.getElementById('demand-lon');
  if (!box || !lat || !lon || typeof L === 'undefined' || !window.jinlinMap) {
    if (box) box.style.display = 'none';
    return;
  }
  var start = lat.value && lon.value ? [parseFloat(lat.value), parseFloat(lon.value)] : [26.0805, 119.2965];
  var jm = window.jinlinMap(box, { center: start, zoom: lat.value ? 17 : 16 });
  var map = jm.map;
  var marker = lat.value && lon.value ? L.circleMarker(jm.ll(start[0], start[1]), { radius: 10 }).addTo(map) : null;
  map.on('click', function (e) {
    var p = jm.wgs(e.latlng); // the fields hold WGS-84, whatever the tiles' system
    lat.value = p.lat.toFixed(6);
    lon.value = p.lng.toFixed(6);
    if (marker) marker.setLatLng(e.latlng); else marker = L.circleMarker(e.latlng, { radius: 10 }).addTo(map);
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
