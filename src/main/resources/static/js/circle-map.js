// 15-minute circle maps (Leaflet). The coverage map: communities as circle markers coloured by coverage, facilities
// as small markers coloured by category (one layer each, with a legend), buildings as small markers; clicking a
// building draws its walking area within 15, 10 and 5 minutes. The suggestions map: the suggested locations, ranked.
// Maps come from jinlinMap (jinlin.js): the platform's own basemap, and tiles only when the deployment configures a
// tile service. Without Leaflet the pages keep their tables.
(function () {
  var PALETTE = ['#1f6feb', '#8250df', '#bf3989', '#0a7d8c', '#bc4c00', '#4d2d00', '#116329', '#6e7781', '#953800',
    '#0550ae', '#a475f9', '#e16f24', '#3fb950', '#d4a72c', '#cf222e', '#57606a'];
  var large = document.documentElement.classList.contains('age-friendly');

  function baseMap(box) {
    box.innerHTML = '';
    return window.jinlinMap(box);
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); });
  }

  function text(tag, value, bold) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (bold) el.style.fontWeight = 'bold';
    return el;
  }

  function communityColour(p) {
    if (p.covered) return '#2da44e';
    return p.residentsCoveredShare >= 0.5 ? '#d4a72c' : '#cf222e';
  }

  function coverageMap(box) {
    var jm = baseMap(box);
    var map = jm.map;
    var status = document.getElementById('circle-map-status');
    var label = function (name) { return box.getAttribute('data-label-' + name) || ''; };
    var control = window.L.control.layers(null, null, { collapsed: window.innerWidth < 768 }).addTo(map);
    var bounds = window.L.latLngBounds([]);
    var isochrone = null;
    var svg = window.L.svg();

    var communities = getJson(box.getAttribute('data-communities')).then(function (fc) {
      var layer = window.L.geoJSON(fc, {
        coordsToLatLng: jm.coordsToLatLng,
        pointToLayer: function (f, latlng) {
          bounds.extend(latlng);
          return window.L.circleMarker(latlng, { renderer: svg, radius: large ? 14 : 10, weight: 2, color: '#fff',
            fillColor: communityColour(f.properties), fillOpacity: 0.85, className: 'circle-community' });
        },
        onEachFeature: function (f, l) {
          var p = f.properties;
          var div = document.createElement('div');
          var a = document.createElement('a');
          a.href = box.getAttribute('data-community') + encodeURIComponent(p.code);
          a.textContent = p.name;
          div.appendChild(a);
          div.appendChild(text('div', p.covered ? label('covered') : label('not-covered'), true));
          if (p.missingNames && p.missingNames.length) {
            div.appendChild(text('div', label('missing') + ': ' + p.missingNames.join(', ')));
          }
          l.bindPopup(div);
        }
      }).addTo(map);
      control.addOverlay(layer, label('communities'));
    });

    var buildings = getJson(box.getAttribute('data-buildings')).then(function (fc) {
      var renderer = fc.features.length > 3000 ? window.L.canvas() : svg;
      var layer = window.L.geoJSON(fc, {
        coordsToLatLng: jm.coordsToLatLng,
        pointToLayer: function (f, latlng) {
          bounds.extend(latlng);
          return window.L.circleMarker(latlng, { renderer: renderer, radius: large ? 5 : 3, weight: 1, color: '#333',
            fillColor: f.properties.offNetwork ? '#8c959f' : f.properties.covered ? '#2da44e' : '#cf222e', fillOpacity: 0.9,
            className: 'circle-building' });
        },
        onEachFeature: function (f, l) {
          l.on('click', function (e) {
            window.L.DomEvent.stopPropagation(e);
            showIsochrone(f.geometry.coordinates[1], f.geometry.coordinates[0], f.properties.name);
          });
        }
      }).addTo(map);
      control.addOverlay(layer, label('buildings'));
    });

    var facilities = getJson(box.getAttribute('data-facilities')).then(function (fc) {
      var colours = {};
      var layers = {};
      var legend = document.getElementById('circle-map-categories');
      (fc.categories || []).forEach(function (c, i) {
        colours[c.code] = PALETTE[i % PALETTE.length];
        layers[c.code] = window.L.layerGroup();
      });
      fc.features.forEach(function (f) {
        var p = f.properties;
        if (!layers[p.category]) {
          colours[p.category] = PALETTE[Object.keys(colours).length % PALETTE.length];
          layers[p.category] = window.L.layerGroup();
        }
        var ll = jm.ll(f.geometry.coordinates[1], f.geometry.coordinates[0]);
        window.L.circleMarker(ll, { renderer: svg, radius: large ? 6 : 4, weight: 1, color: '#fff',
          fillColor: colours[p.category], fillOpacity: 1, className: 'circle-facility' })
          .bindPopup(function () { var d = document.createElement('div'); d.appendChild(text('div', p.name, true));
            d.appendChild(text('div', p.categoryName)); return d; })
          .addTo(layers[p.category]);
      });
      (fc.categories || []).forEach(function (c) {
        var count = layers[c.code].getLayers().length;
        if (!count) return;
        layers[c.code].addTo(map);
        control.addOverlay(layers[c.code], c.name + ' (' + count + ')');
        if (legend) {
          var item = document.createElement('span');
          var dot = document.createElement('span');
          dot.className = 'd-inline-block rounded-circle align-middle me-1';
          dot.style.width = '10px'; dot.style.height = '10px'; dot.style.background = colours[c.code];
          item.appendChild(dot);
          item.appendChild(document.createTextNode(c.name));
          legend.appendChild(item);
        }
      });
    });

    function showIsochrone(lat, lon, name) {
      var url = box.getAttribute('data-isochrone') + '?lat=' + encodeURIComponent(lat) + '&lon=' + encodeURIComponent(lon);
      if (status) status.textContent = '';
      getJson(url).then(function (fc) {
        if (isochrone) map.removeLayer(isochrone);
        var shades = { 5: 0.45, 10: 0.3, 15: 0.18 };
        isochrone = window.L.geoJSON(fc, {
          renderer: svg,
          coordsToLatLng: jm.coordsToLatLng,
          style: function (f) {
            var m = f.properties.minutes;
            return { color: '#1f6feb', weight: 1, fillColor: '#1f6feb', fillOpacity: shades[m] || 0.15,
              className: 'circle-isochrone circle-isochrone-' + m };
          },
          onEachFeature: function (f, l) { l.bindTooltip(f.properties.minutes + ' ' + label('minutes'), { sticky: true }); }
        }).addTo(map);
        isochrone.bringToBack();
        if (status) status.textContent = label('isochrone') + ': ' + (name || '') + ' (5 / 10 / 15 ' + label('minutes') + ')';
        try { map.fitBounds(isochrone.getBounds(), { padding: [20, 20] }); } catch (e) { /* empty */ }
      }).catch(function () {
        if (status) status.textContent = label('isochrone-error');
      });
    }

    whatIf(map, jm, svg);

    Promise.all([communities, buildings].map(function (p) { return p.catch(function () { return null; }); }))
      .then(function () {
        if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 17 });
        box.setAttribute('data-ready', 'true');
      });
    facilities.catch(function () { /* the coverage layers still show */ });
  }

  // "Try a site here": the next click on the map asks what opening a facility of the chosen category there would
  // change (nothing is saved) and lists the communities and buildings whose walk changes.
  function whatIf(map, jm, svg) {
    var panel = document.getElementById('circle-whatif');
    var button = document.getElementById('circle-whatif-try');
    var select = document.getElementById('circle-whatif-category');
    var out = document.getElementById('circle-whatif-result');
    if (!panel || !button || !select || !out) return;
    var label = function (name) { return panel.getAttribute('data-label-' + name) || ''; };
    var armed = false;
    var marker = null;
    var mins = function (s) { return s === null || s === undefined ? label('beyond') : (s / 60).toFixed(1) + ' ' + label('minutes'); };
    button.addEventListener('click', function () {
      armed = true;
      out.textContent = label('pick');
      map.getContainer().style.cursor = 'crosshair';
    });
    map.on('click', function (e) {
      if (!armed) return;
      armed = false;
      map.getContainer().style.cursor = '';
      var w = jm.wgs(e.latlng);
      var lat = w.lat, lon = w.lng;
      if (marker) map.removeLayer(marker);
      marker = window.L.circleMarker(e.latlng, { renderer: svg, radius: 9, weight: 3, color: '#1f6feb', fillColor: '#fff',
        fillOpacity: 1, className: 'circle-whatif-site' }).addTo(map);
      var url = panel.getAttribute('data-url') + '?action=ADD&category=' + encodeURIComponent(select.value)
        + '&lat=' + encodeURIComponent(lat.toFixed(6)) + '&lon=' + encodeURIComponent(lon.toFixed(6));
      getJson(url).then(function (r) {
        out.textContent = '';
        if (!r.communities.length) { out.appendChild(text('div', label('none'))); }
        var list = document.createElement('ul');
        list.className = 'mb-1';
        r.communities.forEach(function (c) {
          var li = document.createElement('li');
          li.className = 'circle-whatif-community';
          li.textContent = c.name + ': ' + mins(c.secondsBefore) + ' → ' + mins(c.secondsAfter) + '; '
            + (c.coveredBefore ? label('covered') : label('not-covered')) + ' → '
            + (c.coveredAfter ? label('covered') : label('not-covered')) + '; ' + label('share') + ' '
            + Math.round(c.residentsCoveredShareBefore * 100) + '% → ' + Math.round(c.residentsCoveredShareAfter * 100) + '%';
          list.appendChild(li);
        });
        out.appendChild(list);
        out.appendChild(text('div', label('buildings') + ': ' + r.buildingsChanged + ' · ' + label('took') + ' ' + r.updateMillis + ' ms'));
      }).catch(function () {
        out.textContent = label('error');
      });
    });
  }

  function suggestionsMap(box) {
    var points = JSON.parse(box.getAttribute('data-points') || '[]');
    var jm = baseMap(box);
    var map = jm.map;
    var bounds = [];
    points.forEach(function (s) {
      var marker = window.L.circleMarker(jm.ll(s.latitude, s.longitude), { radius: large ? 16 : 12, weight: 2, color: '#fff',
        fillColor: '#b3261e', fillOpacity: 0.9, className: 'circle-suggestion-marker' }).addTo(map);
      marker.bindTooltip(String(s.rank), { permanent: true, direction: 'center', className: 'fw-bold' });
      bounds.push([s.latitude, s.longitude]);
    });
    if (bounds.length) map.fitBounds(jm.bounds(bounds), { padding: [30, 30], maxZoom: 16 });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!window.L || !window.jinlinMap) return;
    var box = document.getElementById('circle-map');
    if (box) coverageMap(box);
    var s = document.getElementById('circle-suggestions-map');
    if (s && s.getAttribute('data-points')) suggestionsMap(s);
  });
})();
