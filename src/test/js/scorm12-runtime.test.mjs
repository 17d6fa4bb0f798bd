// Runs the SCORM 1.2 runtime of a unit (src/main/resources/.../scorm12.js) against a fake LMS API
// that behaves like Moodle's (mod/scorm/datamodels/scorm_12.js): it refuses "not attempted"
// (405), calls before LMSInitialize (301) and a second LMSInitialize (101).
// Run with: node --test src/test/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const source = readFileSync(new URL(
  '../../main/resources/io/github/coursepack/format/scorm/scorm12.js', import.meta.url), 'utf8');

function fakeApi(initialStatus = 'not attempted') {
  const calls = [];
  const data = { 'cmi.core.lesson_status': initialStatus };
  let initialized = false;
  let error = '0';
  return {
    calls, data,
    LMSInitialize(arg) {
      calls.push(['LMSInitialize', arg]);
      if (initialized) { error = '101'; return 'false'; }
      initialized = true; error = '0'; return 'true';
    },
    LMSGetValue(el) {
      calls.push(['LMSGetValue', el]);
      if (!initialized) { error = '301'; return ''; }
      return data[el] ?? '';
    },
    LMSSetValue(el, v) {
      calls.push(['LMSSetValue', el, v]);
      if (!initialized) { error = '301'; return 'false'; }
      if (el === 'cmi.core.lesson_status' && !['passed', 'completed', 'failed', 'incomplete', 'browsed'].includes(v)) {
        error = '405'; return 'false';
      }
      if (el === 'cmi.core.session_time' && !/^[0-9]{2,4}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,2})?$/.test(v)) {
        error = '405'; return 'false';
      }
      if (/^cmi\.core\.score\.(raw|min|max)$/.test(el)
          && (!/^-?[0-9]{1,3}(\.[0-9]+)?$/.test(v) || Number(v) < 0 || Number(v) > 100)) {
        error = '405'; return 'false';
      }
      if (el === 'cmi.suspend_data' && v.length > 4096) { error = '405'; return 'false'; }
      // Moodle's scorm_12.js: interactions are written in order, with its formats.
      const inter = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(el);
      if (inter) {
        const n = Number(inter[1]);
        const count = Number(data['cmi.interactions._count'] ?? 0);
        if (n > count) { error = '201'; return 'false'; }
        const formats = {
          id: /^[\u0021-\u007E]{0,255}$/,
          type: /^true-false$|^choice$|^fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$/,
          result: /^correct$|^wrong$|^unanticipated$|^neutral$|^([0-9]{0,3})?(\.[0-9]*)?$/,
          student_response: /^[\s\S]{0,255}$/,
          'correct_responses.0.pattern': /^[\s\S]{0,255}$/,
        };
        if (!formats[inter[2]] || !formats[inter[2]].test(v)) { error = '405'; return 'false'; }
        if (n === count) { data['cmi.interactions._count'] = String(count + 1); }
      }
      data[el] = v; error = '0'; return 'true';
    },
    LMSCommit(arg) { calls.push(['LMSCommit', arg]); return initialized ? 'true' : 'false'; },
    LMSFinish(arg) {
      calls.push(['LMSFinish', arg]);
      if (!initialized) { error = '301'; return 'false'; }
      initialized = false; return 'true';
    },
    LMSGetLastError() { return error; },
    LMSGetErrorString() { return ''; },
    LMSGetDiagnostic() { return ''; },
  };
}

/** A window whose parent chain is `parents` (nearest first); returns the SCO window and its events. */
function run({ parents = [], opener = null } = {}) {
  const listeners = {};
  const docListeners = {};
  const win = {
    addEventListener: (t, f) => { (listeners[t] ||= []).push(f); },
    console: { warn() {} },
    opener: null,
  };
  let child = win;
  for (const p of parents) { child.parent = p; child = p; }
  child.parent = child;
  win.top = child;
  child.opener = opener;
  const document = {
    visibilityState: 'visible',
    addEventListener: (t, f) => { (docListeners[t] ||= []).push(f); },
  };
  const context = vm.createContext({ window: win, document, Date });
  vm.runInContext(source, context);
  const fire = (t) => (listeners[t] || []).forEach((f) => f());
  const hide = () => { document.visibilityState = 'hidden'; (docListeners.visibilitychange || []).forEach((f) => f()); };
  return { win, fire, hide };
}

const names = (api, name) => api.calls.filter((c) => c[0] === name);

test('finds the API two frames up, initialises once and marks a first launch incomplete', () => {
  const api = fakeApi();
  const { win } = run({ parents: [{}, { API: api }] });
  assert.equal(names(api, 'LMSInitialize').length, 1);
  assert.equal(api.data['cmi.core.lesson_status'], 'incomplete');
  assert.ok(names(api, 'LMSCommit').length >= 1);
  assert.equal(win.CoursepackLMS.connected, true);
  assert.equal(win.CoursepackLMS.status(), 'incomplete');
});

test('never writes "not attempted"', () => {
  const api = fakeApi();
  const { win, fire } = run({ parents: [{ API: api }] });
  win.CoursepackLMS.complete();
  fire('pagehide');
  assert.ok(!api.calls.some((c) => c[0] === 'LMSSetValue' && c[2] === 'not attempted'));
});

test('completing sets "completed" and commits; passed is never downgraded', () => {
  const api = fakeApi();
  const { win } = run({ parents: [{ API: api }] });
  assert.equal(win.CoursepackLMS.complete(), true);
  assert.equal(api.data['cmi.core.lesson_status'], 'completed');
  const passed = fakeApi('passed');
  const second = run({ parents: [{ API: passed }] });
  second.win.CoursepackLMS.complete();
  assert.equal(passed.data['cmi.core.lesson_status'], 'passed');
  assert.ok(!passed.calls.some((c) => c[0] === 'LMSSetValue' && c[1] === 'cmi.core.lesson_status'));
});

test('pagehide writes session time and exit, commits, and finishes exactly once', () => {
  const api = fakeApi();
  const { fire } = run({ parents: [{ API: api }] });
  fire('pagehide');
  fire('pagehide');
  assert.match(api.data['cmi.core.session_time'], /^\d{2,4}:\d{2}:\d{2}$/);
  assert.equal(api.data['cmi.core.exit'], 'suspend');
  assert.equal(names(api, 'LMSFinish').length, 1);
  const finish = api.calls.findIndex((c) => c[0] === 'LMSFinish');
  assert.equal(api.calls[finish - 1][0], 'LMSCommit');
});

test('a completed unit exits normally and a resumed one is not reset', () => {
  const api = fakeApi('completed');
  const { fire } = run({ parents: [{ API: api }] });
  assert.ok(!api.calls.some((c) => c[0] === 'LMSSetValue' && c[1] === 'cmi.core.lesson_status'));
  fire('pagehide');
  assert.equal(api.data['cmi.core.exit'], '');
});

test('hiding the page commits without finishing', () => {
  const api = fakeApi();
  const { hide } = run({ parents: [{ API: api }] });
  const before = names(api, 'LMSCommit').length;
  hide();
  assert.equal(names(api, 'LMSCommit').length, before + 1);
  assert.equal(names(api, 'LMSFinish').length, 0);
});

test('finds the API through the opener of a popup', () => {
  const api = fakeApi();
  const { win } = run({ parents: [{}], opener: { API: api } });
  assert.equal(win.CoursepackLMS.connected, true);
  assert.equal(names(api, 'LMSInitialize').length, 1);
});

test('a parent of another origin is skipped without an error', () => {
  const api = fakeApi();
  const foreign = {};
  Object.defineProperty(foreign, 'API', { get() { throw new Error('SecurityError'); } });
  const { win } = run({ parents: [foreign], opener: { API: api } });
  assert.equal(win.CoursepackLMS.connected, true);
});

test('a page reloaded inside a live session (error 101) keeps working', () => {
  const api = fakeApi('incomplete');
  api.LMSInitialize('');
  const { win, fire } = run({ parents: [{ API: api }] });
  assert.equal(win.CoursepackLMS.complete(), true);
  fire('pagehide');
  assert.equal(api.data['cmi.core.lesson_status'], 'completed');
  assert.equal(names(api, 'LMSFinish').length, 1);
});

test('without an LMS the runtime stays silent and leaves the page on its own', () => {
  const { win, fire } = run({ parents: [{}, {}] });
  assert.equal(win.CoursepackLMS, undefined);
  fire('pagehide');
});

test('a quiz result sets score 0-100, passed or failed, and the answers', () => {
  const api = fakeApi();
  const { win, fire } = run({ parents: [{ API: api }] });
  win.CoursepackLMS.quizResult(60, false, '1:2,v,0123');
  assert.equal(api.data['cmi.core.score.raw'], '60');
  assert.equal(api.data['cmi.core.score.min'], '0');
  assert.equal(api.data['cmi.core.score.max'], '100');
  assert.equal(api.data['cmi.core.lesson_status'], 'failed');
  assert.equal(api.data['cmi.suspend_data'], '1:2,v,0123');
  win.CoursepackLMS.quizResult(100, true, '1:1,f,0123');
  assert.equal(api.data['cmi.core.score.raw'], '100');
  assert.equal(api.data['cmi.core.lesson_status'], 'passed');
  fire('pagehide');
  assert.equal(api.data['cmi.core.exit'], '');
  assert.equal(names(api, 'LMSFinish').length, 1);
});

test('passed is never taken back and the best score stays', () => {
  const api = fakeApi();
  const { win } = run({ parents: [{ API: api }] });
  win.CoursepackLMS.quizResult(90, true, '1:0');
  win.CoursepackLMS.quizResult(40, false, '1:1');
  assert.equal(api.data['cmi.core.lesson_status'], 'passed');
  assert.equal(api.data['cmi.core.score.raw'], '90');
  assert.equal(api.data['cmi.suspend_data'], '1:1');
  assert.equal(win.CoursepackLMS.status(), 'passed');
  assert.equal(win.CoursepackLMS.best(), 90);
});

test('a failed attempt exits with suspend so that the learner comes back to it', () => {
  const api = fakeApi();
  const { win, fire } = run({ parents: [{ API: api }] });
  win.CoursepackLMS.quizResult(20, false, '1:3');
  fire('pagehide');
  assert.equal(api.data['cmi.core.exit'], 'suspend');
});

test('the saved answers are read back on the next launch', () => {
  const api = fakeApi('failed');
  api.data['cmi.suspend_data'] = '1:2,f';
  api.data['cmi.core.score.raw'] = '50';
  const { win } = run({ parents: [{ API: api }] });
  assert.equal(win.CoursepackLMS.state(), '1:2,f');
  assert.equal(win.CoursepackLMS.best(), 50);
  win.CoursepackLMS.quizResult(40, false, '1:1,f');
  assert.equal(api.data['cmi.core.score.raw'], '50');
});

test('a new quiz attempt is kept alone: suspend_data and a commit, no status or score', () => {
  const api = fakeApi('failed');
  api.data['cmi.suspend_data'] = '2:1:ff:0,v,f,1,2,0,v,v';
  const { win, fire } = run({ parents: [{ API: api }] });
  const commits = names(api, 'LMSCommit').length;
  assert.equal(win.CoursepackLMS.saveState('2:2:f03:-,-,-,-,-,-,---,-'), true);
  assert.equal(api.data['cmi.suspend_data'], '2:2:f03:-,-,-,-,-,-,---,-');
  assert.equal(win.CoursepackLMS.state(), '2:2:f03:-,-,-,-,-,-,---,-');
  assert.equal(names(api, 'LMSCommit').length, commits + 1);
  assert.ok(!api.calls.some((c) => c[0] === 'LMSSetValue' && /lesson_status|score/.test(c[1])));
  assert.equal(win.CoursepackLMS.saveState('x'.repeat(4097)), false, 'over 4,096: not sent');
  assert.ok(!names(api, 'LMSSetValue').some((c) => c[2].length > 4096));
  fire('pagehide');
  assert.equal(win.CoursepackLMS.saveState('2:3:f:-'), false, 'nothing after LMSFinish');
  assert.equal(names(api, 'LMSFinish').length, 1);
});

test('each answered question is recorded in cmi.interactions, after those already there', () => {
  const api = fakeApi('failed');
  api.data['cmi.interactions._count'] = '2';
  const { win } = run({ parents: [{ API: api }] });
  win.CoursepackLMS.quizResult(50, false, '2:1:3:1,v', { passMark: 80, interactions: [
    { id: 'u-who-1', type: 'choice', response: 'la_drane', correct: 'le_cpd_numerique',
      result: 'incorrect', description: 'Qui anime ?' },
    { id: 'u-tf-2', type: 'true-false', response: 'true', correct: 'true', result: 'correct' },
    { id: 'u-match-3', type: 'matching', response: 'dsi.heberge,dpd.conseille',
      correct: 'dsi.heberge,dpd.conseille', result: 'correct' },
  ] });
  assert.equal(api.data['cmi.interactions.2.id'], 'u-who-1');
  assert.equal(api.data['cmi.interactions.2.type'], 'choice');
  assert.equal(api.data['cmi.interactions.2.student_response'], 'la_drane');
  assert.equal(api.data['cmi.interactions.2.correct_responses.0.pattern'], 'le_cpd_numerique');
  assert.equal(api.data['cmi.interactions.2.result'], 'wrong', 'SCORM 1.2 says "wrong"');
  assert.equal(api.data['cmi.interactions.3.student_response'], 't', 'SCORM 1.2 true-false is t/f');
  assert.equal(api.data['cmi.interactions.3.result'], 'correct');
  assert.equal(api.data['cmi.interactions.4.type'], 'matching');
  assert.equal(api.data['cmi.interactions.4.student_response'], 'dsi.heberge,dpd.conseille');
  assert.equal(api.data['cmi.interactions._count'], '5');
  const setOrder = names(api, 'LMSSetValue').filter((c) => c[1].startsWith('cmi.interactions.2.'))
    .map((c) => c[1].substring('cmi.interactions.2.'.length));
  assert.equal(setOrder[0], 'id', 'the id comes first');
  assert.ok(names(api, 'LMSSetValue').every((c) => api.data[c[1]] === c[2]), 'no value refused');
  win.CoursepackLMS.quizResult(100, true, '2:1:3:0,v', { interactions: [
    { id: 'u-who-1', type: 'choice', response: 'le_cpd_numerique', correct: 'le_cpd_numerique',
      result: 'correct' }] });
  assert.equal(api.data['cmi.interactions.5.result'], 'correct', 'a new attempt is appended');
});
