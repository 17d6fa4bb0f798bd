/* coursepack preview: with --watch, reloads the page when the course has been built again. */
(function () {
  'use strict';
  var version = document.body.getAttribute('data-version');
  function poll() {
    fetch('/_preview/version', { cache: 'no-store' })
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (v.trim() !== version) { window.location.reload(); } else { window.setTimeout(poll, 1000); }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  if (document.body.hasAttribute('data-watch')) { window.setTimeout(poll, 1000); }
})();
