// The measures page's chart: bars of demands raised per unit and lines of three rates, from the
// JSON in the chart element's data-chart attribute (the page works without it: the table has every figure).
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('measures-chart');
  if (!el || !window.echarts || !el.getAttribute('data-chart')) return;
  var data = JSON.parse(el.getAttribute('data-chart'));
  var large = document.documentElement.classList.contains('age-friendly');
  var font = large ? 16 : 12;
  var chart = window.echarts.init(el);
  var line = function (key) {
    return { name: data.labels[key], type: 'line', yAxisIndex: 1, data: data[key], connectNulls: true,
      symbolSize: large ? 10 : 6, lineStyle: { width: large ? 3 : 2 } };
  };
  chart.setOption({
    textStyle: { fontSize: font },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontSize: font } },
    grid: { left: 8, right: 8, bottom: 8, top: 48, containLabel: true },
    xAxis: { type: 'category', data: data.units, axisLabel: { interval: 0, rotate: data.units.length > 6 ? 35 : 0, fontSize: font } },
    yAxis: [
      { type: 'value', name: data.labels.count, minInterval: 1, axisLabel: { fontSize: font } },
      { type: 'value', name: data.labels.percent, min: 0, max: 100, axisLabel: { formatter: '{value}%', fontSize: font } }
    ],
    series: [
      { name: data.labels.raised, type: 'bar', data: data.raised, itemStyle: { color: '#b3261e' } },
      line('responseRate'), line('onTimeClosingRate'), line('satisfactionRate')
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
