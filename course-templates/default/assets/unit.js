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
    var prefix = 'coursepack:' + unitId + ':';
    function read(k) { try { return window.localStorage.getItem(prefix + k) || ''; } catch (e) { return ''; } }
    function write(k, v) { try { window.localStorage.setItem(prefix + k, v); } catch (e) { /* private mode */ } }
    return {
      connected: false,
      status: function () { return read('status'); },
      state: function () { return read('state'); },
      complete: function () { write('status', 'completed'); return true; },
      best: function () { var b = parseFloat(read('best')); return isNaN(b) ? -1 : b; },
      quizResult: function (score, passed, state) {
        if (read('status') !== 'passed') { write('status', passed ? 'passed' : 'failed'); }
        if (!(parseFloat(read('best')) >= score)) { write('best', String(score)); }
        write('state', state);
        return true;
      }
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


  /* ---- quiz: checked in the page; the result goes to the LMS ------------------------------ */

  var quizElement = document.getElementById('quiz-data');
  var form = document.querySelector('.quiz-form');
  var quiz = null;
  if (quizElement && form) {
    try { quiz = JSON.parse(quizElement.textContent); } catch (e) { quiz = null; }
  }

  if (quiz && form) {
    var fieldsets = Array.prototype.slice.call(form.querySelectorAll('fieldset.question'));
    var submitButton = form.querySelector('button[type=submit]');
    var retryButton = form.querySelector('button.retry');
    var resultLine = form.querySelector('.quiz-result');

    var answerOf = function (i) {
      var fs = fieldsets[i];
      if (quiz.questions[i].kind === 'matching') {
        return Array.prototype.map.call(fs.querySelectorAll('select'), function (s) { return s.value || null; });
      }
      var checked = fs.querySelector('input:checked');
      return checked ? checked.value : null;
    };

    var isAnswered = function (a) {
      return Array.isArray(a) ? a.every(function (v) { return v !== null; }) : a !== null;
    };

    /* Compact state for cmi.suspend_data: "1:" then one token a question, one character a value. */
    var encode = function () {
      return '1:' + fieldsets.map(function (fs, i) {
        var a = answerOf(i);
        if (Array.isArray(a)) { return a.map(function (v) { return v === null ? '-' : v; }).join(''); }
        return a === null ? '-' : a;
      }).join(',');
    };

    var restore = function (state) {
      if (!state || state.indexOf('1:') !== 0) { return false; }
      var tokens = state.substring(2).split(',');
      if (tokens.length !== fieldsets.length) { return false; }
      tokens.forEach(function (token, i) {
        var fs = fieldsets[i];
        if (quiz.questions[i].kind === 'matching') {
          Array.prototype.forEach.call(fs.querySelectorAll('select'), function (s, k) {
            var v = token.charAt(k);
            s.value = v && v !== '-' ? v : '';
          });
        } else if (token !== '-') {
          var input = fs.querySelector('input[value="' + token + '"]');
          if (input) { input.checked = true; }
        }
      });
      return true;
    };

    var setEnabled = function (on) {
      Array.prototype.forEach.call(form.querySelectorAll('input, select'), function (el) { el.disabled = !on; });
    };

    var showFeedback = function (fs, ok, verdict, text) {
      fs.classList.remove('correct', 'incorrect', 'unanswered');
      fs.classList.add(ok ? 'correct' : 'incorrect');
      var box = fs.querySelector('.feedback');
      box.textContent = '';
      var v = document.createElement('p');
      v.className = 'verdict';
      v.textContent = verdict;
      var t = document.createElement('p');
      t.textContent = text;
      box.appendChild(v);
      box.appendChild(t);
      box.hidden = false;
    };

    /* Grades every question; returns the score in percent. */
    var grade = function () {
      var total = 0;
      quiz.questions.forEach(function (q, i) {
        var a = answerOf(i);
        var fs = fieldsets[i];
        if (q.kind === 'matching') {
          var right = 0;
          a.forEach(function (v, k) { if (v === q.answer[k]) { right++; } });
          total += right / a.length;
          showFeedback(fs, right === a.length,
            right === a.length ? 'Toutes les paires sont justes.' : right + ' paire' + (right > 1 ? 's' : '') + ' juste' + (right > 1 ? 's' : '') + ' sur ' + a.length + '.',
            q.feedback);
        } else {
          var ok = a === q.answer;
          if (ok) { total += 1; }
          showFeedback(fs, ok, ok ? 'Bonne réponse.' : 'Réponse incorrecte. La bonne réponse : ' + q.answerText + '.', q.feedback);
        }
      });
      return Math.round(100 * total / quiz.questions.length);
    };

    var finish = function (score, report) {
      var passed = score >= quiz.passMark;
      if (report && lms.quizResult) { lms.quizResult(score, passed, encode()); }
      /* The LMS keeps the best try; a weaker one must not read as if the pass were lost. */
      var best = lms.best ? lms.best() : -1;
      var keptPass = !passed && lms.status && lms.status() === 'passed';
      resultLine.textContent = 'Votre score : ' + score + ' %. ' + (passed
        ? 'Quiz réussi.'
        : keptPass
          ? 'Le quiz reste réussi : votre meilleur score' + (best > score ? ' (' + best + ' %)' : '') + ' est conservé.'
          : 'Il faut ' + quiz.passMark + ' % pour réussir : relisez les réponses et recommencez.');
      setEnabled(false);
      submitButton.hidden = true;
      retryButton.hidden = false;
    };

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var missing = [];
      fieldsets.forEach(function (fs, i) {
        fs.classList.remove('unanswered');
        if (!isAnswered(answerOf(i))) { missing.push(fs); fs.classList.add('unanswered'); }
      });
      if (missing.length) {
        resultLine.textContent = missing.length === 1
          ? 'Une question est sans réponse : répondez-y avant de valider.'
          : missing.length + ' questions sont sans réponse : répondez-y avant de valider.';
        var first = missing[0].querySelector('input, select');
        if (first) { first.focus(); }
        return;
      }
      finish(grade(), true);
    });

    retryButton.addEventListener('click', function () {
      form.reset();
      fieldsets.forEach(function (fs) {
        fs.classList.remove('correct', 'incorrect', 'unanswered');
        var box = fs.querySelector('.feedback');
        box.hidden = true;
        box.textContent = '';
      });
      setEnabled(true);
      resultLine.textContent = '';
      retryButton.hidden = true;
      submitButton.hidden = false;
      var first = form.querySelector('input, select');
      if (first) { first.focus(); }
    });

    /* Coming back to the unit: the last answers are shown with their correction. */
    var saved = lms.state ? lms.state() : '';
    if (restore(saved) && fieldsets.every(function (fs, i) { return isAnswered(answerOf(i)); })) {
      finish(grade(), false);
    }
  }

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
