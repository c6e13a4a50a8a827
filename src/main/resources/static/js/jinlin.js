// Small progressive enhancements; every page works without JavaScript.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-jl-toggle]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var target = document.querySelector(btn.getAttribute('data-jl-toggle'));
      if (!target) return;
      var open = target.classList.toggle('show');
      btn.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  });
  // The navbar's task groups are <details> dropdowns (they open without JavaScript): one open at a time, closed by a
  // click elsewhere or Escape.
  var groups = document.querySelectorAll('details.jl-nav-group');
  groups.forEach(function (d) {
    d.addEventListener('toggle', function () {
      if (d.open) groups.forEach(function (o) { if (o !== d) o.open = false; });
    });
  });
  document.addEventListener('click', function (e) {
    groups.forEach(function (d) { if (d.open && !d.contains(e.target)) d.open = false; });
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    groups.forEach(function (d) {
      if (d.open) { d.open = false; d.querySelector('summary').focus(); }
    });
  });
});
// htmx requests carry the CSRF token from the page's meta tags.
document.addEventListener('htmx:configRequest', function (evt) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) evt.detail.headers[header.content] = token.content;
});
// Charts (ECharts) from an element's data-chart attribute, drawn the same way on every page: build(data, style, el)
// returns the chart's options; style.font and style.large follow 长辈模式 and style.base holds the common text,
// tooltip, legend and grid options. Without ECharts, or on bad data, nothing is drawn: the tables on the pages
// carry every figure.
window.jinlinChart = function (id, build) {
  var el = document.getElementById(id);
  if (!el || !window.echarts || !el.getAttribute('data-chart')) return;
  var large = document.documentElement.classList.contains('age-friendly');
  var font = large ? 16 : 12;
  var style = {
    large: large, font: font,
    base: {
      textStyle: { fontSize: font }, tooltip: { trigger: 'axis' }, legend: { top: 0, textStyle: { fontSize: font } },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true }
    }
  };
  try {
    var chart = window.echarts.init(el);
    chart.setOption(build(JSON.parse(el.getAttribute('data-chart')), style, el));
    window.addEventListener('resize', function () { chart.resize(); });
  } catch (e) { /* the tables still show every figure */ }
};
// Maps (Leaflet): one way to create a map on every page. jinlinMap(el, options) draws the platform's own basemap
// (community points and names, streets of the walking network, buildings, from /maps/basemap) under the page's
// markers, and a tile layer only when the deployment configures one (<meta name="jl-map">, filled from
// jinlin.maps.tiles.*): without one no request leaves for any tile server. The platform's data is WGS-84; over a
// GCJ-02 tile service (天地图, 高德) points are shifted when drawn: pages draw through ll(lat, lon) (and
// coordsToLatLng for GeoJSON) and read picked points back through wgs(latlng). Returns null without Leaflet.
(function () {
  var A = 6378245.0, EE = 0.00669342162296594323;
  function inChina(lat, lon) { return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271; }
  function tLat(x, y) {
    var r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return r;
  }
  function tLon(x, y) {
    var r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return r;
  }
  // The same well-known transform as CoordinateSystems (circle.facilities), and its inverse by iteration.
  function toGcj02(lat, lon) {
    if (!inChina(lat, lon)) return [lat, lon];
    var dLat = tLat(lon - 105.0, lat - 35.0), dLon = tLon(lon - 105.0, lat - 35.0);
    var rad = lat / 180.0 * Math.PI, magic = Math.sin(rad);
    magic = 1 - EE * magic * magic;
    var sq = Math.sqrt(magic);
    dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sq) * Math.PI);
    dLon = (dLon * 180.0) / (A / sq * Math.cos(rad) * Math.PI);
    return [lat + dLat, lon + dLon];
  }
  function fromGcj02(lat, lon) {
    if (!inChina(lat, lon)) return [lat, lon];
    var w = [lat, lon];
    for (var i = 0; i < 50; i++) {
      var g = toGcj02(w[0], w[1]), eLat = g[0] - lat, eLon = g[1] - lon;
      if (Math.abs(eLat) < 1e-10 && Math.abs(eLon) < 1e-10) break;
      w = [w[0] - eLat, w[1] - eLon];
    }
    return w;
  }

  function settings() {
    var meta = document.querySelector('meta[name="jl-map"]');
    var get = function (n) { return meta ? meta.getAttribute('data-' + n) || '' : ''; };
    return { tiles: get('tiles'), attribution: get('attribution'), crs: get('crs') || 'WGS84',
      basemap: get('basemap'), basemapAttribution: get('basemap-attribution') };
  }

  function basemap(map, s, ll, wgs) {
    var pane = map.createPane('jlBasemap');
    pane.style.zIndex = 350; // above tiles (200), under the page's markers (overlay pane, 400)
    var renderer = window.L.svg({ pane: 'jlBasemap' });
    var layer = window.L.layerGroup().addTo(map);
    var seq = 0, last = '';
    if (s.basemapAttribution && map.attributionControl) map.attributionControl.addAttribution(s.basemapAttribution);
    function draw(fc, zoom) {
      layer.clearLayers();
      var half = 5 / 111320; // buildings as squares of about 10 m
      (fc.features || []).forEach(function (f) {
        var p = f.properties || {}, c = f.geometry.coordinates;
        var base = { renderer: renderer, pane: 'jlBasemap', interactive: false };
        if (p.kind === 'street') {
          layer.addLayer(window.L.polyline(c.map(function (q) { return ll(q[1], q[0]); }), window.L.extend({
            color: '#a7adb4', weight: zoom >= 16 ? 3 : 1.5, opacity: 0.9, className: 'jl-basemap-street' }, base)));
        } else if (p.kind === 'building') {
          var m = ll(c[1], c[0]), dLon = half / Math.cos(m.lat * Math.PI / 180);
          layer.addLayer(window.L.rectangle([[m.lat - half, m.lng - dLon], [m.lat + half, m.lng + dLon]], window.L.extend({
            color: '#9a9a9a', weight: 1, fillColor: '#d9d9d9', fillOpacity: 0.9, className: 'jl-basemap-building' }, base)));
        } else if (p.kind === 'community') {
          var point = window.L.circleMarker(ll(c[1], c[0]), window.L.extend({ radius: zoom >= 14 ? 18 : 8,
            color: '#b7c9dc', weight: 1, fillColor: '#dce8f4', fillOpacity: 0.55, className: 'jl-basemap-community' }, base));
          if (zoom >= 14 && p.name) {
            point.bindTooltip(p.name, { permanent: true, direction: 'center', className: 'jl-basemap-label', opacity: 0.9 });
          }
          layer.addLayer(point);
        }
      });
    }
    function refresh() {
      var zoom = map.getZoom();
      var grid = 4 * 360 / Math.pow(2, zoom);
      var b = map.getBounds(), sw = wgs(b.getSouthWest()), ne = wgs(b.getNorthEast());
      var w = Math.max(-180, Math.floor(sw.lng / grid) * grid), e = Math.min(180, Math.ceil(ne.lng / grid) * grid);
      var so = Math.max(-90, Math.floor(sw.lat / grid) * grid), n = Math.min(90, Math.ceil(ne.lat / grid) * grid);
      if (e - w > Math.min(4, 32 * 360 / Math.pow(2, zoom)) || n - so > Math.min(4, 32 * 360 / Math.pow(2, zoom))) {
        layer.clearLayers(); last = ''; return; // zoomed out too far for a basemap
      }
      var url = s.basemap + '?bbox=' + [w, so, e, n].map(function (v) { return v.toFixed(6); }).join(',') + '&zoom=' + zoom;
      if (url === last) return;
      last = url;
      var mine = ++seq;
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (fc) {
          if (fc && mine === seq) { draw(fc, zoom); map.getContainer().setAttribute('data-basemap', 'drawn'); }
        })
        .catch(function () { /* the page's own markers still show */ });
    }
    map.on('moveend', refresh);
    map.whenReady(refresh);
  }

  window.jinlinMap = function (el, options) {
    if (!el || !window.L) return null;
    var s = settings();
    var gcj = s.crs === 'GCJ02' && !!s.tiles;
    var ll = function (lat, lon) {
      var p = gcj ? toGcj02(Number(lat), Number(lon)) : [Number(lat), Number(lon)];
      return window.L.latLng(p[0], p[1]);
    };
    var wgs = function (latlng) {
      var p = gcj ? fromGcj02(latlng.lat, latlng.lng) : [latlng.lat, latlng.lng];
      return window.L.latLng(p[0], p[1]);
    };
    var o = options || {};
    var map = window.L.map(el, window.L.extend({ scrollWheelZoom: false, maxZoom: 19 }, o.leaflet || {}));
    if (s.tiles) {
      window.L.tileLayer(s.tiles, { maxZoom: 19, attribution: s.attribution }).addTo(map);
    }
    if (s.basemap) basemap(map, s, ll, wgs);
    var center = o.center || [26.0745, 119.2965];
    map.setView(ll(center[0], center[1]), o.zoom || 12);
    return {
      map: map, ll: ll, wgs: wgs,
      coordsToLatLng: function (c) { return ll(c[1], c[0]); },
      bounds: function (points) { return window.L.latLngBounds(points.map(function (p) { return ll(p[0], p[1]); })); }
    };
  };
  window.jinlinMap.toGcj02 = toGcj02;
  window.jinlinMap.fromGcj02 = fromGcj02;
})();
