// 15-minute circle charts (ECharts, data from the data-chart attribute): the coverage per child area against the
// target, and the gaps per category. The tables on the pages hold every figure without them.
document.addEventListener('DOMContentLoaded', function () {
  var large = document.documentElement.classList.contains('age-friendly');
  var font = large ? 16 : 12;

  var chart = window.jinlinChart;

  chart('circle-chart', function (d) {
    return {
      textStyle: { fontSize: font },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + '%'; } },
      legend: { top: 0, textStyle: { fontSize: font } },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: d.names,
        axisLabel: { interval: 0, rotate: d.names.length > 6 ? 35 : 0, fontSize: font } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', fontSize: font } },
      series: [
        { name: d.rateLabel, type: 'bar', data: d.rates, itemStyle: { color: '#1f5fa8' },
          label: { show: d.names.length <= 12, position: 'top', fontSize: font, formatter: '{c}%' },
          markLine: { symbol: 'none', lineStyle: { color: '#b3261e', type: 'dashed', width: large ? 3 : 2 },
            label: { formatter: d.targetLabel + ' {c}%', fontSize: font }, data: [{ yAxis: d.target }] } },
        { name: d.weightedLabel, type: 'bar', data: d.weighted, itemStyle: { color: '#8fb3de' } }
      ]
    };
  });

  chart('circle-gaps-chart', function (d) {
    return {
      textStyle: { fontSize: font },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { fontSize: font } },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: font } },
      yAxis: { type: 'category', data: d.names, inverse: true, axisLabel: { fontSize: font } },
      series: [
        { name: d.urbanLabel, type: 'bar', stack: 'gap', data: d.urban, itemStyle: { color: '#cf222e' },
          label: { show: true, position: 'insideRight', fontSize: font } },
        { name: d.ruralLabel, type: 'bar', stack: 'gap', data: d.rural, itemStyle: { color: '#d4a72c' } }
      ]
    };
  });
});
