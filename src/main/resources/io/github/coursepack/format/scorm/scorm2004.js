/* coursepack — SCORM 2004 (4th edition) runtime of a unit (one SCO).
 *
 * The same contract as scorm12.js (window.CoursepackLMS for unit.js), spoken to API_1484_11 as
 * Moodle's player (mod/scorm/datamodels/scorm_13.js) expects (FORMATS.md §2.3):
 *  - finds API_1484_11 by walking window.parent, then the opener's chain, never across origins;
 *  - calls Initialize("") once; a page reloaded inside a live session (error 103) is accepted;
 *  - on first launch sets cmi.completion_status "incomplete" and cmi.progress_measure 0;
 *  - sets cmi.completion_status and cmi.success_status itself: Moodle never derives success
 *    from a passing score (the property it checks is misspelt in every version);
 *  - a unit without quiz is "completed" (progress 1) when unit.js says the learner went through
 *    it; a quiz attempt sets cmi.score.raw/min/max (0–100) and cmi.score.scaled (raw / 100), the
 *    best of the attempts, cmi.success_status "passed" or "failed" ("passed" is never taken
 *    back), cmi.completion_status "completed" once passed, cmi.progress_measure the best
 *    score's share of the pass mark, and one cmi.interactions.n per answered question (id, type,
 *    description, correct pattern, learner response, result, timestamp) after those already
 *    recorded;
 *  - keeps the attempt in cmi.suspend_data (at most 64,000 characters);
 *  - commits after each change and when the page is hidden; on "pagehide" writes
 *    cmi.session_time (an ISO 8601 duration) and cmi.exit ("suspend" while the unit is not
 *    done, so the learner resumes there; "normal" once it is), commits and calls Terminate once;
 *  - without an LMS, does nothing and lets the page work on its own.
 */
(function () {
  'use strict';

  var MAX_DEPTH = 500;

  function apiIn(win) {
    var depth = 0;
    try {
      while (win && depth <= MAX_DEPTH) {
        if (win.API_1484_11 && typeof win.API_1484_11.Initialize !== 'undefined') {
          return win.API_1484_11;
        }
        if (!win.parent || win.parent === win) { return null; }
        win = win.parent;
        depth++;
      }
    } catch (e) {
      /* A window of another origin: the API cannot be there for us. */
    }
    return null;
  }

  function findApi() {
    var api = apiIn(window);
    if (!api) {
      try {
        if (window.top && window.top.opener) { api = apiIn(window.top.opener); }
      } catch (e) { /* opener of another origin */ }
    }
    if (!api) {
      try {
        if (window.opener) { api = apiIn(window.opener); }
      } catch (e) { /* idem */ }
    }
    return api;
  }

  var api = findApi();
  var initialized = false;
  var finished = false;
  var completion = '';
  var success = '';
  var suspendData = '';
  var bestScore = -1;
  var interactionCount = 0;
  var startedAt = Date.now();
  var MAX_SUSPEND_DATA = 64000;

  function call(name, a, b) {
    try {
      var result = arguments.length > 2 ? api[name](a, b) : api[name](a);
      return result === undefined || result === null ? '' : String(result);
    } catch (e) {
      return 'false';
    }
  }

  function set(element, value) {
    var ok = call('SetValue', element, value) === 'true';
    if (!ok && window.console) {
      window.console.warn('SCORM 2004: SetValue(' + element + ', ' + value + ') failed, error '
        + call('GetLastError', ''));
    }
    return ok;
  }

  function commit() {
    return initialized && !finished && call('Commit', '') === 'true';
  }

  /* PT#H#M#S, the ISO 8601 duration Moodle's regular expression accepts. */
  function duration(ms) {
    var s = Math.max(0, Math.round(ms / 1000));
    return 'PT' + Math.floor(s / 3600) + 'H' + (Math.floor(s / 60) % 60) + 'M' + (s % 60) + 'S';
  }

  /* YYYY-MM-DDThh:mm:ss, a SCORM 2004 time (no zone: the learner's local time). */
  function timestamp(date) {
    function two(n) { return n < 10 ? '0' + n : String(n); }
    return date.getFullYear() + '-' + two(date.getMonth() + 1) + '-' + two(date.getDate())
      + 'T' + two(date.getHours()) + ':' + two(date.getMinutes()) + ':' + two(date.getSeconds());
  }

  /* The unit's state in SCORM 1.2 words, which unit.js speaks: passed, failed, completed or
     incomplete. */
  function status() {
    if (success === 'passed' || success === 'failed') { return success; }
    return completion === 'completed' ? 'completed' : completion === '' ? '' : 'incomplete';
  }

  function initialize() {
    if (!api) { return; }
    var ok = call('Initialize', '') === 'true';
    if (!ok && call('GetLastError', '') !== '103') { return; }
    initialized = true;
    completion = call('GetValue', 'cmi.completion_status');
    success = call('GetValue', 'cmi.success_status');
    suspendData = call('GetValue', 'cmi.suspend_data');
    var raw = call('GetValue', 'cmi.score.raw');
    bestScore = raw === '' || isNaN(parseFloat(raw)) ? -1 : parseFloat(raw);
    var count = parseInt(call('GetValue', 'cmi.interactions._count'), 10);
    interactionCount = isNaN(count) || count < 0 ? 0 : count;
    if (completion === '' || completion === 'not attempted' || completion === 'unknown') {
      if (set('cmi.completion_status', 'incomplete')) { completion = 'incomplete'; }
      set('cmi.progress_measure', '0');
      commit();
    }
  }

  function complete() {
    if (!initialized || finished) { return !api; }
    if (completion === 'completed' || success === 'passed' || success === 'failed') {
      return true;
    }
    if (!set('cmi.completion_status', 'completed')) { return false; }
    completion = 'completed';
    set('cmi.progress_measure', '1');
    commit();
    return true;
  }

  /* cmi.interactions.n in the order Moodle checks them: the id first, the type before the
     patterns and the response (error 408 otherwise). */
  function record(interactions) {
    (interactions || []).forEach(function (it) {
      var n = 'cmi.interactions.' + interactionCount + '.';
      if (!set(n + 'id', String(it.id))) { return; }
      interactionCount++;
      set(n + 'type', it.type);
      /* A localized string: the language tag, then at most 250 characters. */
      var stem = String(it.description || '').replace(/^\{+/, '').substring(0, 250);
      if (stem) { set(n + 'description', '{lang=fr}' + stem); }
      set(n + 'correct_responses.0.pattern', it.correct);
      set(n + 'learner_response', it.response);
      set(n + 'result', it.result === 'correct' ? 'correct' : 'incorrect');
      set(n + 'timestamp', timestamp(new Date()));
    });
  }

  function quizResult(score, passed, state, details) {
    if (!initialized || finished) { return !api; }
    record(details && details.interactions);
    var s = Math.max(0, Math.min(100, Math.round(score)));
    if (s > bestScore) {
      set('cmi.score.min', '0');
      set('cmi.score.max', '100');
      set('cmi.score.raw', String(s));
      set('cmi.score.scaled', String(s / 100));
      bestScore = s;
    }
    var next = success === 'passed' || passed ? 'passed' : 'failed';
    if (next !== success && set('cmi.success_status', next)) { success = next; }
    if (success === 'passed' && completion !== 'completed'
        && set('cmi.completion_status', 'completed')) {
      completion = 'completed';
    }
    var mark = details && details.passMark > 0 ? details.passMark : 100;
    set('cmi.progress_measure', String(Math.min(1, Math.round(100 * bestScore / mark) / 100)));
    if (state && state.length <= MAX_SUSPEND_DATA && set('cmi.suspend_data', state)) {
      suspendData = state;
    }
    commit();
    return true;
  }

  /* The page's state alone (a new quiz attempt): suspend_data, then a commit. */
  function saveState(state) {
    if (!initialized || finished) { return !api; }
    if (state === suspendData) { return true; }
    if (!state || state.length > MAX_SUSPEND_DATA || !set('cmi.suspend_data', state)) {
      return false;
    }
    suspendData = state;
    commit();
    return true;
  }

  function finish() {
    if (!initialized || finished) { return; }
    set('cmi.session_time', duration(Date.now() - startedAt));
    /* "suspend" keeps an unfinished or failed attempt open, so the learner resumes there. */
    set('cmi.exit', completion === 'completed' ? 'normal' : 'suspend');
    call('Commit', '');
    call('Terminate', '');
    finished = true;
  }

  initialize();

  if (initialized) {
    window.addEventListener('pagehide', finish);
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') { commit(); }
    });
    window.CoursepackLMS = {
      connected: true,
      status: status,
      state: function () { return suspendData; },
      best: function () { return bestScore; },
      complete: complete,
      quizResult: quizResult,
      saveState: saveState,
      commit: commit,
      finish: finish
    };
  }
})();
