// Care-facility pages: the charts (ECharts, from the data-chart attribute) and the map (Leaflet, points
// from data-points). Each part is optional: without ECharts the table holds the figures; without a tile
// service the map shows the points on the platform's own basemap; without Leaflet the list remains.
document.addEventListener('DOMContentLoaded', function () {
  var large = document.documentElement.classList.contains('age-friendly');
  var font = large ? 16 : 12;
  var colors = ['#b3261e', '#1f6feb', '#2da44e', '#bf8700', '#8250df', '#57606a', '#0a7d8c'];

  var chart = window.jinlinChart;

  chart('facility-kind-chart', function (d) {
    return {
      color: colors, textStyle: { fontSize: font }, tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, bottom: 8, top: 16, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: font } },
      yAxis: { type: 'category', data: d.kinds, inverse: true, axisLabel: { fontSize: font } },
      series: [{ name: d.countLabel, type: 'bar', data: d.kindCounts, itemStyle: { color: '#b3261e' },
        label: { show: true, position: 'right', fontSize: font } }]
    };
  });

  chart('facility-child-chart', function (d) {
    var series = d.series.map(function (s) { return { name: s.name, type: 'bar', stack: 'count', data: s.data }; });
    series.push({ name: d.bedsLabel, type: 'line', yAxisIndex: 1, data: d.beds, symbolSize: large ? 10 : 6 });
    return {
      color: colors, textStyle: { fontSize: font }, tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll', textStyle: { fontSize: font } },
      grid: { left: 8, right: 8, bottom: 8, top: 48, containLabel: true },
      xAxis: { type: 'category', data: d.children, axisLabel: { interval: 0, rotate: d.children.length > 6 ? 35 : 0, fontSize: font } },
      yAxis: [{ type: 'value', name: d.countLabel, minInterval: 1 }, { type: 'value', name: d.bedsLabel, minInterval: 1 }],
      series: series
    };
  });

  var box = document.getElementById('facility-map');
  if (!box || !window.L || !box.getAttribute('data-points')) return;
  box.innerHTML = '';
  var jm = window.jinlinMap(box, { zoom: 10, leaflet: { preferCanvas: true } });
  if (!jm) return;
  var map = jm.map;
  var kindColor = {
    CARE_INSTITUTION: '#b3261e', DAY_CARE_CENTRE: '#1f6feb', SERVICE_STATION: '#2da44e', RURAL_HAPPINESS_HOME: '#bf8700',
    ELDER_CANTEEN: '#8250df', DEMONSTRATION_POINT: '#57606a', RURAL_REGIONAL_CENTRE: '#0a7d8c'
  };
  var detail = box.getAttribute('data-detail');
  fetch(box.getAttribute('data-points'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : []; })
    .then(function (points) {
      var bounds = [];
      points.forEach(function (p) {
        var marker = window.L.circleMarker(jm.ll(p.lat, p.lon), {
          radius: large ? 8 : 5, color: kindColor[p.kind] || '#333', weight: 1, fillOpacity: p.status === 'OPERATING' ? 0.8 : 0.25
        }).addTo(map);
        var a = document.createElement('a');
        a.href = detail + p.id;
        a.textContent = p.name;
        var div = document.createElement('div');
        div.appendChild(a);
        div.appendChild(document.createElement('br'));
        div.appendChild(document.createTextNode(p.kindLabel));
        marker.bindPopup(div);
        bounds.push([p.lat, p.lon]);
      });
      if (bounds.length) map.fitBounds(jm.bounds(bounds), { padding: [20, 20], maxZoom: 16 });
    })
    .catch(function () { /* the list still works */ });
});
