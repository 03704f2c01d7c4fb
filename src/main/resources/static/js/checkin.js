// Check-in by camera where the browser can read QR codes (BarcodeDetector); typing the code always works.
(function () {
  'use strict';
  var start = document.getElementById('scan-start');
  var video = document.getElementById('scan-video');
  var unsupported = document.getElementById('scan-unsupported');
  var form = document.getElementById('checkin-form');
  var input = document.getElementById('code');
  if (!start || !('BarcodeDetector' in window) || !navigator.mediaDevices) { return; }
  unsupported.hidden = true;
  start.hidden = false;
  start.addEventListener('click', function () {
    var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
      video.srcObject = stream;
      video.hidden = false;
      video.play();
      var scan = function () {
        detector.detect(video).then(function (codes) {
          if (codes.length > 0) {
            stream.getTracks().forEach(function (t) { t.stop(); });
            input.value = codes[0].rawValue;
            form.submit();
          } else {
            window.requestAnimationFrame(scan);
          }
        }).catch(function () { window.requestAnimationFrame(scan); });
      };
      scan();
    }).catch(function () { unsupported.hidden = false; start.hidden = true; });
  });
})();
