// The consultation figures' charts: topics by source, stacked by stage, and residents' satisfaction, from the JSON in
// the chart elements' data-chart attribute. The tiles and the table carry every figure without them.
document.addEventListener('DOMContentLoaded', function () {
  window.jinlinChart('figures-chart', function (data, style) {
    return Object.assign({}, style.base, {
      xAxis: { type: 'category', data: data.sources, axisLabel: { fontSize: style.font } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: style.font } },
      series: data.statuses.map(function (s) { return { name: s.name, type: 'bar', stack: 'topics', data: s.data }; })
    });
  });
  window.jinlinChart('figures-satisfaction-chart', function (data, style) {
    return Object.assign({}, style.base, {
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '65%'], top: 30, data: data.ratings,
                 label: { fontSize: style.font } }]
    });
  });
});
