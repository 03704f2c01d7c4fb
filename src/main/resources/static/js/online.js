// 云上科普日 forms: a file over the size limit is refused as soon as it is chosen, not after a long upload.
// Without JavaScript the server refuses it with the same message's meaning; the server always checks.
(function () {
  'use strict';
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
    var note = document.getElementById(input.id + '-size');
    input.addEventListener('change', function () {
      var max = Number(input.getAttribute('data-max-bytes'));
      var file = input.files && input.files[0];
      if (note && file && max > 0 && file.size > max) {
        note.textContent = input.getAttribute('data-too-big');
        note.hidden = false;
        input.value = '';
        input.setAttribute('aria-invalid', 'true');
      } else if (note) {
        note.hidden = true;
        note.textContent = '';
        input.removeAttribute('aria-invalid');
      }
    });
  });
})();
