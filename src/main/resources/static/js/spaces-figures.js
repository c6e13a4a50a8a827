// The spaces' figures chart: each space's utilisation and check-in rate in percent (bars), from the JSON in the
// chart element's data-chart attribute. The tables carry every figure without it.
document.addEventListener('DOMContentLoaded', function () {
  window.jinlinChart('spaces-figures-chart', function (data, style, el) {
    function of(key) { return data.map(function (s) { return s[key]; }); }
    return Object.assign({}, style.base, {
      xAxis: { type: 'category', data: of('name'), axisLabel: { fontSize: style.font, interval: 0, rotate: data.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', max: 100, axisLabel: { fontSize: style.font, formatter: '{value}%' } },
      series: [
        { name: el.getAttribute('data-label-utilisation'), type: 'bar', data: of('utilisation'), itemStyle: { color: '#1f5fa8' } },
        { name: el.getAttribute('data-label-check-in'), type: 'bar', data: of('checkIn'), itemStyle: { color: '#0a6b2c' } }
      ]
    });
  });
});
