// End-to-end test of a unit's SCORM 2004 package under the preview's LMS stand-in (its
// API_1484_11 checks values as Moodle's scorm_13.js does), in Debian's Chromium.
//
//   node src/test/e2e/unit2004.e2e.mjs BASE_URL UNIT_SLUG
//
// The unit must have a quiz that draws. It asserts the exact 2004 calls of a first launch, of a
// wrong then a right attempt (success and completion set by the unit itself, the score raw and
// scaled, the progress measure, one interaction per question), of leaving (ISO 8601 session time,
// exit, Commit then one Terminate) and of a relaunch that resumes the same questions and answers;
// and that no call gave an error. Exits 1 on the first failure.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { errors, ok, open, scoFrame, calls, setValues, quiz, shown, ids, bankIndex, answer,
  checked, retry, removeVideo } from './unit-page.mjs';

const [base, slug] = process.argv.slice(2);
if (!base || !slug) {
  console.error('usage: node unit2004.e2e.mjs BASE_URL UNIT_SLUG');
  process.exit(2);
}
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const DURATION = /^P(\d+Y)?(\d+M)?(\d+D)?(T(((\d+H)(\d+M)?(\d+(\.\d{1,2})?S)?)|((\d+M)(\d+(\.\d{1,2})?S)?)|((\d+(\.\d{1,2})?S))))?$/;
const set = (c, element) => setValues(c, element, 'SetValue');
const fields = (c, n) => c.filter((x) => x[0] === 'SetValue' && x[1].startsWith(`cmi.interactions.${n}.`))
  .map((x) => x[1].substring(`cmi.interactions.${n}.`.length));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
try {
  // 1. Launch: Initialize once, completion "incomplete" and progress 0, a commit; the 2004 API
  // only (the unit never looks for SCORM 1.2's).
  let { context, page, sco } = await open(browser, base + 'unit2004/' + slug + '/');
  let c = await calls(page);
  assert.deepEqual(c.slice(0, 3), [['Initialize', '', 'true', '0'],
    ['GetValue', 'cmi.completion_status', 'unknown', '0'],
    ['GetValue', 'cmi.success_status', 'unknown', '0']], JSON.stringify(c));
  assert.deepEqual(set(c, 'cmi.completion_status'), ['incomplete']);
  assert.deepEqual(set(c, 'cmi.progress_measure'), ['0']);
  assert.ok(c.some((x) => x[0] === 'Commit' && x[2] === 'true'));
  assert.ok(!c.some((x) => x[0].startsWith('LMS')), 'no SCORM 1.2 call');
  assert.equal(await page.getAttribute('body', 'data-edition'), '2004');
  ok('first launch (SCORM 2004): Initialize once, completion_status incomplete, progress 0, commit');
  await removeVideo(sco);

  // 2. Wrong answers: failed, still incomplete, the score raw and scaled, one interaction per
  // question in the order Moodle wants (id, type, …), the attempt in suspend_data.
  const data = await quiz(sco);
  const first = await shown(sco);
  await answer(sco, data, false);
  c = await calls(page);
  assert.deepEqual(set(c, 'cmi.success_status'), ['failed']);
  assert.deepEqual(set(c, 'cmi.completion_status'), ['incomplete'], 'failing does not complete');
  const raw = Number(set(c, 'cmi.score.raw').at(-1));
  assert.ok(raw < data.passMark);
  assert.equal(Number(set(c, 'cmi.score.scaled').at(-1)), raw / 100);
  assert.deepEqual(set(c, 'cmi.score.min'), ['0']);
  assert.deepEqual(set(c, 'cmi.score.max'), ['100']);
  assert.equal(set(c, 'cmi.interactions.0.id')[0], data.questions[bankIndex(first[0].id)].id);
  assert.deepEqual(fields(c, 0).slice(0, 2), ['id', 'type']);
  assert.equal(c.filter((x) => x[0] === 'SetValue' && /^cmi\.interactions\.\d+\.result$/.test(x[1])).length,
    data.drawCount, 'one interaction per question of the attempt');
  for (let n = 0; n < data.drawCount; n++) {
    const q = data.questions[bankIndex(first[n].id)];
    assert.equal(set(c, `cmi.interactions.${n}.type`)[0], q.interaction);
    assert.ok(set(c, `cmi.interactions.${n}.description`)[0].startsWith('{lang=fr}'));
  }
  assert.match(set(c, 'cmi.suspend_data').at(-1), /^2:1:/);
  ok(`wrong answers: failed and incomplete, score ${raw} (scaled ${raw / 100}),`
    + ` ${data.drawCount} interactions`);

  // 3. A retry answered right: passed and completed, 100 and 1, progress 1, interactions appended.
  const second = await retry(sco, data, first);
  await answer(sco, data, true);
  c = await calls(page);
  assert.deepEqual(set(c, 'cmi.success_status'), ['failed', 'passed']);
  assert.deepEqual(set(c, 'cmi.completion_status'), ['incomplete', 'completed']);
  assert.equal(set(c, 'cmi.score.raw').at(-1), '100');
  assert.equal(set(c, 'cmi.score.scaled').at(-1), '1');
  assert.equal(set(c, 'cmi.progress_measure').at(-1), '1');
  assert.equal(set(c, `cmi.interactions.${data.drawCount}.result`)[0], 'correct',
    'the new attempt\'s interactions come after the first one\'s');
  const answers = await checked(sco);
  ok('right answers: passed and completed, score 100 (scaled 1), progress 1, interactions appended');

  // 4. Leaving and coming back: session time, exit "normal", Commit then one Terminate; the
  // relaunch reads the state back, writes no status, and shows the same set with its answers.
  await page.click('#lms-relaunch');
  await page.waitForTimeout(300);
  sco = await scoFrame(page);
  c = await calls(page);
  const end = c.findIndex((x) => x[0] === 'Terminate');
  const session = c.slice(0, end + 1);
  assert.match(set(session, 'cmi.session_time').at(-1), DURATION);
  assert.deepEqual(set(session, 'cmi.exit'), ['normal']);
  assert.deepEqual(session.slice(-2).map((x) => x[0]), ['Commit', 'Terminate']);
  assert.equal(c.filter((x) => x[0] === 'Terminate').length, 1);
  const resumed = c.slice(end + 1);
  assert.deepEqual(resumed.slice(0, 3), [['Initialize', '', 'true', '0'],
    ['GetValue', 'cmi.completion_status', 'completed', '0'],
    ['GetValue', 'cmi.success_status', 'passed', '0']]);
  assert.deepEqual(set(resumed, 'cmi.completion_status'), [], 'no status written on resume');
  await removeVideo(sco);
  assert.deepEqual(ids(await shown(sco)), ids(second), 'the same questions come back');
  assert.deepEqual(await checked(sco), answers, 'with their answers');
  assert.ok(c.every((x) => x[0] === 'GetLastError' || x[x.length - 1] === '0'),
    'no SCORM call failed: ' + JSON.stringify(c.filter((x) => x[x.length - 1] !== '0')));
  const stored = await page.evaluate(() => window.coursepackPreview.data());
  assert.equal(stored['cmi.interactions._count'], String(2 * data.drawCount));
  assert.match(stored['cmi.total_time'], /^PT\d+H\d+M\d+S$/);
  ok('relaunch: ISO 8601 session_time, exit normal, Commit then one Terminate; resume shows the'
    + ' same set with its answers; no SCORM call failed');
  assert.deepEqual(errors, []);
  await context.close();
} catch (e) {
  console.error('not ok - ' + e.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}
