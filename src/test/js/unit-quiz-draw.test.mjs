// Runs the quiz draw of the default unit page (course-templates/default/assets/unit.js) under
// Node: which questions of the bank each attempt asks, and the attempt as kept in cmi.suspend_data.
// The page's behaviour around it is run in a browser by src/test/e2e/unit.e2e.mjs.
// Run with: node --test src/test/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const source = readFileSync(new URL(
  '../../../course-templates/default/assets/unit.js', import.meta.url), 'utf8');

/** The draw module, from the page's script run without a unit in the page. */
function drawModule() {
  const window = {};
  const document = { querySelector: () => null, getElementById: () => null };
  vm.runInContext(source, vm.createContext({ window, document }));
  return window.CoursepackQuizDraw;
}

// Arrays and objects made in the script's context, as this realm's (for deepStrictEqual).
const plain = (f) => (...args) => { const r = f(...args); return r === null ? r : JSON.parse(JSON.stringify(r)); };
const module = drawModule();
const { mulberry32, encode } = module;
const draw = plain(module.draw);
const decode = plain(module.decode);
const range = (n) => Array.from({ length: n }, (_, i) => i);

test('mulberry32 gives the same numbers in [0, 1) for the same seed', () => {
  const a = mulberry32(42);
  const b = mulberry32(42);
  const xs = range(1000).map(() => a());
  assert.deepEqual(xs, range(1000).map(() => b()));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.notDeepEqual(xs.slice(0, 5), range(5).map(mulberry32(43)));
});

test('the first attempt asks the blueprint: the bank\'s first drawCount questions', () => {
  assert.deepEqual(draw(14, 8, 1, [], 'qfq-num-u'), range(8));
  assert.deepEqual(draw(5, 8, 1, [], 'qfq-num-u'), range(5), 'drawCount is capped at the bank');
});

test('a retry asks first the questions the previous attempt did not, in bank order', () => {
  const second = draw(14, 8, 2, range(8), 'qfq-num-u');
  assert.equal(second.length, 8);
  assert.deepEqual([...second].sort((x, y) => x - y), second, 'in bank order');
  assert.equal(new Set(second).size, 8);
  for (const i of range(6)) { assert.ok(second.includes(8 + i), 'every unasked question'); }
  assert.equal(second.filter((i) => i < 8).length, 2);
  const third = draw(14, 8, 3, second, 'qfq-num-u');
  assert.equal(third.filter((i) => !second.includes(i)).length, 6, 'the six left out by the second');
  const wide = draw(20, 8, 2, range(8), 'qfq-num-u');
  assert.ok(wide.every((i) => i >= 8), 'a bank of 20 gives 8 new questions');
  assert.ok(wide.every((i) => i < 20));
});

test('a draw is the same for the same unit and attempt, and differs between attempts', () => {
  assert.deepEqual(draw(20, 5, 4, [0, 1, 2, 3, 4], 'u'), draw(20, 5, 4, [0, 1, 2, 3, 4], 'u'));
  const sets = new Set(range(10).map((k) => draw(20, 5, k + 2, [], 'u').join(',')));
  assert.ok(sets.size > 5, 'attempts draw different sets: ' + [...sets].join(' | '));
  const units = new Set(['a', 'b', 'c', 'd'].map((u) => draw(20, 5, 2, [], u).join(',')));
  assert.ok(units.size > 1, 'units draw differently');
});

test('a quiz that does not draw asks its whole bank at every attempt', () => {
  for (const attempt of [1, 2, 3]) { assert.deepEqual(draw(6, 6, attempt, range(6), 'u'), range(6)); }
});

test('an attempt comes back from suspend_data with its questions and answers', () => {
  const state = { attempt: 3, drawn: [1, 4, 8, 9, 13], answers: ['2', 'v', ['0', null, '2'], null, 'f'] };
  const text = encode(state);
  assert.equal(text, '2:3:2132:2,v,0-2,-,f');
  assert.deepEqual(decode(text, 14, 5),
    { attempt: 3, drawn: [1, 4, 8, 9, 13], answers: ['2', 'v', '0-2', '-', 'f'] });
  assert.deepEqual(decode(encode({ attempt: 40, drawn: [0], answers: ['1'] }), 1, 1),
    { attempt: 40, drawn: [0], answers: ['1'] });
});

test('suspend_data of another bank, or not ours, starts afresh', () => {
  const text = encode({ attempt: 2, drawn: [1, 4, 8], answers: ['2', 'v', 'f'] });
  assert.equal(decode(text, 14, 4), null, 'another draw count');
  assert.equal(decode(text, 8, 3), null, 'a question beyond the bank');
  assert.equal(decode('2:2:13:2,v,"]', 14, 3), null, 'a token that is not a value');
  assert.equal(decode('', 14, 3), null);
  assert.equal(decode('garbage', 14, 3), null);
  assert.equal(decode('2:0:7:1,1,1', 14, 3), null, 'no attempt 0');
});

test('the answers of a page that asked the whole quiz ("1:") come back as its first attempt', () => {
  assert.deepEqual(decode('1:2,v,0213', 3, 3),
    { attempt: 1, drawn: [0, 1, 2], answers: ['2', 'v', '0213'] });
  assert.equal(decode('1:2,v,0213', 5, 3), null, 'the quiz draws now');
});

test('the largest attempt of a 20-question bank fits SCORM 1.2 suspend_data', () => {
  // Every question drawn, each a matching question of 5 pairs (the most characters a question
  // takes), after many retries.
  const text = encode({ attempt: 36 ** 3 - 1, drawn: range(20), answers: range(20).map(() => ['4', '3', '2', '1', '0']) });
  assert.ok(text.length < 4096, text.length + ' characters');
  assert.ok(text.length <= 140, 'compact: ' + text.length + ' characters');
  assert.deepEqual(decode(text, 20, 20).drawn, range(20));
  console.log('# largest suspend_data of a 20-question bank: ' + text.length + ' characters');
});
