/* coursepack — behaviour of a unit page: quiz, transcript toggle and search, completion.
 *
 * Talks to the LMS only through window.CoursepackLMS, which a package format may provide
 * (the SCORM runtime does). Without it, the page works on its own and remembers completion in
 * the browser. Every control works with the keyboard; nothing here loads from the network.
 */

/* ---- quiz draw: which questions of the bank an attempt asks, and the attempt as kept in
 * cmi.suspend_data. No DOM and no Math.random: the same unit and attempt draw the same questions
 * in every browser, and src/test/js runs this part under Node. ---------------------------------- */
(function (root) {
  'use strict';

  /* mulberry32: a small seeded PRNG, enough to shuffle a bank. */
  function mulberry32(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6D2B79F5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /* FNV-1a of the unit id and the attempt number: each attempt of each unit has its own seed, so
     that a retry draws other questions and the suspend data need not hold the seed. */
  function seedOf(unitId, attempt) {
    var text = String(unitId) + '#' + attempt;
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  }

  function shuffle(list, random) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var t = list[i]; list[i] = list[j]; list[j] = t;
    }
    return list;
  }

  /* The bank indices an attempt asks, in bank order. The first attempt asks the blueprint, the
     bank's first drawCount questions; a later one draws first among the questions the previous
     attempt did not ask, then among the others. */
  function draw(bankSize, drawCount, attempt, previous, unitId) {
    var count = Math.max(0, Math.min(drawCount, bankSize));
    var all = [];
    for (var i = 0; i < bankSize; i++) { all.push(i); }
    if (attempt <= 1 || count >= bankSize) { return all.slice(0, count); }
    var random = mulberry32(seedOf(unitId, attempt));
    var asked = {};
    (previous || []).forEach(function (k) { asked[k] = true; });
    var fresh = all.filter(function (k) { return !asked[k]; });
    var again = all.filter(function (k) { return asked[k]; });
    return shuffle(fresh, random).concat(shuffle(again, random)).slice(0, count)
      .sort(function (x, y) { return x - y; });
  }

  /* cmi.suspend_data: "2:" attempt (base 36) ":" the drawn questions as a bit mask of the bank in
     hexadecimal (question 4k+j is bit j of digit k) ":" one answer token per drawn question, in
     bank order, comma-separated: "-" unanswered, else one character a value ("v", "f", "2", or
     one per pair of a matching question), e.g. "2:3:2132:2,v,0-21,-,f". The mask of a 20-question
     bank takes 5 digits, so that even a draw of 20 five-pair matching questions at the 46,655th
     attempt takes 131 characters, far under SCORM 1.2's 4,096. The seed is not kept: it follows
     from the unit and the attempt number. */
  function encode(state) {
    var digits = [0];
    state.drawn.forEach(function (i) {
      while (digits.length <= (i >> 2)) { digits.push(0); }
      digits[i >> 2] |= 1 << (i & 3);
    });
    var tokens = state.answers.map(function (a) {
      if (Array.isArray(a)) { return a.map(function (v) { return v === null || v === '' ? '-' : v; }).join(''); }
      return a === null || a === '' ? '-' : a;
    });
    return '2:' + state.attempt.toString(36) + ':'
      + digits.map(function (d) { return d.toString(16); }).join('') + ':' + tokens.join(',');
  }

  /* The attempt kept in the suspend data, or null when it is not one of this bank (a package
     rebuilt with another quiz starts afresh). Reads the "1:" answers of pages that asked the
     whole quiz. */
  function decode(text, bankSize, drawCount) {
    var count = Math.min(drawCount, bankSize);
    if (typeof text !== 'string') { return null; }
    if (text.indexOf('1:') === 0) {
      var old = text.substring(2).split(',');
      if (count !== bankSize || old.length !== bankSize
          || !old.every(function (a) { return /^[0-9a-z-]+$/.test(a); })) {
        return null;
      }
      return { attempt: 1, drawn: draw(bankSize, count, 1, [], ''), answers: old };
    }
    var m = /^2:([0-9a-z]{1,6}):([0-9a-f]+):(.*)$/.exec(text);
    if (!m) { return null; }
    var drawn = [];
    for (var k = 0; k < m[2].length; k++) {
      var d = parseInt(m[2].charAt(k), 16);
      for (var j = 0; j < 4; j++) {
        if (d & (1 << j)) { drawn.push(4 * k + j); }
      }
    }
    var answers = m[3] === '' ? [] : m[3].split(',');
    if (drawn.length !== count || answers.length !== count || drawn[drawn.length - 1] >= bankSize
        || !answers.every(function (a) { return /^[0-9a-z-]+$/.test(a); })) {
      return null;
    }
    var attempt = parseInt(m[1], 36);
    return attempt >= 1 ? { attempt: attempt, drawn: drawn, answers: answers } : null;
  }

  root.CoursepackQuizDraw = {
    mulberry32: mulberry32, seedOf: seedOf, draw: draw, encode: encode, decode: decode
  };
})(window);

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
      },
      saveState: function (state) { write('state', state); return true; }
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


  /* ---- quiz: each attempt's questions, checked in the page; the result goes to the LMS ------- */

  var quizElement = document.getElementById('quiz-data');
  var form = document.querySelector('.quiz-form');
  var draws = window.CoursepackQuizDraw;
  var quiz = null;
  if (quizElement && form && draws) {
    try { quiz = JSON.parse(quizElement.textContent); } catch (e) { quiz = null; }
  }

  if (quiz && form) {
    /* One fieldset per question of the bank, in bank order; an attempt shows its drawn ones. */
    var fieldsets = Array.prototype.slice.call(form.querySelectorAll('fieldset.question'));
    var submitButton = form.querySelector('button[type=submit]');
    var retryButton = form.querySelector('button.retry');
    var resultLine = form.querySelector('.quiz-result');
    var bankSize = Math.min(quiz.questions.length, fieldsets.length);
    /* Quiz data written before banks had no drawCount: every question is asked. */
    var drawCount = Math.min(quiz.drawCount > 0 ? quiz.drawCount : bankSize, bankSize);
    var attempt = 1;
    var drawn = [];

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

    var allAnswered = function () {
      return drawn.every(function (i) { return isAnswered(answerOf(i)); });
    };

    /* Shows the attempt's questions, numbered 1..drawCount as the learner reads them. */
    var show = function (indices) {
      drawn = indices;
      var on = {};
      indices.forEach(function (i, k) {
        on[i] = true;
        var number = fieldsets[i].querySelector('.question-number');
        if (number) { number.textContent = 'Question ' + (k + 1) + '.'; }
      });
      fieldsets.forEach(function (fs, i) { fs.hidden = !on[i]; });
    };

    var encode = function () {
      return draws.encode({ attempt: attempt, drawn: drawn, answers: drawn.map(answerOf) });
    };

    var restore = function (text) {
      var state = draws.decode(text, bankSize, drawCount);
      if (!state) { return false; }
      attempt = state.attempt;
      show(state.drawn);
      state.answers.forEach(function (token, k) {
        var fs = fieldsets[state.drawn[k]];
        if (quiz.questions[state.drawn[k]].kind === 'matching') {
          Array.prototype.forEach.call(fs.querySelectorAll('select'), function (s, n) {
            var v = token.charAt(n);
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

    /* What the LMS records of an answered question (cmi.interactions): the question's id, its
       type, the learner's response and the right one as option identifiers, the result. Quiz
       data written before interactions has no type: nothing is recorded for it. */
    var interactionOf = function (q, a, ok, fs) {
      if (!q.interaction) { return null; }
      var ids = q.responses || [];
      var response;
      var correct;
      if (q.interaction === 'matching') {
        var pairs = function (values) {
          return values.map(function (v, k) { return q.sources[k] + '.' + ids[+v]; }).join(',');
        };
        response = pairs(a);
        correct = pairs(q.answer);
      } else if (q.interaction === 'true-false') {
        response = a === 'v' ? 'true' : 'false';
        correct = q.answer === 'v' ? 'true' : 'false';
      } else {
        response = ids[+a];
        correct = ids[+q.answer];
      }
      /* The question as the learner read it, without its number, for the LMS's reports. */
      var legend = fs.querySelector('legend');
      var number = legend && legend.querySelector('.question-number');
      var stem = legend ? legend.textContent.substring(number ? number.textContent.length : 0) : '';
      return { id: q.id, type: q.interaction, response: response, correct: correct,
        result: ok ? 'correct' : 'incorrect', description: stem.replace(/\s+/g, ' ').trim() };
    };

    var interactions = [];

    /* Grades the attempt's questions; returns the score in percent. */
    var grade = function () {
      var total = 0;
      interactions = [];
      var record = function (q, a, ok, fs) {
        var it = interactionOf(q, a, ok, fs);
        if (it) { interactions.push(it); }
      };
      drawn.forEach(function (i) {
        var q = quiz.questions[i];
        var a = answerOf(i);
        var fs = fieldsets[i];
        if (q.kind === 'matching') {
          var right = 0;
          a.forEach(function (v, k) { if (v === q.answer[k]) { right++; } });
          total += right / a.length;
          record(q, a, right === a.length, fs);
          showFeedback(fs, right === a.length,
            right === a.length ? 'Toutes les paires sont justes.' : right + ' paire' + (right > 1 ? 's' : '') + ' juste' + (right > 1 ? 's' : '') + ' sur ' + a.length + '.',
            q.feedback);
        } else {
          var ok = a === q.answer;
          if (ok) { total += 1; }
          record(q, a, ok, fs);
          showFeedback(fs, ok, ok ? 'Bonne réponse.' : 'Réponse incorrecte. La bonne réponse : ' + q.answerText + '.', q.feedback);
        }
      });
      return Math.round(100 * total / drawn.length);
    };

    var finish = function (score, report) {
      var passed = score >= quiz.passMark;
      if (report && lms.quizResult) {
        lms.quizResult(score, passed, encode(),
          { passMark: quiz.passMark, interactions: interactions });
      }
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

    var firstControl = function (fs) { return fs ? fs.querySelector('input, select') : null; };

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var missing = [];
      drawn.forEach(function (i) {
        var fs = fieldsets[i];
        fs.classList.remove('unanswered');
        if (!isAnswered(answerOf(i))) { missing.push(fs); fs.classList.add('unanswered'); }
      });
      if (missing.length) {
        resultLine.textContent = missing.length === 1
          ? 'Une question est sans réponse : répondez-y avant de valider.'
          : missing.length + ' questions sont sans réponse : répondez-y avant de valider.';
        var first = firstControl(missing[0]);
        if (first) { first.focus(); }
        return;
      }
      finish(grade(), true);
    });

    /* A new attempt draws its questions, those the last one did not ask first, and is kept at
       once, so that a relaunch comes back to the same questions. */
    retryButton.addEventListener('click', function () {
      form.reset();
      fieldsets.forEach(function (fs) {
        fs.classList.remove('correct', 'incorrect', 'unanswered');
        var box = fs.querySelector('.feedback');
        box.hidden = true;
        box.textContent = '';
      });
      var previous = drawn;
      attempt++;
      show(draws.draw(bankSize, drawCount, attempt, previous, unitId));
      if (lms.saveState) { lms.saveState(encode()); }
      setEnabled(true);
      resultLine.textContent = '';
      if (drawCount < bankSize) {
        var fresh = drawn.filter(function (i) { return previous.indexOf(i) < 0; }).length;
        resultLine.textContent = 'Nouveau tirage : ' + (fresh === drawn.length
          ? drawn.length + ' nouvelles questions.'
          : drawn.length + ' questions, dont ' + fresh + (fresh > 1 ? ' nouvelles.' : ' nouvelle.'));
      }
      retryButton.hidden = true;
      submitButton.hidden = false;
      var first = firstControl(fieldsets[drawn[0]]);
      if (first) { first.focus(); }
    });

    /* Coming back to the unit: the same attempt, its answers shown with their correction. The
       first attempt asks the blueprint. */
    var saved = lms.state ? lms.state() : '';
    if (!restore(saved)) {
      show(draws.draw(bankSize, drawCount, 1, [], unitId));
    } else if (allAnswered()) {
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
