// The cockpit's trend: an indicator's monthly values (frozen where frozen) as a line, and its target as a dashed
// line, from the JSON in the chart element's data-chart attribute. The forecast sentence below says it in words.
document.addEventListener('DOMContentLoaded', function () {
  window.jinlinChart('quality-trend-chart', function (data, style, el) {
    function of(key) { return data.map(function (m) { return m[key] == null ? null : Number(m[key]); }); }
    return Object.assign({}, style.base, {
      xAxis: { type: 'category', data: data.map(function (m) { return m.period; }), axisLabel: { fontSize: style.font } },
      yAxis: { type: 'value', axisLabel: { fontSize: style.font } },
      series: [
        { name: el.getAttribute('data-label-value'), type: 'line', data: of('value'), connectNulls: false,
          symbolSize: style.large ? 10 : 6, lineStyle: { width: style.large ? 3 : 2 }, itemStyle: { color: '#1f5fa8' } },
        { name: el.getAttribute('data-label-target'), type: 'line', step: 'end', data: of('target'), symbol: 'none',
          lineStyle: { type: 'dashed', width: 2 }, itemStyle: { color: '#b3261e' } }
      ]
    });
  });
});
