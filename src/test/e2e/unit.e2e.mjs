// End-to-end test of a unit under the preview's LMS stand-in, in Debian's Chromium.
//
//   node src/test/e2e/unit.e2e.mjs BASE_URL UNIT_SLUG
//
// BASE_URL is a running `coursepack preview` (PreviewEndToEndTest starts one). The unit must have
// a PeerTube video and a quiz that draws: its page carries a bank of questions, of which each
// attempt asks drawCount. Question texts and counts are read from the page, never assumed.
// Nothing leaves 127.0.0.1: the video's iframe is checked, then its requests are refused and the
// iframe removed. Prints one line per check; exits 1 on the first failure, with what was expected
// and what the unit did.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { errors, ok, open, scoFrame, calls, setValues, quiz, shown, ids, bankIndex, numbers,
  answer, checked, retry, removeVideo } from './unit-page.mjs';

const [base, slug] = process.argv.slice(2);
if (!base || !slug) {
  console.error('usage: node unit.e2e.mjs BASE_URL UNIT_SLUG');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const TIMESPAN = /^[0-9]{2,4}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,2})?$/;

const openUnit = (browser) => open(browser, base + 'unit/' + slug + '/');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
try {
  // 1. Launch: one initialise, "incomplete", a commit.
  let { context, page, sco } = await openUnit(browser);
  let c = await calls(page);
  assert.deepEqual(c.slice(0, 2), [['LMSInitialize', '', 'true', '0'],
    ['LMSGetValue', 'cmi.core.lesson_status', 'not attempted', '0']], JSON.stringify(c));
  assert.deepEqual(setValues(c, 'cmi.core.lesson_status'), ['incomplete']);
  assert.ok(c.some((x) => x[0] === 'LMSCommit' && x[2] === 'true'));
  ok('first launch: LMSInitialize once, lesson_status incomplete, commit');

  const video = await removeVideo(sco);
  assert.ok(video, 'the unit has a video iframe');
  assert.match(video.src, /^https:\/\/[^/]+\/videos\/embed\//);
  assert.equal(video.allowfullscreen, true);
  assert.match(video.allow, /fullscreen/);
  assert.ok(video.title && video.title.startsWith('Vidéo'));
  ok('video iframe: https embed URL, allowfullscreen, titled (not loaded: offline)');

  // 2. The first attempt: the blueprint, drawCount questions of the bank, numbered from 1. Wrong
  // answers: failed, a low score, the attempt and its answers in suspend_data.
  const data = await quiz(sco);
  const bank = data.questions.length;
  assert.ok(data.drawCount >= 1 && data.drawCount < bank,
    `the unit draws: ${data.drawCount} questions of ${bank}`);
  const first = await shown(sco);
  assert.deepEqual(ids(first), numbers(data.drawCount).map((_, k) => `q${k + 1}`),
    'the first attempt asks the blueprint, the bank\'s first drawCount questions');
  assert.deepEqual(first.map((q) => q.number), numbers(data.drawCount));
  const intro = await sco.textContent('.quiz-intro');
  assert.ok(intro.startsWith(`${data.drawCount} questions tirées parmi les ${bank} de la banque`),
    intro);
  await answer(sco, data, false);
  c = await calls(page);
  assert.deepEqual(setValues(c, 'cmi.core.lesson_status'), ['incomplete', 'failed']);
  const wrongScore = Number(setValues(c, 'cmi.core.score.raw').at(-1));
  assert.ok(wrongScore >= 0 && wrongScore < data.passMark, 'score below the pass mark');
  assert.deepEqual(setValues(c, 'cmi.core.score.min'), ['0']);
  assert.deepEqual(setValues(c, 'cmi.core.score.max'), ['100']);
  const suspend = setValues(c, 'cmi.suspend_data').at(-1);
  assert.ok(suspend && suspend.length < 4096, 'suspend_data under 4,096 characters');
  assert.match(suspend, /^2:1:/, 'the first attempt in suspend_data');
  const results = c.filter((x) => x[0] === 'LMSSetValue' && /^cmi\.interactions\.\d+\.result$/.test(x[1]));
  assert.equal(results.length, data.drawCount, 'one interaction per question of the attempt');
  assert.ok(results.every((x) => ['correct', 'wrong'].includes(x[2])) && results.some((x) => x[2] === 'wrong'));
  assert.deepEqual(c.filter((x) => x[0] === 'LMSSetValue' && /^cmi\.interactions\.0\./.test(x[1]))
    .map((x) => x[1].substring(19)), ['id', 'type', 'correct_responses.0.pattern', 'student_response', 'result']);
  assert.equal(setValues(c, 'cmi.interactions.0.id')[0], data.questions[bankIndex(first[0].id)].id);
  ok(`first attempt: the blueprint, ${data.drawCount} of ${bank} questions numbered from 1;`
    + ` wrong answers: failed, score ${wrongScore}, suspend_data ${suspend.length} characters,`
    + ` ${results.length} interactions`);

  // 3. A retry draws another set, kept at once in suspend_data; right answers: passed, 100.
  const second = await retry(sco, data, first);
  c = await calls(page);
  assert.match(setValues(c, 'cmi.suspend_data').at(-1), /^2:2:[0-9a-f]+:-(,-+)*$/,
    'the new attempt is kept before it is answered');
  assert.deepEqual(setValues(c, 'cmi.core.lesson_status'), ['incomplete', 'failed'],
    'starting an attempt writes no status');
  await answer(sco, data, true);
  c = await calls(page);
  assert.deepEqual(setValues(c, 'cmi.core.lesson_status'), ['incomplete', 'failed', 'passed']);
  assert.equal(setValues(c, 'cmi.core.score.raw').at(-1), '100');
  ok(`retry: another set (${ids(second).filter((id) => !ids(first).includes(id)).length} new`
    + ` questions), kept in suspend_data; right answers: passed, score 100`);

  // 4. Wrong again on a third set: the pass and the best score are kept, and the page says so.
  const third = await retry(sco, data, second);
  await answer(sco, data, false);
  c = await calls(page);
  assert.deepEqual(setValues(c, 'cmi.core.lesson_status'), ['incomplete', 'failed', 'passed']);
  assert.equal(setValues(c, 'cmi.core.score.raw').at(-1), '100');
  const line = await sco.textContent('.quiz-result');
  assert.match(line, /reste réussi/);
  const lastAnswers = await checked(sco);
  ok('weaker retry on another set: still passed, score 100 kept, « ' + line.trim() + ' »');

  // 5. Leaving: session time, exit, commit, one finish. Coming back: the same attempt, with the
  // same questions and their answers.
  await page.click('#lms-relaunch');
  await page.waitForTimeout(300);
  sco = await scoFrame(page);
  c = await calls(page);
  const finishes = c.filter((x) => x[0] === 'LMSFinish');
  const inits = c.filter((x) => x[0] === 'LMSInitialize');
  assert.equal(finishes.length, 1, 'one LMSFinish for the first session');
  assert.equal(inits.length, 2, 'a new LMSInitialize for the second session');
  const firstSession = c.slice(0, c.findIndex((x) => x[0] === 'LMSFinish') + 1);
  assert.match(setValues(firstSession, 'cmi.core.session_time').at(-1), TIMESPAN);
  assert.deepEqual(setValues(firstSession, 'cmi.core.exit'), ['']);
  const tail = firstSession.slice(-2).map((x) => x[0]);
  assert.deepEqual(tail, ['LMSCommit', 'LMSFinish']);
  const resumed = c.slice(c.findIndex((x) => x[0] === 'LMSFinish') + 1);
  assert.deepEqual(resumed.slice(0, 2), [['LMSInitialize', '', 'true', '0'],
    ['LMSGetValue', 'cmi.core.lesson_status', 'passed', '0']]);
  assert.deepEqual(setValues(resumed, 'cmi.core.lesson_status'), [], 'no status written on resume');
  await removeVideo(sco);
  assert.deepEqual(await shown(sco), third, 'the same questions come back, with their numbers');
  assert.deepEqual(await checked(sco), lastAnswers, 'the last answers come back');
  ok('relaunch: session_time, exit, commit then one LMSFinish; resume shows the same set with'
    + ' its answers');

  // 5b. An attempt started but not answered comes back as it was on the next launch.
  const fourth = await retry(sco, data, third);
  await page.click('#lms-relaunch');
  await page.waitForTimeout(300);
  sco = await scoFrame(page);
  await removeVideo(sco);
  assert.deepEqual(await shown(sco), fourth, 'the started attempt comes back');
  assert.deepEqual(Object.values(await checked(sco)).filter((v) => v && v.replace(/-/g, '')), []);
  assert.equal(await sco.isVisible('.quiz-form button[type=submit]'), true);
  c = await calls(page);
  assert.equal(c.filter((x) => x[0] === 'LMSFinish').length, 2, 'one LMSFinish a session');
  assert.ok(c.every((x) => x[0] === 'LMSGetLastError' || x[x.length - 1] === '0'),
    'no SCORM call failed: ' + JSON.stringify(c.filter((x) => x[x.length - 1] !== '0')));
  ok('relaunch after starting a new attempt: the same unanswered set; no SCORM call failed');

  // 6. Accessibility of the unit page: no serious or critical axe-core violation.
  await sco.addScriptTag({ path: AXE });
  const violations = await sco.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.nodes.length);
  });
  assert.deepEqual(violations, [], 'axe-core serious/critical violations');
  await page.addScriptTag({ path: AXE });
  const playerViolations = await page.evaluate(async () => {
    // The unit in its frame was checked above; this is the preview's own page.
    const r = await window.axe.run({ exclude: [['#sco']] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => v.impact + ' ' + v.id);
  });
  assert.deepEqual(playerViolations, [], 'axe-core violations on the preview page');
  ok('axe-core: 0 serious or critical violations on the unit page, none on the preview page');
  await context.close();

  // 7. The keyboard alone: tab to each question, choose with the arrows, submit with Enter.
  ({ context, page, sco } = await openUnit(browser));
  await removeVideo(sco);
  await sco.focus('body');
  await sco.evaluate(() => { document.activeElement.blur(); window.focus(); });
  const where = () => sco.evaluate(() => {
    const a = document.activeElement;
    const fs = a && a.closest('fieldset.question');
    return { tag: a ? a.tagName : '', type: a ? a.type : '', q: fs ? fs.id : '',
      value: a ? a.value : '', submit: !!(a && a.matches('button[type=submit]')) };
  });
  await page.keyboard.press('Tab');
  const blueprint = await shown(sco);
  assert.deepEqual(ids(blueprint), ids(first), 'a new learner starts with the blueprint');
  for (const { id } of blueprint) {
    const q = data.questions[bankIndex(id)];
    let at = await where();
    for (let guard = 0; at.q !== id && guard < 60; guard++) {
      await page.keyboard.press('Tab');
      at = await where();
    }
    assert.equal(at.q, id, 'Tab reaches question ' + id);
    if (q.kind === 'matching') {
      for (let k = 0; k < q.answer.length; k++) {
        for (let guard = 0; (await where()).value !== q.answer[k] && guard < 10; guard++) {
          await page.keyboard.press('ArrowDown');
        }
        assert.equal((await where()).value, q.answer[k]);
        if (k < q.answer.length - 1) { await page.keyboard.press('Tab'); }
      }
    } else {
      await page.keyboard.press('Space');
      for (let guard = 0; (await where()).value !== q.answer && guard < 10; guard++) {
        await page.keyboard.press('ArrowDown');
      }
      assert.equal((await where()).value, q.answer);
    }
    await page.keyboard.press('Tab');
  }
  for (let guard = 0; !(await where()).submit && guard < 10; guard++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
  c = await calls(page);
  assert.equal(setValues(c, 'cmi.core.lesson_status').at(-1), 'passed', JSON.stringify(c));
  assert.equal(setValues(c, 'cmi.core.score.raw').at(-1), '100');
  ok('keyboard only: every question of the attempt answered with Tab and the arrows, Enter'
    + ' submits: passed');
  await context.close();
} catch (e) {
  console.error('not ok - ' + e.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}
