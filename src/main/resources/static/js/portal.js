// Public portal enhancements. Every page works without this file: filters are a plain GET form, pages are links.
(function () {
  'use strict';

  // ---- activity list: apply a filter as soon as a choice changes (htmx swaps the results in place) ----------
  document.addEventListener('change', function (e) {
    var form = e.target.closest && e.target.closest('form[data-autosubmit]');
    if (!form || !e.target.matches('select, input[type=checkbox]')) { return; }
    if (typeof form.requestSubmit === 'function') { form.requestSubmit(); } else { form.submit(); }
  });

  // After a page link replaced the results, move focus to their heading so that keyboard and screen reader
  // users continue from the top of the new page.
  var pagerUsed = false;
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('.pager a')) { pagerUsed = true; }
  });
  document.body.addEventListener('htmx:afterSettle', function () {
    if (!pagerUsed) { return; }
    pagerUsed = false;
    var heading = document.getElementById('results-title');
    if (heading) { heading.focus(); heading.scrollIntoView({block: 'start'}); }
  });

  // ---- calendar: arrow keys move between the days that have activities ----------------------------------------
  document.querySelectorAll('table[data-calendar]').forEach(function (table) {
    var cells = Array.prototype.slice.call(table.querySelectorAll('tbody td'));
    table.addEventListener('keydown', function (e) {
      var steps = {ArrowRight: 1, ArrowLeft: -1, ArrowDown: 7, ArrowUp: -7}[e.key];
      var link = e.target.closest('a');
      if (!steps || !link) { return; }
      var i = cells.indexOf(link.closest('td'));
      for (var j = i + steps; j >= 0 && j < cells.length; j += steps) {
        var next = cells[j].querySelector('a');
        if (next) { next.focus(); e.preventDefault(); return; }
      }
    });
  });

  // ---- read aloud: the browser's speech synthesis, started and stopped by the reader, never on its own --------
  var KEY = 'sciday-read-aloud';
  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (err) { return null; }
  }
  function store(value) {
    try { window.localStorage.setItem(KEY, value); } catch (err) { /* private mode: not remembered */ }
  }
  function chunks(text) {
    var parts = text.replace(/\s+/g, ' ').split(/(?<=[。！？；!?;.])\s*/);
    var out = [];
    var current = '';
    parts.forEach(function (p) {
      if ((current + p).length > 180 && current) { out.push(current); current = ''; }
      current += p;
    });
    if (current.trim()) { out.push(current); }
    return out;
  }
  function voiceFor(lang) {
    var voices = window.speechSynthesis.getVoices() || [];
    var exact = voices.filter(function (v) { return v.lang && v.lang.replace('_', '-') === lang; });
    if (exact.length) { return exact[0]; }
    var prefix = lang.split('-')[0];
    var near = voices.filter(function (v) { return v.lang && v.lang.indexOf(prefix) === 0; });
    return near.length ? near[0] : null;
  }

  document.querySelectorAll('[data-read-aloud]').forEach(function (box) {
    if (!('speechSynthesis' in window) || typeof window.SpeechSynthesisUtterance !== 'function') { return; }
    var start = box.querySelector('[data-read-start]');
    var stop = box.querySelector('[data-read-stop]');
    var toggle = box.querySelector('[data-read-switch]');
    var target = document.querySelector(box.getAttribute('data-read-target')) || document.getElementById('main');
    var lang = document.documentElement.lang === 'en' ? 'en-US' : 'zh-CN';

    function reading(on) {
      start.hidden = on;
      stop.hidden = !on;
      if (on) { stop.focus(); } else if (document.activeElement === stop || !document.activeElement) { start.focus(); }
    }
    function enabled(on) {
      toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
      if (!on) { window.speechSynthesis.cancel(); stop.hidden = true; }
      start.hidden = !on;
    }

    start.addEventListener('click', function () {
      window.speechSynthesis.cancel();
      var clone = target.cloneNode(true);
      clone.querySelectorAll('[data-read-aloud], script, [aria-hidden=true]').forEach(function (n) { n.remove(); });
      var parts = chunks(clone.innerText || clone.textContent || '');
      var voice = voiceFor(lang);
      parts.forEach(function (text, index) {
        var u = new window.SpeechSynthesisUtterance(text);
        u.lang = lang;
        if (voice) { u.voice = voice; }
        if (index === parts.length - 1) { u.onend = function () { reading(false); }; }
        u.onerror = function () { reading(false); };
        window.speechSynthesis.speak(u);
      });
      reading(true);
    });
    stop.addEventListener('click', function () {
      window.speechSynthesis.cancel();
      reading(false);
    });
    toggle.addEventListener('click', function () {
      var on = toggle.getAttribute('aria-pressed') !== 'true';
      store(on ? 'on' : 'off');
      enabled(on);
    });
    window.addEventListener('pagehide', function () { window.speechSynthesis.cancel(); });

    box.hidden = false;
    enabled(stored() !== 'off');
  });
})();
