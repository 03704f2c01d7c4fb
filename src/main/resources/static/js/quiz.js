// Quiz countdown: shows the time left before the server's deadline. The page states the deadline in words too,
// so this is never the only cue; screen readers hear it politely, once a minute and in the last 30 seconds.
(function () {
  'use strict';
  var box = document.getElementById('quiz-countdown');
  var live = document.getElementById('quiz-announce');
  if (!box || !live) { return; }
  // Count from the seconds the server says are left, so that a wrong clock on the phone does not matter.
  var deadline = Date.now() + 1000 * Number(box.getAttribute('data-seconds-left'));
  var text = box.querySelector('.quiz-countdown-text');
  var label = box.getAttribute('data-label') || '';
  var over = box.getAttribute('data-over') || '';
  var minutesWord = box.getAttribute('data-minutes') || '';
  var lastSpoken = null;
  box.hidden = false;
  function pad(n) { return n < 10 ? '0' + n : String(n); }
  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    var m = Math.floor(left / 60);
    var s = left % 60;
    text.textContent = left > 0 ? label + ' ' + pad(m) + ':' + pad(s) : over;
    var speak = null;
    if (left === 0) {
      speak = over;
    } else if (left === 30) {
      speak = label + ' 00:30';
    } else if (s === 0 && m > 0) {
      speak = minutesWord.replace('{0}', String(m));
    }
    if (speak && speak !== lastSpoken) {
      live.textContent = speak;
      lastSpoken = speak;
    }
    if (left > 0) { window.setTimeout(tick, 1000); }
  }
  tick();
})();
