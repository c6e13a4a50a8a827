// The service figures' chart: person-times and problems solved per month (bars) and hours (line), from the JSON in
// the chart element's data-chart attribute. The cards and the table above carry every figure without it.
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('figures-chart');
  if (!el || !window.echarts || !el.getAttribute('data-chart')) return;
  var data = JSON.parse(el.getAttribute('data-chart'));
  var large = document.documentElement.classList.contains('age-friendly');
  var font = large ? 16 : 12;
  var chart = window.echarts.init(el);
  chart.setOption({
    textStyle: { fontSize: font },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontSize: font } },
    grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: 'category', data: data.map(function (m) { return m.month; }), axisLabel: { fontSize: font } },
    yAxis: [{ type: 'value', minInterval: 1, axisLabel: { fontSize: font } },
            { type: 'value', axisLabel: { fontSize: font } }],
    series: [
      { name: el.getAttribute('data-label-times'), type: 'bar', data: data.map(function (m) { return m.personTimes; }),
        itemStyle: { color: '#1f5fa8' } },
      { name: el.getAttribute('data-label-solved'), type: 'bar', data: data.map(function (m) { return m.problemsSolved; }),
        itemStyle: { color: '#0a6b2c' } },
      { name: el.getAttribute('data-label-hours'), type: 'line', yAxisIndex: 1,
        data: data.map(function (m) { return Number(m.hours); }), symbolSize: large ? 10 : 6,
        lineStyle: { width: large ? 3 : 2 }, itemStyle: { color: '#b3261e' } }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
