// The service figures' chart: person-times and problems solved per month (bars) and hours (line), from the JSON in
// the chart element's data-chart attribute. The cards and the table above carry every figure without it.
document.addEventListener('DOMContentLoaded', function () {
  window.jinlinChart('figures-chart', function (data, style, el) {
    function of(key) { return data.map(function (m) { return m[key]; }); }
    return Object.assign({}, style.base, {
      xAxis: { type: 'category', data: of('month'), axisLabel: { fontSize: style.font } },
      yAxis: [{ type: 'value', minInterval: 1, axisLabel: { fontSize: style.font } },
              { type: 'value', axisLabel: { fontSize: style.font } }],
      series: [
        { name: el.getAttribute('data-label-times'), type: 'bar', data: of('personTimes'), itemStyle: { color: '#1f5fa8' } },
        { name: el.getAttribute('data-label-solved'), type: 'bar', data: of('problemsSolved'), itemStyle: { color: '#0a6b2c' } },
        { name: el.getAttribute('data-label-hours'), type: 'line', yAxisIndex: 1, data: of('hours').map(Number),
          symbolSize: style.large ? 10 : 6, lineStyle: { width: style.large ? 3 : 2 }, itemStyle: { color: '#b3261e' } }
      ]
    });
  });
});
