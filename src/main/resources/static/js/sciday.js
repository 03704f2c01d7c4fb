// SciDay progressive enhancements. Every page works without this file.
(function () {
  'use strict';
  // Move focus to the main landmark when the skip link is used (some browsers keep it on the link).
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('a.skip-link');
    if (!link) { return; }
    var main = document.getElementById('main');
    if (main) { main.focus(); }
  });
})();
