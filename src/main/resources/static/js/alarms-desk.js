// The alarm desk: live queue over server-sent events, a beep for new and escalated alarms (WebAudio, after one
// click to enable sound), ticking "time since raised", and a backstop refresh every 15 s. The page works without it.
(function () {
  'use strict';

  var audio = null;
  var soundOn = false;

  function enableSound(btn) {
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    if (!audio) audio = new Ctx();
    if (audio.state === 'suspended') audio.resume();
    soundOn = true;
    btn.textContent = btn.getAttribute('data-on');
    btn.classList.remove('btn-warning');
    btn.classList.add('btn-outline-success');
    beep(1);
  }

  // Short two-tone beeps from an oscillator: no audio file.
  function beep(times) {
    if (!soundOn || !audio) return;
    var t = audio.currentTime;
    for (var i = 0; i < times; i++) {
      [880, 660].forEach(function (freq, j) {
        var osc = audio.createOscillator();
        var gain = audio.createGain();
        osc.type = 'square';
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, t);
        gain.gain.exponentialRampToValueAtTime(0.3, t + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.22);
        osc.connect(gain).connect(audio.destination);
        osc.start(t);
        osc.stop(t + 0.25);
        t += 0.25;
      });
      t += 0.15;
    }
  }

  function toast(text) {
    var box = document.getElementById('jl-toasts');
    if (!box || !text) return;
    var el = document.createElement('div');
    el.className = 'alert alert-danger shadow mb-2';
    el.setAttribute('role', 'status');
    el.textContent = text;
    box.appendChild(el);
    setTimeout(function () { el.remove(); }, 8000);
  }

  function refresh(url) {
    var target = document.getElementById('desk-queue');
    if (!target) return;
    if (window.htmx) {
      window.htmx.ajax('GET', url, { target: '#desk-queue', swap: 'outerHTML' });
      return;
    }
    fetch(url, { credentials: 'same-origin', headers: { 'HX-Request': 'true' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) { if (html) target.outerHTML = html; tick(); });
  }

  function pad(n) { return n < 10 ? '0' + n : String(n); }

  // "mm:ss" (or "h:mm:ss") since each alarm was raised.
  function tick() {
    var now = Date.now();
    document.querySelectorAll('.jl-since[data-since]').forEach(function (el) {
      var s = Math.max(0, Math.floor((now - Number(el.getAttribute('data-since'))) / 1000));
      var h = Math.floor(s / 3600);
      var m = Math.floor((s % 3600) / 60);
      el.textContent = (h > 0 ? h + ':' + pad(m) : String(m)) + ':' + pad(s % 60);
    });
  }

  function live() {
    var el = document.getElementById('desk-live');
    if (!el) return;
    var url = el.getAttribute('data-queue-url');
    var pending = null;
    function later() {
      if (pending) clearTimeout(pending);
      pending = setTimeout(function () { pending = null; refresh(url); }, 200);
    }
    setInterval(function () { refresh(url); }, 15000);
    if (!window.EventSource) return;
    var source = new EventSource(el.getAttribute('data-events-url'));
    source.addEventListener('ready', function () {
      el.textContent = el.getAttribute('data-live-on');
      el.classList.remove('text-danger');
      el.setAttribute('data-connected', 'true');
    });
    source.addEventListener('alarm', function (evt) {
      var a = {};
      try { a = JSON.parse(evt.data); } catch (e) { /* keep going */ }
      if (a.forMe) {
        beep(3);
        toast(el.getAttribute('data-for-me').replace('{0}', a.alarmId));
      } else if (a.kind === 'RAISED' || a.kind === 'ESCALATED') {
        beep(2);
        toast(el.getAttribute('data-new-alarm').replace('{0}', a.alarmId));
      }
      later();
    });
    source.onerror = function () {
      el.textContent = el.getAttribute('data-live-off');
      el.classList.add('text-danger');
    };
    window.addEventListener('pagehide', function () { source.close(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var btn = document.getElementById('desk-sound');
    if (btn) btn.addEventListener('click', function () { enableSound(btn); });
    document.body.addEventListener('htmx:afterSwap', tick);
    tick();
    setInterval(tick, 1000);
    live();
  });
})();
