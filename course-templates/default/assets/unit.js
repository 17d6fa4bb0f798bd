/* coursepack — behaviour of a unit page: transcript toggle and search, completion.
 *
 * Talks to the LMS only through window.CoursepackLMS, which a package format may provide
 * (the SCORM runtime does). Without it, the page works on its own and remembers completion in
 * the browser. Every control works with the keyboard; nothing here loads from the network.
 */
(function () {
  'use strict';

  var main = document.querySelector('main.unit');
  if (!main) { return; }
  var unitId = main.getAttribute('data-unit-id') || 'unit';

  /* ---- LMS, or the browser's storage when there is none -------------------------------- */

  function localAdapter() {
    var key = 'coursepack:' + unitId + ':status';
    function read() { try { return window.localStorage.getItem(key) || ''; } catch (e) { return ''; } }
    function write(v) { try { window.localStorage.setItem(key, v); } catch (e) { /* private mode */ } }
    return {
      connected: false,
      status: read,
      complete: function () { write('completed'); return true; }
    };
  }

  var lms = window.CoursepackLMS || localAdapter();

  /* ---- completion ------------------------------------------------------------------------ */

  var doneButton = document.getElementById('mark-done');
  var doneStatus = document.getElementById('completion-status');

  function isDone(status) {
    return status === 'completed' || status === 'passed';
  }

  function showDone(announce) {
    if (!doneButton) { return; }
    doneButton.setAttribute('aria-pressed', 'true');
    doneButton.disabled = true;
    doneButton.textContent = 'Unité terminée';
    if (doneStatus && announce) {
      doneStatus.textContent = lms.connected
        ? 'C’est noté : l’unité est marquée comme terminée.'
        : 'C’est noté sur cet appareil : l’unité est marquée comme terminée.';
    }
  }

  function complete() {
    if (lms.complete()) { showDone(true); }
  }

  if (doneButton) {
    doneButton.hidden = false;
    if (isDone(lms.status())) { showDone(false); }
    doneButton.addEventListener('click', complete);
  }

  /* A local video watched to its end counts as having gone through the unit. */
  var video = document.querySelector('video.video-file');
  if (video) { video.addEventListener('ended', complete); }

  /* ---- transcript: show / hide ------------------------------------------------------------ */

  var toggle = document.querySelector('.transcript .toggle');
  var body = document.getElementById('transcript-body');
  if (toggle && body) {
    toggle.hidden = false;
    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
      toggle.textContent = open ? 'Afficher la transcription' : 'Masquer la transcription';
      body.hidden = open;
    });
  }

  /* ---- transcript: search (case and accents ignored) --------------------------------------- */

  var search = document.querySelector('.transcript .search');
  var input = document.getElementById('transcript-search');
  var count = document.querySelector('.transcript .search-count');
  var sentences = Array.prototype.slice.call(document.querySelectorAll('.transcript .sentence'));
  var originals = sentences.map(function (s) { return s.textContent; });
  var marks = [];
  var current = -1;
  var timer = null;

  /* Folds each character on its own, so that positions in the folded text map back. */
  function fold(text) {
    var out = '';
    var map = [];
    for (var i = 0; i < text.length; i++) {
      var f = text.charAt(i).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      if (text.charAt(i) === '\u2019') { f = '\''; }
      for (var k = 0; k < f.length; k++) { out += f.charAt(k); map.push(i); }
    }
    map.push(text.length);
    return { text: out, map: map };
  }

  function highlight(query) {
    marks = [];
    current = -1;
    var q = fold(query.trim()).text;
    sentences.forEach(function (el, n) {
      var text = originals[n];
      el.textContent = text;
      if (!q) { return; }
      var folded = fold(text);
      var from = 0;
      var pieces = [];
      var at;
      while ((at = folded.text.indexOf(q, from)) >= 0) {
        pieces.push([folded.map[at], folded.map[at + q.length]]);
        from = at + q.length;
      }
      if (!pieces.length) { return; }
      el.textContent = '';
      var last = 0;
      pieces.forEach(function (p) {
        el.appendChild(document.createTextNode(text.slice(last, p[0])));
        var m = document.createElement('mark');
        m.textContent = text.slice(p[0], p[1]);
        el.appendChild(m);
        marks.push(m);
        last = p[1];
      });
      el.appendChild(document.createTextNode(text.slice(last)));
    });
    if (!count) { return; }
    if (!q) {
      count.textContent = '';
    } else if (!marks.length) {
      count.textContent = 'Aucun passage trouvé.';
    } else {
      count.textContent = marks.length === 1
        ? '1 passage trouvé.'
        : marks.length + ' passages trouvés. Entrée : passage suivant.';
    }
  }

  function next() {
    if (!marks.length) { return; }
    if (current >= 0) { marks[current].classList.remove('current'); }
    current = (current + 1) % marks.length;
    marks[current].classList.add('current');
    marks[current].scrollIntoView({ block: 'center' });
  }

  if (search && input && sentences.length) {
    search.hidden = false;
    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { highlight(input.value); }, 150);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        e.preventDefault();
        window.clearTimeout(timer);
        if (current < 0) { highlight(input.value); }
        next();
      } else if (e.key === 'Escape') {
        input.value = '';
        highlight('');
      }
    });
  }
})();
