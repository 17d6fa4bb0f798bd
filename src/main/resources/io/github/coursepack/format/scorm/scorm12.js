/* coursepack — SCORM 1.2 runtime of a unit (one SCO).
 *
 * What it does, in order (see FORMATS.md §1.4 and PITFALLS.md items 1, 3, 5, 6):
 *  - finds the LMS's API object by walking window.parent, then the opener's chain (as the
 *    SCORM 1.2 run-time environment describes it), never across origins it may not read;
 *  - calls LMSInitialize once; a page reloaded inside a live session (error 101) is accepted;
 *  - on first launch ("not attempted"), sets cmi.core.lesson_status to "incomplete"; it never
 *    writes "not attempted", which Moodle refuses;
 *  - sets "completed" when the learner has gone through a unit without quiz (unit.js decides
 *    when: the "J'ai terminé" button, or a local video watched to its end);
 *  - for a unit with a quiz, once every question is answered: cmi.core.score.raw (0–100, with
 *    min 0 and max 100; the best score of the attempt is kept), "passed" or "failed" against the
 *    pass mark ("passed" is never taken back), and the answers in cmi.suspend_data (a compact
 *    string, far below SCORM 1.2's 4,096 characters) so that they come back on the next visit;
 *  - records each answered question of the attempt in cmi.interactions.n (id, type, the
 *    correct response, the learner's response, "correct" or "wrong"), appended after those
 *    already there, so that Moodle's interactions report shows who answered what;
 *  - keeps a new quiz attempt (its drawn questions, no answers yet) in cmi.suspend_data when the
 *    learner starts it, so that a relaunch comes back to the same questions;
 *  - commits after each change and when the page is hidden; on "pagehide" writes session_time
 *    and exit, commits, and calls LMSFinish exactly once;
 *  - without an LMS, does nothing and lets the page work on its own.
 */
(function () {
  'use strict';

  var MAX_DEPTH = 500;

  function apiIn(win) {
    var depth = 0;
    try {
      while (win && depth <= MAX_DEPTH) {
        if (win.API && typeof win.API.LMSInitialize !== 'undefined') { return win.API; }
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
  var status = '';
  var suspendData = '';
  var bestScore = -1;
  var startedAt = Date.now();
  var MAX_SUSPEND_DATA = 4096;
  var interactionCount = 0;

  function call(name, a, b) {
    try {
      var result = arguments.length > 2 ? api[name](a, b) : api[name](a);
      return result === undefined || result === null ? '' : String(result);
    } catch (e) {
      return 'false';
    }
  }

  function set(element, value) {
    var ok = call('LMSSetValue', element, value) === 'true';
    if (!ok && window.console) {
      window.console.warn('SCORM: LMSSetValue(' + element + ', ' + value + ') failed, error '
        + call('LMSGetLastError', ''));
    }
    return ok;
  }

  function commit() {
    return initialized && !finished && call('LMSCommit', '') === 'true';
  }

  /* HH:MM:SS, the CMITimespan format that Moodle's regular expression accepts. */
  function timespan(ms) {
    var s = Math.max(0, Math.round(ms / 1000));
    var h = Math.min(9999, Math.floor(s / 3600));
    function two(n) { return n < 10 ? '0' + n : String(n); }
    return two(h) + ':' + two(Math.floor(s / 60) % 60) + ':' + two(s % 60);
  }

  function initialize() {
    if (!api) { return; }
    var ok = call('LMSInitialize', '') === 'true';
    if (!ok && call('LMSGetLastError', '') !== '101') { return; }
    initialized = true;
    status = call('LMSGetValue', 'cmi.core.lesson_status');
    suspendData = call('LMSGetValue', 'cmi.suspend_data');
    var raw = call('LMSGetValue', 'cmi.core.score.raw');
    bestScore = raw === '' || isNaN(parseFloat(raw)) ? -1 : parseFloat(raw);
    var count = parseInt(call('LMSGetValue', 'cmi.interactions._count'), 10);
    interactionCount = isNaN(count) || count < 0 ? 0 : count;
    if (status === '' || status === 'not attempted') {
      if (set('cmi.core.lesson_status', 'incomplete')) { status = 'incomplete'; }
      commit();
    }
  }

  function complete() {
    if (!initialized || finished) { return !api; }
    if (status === 'passed' || status === 'failed' || status === 'completed') { return true; }
    if (!set('cmi.core.lesson_status', 'completed')) { return false; }
    status = 'completed';
    commit();
    return true;
  }

  /* SCORM 1.2 spellings: true-false responses are "t" or "f", a wrong answer is "wrong";
     identifiers and responses are cut to the 255 characters Moodle accepts. */
  function record(interactions) {
    (interactions || []).forEach(function (it) {
      var n = 'cmi.interactions.' + interactionCount + '.';
      function value(v) {
        return it.type === 'true-false' ? (v === 'true' ? 't' : 'f') : String(v).substring(0, 255);
      }
      if (!set(n + 'id', String(it.id).substring(0, 255))) { return; }
      interactionCount++;
      set(n + 'type', it.type);
      set(n + 'correct_responses.0.pattern', value(it.correct));
      set(n + 'student_response', value(it.response));
      set(n + 'result', it.result === 'correct' ? 'correct' : 'wrong');
    });
  }

  function quizResult(score, passed, state, details) {
    if (!initialized || finished) { return !api; }
    record(details && details.interactions);
    var s = Math.max(0, Math.min(100, Math.round(score)));
    if (s > bestScore) {
      set('cmi.core.score.min', '0');
      set('cmi.core.score.max', '100');
      set('cmi.core.score.raw', String(s));
      bestScore = s;
    }
    var next = status === 'passed' || passed ? 'passed' : 'failed';
    if (next !== status && set('cmi.core.lesson_status', next)) { status = next; }
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
    set('cmi.core.session_time', timespan(Date.now() - startedAt));
    /* "suspend" keeps an unfinished or failed attempt open, so the learner resumes there. */
    set('cmi.core.exit', status === 'incomplete' || status === 'failed' ? 'suspend' : '');
    call('LMSCommit', '');
    call('LMSFinish', '');
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
      status: function () { return status; },
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
