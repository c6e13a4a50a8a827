// The monthly report's chart: alarms per day (bars) and how many were acknowledged within 60 s (line), from the
// JSON in the chart element's data-chart attribute. The table above has every figure without it.
document.addEventListener('DOMContentLoaded', function () {
  window.jinlinChart('report-chart', function (data, style) {
    return Object.assign({}, style.base, {
      xAxis: { type: 'category', data: data.days, axisLabel: { fontSize: style.font } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: style.font } },
      series: [
        { name: data.labels.alarms, type: 'bar', data: data.alarms, itemStyle: { color: '#b3261e' } },
        { name: data.labels.within60, type: 'line', data: data.within60, symbolSize: style.large ? 10 : 6,
          lineStyle: { width: style.large ? 3 : 2 }, itemStyle: { color: '#0a6b2c' } }
      ]
    });
  });
});
