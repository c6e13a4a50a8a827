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
