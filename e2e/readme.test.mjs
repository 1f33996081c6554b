// The README's widget example (its ```html block) works as written: served beside the built
// widget (dist/), each <claim-lens> highlights what it should, and nothing is requested after load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { serve, browser, ROOT, ARTIFACTS } from './lib.mjs';

test('the README widget example highlights in a browser', async () => {
  const readme = fs.readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = readme.match(/^```html\n([\s\S]*?)^```$/m);
  assert.ok(block, 'the README has a widget example');
  const file = join(fs.mkdtempSync(join(os.tmpdir(), 'claimlens-readme-')), 'readme.html');
  fs.writeFileSync(file, `<!doctype html><meta charset="utf-8"><body>\n${block[1]}</body>`);
  const server = await serve(undefined, '/', { 'readme.html': file });
  const context = await browser();
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript(() => {
      window.__events = [];
      document.addEventListener('claimlens:analyzed', (e) => window.__events.push(e.detail.text));
    });
    await page.goto(server.url + 'readme.html');
    await page.waitForFunction(() => window.__events.length >= 2, null, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    // The wrapped article and the article highlighted in place.
    const wrapped = await page.$$eval('claim-lens:not([for])', (ws) =>
      ws.flatMap((w) => [...w.shadowRoot.querySelectorAll('mark')].map((m) => `${m.textContent}|${m.className}`)));
    assert.ok(wrapped.some((m) => m.startsWith('said') && m.includes('cl-cue')), wrapped.join('\n'));
    assert.ok(wrapped.some((m) => m.startsWith('may|') && m.includes('hd-hedge')), wrapped.join('\n'));
    const story = await page.$$eval('#story mark', (ms) => ms.map((m) => `${m.textContent}|${m.className}`));
    assert.ok(story.some((m) => m.startsWith('could|') && m.includes('hd-hedge')), story.join('\n'));
    assert.ok(story.some((m) => m.startsWith('suggest|') && m.includes('cl-cue')), story.join('\n'));
    // The paste box is there, waiting for text.
    assert.equal(await page.$$eval('claim-lens', (ws) => ws.filter((w) => w.shadowRoot.querySelector('textarea')).length), 1);
    await page.screenshot({ path: join(ARTIFACTS, 'readme-widget.png'), fullPage: true });
    assert.deepEqual(requests, [], 'no requests after load');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});
