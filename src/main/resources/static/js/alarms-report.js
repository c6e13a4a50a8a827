// The monthly report's chart: alarms per day (bars) and how many were acknowledged within 60 s (line), from the
// JSON in the chart element's data-chart attribute. The table above has every figure without it.
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('report-chart');
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
    xAxis: { type: 'category', data: data.days, axisLabel: { fontSize: font } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: font } },
    series: [
      { name: data.labels.alarms, type: 'bar', data: data.alarms, itemStyle: { color: '#b3261e' } },
      { name: data.labels.within60, type: 'line', data: data.within60, symbolSize: large ? 10 : 6,
        lineStyle: { width: large ? 3 : 2 }, itemStyle: { color: '#0a6b2c' } }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
