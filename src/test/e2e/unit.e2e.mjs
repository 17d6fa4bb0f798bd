// End-to-end test of a unit under the preview's LMS stand-in, in Debian's Chromium.
//
//   node src/test/e2e/unit.e2e.mjs BASE_URL UNIT_SLUG
//
// BASE_URL is a running `coursepack preview` (PreviewEndToEndTest starts one). The unit must have
// a quiz and a PeerTube video. Nothing leaves 127.0.0.1: the video's iframe is checked, then its
// requests are refused and the iframe removed. Prints one line per check; exits 1 on the first
// failure, with what was expected and what the unit did.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

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

const errors = [];

function ok(what) {
  assert.deepEqual(errors, [], 'JavaScript errors in the page');
  console.log('ok - ' + what);
}

async function open(browser) {
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + 'unit/' + slug + '/');
  return { context, page, sco: await scoFrame(page) };
}

/** The unit's frame once its runtime has run. */
async function scoFrame(page) {
  for (let i = 0; i < 100; i++) {
    const f = page.frames().find((x) => x.url().includes('/sco/'));
    if (f && await f.evaluate(() => document.readyState === 'complete' && !!window.CoursepackLMS)
      .catch(() => false)) {
      return f;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('the unit did not load or did not find the LMS API');
}

/** The SCORM calls so far, as [call, ...args, result, error]. */
async function calls(page) {
  return page.evaluate(() => window.coursepackPreview.calls.map(
    (c) => [c.call, ...c.args, c.result, c.error]));
}

function setValues(list, element) {
  return list.filter((c) => c[0] === 'LMSSetValue' && c[1] === element).map((c) => c[2]);
}

async function quiz(sco) {
  return sco.evaluate(() => JSON.parse(document.getElementById('quiz-data').textContent));
}

/** Answers every question with the mouse: right, or wrong, as asked. */
async function answer(sco, data, right) {
  for (let i = 0; i < data.questions.length; i++) {
    const q = data.questions[i];
    const fs = `#q${i + 1}`;
    if (q.kind === 'matching') {
      const selects = await sco.$$(`${fs} select`);
      for (let k = 0; k < selects.length; k++) {
        const value = right ? q.answer[k] : q.answer[(k + 1) % q.answer.length];
        await selects[k].selectOption(value);
      }
    } else {
      const values = await sco.$$eval(`${fs} input`, (els) => els.map((e) => e.value));
      const value = right ? q.answer : values.find((v) => v !== q.answer);
      await sco.click(`${fs} input[value="${value}"]`);
    }
  }
  await sco.click('.quiz-form button[type=submit]');
}

async function checked(sco, data) {
  const out = [];
  for (let i = 0; i < data.questions.length; i++) {
    out.push(await sco.evaluate((n) => {
      const fs = document.getElementById('q' + n);
      const sel = fs.querySelectorAll('select');
      if (sel.length) { return Array.from(sel).map((s) => s.value).join(''); }
      const c = fs.querySelector('input:checked');
      return c ? c.value : null;
    }, i + 1));
  }
  return out;
}

async function removeVideo(sco) {
  const video = await sco.evaluate(() => {
    const f = document.querySelector('.video-frame iframe');
    if (!f) { return null; }
    const seen = { src: f.getAttribute('src'), allowfullscreen: f.hasAttribute('allowfullscreen'),
      allow: f.getAttribute('allow'), title: f.getAttribute('title') };
    f.remove();
    return seen;
  });
  return video;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
try {
  // 1. Launch: one initialise, "incomplete", a commit.
  let { context, page, sco } = await open(browser);
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

  // 2. Wrong answers: failed, a low score, the answers in suspend_data.
  const data = await quiz(sco);
  await answer(sco, data, false);
  c = await calls(page);
  assert.deepEqual(setValues(c, 'cmi.core.lesson_status'), ['incomplete', 'failed']);
  const wrongScore = Number(setValues(c, 'cmi.core.score.raw').at(-1));
  assert.ok(wrongScore >= 0 && wrongScore < data.passMark, 'score below the pass mark');
  assert.deepEqual(setValues(c, 'cmi.core.score.min'), ['0']);
  assert.deepEqual(setValues(c, 'cmi.core.score.max'), ['100']);
  const suspend = setValues(c, 'cmi.suspend_data').at(-1);
  assert.ok(suspend && suspend.length < 4096, 'suspend_data under 4,096 characters');
  ok(`wrong answers: failed, score ${wrongScore}, suspend_data ${suspend.length} characters`);

  // 3. Right answers on a retry: passed, 100.
  await sco.click('.quiz-form button.retry');
  await answer(sco, data, true);
  c = await calls(page);
  assert.deepEqual(setValues(c, 'cmi.core.lesson_status'), ['incomplete', 'failed', 'passed']);
  assert.equal(setValues(c, 'cmi.core.score.raw').at(-1), '100');
  ok('right answers: passed, score 100');

  // 4. Wrong again: the pass and the best score are kept, and the page says so.
  await sco.click('.quiz-form button.retry');
  await answer(sco, data, false);
  c = await calls(page);
  assert.deepEqual(setValues(c, 'cmi.core.lesson_status'), ['incomplete', 'failed', 'passed']);
  assert.equal(setValues(c, 'cmi.core.score.raw').at(-1), '100');
  const line = await sco.textContent('.quiz-result');
  assert.match(line, /reste réussi/);
  const lastAnswers = await checked(sco, data);
  ok('weaker retry: still passed, score 100 kept, « ' + line.trim() + ' »');

  // 5. Leaving: session time, exit, commit, one finish. Coming back: resume with the answers.
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
  assert.ok(c.every((x) => x[0] === 'LMSGetLastError' || x[x.length - 1] === '0'),
    'no SCORM call failed: ' + JSON.stringify(c.filter((x) => x[x.length - 1] !== '0')));
  const second = c.slice(c.findIndex((x) => x[0] === 'LMSFinish') + 1);
  assert.deepEqual(second.slice(0, 2), [['LMSInitialize', '', 'true', '0'],
    ['LMSGetValue', 'cmi.core.lesson_status', 'passed', '0']]);
  assert.deepEqual(setValues(second, 'cmi.core.lesson_status'), [], 'no status written on resume');
  await removeVideo(sco);
  assert.deepEqual(await checked(sco, data), lastAnswers, 'the last answers come back');
  ok('relaunch: session_time, exit, commit then one LMSFinish; resume restores the answers');

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
  ({ context, page, sco } = await open(browser));
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
  for (let i = 0; i < data.questions.length; i++) {
    const q = data.questions[i];
    let at = await where();
    for (let guard = 0; at.q !== `q${i + 1}` && guard < 60; guard++) {
      await page.keyboard.press('Tab');
      at = await where();
    }
    assert.equal(at.q, `q${i + 1}`, 'Tab reaches question ' + (i + 1));
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
  ok('keyboard only: every question answered with Tab and the arrows, Enter submits: passed');
  await context.close();
} catch (e) {
  console.error('not ok - ' + e.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}
