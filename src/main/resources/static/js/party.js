// Party pages: the coverage chart (ECharts, from the data-chart attribute: covered and uncovered compounds per child
// node, stacked) and the territory picker that reloads the page. Without ECharts the table holds every figure.
document.addEventListener('DOMContentLoaded', function () {
  var large = document.documentElement.classList.contains('age-friendly');
  var font = large ? 16 : 12;

  var picker = document.getElementById('q-territory');
  if (picker && picker.form) {
    picker.addEventListener('change', function () { picker.form.submit(); });
  }

  var el = document.getElementById('party-coverage-chart');
  if (!el || !window.echarts || !el.getAttribute('data-chart')) return;
  try {
    var d = JSON.parse(el.getAttribute('data-chart'));
    var c = window.echarts.init(el);
    c.setOption({
      color: ['#b3261e', '#d0d7de'], textStyle: { fontSize: font }, tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { fontSize: font } },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: d.names, axisLabel: { interval: 0, rotate: d.names.length > 6 ? 35 : 0, fontSize: font } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: d.coveredLabel, type: 'bar', stack: 'c', data: d.covered },
        { name: d.uncoveredLabel, type: 'bar', stack: 'c', data: d.uncovered }
      ]
    });
    window.addEventListener('resize', function () { c.resize(); });
  } catch (e) { /* the table still shows every figure */ }
});
