// Staff pages of the demands module. Everything works without this script; it adds the live queue
// (server-sent events), toasts and confirmations.
(function () {
  'use strict';

  function toast(text) {
    var box = document.getElementById('jl-toasts');
    if (!box) return;
    var t = document.createElement('div');
    t.className = 'jl-toast alert alert-info shadow mb-2';
    t.setAttribute('role', 'status');
    t.textContent = text;
    box.appendChild(t);
    setTimeout(function () { t.remove(); }, 8000);
  }

  function refreshList(url) {
    var target = document.getElementById('queue-list');
    if (!target) return;
    if (window.htmx) {
      window.htmx.ajax('GET', url, { target: '#queue-list', swap: 'outerHTML' });
      return;
    }
    fetch(url, { credentials: 'same-origin', headers: { 'HX-Request': 'true' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) { if (html) target.outerHTML = html; });
  }

  function bumpUnread() {
    var badge = document.getElementById('queue-unread');
    var link = document.getElementById('queue-notifications');
    if (!link) return;
    if (!badge) {
      badge = document.createElement('span');
      badge.id = 'queue-unread';
      badge.className = 'badge text-bg-danger';
      badge.textContent = '0';
      link.appendChild(document.createTextNode(' '));
      link.appendChild(badge);
    }
    badge.textContent = String((parseInt(badge.textContent, 10) || 0) + 1);
  }

  function live() {
    var el = document.getElementById('queue-live');
    if (!el || !window.EventSource) return;
    var source = new EventSource(el.getAttribute('data-events-url'));
    var pending = null;
    source.addEventListener('ready', function () {
      el.textContent = el.getAttribute('data-live-on');
      el.classList.remove('text-danger');
    });
    source.addEventListener('notification', function (evt) {
      var n = {};
      try { n = JSON.parse(evt.data); } catch (e) { /* keep going */ }
      if (n.label) toast(n.label);
      bumpUnread();
      // Several notifications at once refresh the list once.
      if (pending) clearTimeout(pending);
      pending = setTimeout(function () { pending = null; refreshList(el.getAttribute('data-list-url')); }, 300);
    });
    source.onerror = function () {
      el.textContent = el.getAttribute('data-live-off');
      el.classList.add('text-danger');
    };
    window.addEventListener('pagehide', function () { source.close(); });
  }

  function confirmations() {
    document.querySelectorAll('form[data-jl-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (evt) {
        if (!window.confirm(form.getAttribute('data-jl-confirm'))) evt.preventDefault();
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    live();
    confirmations();
  });
})();
