// Offline hosting: the service worker keeps the app working with the server
// gone (served under a sub-path), and the single-file build works from file://.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, browser, text, analysed, DIST, ARTIFACTS } from './lib.mjs';

function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  return problems;
}

test('served under a sub-path; after one visit the service worker serves it with the server gone', async () => {
  const server = await serve(DIST, '/tools/claimlens/');
  const context = await browser();
  try {
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(server.url);
    await page.waitForSelector('main[data-ready="true"]');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null || true);
    // Everything was requested under the sub-path.
    assert.ok(server.hits.every((p) => p.startsWith('/tools/claimlens/')), JSON.stringify(server.hits));
    await server.close();
    const down = await fetch(server.url).then(() => 'answered', () => 'refused');
    assert.equal(down, 'refused', 'the server is gone');

    await page.reload();
    await page.waitForSelector('main[data-ready="true"]');
    await page.fill('#article', 'Offline, the ministry said the bridge may reopen in May.');
    await analysed(page, 'Offline, the ministry');
    await page.waitForFunction(() => CSS.highlights.has('q-hd'));
    await page.screenshot({ path: join(ARTIFACTS, 'offline-reload.png') });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close().catch(() => {});
  }
});

test('the single-file build works from file:// with its worker', async () => {
  const context = await browser();
  try {
    const page = await context.newPage();
    const problems = watch(page);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(DIST, 'claimlens-standalone.html')).href);
    await page.waitForSelector('main[data-ready="true"]');
    const article = await text('article.txt');
    await page.fill('#article', article);
    await analysed(page, 'Tomas Berglund');
    await page.waitForFunction(() => CSS.highlights.has('q-act') && [...CSS.highlights.keys()].some((k) => k.startsWith('cl-cue-')));
    assert.equal(await page.$('.notice'), null, 'no fallback notice: the worker ran');
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:')), []);
    await page.screenshot({ path: join(ARTIFACTS, 'single-file.png') });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
