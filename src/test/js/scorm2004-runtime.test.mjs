// Runs the SCORM 2004 runtime of a unit (src/main/resources/.../scorm2004.js) against a fake
// API_1484_11 that checks values as Moodle's player does (mod/scorm/datamodels/scorm_13.js):
// vocabularies, ISO 8601 durations, scores, a second Initialize (103), calls before Initialize
// (122/132), interactions set out of order (408) or with responses of the wrong format (406).
// Run with: node --test src/test/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const source = readFileSync(new URL(
  '../../main/resources/io/github/coursepack/format/scorm/scorm2004.js', import.meta.url), 'utf8');

// Moodle 4.1/4.5 scorm_13.js formats.
const TIMESPAN = /^P(\d+Y)?(\d+M)?(\d+D)?(T(((\d+H)(\d+M)?(\d+(\.\d{1,2})?S)?)|((\d+M)(\d+(\.\d{1,2})?S)?)|((\d+(\.\d{1,2})?S))))?$/;
const TIME = /^(19[7-9]{1}[0-9]{1}|20[0-2]{1}[0-9]{1}|203[0-8]{1})((-(0[1-9]{1}|1[0-2]{1}))((-(0[1-9]{1}|[1-2]{1}[0-9]{1}|3[0-1]{1}))(T([0-1]{1}[0-9]{1}|2[0-3]{1})((:[0-5]{1}[0-9]{1})((:[0-5]{1}[0-9]{1})((\.[0-9]{1,2})((Z|([+|-]([0-1]{1}[0-9]{1}|2[0-3]{1})))(:[0-5]{1}[0-9]{1})?)?)?)?)?)?)?)?$/;
const LONG_ID = /^(?:(?!urn:)\S{1,4000}|urn:[A-Za-z0-9-]{1,31}:\S{1,4000})$/;
const SHORT_ID = /^[\w.]{1,250}$/;
const LANG250 = /^(\{lang=([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9-]{2,8})?\})?([^{].{0,250}$)?/;
const VOCAB = {
  'cmi.completion_status': ['completed', 'incomplete', 'not attempted', 'unknown'],
  'cmi.success_status': ['passed', 'failed', 'unknown'],
  'cmi.exit': ['time-out', 'suspend', 'logout', 'normal', ''],
};
const RESPONSE = {
  'true-false': (v) => /^(true|false)$/.test(v),
  choice: (v) => v.split(',').every((x) => SHORT_ID.test(x)),
  matching: (v) => v.split(',').every((p) => {
    const [a, b, more] = p.split('.');
    return more === undefined && SHORT_ID.test(a) && SHORT_ID.test(b || '');
  }),
};

function fakeApi(initial = {}) {
  const calls = [];
  const refusals = [];
  const data = { 'cmi.completion_status': 'unknown', 'cmi.success_status': 'unknown',
    'cmi.interactions._count': '0', ...initial };
  let state = 'new';
  let error = '0';
  const fail = (code) => { error = code; return 'false'; };
  function check(el, v) {
    if (VOCAB[el]) { return VOCAB[el].includes(v) ? '0' : '406'; }
    if (el === 'cmi.session_time') { return TIMESPAN.test(v) ? '0' : '406'; }
    if (el === 'cmi.score.scaled') { return /^-?[0-9.]+$/.test(v) && +v >= -1 && +v <= 1 ? '0' : '407'; }
    if (/^cmi\.score\.(raw|min|max)$/.test(el)) { return /^-?[0-9]{1,5}(\.[0-9]{1,18})?$/.test(v) ? '0' : '406'; }
    if (el === 'cmi.progress_measure') { return /^[0-9.]+$/.test(v) && +v >= 0 && +v <= 1 ? '0' : '407'; }
    if (el === 'cmi.suspend_data') { return v.length <= 64000 ? '0' : '407'; }
    const m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(el);
    if (m) {
      const n = Number(m[1]);
      const count = Number(data['cmi.interactions._count']);
      const p = `cmi.interactions.${n}.`;
      if (m[2] === 'id') {
        if (n > count) { return '351'; }
        if (!LONG_ID.test(v)) { return '406'; }
        if (n === count) { data['cmi.interactions._count'] = String(count + 1); }
        return '0';
      }
      if (data[p + 'id'] === undefined) { return '408'; }
      const type = data[p + 'type'];
      switch (m[2]) {
        case 'type': return ['true-false', 'choice', 'matching'].includes(v) ? '0' : '406';
        case 'description': return LANG250.exec(v)[0] === v ? '0' : '406';
        case 'timestamp': return TIME.test(v) ? '0' : '406';
        case 'result': return /^(correct|incorrect|unanticipated|neutral)$/.test(v) ? '0' : '406';
        case 'learner_response': case 'correct_responses.0.pattern':
          if (!type) { return '408'; }
          return RESPONSE[type](v) ? '0' : '406';
        default: return '401';
      }
    }
    return '0';
  }
  return {
    calls, data, refusals,
    Initialize(arg) {
      calls.push(['Initialize', arg]);
      if (state === 'running') { return fail('103'); }
      if (state === 'terminated') { return fail('104'); }
      state = 'running'; error = '0'; return 'true';
    },
    GetValue(el) {
      calls.push(['GetValue', el]);
      if (state !== 'running') { error = '122'; return ''; }
      error = '0';
      return data[el] ?? '';
    },
    SetValue(el, v) {
      calls.push(['SetValue', el, v]);
      if (state !== 'running') { return fail('132'); }
      const code = check(el, String(v));
      if (code !== '0') { refusals.push([el, v, code]); return fail(code); }
      data[el] = String(v); error = '0'; return 'true';
    },
    Commit(arg) { calls.push(['Commit', arg]); return state === 'running' ? 'true' : fail('142'); },
    Terminate(arg) {
      calls.push(['Terminate', arg]);
      if (state !== 'running') { return fail('112'); }
      state = 'terminated'; error = '0'; return 'true';
    },
    GetLastError() { return error; },
    GetErrorString() { return ''; },
    GetDiagnostic() { return ''; },
  };
}

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
  return { win, fire };
}

const names = (api, name) => api.calls.filter((c) => c[0] === name);
const refused = (api) => api.refusals;

test('finds API_1484_11 up the frames, initialises once, marks a first launch incomplete', () => {
  const api = fakeApi();
  const { win } = run({ parents: [{}, { API_1484_11: api, API: { LMSInitialize() {} } }] });
  assert.equal(names(api, 'Initialize').length, 1);
  assert.equal(api.data['cmi.completion_status'], 'incomplete');
  assert.equal(api.data['cmi.progress_measure'], '0');
  assert.ok(names(api, 'Commit').length >= 1);
  assert.equal(win.CoursepackLMS.status(), 'incomplete');
  assert.deepEqual(refused(api), []);
});

test('ignores a SCORM 1.2 API and finds the 2004 one through the opener', () => {
  const api = fakeApi();
  const { win } = run({ parents: [{ API: { LMSInitialize() { return 'true'; } } }],
    opener: { API_1484_11: api } });
  assert.equal(win.CoursepackLMS.connected, true);
  assert.equal(names(api, 'Initialize').length, 1);
});

test('a unit without quiz is completed with progress 1 and exits normally', () => {
  const api = fakeApi();
  const { win, fire } = run({ parents: [{ API_1484_11: api }] });
  assert.equal(win.CoursepackLMS.complete(), true);
  assert.equal(api.data['cmi.completion_status'], 'completed');
  assert.equal(api.data['cmi.progress_measure'], '1');
  assert.equal(win.CoursepackLMS.status(), 'completed');
  fire('pagehide');
  fire('pagehide');
  assert.equal(api.data['cmi.exit'], 'normal');
  assert.match(api.data['cmi.session_time'], TIMESPAN);
  assert.equal(names(api, 'Terminate').length, 1);
  assert.deepEqual(api.calls.slice(-2).map((c) => c[0]), ['Commit', 'Terminate']);
  assert.deepEqual(refused(api), []);
});

test('a failed attempt: score raw/min/max/scaled, failed, still incomplete, suspend', () => {
  const api = fakeApi();
  const { win, fire } = run({ parents: [{ API_1484_11: api }] });
  win.CoursepackLMS.quizResult(40, false, '2:1:f:0,1,v,f', { passMark: 80, interactions: [] });
  assert.equal(api.data['cmi.score.raw'], '40');
  assert.equal(api.data['cmi.score.min'], '0');
  assert.equal(api.data['cmi.score.max'], '100');
  assert.equal(api.data['cmi.score.scaled'], '0.4');
  assert.equal(api.data['cmi.success_status'], 'failed');
  assert.equal(api.data['cmi.completion_status'], 'incomplete');
  assert.equal(api.data['cmi.progress_measure'], '0.5', 'the best score over the pass mark');
  assert.equal(api.data['cmi.suspend_data'], '2:1:f:0,1,v,f');
  assert.equal(win.CoursepackLMS.status(), 'failed');
  fire('pagehide');
  assert.equal(api.data['cmi.exit'], 'suspend');
  assert.deepEqual(refused(api), []);
});

test('passing sets passed and completed; passed and the best score are never taken back', () => {
  const api = fakeApi();
  const { win, fire } = run({ parents: [{ API_1484_11: api }] });
  win.CoursepackLMS.quizResult(90, true, '2:1:f:0', { passMark: 80 });
  win.CoursepackLMS.quizResult(30, false, '2:2:f:1', { passMark: 80 });
  assert.equal(api.data['cmi.success_status'], 'passed');
  assert.equal(api.data['cmi.completion_status'], 'completed');
  assert.equal(api.data['cmi.score.raw'], '90');
  assert.equal(api.data['cmi.score.scaled'], '0.9');
  assert.equal(api.data['cmi.progress_measure'], '1');
  assert.equal(api.data['cmi.suspend_data'], '2:2:f:1');
  assert.equal(win.CoursepackLMS.status(), 'passed');
  assert.equal(win.CoursepackLMS.best(), 90);
  fire('pagehide');
  assert.equal(api.data['cmi.exit'], 'normal');
  assert.deepEqual(refused(api), []);
});

test('answered questions become interactions Moodle accepts, after those already there', () => {
  const api = fakeApi({ 'cmi.interactions._count': '3', 'cmi.completion_status': 'incomplete',
    'cmi.success_status': 'failed' });
  const { win } = run({ parents: [{ API_1484_11: api }] });
  win.CoursepackLMS.quizResult(67, false, '2:2:7:0,v,10', { passMark: 80, interactions: [
    { id: 'qfq-num-u-who-cpd-1a2b', type: 'choice', response: 'la_drane',
      correct: 'le_cpd_numerique', result: 'incorrect', description: 'Qui accompagne les écoles ?' },
    { id: 'qfq-num-u-truefalse-3c4d', type: 'true-false', response: 'true', correct: 'true',
      result: 'correct', description: '{x} Le DPD conseille.' },
    { id: 'qfq-num-u-matching-5e6f', type: 'matching', response: 'la_dsi.heberge,le_dpd.conseille',
      correct: 'la_dsi.heberge,le_dpd.conseille', result: 'correct', description: '' },
  ] });
  assert.deepEqual(refused(api), [], 'Moodle refuses none of the values');
  assert.equal(api.data['cmi.interactions._count'], '6');
  assert.equal(api.data['cmi.interactions.3.id'], 'qfq-num-u-who-cpd-1a2b');
  assert.equal(api.data['cmi.interactions.3.type'], 'choice');
  assert.equal(api.data['cmi.interactions.3.learner_response'], 'la_drane');
  assert.equal(api.data['cmi.interactions.3.correct_responses.0.pattern'], 'le_cpd_numerique');
  assert.equal(api.data['cmi.interactions.3.result'], 'incorrect');
  assert.equal(api.data['cmi.interactions.3.description'], '{lang=fr}Qui accompagne les écoles ?');
  assert.match(api.data['cmi.interactions.3.timestamp'], TIME);
  assert.equal(api.data['cmi.interactions.4.learner_response'], 'true');
  assert.equal(api.data['cmi.interactions.4.description'], '{lang=fr}x} Le DPD conseille.');
  assert.equal(api.data['cmi.interactions.5.learner_response'], 'la_dsi.heberge,le_dpd.conseille');
  assert.equal(api.data['cmi.interactions.5.description'], undefined, 'no empty description');
  const order = names(api, 'SetValue').filter((c) => c[1].startsWith('cmi.interactions.3.'))
    .map((c) => c[1].substring('cmi.interactions.3.'.length));
  assert.deepEqual(order.slice(0, 2), ['id', 'type']);
});

test('the attempt comes back on the next launch; a page reloaded in a session (103) works', () => {
  const api = fakeApi({ 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'failed',
    'cmi.score.raw': '50', 'cmi.suspend_data': '2:3:f:-,-' });
  api.Initialize('');
  const { win, fire } = run({ parents: [{ API_1484_11: api }] });
  assert.equal(win.CoursepackLMS.state(), '2:3:f:-,-');
  assert.equal(win.CoursepackLMS.best(), 50);
  assert.equal(win.CoursepackLMS.status(), 'failed');
  assert.ok(!names(api, 'SetValue').some((c) => c[1] === 'cmi.completion_status'),
    'no status written on resume');
  assert.equal(win.CoursepackLMS.saveState('x'.repeat(64001)), false, 'over 64,000: not sent');
  assert.equal(win.CoursepackLMS.saveState('y'.repeat(5000)), true, 'over 1.2\'s 4,096 is fine');
  fire('pagehide');
  assert.equal(names(api, 'Terminate').length, 1);
  assert.equal(win.CoursepackLMS.saveState('2:4:f:-'), false, 'nothing after Terminate');
});

test('without an LMS the runtime stays silent', () => {
  const { win, fire } = run({ parents: [{}, {}] });
  assert.equal(win.CoursepackLMS, undefined);
  fire('pagehide');
});
