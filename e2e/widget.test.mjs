// The <claim-lens> widget on a host page with hostile CSS: both ways of
// embedding highlight correctly, the event fires, styles stay apart, and no
// request leaves after load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, browser, ROOT, ARTIFACTS } from './lib.mjs';

test('<claim-lens> on a hostile host page: wrapped and for= highlights, event, isolation, no requests', async () => {
  const server = await serve(undefined, '/', { 'host.html': join(ROOT, 'e2e', 'fixtures', 'widget-host.html') });
  const context = await browser();
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    // Record the analyses the widgets announce.
    await page.addInitScript(() => {
      window.__events = [];
      // detail: { text, view, analysis }; the analysis (the JSON contract) is computed when read.
      document.addEventListener('claimlens:analyzed', (e) => window.__events.push({
        id: e.target.id,
        actors: e.detail.view.actors.map((a) => a.name),
        claims: e.detail.analysis.claims.length,
        sameClaims: e.detail.analysis.claims.length === e.detail.view.claims.length,
        cues: e.detail.analysis.claims.map((c) => e.detail.text.slice(c.cue.start, c.cue.end)),
      }));
    });
    await page.goto(server.url + 'host.html');
    await page.waitForFunction(() => window.__events.length >= 2, null, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const loaded = Date.now();
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));

    const events = await page.evaluate(() => window.__events);
    const wrap = events.find((e) => e.id === 'wrap');
    assert.ok(wrap && wrap.actors.includes('Port Authority') && wrap.claims >= 2, JSON.stringify(events));
    assert.ok(events.every((e) => e.sameClaims) && wrap.cues.includes('said'), JSON.stringify(events));
    const legend = events.find((e) => e.id === 'legend');
    assert.ok(legend && legend.actors.includes('Lena Ortiz'), JSON.stringify(events));

    // Wrapped: highlights in the widget's shadow root, visible despite the host's CSS.
    const marks = await page.$$eval('#wrap mark', (ms) => ms.map((m) => ({ text: m.textContent, cls: m.className, display: getComputedStyle(m).display })));
    assert.ok(marks.some((m) => m.text === 'Port Authority' && m.cls.includes('act')), JSON.stringify(marks));
    assert.ok(marks.some((m) => m.text === 'said' && m.cls.includes('cl-cue')));
    assert.ok(marks.some((m) => m.text === 'may' && m.cls.includes('hd-hedge')));
    assert.ok(marks.every((m) => m.display === 'inline'), 'host CSS cannot hide the marks');
    // Keyboard stops come from the view: a cue is one, claim content is not.
    const stops = await page.$$eval('#wrap mark', (ms) => ms.map((m) => `${m.tabIndex}:${m.className.includes('cl-con') && !m.className.includes('hd') && !m.className.includes('act')}`));
    assert.ok(!stops.includes('0:true'), JSON.stringify(stops));
    assert.equal(await page.$eval('#wrap mark.cl-cue', (m) => m.tabIndex), 0);
    const look = await page.$eval('#wrap mark.hd-hedge', (m) => {
      const s = getComputedStyle(m);
      return { color: s.color, transform: s.textTransform, spacing: s.letterSpacing, deco: s.textDecorationStyle };
    });
    assert.notEqual(look.color, 'rgb(255, 0, 0)');
    assert.equal(look.transform, 'none');
    assert.equal(look.spacing, 'normal');
    assert.equal(look.deco, 'wavy');

    // for=: the article is highlighted in place (its own shadow root), with only the chosen layers.
    const story = await page.$$eval('#story mark', (ms) => ms.map((m) => ({ text: m.textContent, cls: m.className })));
    assert.ok(story.some((m) => m.text === 'might' && m.cls.includes('hd-hedge')), JSON.stringify(story));
    assert.ok(story.some((m) => m.cls.includes('cl-cue')));
    // No text of the target is lost: text in a div and loose text are drawn too.
    const drawn = await page.$eval('#story', (s) => s.shadowRoot.textContent);
    assert.match(drawn, /Intro in a div: the harbour board said/);
    assert.match(drawn, /Loose trailing text: critics argue/);
    const actorBg = await page.$eval('#story mark.act', (m) => getComputedStyle(m).backgroundColor);
    assert.equal(actorBg, 'rgba(0, 0, 0, 0)', 'actors layer off: no actor colour');
    assert.match(await page.$eval('#legend .summary', (p) => p.textContent), /claims/);

    // The widget did not restyle the host.
    const host = await page.$eval('#host-text', (p) => ({ color: getComputedStyle(p).color, transform: getComputedStyle(p).textTransform }));
    assert.deepEqual(host, { color: 'rgb(255, 0, 0)', transform: 'uppercase' });
    assert.equal(await page.$eval('#host-mark', (m) => getComputedStyle(m).display), 'none');

    // Tooltip on hover, inside the shadow root.
    await page.hover('#wrap mark.hd-hedge');
    await page.waitForFunction(() => {
      const tip = document.querySelector('#wrap').shadowRoot.querySelector('.tip');
      return tip && !tip.hidden && /hedge: /.test(tip.textContent);
    });
    await page.hover('#wrap mark.cl-cue');
    await page.waitForFunction(() => /^claim cue: (source|no source)/.test(document.querySelector('#wrap').shadowRoot.querySelector('.tip').textContent));

    // Empty: the paste-and-read box.
    await page.fill('#empty textarea', 'The ministry said the talks may resume, according to Reuters.');
    await page.waitForFunction(() => window.__events.some((e) => e.id === 'empty'));
    assert.ok(await page.$('#empty mark.cl-cue'));
    // Changing the theme or layers restyles; the pasted text and its analysis stay.
    await page.$eval('#empty', (w) => { w.setAttribute('theme', 'dark'); w.setAttribute('layers', 'claims'); });
    assert.match(await page.inputValue('#empty textarea'), /^The ministry said/);
    assert.ok(await page.$('#empty mark.cl-cue'));
    const classes = await page.$eval('#empty .root', (r) => [...r.classList].sort().join(' '));
    assert.equal(classes, 'box dark root show-claims');
    await page.screenshot({ path: join(ARTIFACTS, 'widget-host.png'), fullPage: true });

    assert.deepEqual(requests, [], 'no requests after load');
    assert.ok(Date.now() >= loaded);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('theme="auto" follows the host page where the widget sits, and its switches', async () => {
  const server = await serve(undefined, '/', { 'theme.html': join(ROOT, 'e2e', 'fixtures', 'widget-theme.html') });
  // The system is light: only the page can make the widgets dark.
  const context = await browser({ colorScheme: 'light' });
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(server.url + 'theme.html');
    await page.waitForFunction(() => ['page', 'in-dark', 'in-light', 'forced', 'in-oklch'].every((id) => document.getElementById(id).shadowRoot?.querySelector('mark')), null, { timeout: 30_000 });
    const dark = () => page.evaluate(() => Object.fromEntries(['page', 'in-dark', 'in-light', 'forced', 'in-oklch']
      .map((id) => [id, document.getElementById(id).shadowRoot.querySelector('.root').classList.contains('dark')])));
    assert.deepEqual(await dark(), { page: false, 'in-dark': true, 'in-light': false, forced: false, 'in-oklch': true });
    // The page switches to its own dark mode by a class on <body>: the widget on it follows.
    await page.evaluate(() => document.body.classList.add('night'));
    await page.waitForFunction(() => document.getElementById('page').shadowRoot.querySelector('.root').classList.contains('dark'));
    assert.deepEqual(await dark(), { page: true, 'in-dark': true, 'in-light': false, forced: false, 'in-oklch': true });
    await page.screenshot({ path: join(ARTIFACTS, 'widget-theme.png'), fullPage: true });
    // A page that declares only a dark color-scheme, with no background of its own.
    await page.evaluate(() => {
      document.body.classList.remove('night');
      document.documentElement.style.colorScheme = 'dark';
    });
    await page.waitForFunction(() => document.getElementById('page').shadowRoot.querySelector('.root').classList.contains('dark'));
    // A page that says `<meta name="color-scheme" content="light dark">` on a dark system.
    const sys = await context.newPage();
    await sys.emulateMedia({ colorScheme: 'dark' });
    await sys.route('**/meta.html', (r) => r.fulfill({ contentType: 'text/html',
      body: '<!doctype html><meta charset="utf-8"><meta name="color-scheme" content="light dark"><link rel="icon" href="data:,">'
        + '<script type="module" src="./widget/claim-lens.js"></script><claim-lens id="m"><p>Officials said so.</p></claim-lens>' }));
    await sys.goto(server.url + 'meta.html');
    await sys.waitForFunction(() => document.getElementById('m').shadowRoot?.querySelector('.root')?.classList.contains('dark'), null, { timeout: 30_000 });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('the JS API in the browser: offsets slice the JS string exactly (emoji, CJK, RTL, combining marks)', async () => {
  const server = await serve();
  const context = await browser();
  try {
    const page = await context.newPage();
    await page.goto(server.url + 'widget/demo.html');
    const result = await page.evaluate(async () => {
      const api = await import('./claimlens_js.js');
      await api.default();
      const text = '😀👩‍👩‍👧 The Foreign Ministry said on Monday that 東京 talks may resume. '
        + 'Analysts suggest 北京 could potentially object, according to Reuters. '
        + 'مرحبا Café Zoë said the deal was confirmed. If costs rise, officials said, it may be delayed.';
      const a = api.analyze(text);
      const slices = [];
      const check = (span, want) => slices.push([text.slice(span.start, span.end), want]);
      for (const actor of a.actors) for (const m of actor.mentions) check(m, null);
      for (const c of a.claims) {
        check(c.cue, null);
        if (c.source) check(c.source, null);
      }
      for (const h of a.hedges) check(h, h.kind);
      return {
        version: api.version(),
        names: a.actors.map((x) => x.name),
        mentions: a.actors.flatMap((x) => x.mentions.map((m) => text.slice(m.start, m.end))),
        cues: a.claims.map((c) => text.slice(c.cue.start, c.cue.end)),
        hedges: a.hedges.map((h) => text.slice(h.start, h.end)),
        sentences: a.sentences.map((x) => text.slice(x.start, x.end)),
        slices,
      };
    });
    assert.match(result.version, /^\d+\.\d+\.\d+/);
    assert.ok(result.mentions.includes('Foreign Ministry'), JSON.stringify(result.mentions));
    assert.ok(result.mentions.includes('Reuters'));
    assert.ok(result.cues.includes('said') && result.cues.includes('according to'), JSON.stringify(result.cues));
    for (const h of ['may', 'suggest', 'potentially', 'confirmed', 'If']) assert.ok(result.hedges.includes(h), `${h} in ${result.hedges}`);
    assert.ok(result.sentences.some((s) => s.startsWith('The Foreign Ministry') || s.includes('The Foreign Ministry said')), JSON.stringify(result.sentences));
    // Every span starts and ends on a word boundary of the JS string (no split surrogates).
    for (const [piece] of result.slices) {
      assert.equal(piece, piece.trim(), JSON.stringify(piece));
      assert.ok(!/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(piece), JSON.stringify(piece));
    }
  } finally {
    await context.close();
    await server.close();
  }
});
