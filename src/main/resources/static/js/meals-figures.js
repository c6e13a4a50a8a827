// The meal figures' charts: the meals of each day of the month (bars) and, by child territory, the month's meals and
// the enrolled diners, from the JSON in each chart element's data-chart attribute. The tiles and the table carry
// every figure without them.
document.addEventListener('DOMContentLoaded', function () {
  window.jinlinChart('figures-day-chart', function (data, style, el) {
    return Object.assign({}, style.base, {
      xAxis: { type: 'category', data: data.map(function (d) { return d.day.substring(8); }), axisLabel: { fontSize: style.font } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: style.font } },
      series: [{ name: el.getAttribute('data-label-meals'), type: 'bar', data: data.map(function (d) { return d.meals; }),
        itemStyle: { color: '#1f5fa8' } }]
    });
  });
  window.jinlinChart('figures-child-chart', function (data, style, el) {
    function of(key) { return data.map(function (c) { return c[key]; }); }
    return Object.assign({}, style.base, {
      xAxis: { type: 'category', data: of('name'), axisLabel: { fontSize: style.font, interval: 0, rotate: data.length > 6 ? 30 : 0 } },
      yAxis: [{ type: 'value', minInterval: 1, axisLabel: { fontSize: style.font } },
              { type: 'value', minInterval: 1, axisLabel: { fontSize: style.font } }],
      series: [
        { name: el.getAttribute('data-label-meals'), type: 'bar', data: of('meals'), itemStyle: { color: '#1f5fa8' } },
        { name: el.getAttribute('data-label-diners'), type: 'bar', yAxisIndex: 1, data: of('diners'), itemStyle: { color: '#0a6b2c' } }
      ]
    });
  });
});
