// A survey's importance–performance matrix: each scored item a point (importance = its share of the weights,
// performance = its mean score 0–100), the crosshairs at the mean importance and mean performance split the quadrants.
document.addEventListener('DOMContentLoaded', function () {
  window.jinlinChart('survey-matrix', function (data, style, el) {
    var colours = { KEEP: '#2e7d32', IMPROVE: '#b3261e', LOW_PRIORITY: '#6d6d6d', POSSIBLE_OVERKILL: '#1f5fa8' };
    return Object.assign({}, style.base, {
      tooltip: { trigger: 'item', formatter: function (p) { return p.data.name + '<br>' + p.data.value[0] + ' / ' + p.data.value[1]; } },
      legend: { show: false },
      xAxis: { type: 'value', name: el.getAttribute('data-label-importance'), nameLocation: 'middle', nameGap: 28, axisLabel: { fontSize: style.font } },
      yAxis: { type: 'value', name: el.getAttribute('data-label-performance'), min: 0, max: 100, axisLabel: { fontSize: style.font } },
      series: [{
        type: 'scatter', symbolSize: style.large ? 18 : 12,
        data: data.points.map(function (p) {
          return { name: p.name, value: [p.importance, p.performance], itemStyle: { color: colours[p.quadrant] } };
        }),
        label: { show: true, position: 'right', fontSize: style.font, formatter: function (p) { return p.data.name.split('.')[0]; } },
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#999' },
          data: [{ xAxis: data.meanImportance }].concat(data.meanPerformance == null ? [] : [{ yAxis: data.meanPerformance }]) }
      }]
    });
  });
});
