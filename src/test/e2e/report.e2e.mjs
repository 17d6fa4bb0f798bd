// Accessibility of the course report (report.html) in Debian's Chromium: no serious or critical
// axe-core violation, and every in-page link reaches its target with the keyboard.
//
//   node src/test/e2e/report.e2e.mjs /path/to/report.html
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node report.e2e.mjs REPORT.html');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const context = await browser.newContext();
  // Nothing leaves the machine: the report needs no network.
  await context.route('**/*', (route) => (route.request().url().startsWith('file:')
    ? route.continue() : route.abort()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(file).href);
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.nodes.length);
  });
  assert.deepEqual(violations, [], 'axe-core serious/critical violations');
  console.log('ok - axe-core: 0 serious or critical violations on the report');
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.getAttribute('href'));
  assert.equal(first, '#deposer', 'the first link of the page is the table of contents');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => location.hash), '#deposer');
  assert.deepEqual(errors, []);
  console.log('ok - keyboard: the table of contents leads to its sections');
} catch (e) {
  console.error('not ok - ' + e.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}
