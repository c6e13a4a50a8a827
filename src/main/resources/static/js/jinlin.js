// Small progressive enhancements; every page works without JavaScript.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-jl-toggle]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var target = document.querySelector(btn.getAttribute('data-jl-toggle'));
      if (!target) return;
      var open = target.classList.toggle('show');
      btn.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  });
});
// htmx requests carry the CSRF token from the page's meta tags.
document.addEventListener('htmx:configRequest', function (evt) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) evt.detail.headers[header.content] = token.content;
});
// Charts (ECharts) from an element's data-chart attribute, drawn the same way on every page: build(data, style, el)
// returns the chart's options; style.font and style.large follow 长辈模式 and style.base holds the common text,
// tooltip, legend and grid options. Without ECharts, or on bad data, nothing is drawn: the tables on the pages
// carry every figure.
window.jinlinChart = function (id, build) {
  var el = document.getElementById(id);
  if (!el || !window.echarts || !el.getAttribute('data-chart')) return;
  var large = document.documentElement.classList.contains('age-friendly');
  var font = large ? 16 : 12;
  var style = {
    large: large, font: font,
    base: {
      textStyle: { fontSize: font }, tooltip: { trigger: 'axis' }, legend: { top: 0, textStyle: { fontSize: font } },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true }
    }
  };
  try {
    var chart = window.echarts.init(el);
    chart.setOption(build(JSON.parse(el.getAttribute('data-chart')), style, el));
    window.addEventListener('resize', function () { chart.resize(); });
  } catch (e) { /* the tables still show every figure */ }
};
