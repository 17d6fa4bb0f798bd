// Helpers shared by the end-to-end tests of a unit under the preview's LMS stand-in (SCORM 1.2
// in unit.e2e.mjs, 2004 in unit2004.e2e.mjs): opening the unit offline, reading the SCORM calls,
// answering an attempt with the mouse, starting a new one.
import assert from 'node:assert/strict';

const errors = [];

function ok(what) {
  assert.deepEqual(errors, [], 'JavaScript errors in the page');
  console.log('ok - ' + what);
}

async function open(browser, url) {
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { context, page, sco: await scoFrame(page) };
}

/** The unit's frame once its runtime has run. */
async function scoFrame(page) {
  for (let i = 0; i < 100; i++) {
    const f = page.frames().find((x) => /\/sco(2004)?\//.test(x.url()));
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

function setValues(list, element, call = 'LMSSetValue') {
  return list.filter((c) => c[0] === call && c[1] === element).map((c) => c[2]);
}

async function quiz(sco) {
  return sco.evaluate(() => JSON.parse(document.getElementById('quiz-data').textContent));
}

/** The attempt's questions as shown: fieldset ids (q1.. in bank order) and their numbers. */
async function shown(sco) {
  return sco.$$eval('fieldset.question', (all) => all.filter((f) => !f.hidden).map((f) => ({
    id: f.id, number: f.querySelector('.question-number').textContent.trim() })));
}

const ids = (attempt) => attempt.map((q) => q.id);
const bankIndex = (id) => Number(id.slice(1)) - 1;
const numbers = (n) => Array.from({ length: n }, (_, k) => `Question ${k + 1}.`);

/** Answers the attempt's questions with the mouse: right, or wrong, as asked. */
async function answer(sco, data, right) {
  for (const { id } of await shown(sco)) {
    const q = data.questions[bankIndex(id)];
    const fs = `#${id}`;
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

/** The values checked or selected in the attempt's questions, by fieldset id. */
async function checked(sco) {
  const out = {};
  for (const { id } of await shown(sco)) {
    out[id] = await sco.evaluate((n) => {
      const fs = document.getElementById(n);
      const sel = fs.querySelectorAll('select');
      if (sel.length) { return Array.from(sel).map((s) => s.value).join(''); }
      const c = fs.querySelector('input:checked');
      return c ? c.value : null;
    }, id);
  }
  return out;
}

/** A new attempt: its questions, numbered from 1, drawCount of them, those left out first. */
async function retry(sco, data, previous) {
  await sco.click('.quiz-form button.retry');
  const next = await shown(sco);
  assert.equal(next.length, data.drawCount, 'an attempt shows drawCount questions');
  assert.deepEqual(next.map((q) => q.number), numbers(data.drawCount));
  const fresh = ids(next).filter((id) => !ids(previous).includes(id)).length;
  assert.equal(fresh, Math.min(data.drawCount, data.questions.length - data.drawCount),
    'questions the previous attempt did not ask come first: ' + ids(previous) + ' then ' + ids(next));
  assert.deepEqual(Object.values(await checked(sco)).filter((v) => v && v.replace(/-/g, '')), [],
    'a new attempt starts without answers');
  assert.match(await sco.textContent('.quiz-result'), /^Nouveau tirage : \d+ (nouvelles )?questions/);
  const focused = await sco.evaluate(() => document.activeElement.closest('fieldset').id);
  assert.equal(focused, next[0].id, 'the focus goes to the first question of the new attempt');
  return next;
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

export { errors, ok, open, scoFrame, calls, setValues, quiz, shown, ids, bankIndex, numbers, answer, checked, retry, removeVideo };
