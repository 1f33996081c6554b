// End-to-end tests of the web app (release build in dist/, served by a plain
// static server) in headless Chromium. Screenshots go to e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { serve, browser, text, analysed, highlights, spot, openApp, paste, ARTIFACTS } from './lib.mjs';

let server;
let context;
const requests = [];
const problems = [];

before(async () => {
  server = await serve();
  context = await browser();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  context.on('request', (r) => requests.push({ url: r.url(), at: Date.now() }));
});

after(async () => {
  await context?.close();
  await server?.close();
});

/** Opens the app with empty storage and waits until the analysis engine is ready. */
const open = () => openApp(context, server.url, problems);


function noProblems() {
  assert.deepEqual(problems.splice(0), [], 'no page errors, console errors or dialogs');
}

test('empty state, then a pasted article with actors, claims and hedges highlighted', async () => {
  const page = await open();
  // Empty: the text box says what to do and what will be marked.
  assert.equal(await page.$eval('#article', (a) => a.textContent), '');
  assert.match(await page.getAttribute('#article', 'data-placeholder'), /Paste a news article here/);
  await page.screenshot({ path: join(ARTIFACTS, 'empty.png'), fullPage: true });

  const started = Date.now();
  const article = await text('article.txt');
  await paste(page, article);
  await analysed(page, 'Meridian River Commission');

  // The article is the one text box: the text is in it, with no element of the page's own.
  const box = page.getByRole('textbox', { name: 'Article' });
  assert.equal(await box.getAttribute('contenteditable'), 'plaintext-only');
  const inside = await page.$$eval('#article *', (els) => els.map((e) => e.tagName));
  assert.deepEqual(inside.filter((t) => t !== 'DIV' && t !== 'BR'), [], 'plain text (and the browser\'s line breaks), marks drawn over it');
  assert.equal(await page.$eval('#article', (a) => a.textContent), article);

  // Claims are drawn strongly by default: cues, sources, contents.
  const texts = async (re) => (await highlights(page, re)).map((h) => h.text);
  const cues = await texts('^cl-cue-');
  assert.ok(cues.includes('said') && cues.some((c) => /According to/.test(c)), `cues ${JSON.stringify(cues)}`);
  assert.match((await texts('^cl-src$')).join('|'), /Tomas Berglund/);
  assert.ok((await texts('^cl-con$')).length > 0, 'claim content is drawn');
  const claims = await page.textContent('#claims-panel');
  assert.match(claims, /named/);
  assert.match(claims, /vague/);
  // The other layers are quiet: a thin line each.
  assert.ok((await texts('^q-act$')).length > 0 && (await texts('^q-hd$')).length > 0);
  assert.deepEqual(await texts('^(a\\d|hd-)'), []);

  // All layers: actors one colour each across their mentions (kind by underline style).
  await page.click('label.seg:has(input[value="focus-all"])');
  const actors = await highlights(page, '^a\\d-');
  for (const name of ['Tomas Berglund', 'Lisbon', 'Ministry of Agriculture', 'Ana Duarte', 'Radio Tejo']) {
    assert.ok(actors.some((h) => h.text.includes(name)), `actor ${name} in ${JSON.stringify(actors)}`);
  }
  assert.ok(actors.some((h) => h.text.includes('Tomas Berglund') && h.name.endsWith('-person')));
  const panel = await page.textContent('#actors-panel');
  assert.match(panel, /Tomas Berglund/);
  assert.match(panel, /person/);
  const colours = new Set(actors.map((h) => h.name.split('-')[0])).size;
  assert.ok(colours >= 4, `actors get several colours (${colours})`);

  // Hedging: kinds told apart.
  const hedge = (await highlights(page, '^hd-')).map((h) => `${h.text}:${h.name}`);
  for (const want of ['may:hd-hedge', 'potentially:hd-hedge', 'confirmed:hd-booster', 'If:hd-condition']) {
    assert.ok(hedge.includes(want), `${want} in ${JSON.stringify(hedge)}`);
  }
  assert.ok(hedge.some((h) => h.endsWith('hd-weasel')), 'a weasel phrase');
  assert.match(await page.textContent('#hedging-panel'), /hedges/);

  // Nested spans: an actor inside a claim source keeps both layers on one piece of text.
  const nested = await page.evaluate(() => {
    const src = new Set(CSS.highlights.get('cl-src'));
    return [...CSS.highlights].some(([n, h]) => /^a\d-/.test(n) && [...h].some((r) => src.has(r)));
  });
  assert.ok(nested, 'an actor that is also a claim source');
  await page.click('label.seg:has(input[value="focus-claims"])');

  // The certainty strip has a bar per sentence, and a click jumps to the sentence.
  const bars = await page.$$('.strip .bar');
  assert.ok(bars.length >= 10, `bars: ${bars.length}`);
  // Each bar says what lowered or raised its sentence.
  const barLabels = await page.$$eval('.strip .bar', (bs) => bs.map((b) => b.getAttribute('aria-label')));
  assert.ok(barLabels.some((l) => /certainty \d+%: lowered by (hedge|weasel|condition) “[^”]+”/.test(l)), JSON.stringify(barLabels));
  assert.ok(barLabels.some((l) => /raised by booster “confirmed”/.test(l)), JSON.stringify(barLabels));
  assert.ok(barLabels.some((l) => /^Sentence \d+: certainty 100%$/.test(l)), 'a sentence nothing changed says nothing more');
  // A jump lands on its sentence, highlighted (the CSS Custom Highlight API).
  // Every bar lands on its own sentence, one sentence (whatever mark it starts with: an
  // actor, a claim's source, a hedge, or none), which is text of the article.
  for (const bar of bars.slice(0, 8)) {
    await bar.click();
    const landed = await page.evaluate(() => {
      const h = CSS.highlights.get('landed');
      return h ? [...h].map((r) => r.toString()) : [];
    });
    assert.equal(landed.length, 1);
    const sentence = landed[0].trim();
    assert.ok(sentence.length > 10 && article.includes(sentence), JSON.stringify(landed));
    const ends = sentence.match(/[.!?]["”]?(?=\s|$)/g) ?? [];
    assert.ok(ends.length <= 1, `one sentence, not several: ${JSON.stringify(sentence)}`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'analysed.png'), fullPage: true });

  // No request after load: everything above ran in the page and its worker.
  const after = requests.filter((r) => r.at >= started);
  assert.deepEqual(after.map((r) => r.url), [], 'no requests after load');
  noProblems();
  await page.close();
});

test('typing in the article: highlights follow, no keystroke lost, caret, scroll and undo stay', async () => {
  const page = await open();
  const article = await text('article.txt');
  await paste(page, article);
  await analysed(page, 'Meridian River Commission');
  // Type a sentence at the end, key by key, with pauses long enough for analyses to run
  // between keystrokes.
  await page.click('#article');
  await page.keyboard.press('Control+End');
  const scrolled = await page.evaluate(() => window.scrollY);
  const typed = ' Later the harbour master said the gates may close.';
  for (const [i, ch] of [...typed].entries()) {
    await page.keyboard.type(ch);
    if (i % 12 === 11) await page.waitForTimeout(400);
  }
  await analysed(page, 'gates may close.');
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Analysed'));
  assert.equal(await page.$eval('#article', (a) => a.textContent), article + typed, 'every keystroke kept');
  // The new sentence's claim and hedge are drawn inside the text box.
  await page.waitForFunction(() => [...CSS.highlights].some(([n, h]) => n.startsWith('cl-cue-') && [...h].some((r) =>
    r.toString() === 'said' && r.startContainer.textContent.slice(0, r.startOffset).endsWith('harbour master '))));
  assert.ok((await highlights(page, '^q-hd$')).some((h) => h.text === 'may'));
  // The caret is still at the end, the page did not jump.
  const caret = await page.evaluate(() => {
    const s = getSelection();
    const r = document.createRange();
    r.selectNodeContents(document.querySelector('#article'));
    r.setEnd(s.focusNode, s.focusOffset);
    return r.toString().length;
  });
  assert.equal(caret, (article + typed).length);
  const now = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(now - scrolled) < 80, `scroll kept (${scrolled} → ${now})`);
  await page.screenshot({ path: join(ARTIFACTS, 'typed.png') });
  // Native undo takes the typing back.
  await page.keyboard.press('Control+Z');
  const undone = await page.$eval('#article', (a) => a.textContent);
  assert.ok(undone.length < (article + typed).length && (article + typed).startsWith(undone), 'undo removes typed text');
  noProblems();
  await page.close();
});

test('typing right before a highlight does not join it; Alt+Down past the last mark stays', async () => {
  const page = await open();
  await paste(page, 'The council said the road may close. Residents were not told.');
  await analysed(page, 'Residents were not told.');
  // Put the caret right before "said" and type.
  await page.evaluate(() => {
    const t = document.querySelector('#article').firstChild;
    getSelection().collapse(t, t.textContent.indexOf('said'));
  });
  await page.keyboard.type('also ');
  const cues = (await highlights(page, '^cl-cue-')).map((h) => h.text);
  assert.equal(cues[0], 'said', `the cue did not grow with the typing: ${JSON.stringify(cues)}`);
  await analysed(page, 'council also said');
  // Alt+Down at the very end: nothing after it, the caret stays.
  await page.keyboard.press('Control+End');
  const end = await page.evaluate(() => getSelection().focusOffset);
  await page.keyboard.press('Alt+ArrowDown');
  assert.equal(await page.evaluate(() => getSelection().focusOffset), end);
  // Escape closes a card even when the focus has left it.
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+Enter');
  const card = page.getByRole('dialog', { name: 'What was found here' });
  await card.waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  noProblems();
  await page.close();
});

test('a long text in parts: the parts show all of it once; quick typing in a part loses nothing', async () => {
  const page = await open();
  const base = await text('article.txt');
  const paras = base.split('\n\n');
  let long = '';
  for (let i = 0; long.length < 300_000; i++) long += `[#${i}] ${paras[i % paras.length]}\n\n`;
  await paste(page, long);
  await page.waitForFunction(() => /Analysed/.test(document.querySelector('#status').textContent), null, { timeout: 60_000 });
  const part = () => page.$eval('#article', (a) => a.textContent);
  const label = () => page.textContent('.pager span');
  assert.match(await label(), /^Part 1 of \d+$/);
  const n = Number((await label()).match(/of (\d+)/)[1]);
  let seen = await part();
  for (let i = 2; i <= n; i++) {
    await page.getByRole('button', { name: 'Next part →' }).click();
    await page.waitForFunction((k) => document.querySelector('.pager span').textContent.startsWith(`Part ${k} `), i);
    seen += await part();
  }
  assert.equal(await page.getByRole('button', { name: 'Next part →' }).isDisabled(), true);
  // The box shows one more line break after the last line (the browser's way of holding
  // an empty last line open).
  assert.equal(seen.replace(/\n$/, ''), long, 'every piece of the text once, in order');
  // Back to the second part: typing quickly in its middle keeps every key and the rest.
  for (let i = n; i > 2; i--) {
    await page.getByRole('button', { name: '← Previous part' }).click();
    await page.waitForFunction((k) => document.querySelector('.pager span').textContent.startsWith(`Part ${k} `), i - 1)
      .catch(async (e) => { throw new Error(`${e.message}: ${await label()} after Previous from ${i}`); });
  }
  await page.waitForFunction(() => document.querySelector('.pager span').textContent.startsWith('Part 2 '));
  const before = await part();
  const at = before.indexOf('\n\n[#', 2000) + 2;
  await page.evaluate((k) => {
    const a = document.querySelector('#article');
    a.focus();
    getSelection().collapse(a.firstChild, k);
  }, at);
  const typed = 'QWERTY typed here. ';
  await page.keyboard.type(typed, { delay: 8 });
  await page.waitForTimeout(1500);
  const offset = long.indexOf(before.slice(0, 200));
  const want = long.slice(0, offset + at) + typed + long.slice(offset + at);
  const saved = await page.evaluate(() => localStorage.getItem('claimlens.text'));
  assert.equal(saved.length, want.length, 'the saved text has every typed key and nothing less');
  assert.equal(saved, want);
  // Select all and paste: the whole text is replaced, not only the part shown.
  await paste(page, 'A short text now. The mayor said the road may open.');
  await analysed(page, 'the road may open.');
  assert.equal(await page.$('.pager'), null, 'no parts left');
  // (A line break the browser keeps at the end of the part may stay at the end.)
  assert.equal((await page.evaluate(() => localStorage.getItem('claimlens.text'))).replace(/\n$/, ''),
    'A short text now. The mayor said the road may open.');
  noProblems();
  await page.close();
});

test('layer toggles, calm focus control, tooltips on hover and keyboard, cards, actor selection', async () => {
  const page = await open();
  await paste(page, await text('article.txt'));
  await analysed(page, 'Meridian River Commission');
  await page.mouse.move(0, 0);

  // Tooltip on hover says what was found and why.
  const hover = async (re, t) => {
    const at = await spot(page, re, t);
    assert.ok(at, `a ${re} highlight ${t ?? ''}`);
    await page.mouse.move(at.x, at.y);
    return at;
  };
  await hover('^q-hd$', '^may$');
  await page.waitForSelector('#tip:not(.hidden)');
  assert.match(await page.textContent('#tip'), /hedge: (modal verb|[a-z ]+)/);
  assert.equal((await highlights(page, '^hover$'))[0]?.text, 'may');
  await hover('^cl-cue-');
  await page.waitForFunction(() => /claim cue: (source|no source)/.test(document.querySelector('#tip').textContent));
  await page.screenshot({ path: join(ARTIFACTS, 'tooltip.png') });

  // The keyboard: the article is one tab stop; Alt+Down and Alt+Up move between the
  // highlights of the drawn layer (claims: their cues), with the tooltip; screen readers
  // hear it.
  await page.mouse.move(0, 0);
  assert.equal(await page.$$eval('#article [tabindex]', (ms) => ms.length), 0, 'nothing inside is a tab stop');
  await page.focus('#article');
  await page.evaluate(() => getSelection().collapse(document.querySelector('#article').firstChild, 0));
  const stepped = async () => (await highlights(page, '^step$'))[0]?.text;
  await page.keyboard.press('Alt+ArrowDown');
  const firstCue = await stepped();
  assert.ok((await highlights(page, '^cl-cue-')).some((h) => h.text === firstCue), `stepped to a cue: ${firstCue}`);
  await page.waitForFunction(() => /claim cue: /.test(document.querySelector('#tip').textContent));
  assert.match(await page.textContent('#mark-said'), /claim cue: /);
  await page.keyboard.press('Alt+ArrowDown');
  const secondCue = await stepped();
  await page.keyboard.press('Alt+ArrowUp');
  assert.equal(await stepped(), firstCue);
  assert.ok(secondCue);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'article');

  // Alt+Enter explains the highlight at the caret in a card (a non-modal dialog) that takes
  // the focus; Escape closes it and the focus goes back to the article.
  await page.keyboard.press('Alt+Enter');
  const card = page.getByRole('dialog', { name: 'What was found here' });
  await card.waitFor();
  const claimCard = await card.textContent();
  assert.match(claimCard, /Claim/);
  assert.match(claimCard, /→ “[^”]+” →/);
  assert.match(claimCard, /(Named source|Vague source|No source)/);
  await page.waitForFunction(() => document.activeElement.id === 'card-close');
  await page.screenshot({ path: join(ARTIFACTS, 'card-claim.png') });
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'article');
  // A click on a hedge explains it, with what it did to its sentence; the caret stays in
  // the text (the card does not take the focus from a click).
  let at = await spot(page, '^q-hd$', '^may$');
  await page.mouse.click(at.x, at.y);
  await card.waitFor();
  assert.match(await card.textContent(), /Hedging: hedge.*Its sentence: certainty \d+%/s);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'article');
  await page.screenshot({ path: join(ARTIFACTS, 'card-hedge.png') });
  await page.click('#card-close');
  await card.waitFor({ state: 'detached' });
  // An actor's card gives its kind, forms and claims.
  at = await page.evaluate(() => {
    const claims = new Set([...CSS.highlights].filter(([n]) => n.startsWith('cl-')).flatMap(([, h]) => [...h]));
    const r = [...CSS.highlights.get('q-act')].find((x) => !claims.has(x) && x.toString().length > 3);
    r.startContainer.parentElement.scrollIntoView({ block: 'nearest' });
    const b = r.getClientRects()[0];
    return { x: b.left + 4, y: b.top + b.height / 2 };
  });
  await page.mouse.click(at.x, at.y);
  await card.waitFor();
  assert.match(await card.textContent(), /Actor: .+named \d+ times/);
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  // With actors drawn, Alt+Down moves between actors.
  await page.click('label.seg:has(input[value="focus-actors"])');
  await page.focus('#article');
  await page.keyboard.press('Alt+ArrowDown');
  const actor = await stepped();
  assert.ok((await highlights(page, '^a\\d-')).some((h) => h.text === actor), `stepped to an actor: ${actor}`);
  await page.waitForFunction(() => /actor: /.test(document.querySelector('#tip').textContent));
  await page.click('label.seg:has(input[value="focus-claims"])');
  // A tooltip near the bottom of the window opens above its highlight, inside the window.
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.evaluate(() => {
    const r = [...CSS.highlights.get('q-hd')][0];
    window.scrollBy(0, r.getClientRects()[0].bottom - window.innerHeight + 4);
  });
  await page.waitForTimeout(150); // the scroll event (which hides a tooltip) comes first
  const low = await page.evaluate(() => {
    const b = [...CSS.highlights.get('q-hd')][0].getClientRects()[0];
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  await page.mouse.move(low.x, low.y);
  await page.waitForSelector('#tip:not(.hidden)');
  const tip = await page.$eval('#tip', (t) => t.getBoundingClientRect().bottom);
  assert.ok(tip <= 500, `tooltip inside the window (bottom ${tip})`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.mouse.move(0, 0);

  // Toggling a layer off removes its highlights and its tooltip line.
  await page.uncheck('#show-hedges');
  assert.deepEqual(await highlights(page, '^(q-hd|hd-)'), []);
  await page.check('#show-hedges');
  assert.ok((await highlights(page, '^q-hd$')).length > 0);
  await page.uncheck('#show-actors');
  assert.deepEqual(await highlights(page, '^(q-act|a\\d)'), []);
  await page.check('#show-actors');

  // Calm by default: claims drawn strongly, actors and hedges quiet; a choice draws another.
  const look = async () => {
    const names = new Set((await highlights(page)).map((h) => h.name));
    const has = (re) => [...names].some((n) => re.test(n));
    return { actors: has(/^a\d-/), hedges: has(/^hd-/), claims: has(/^cl-cue-/) };
  };
  assert.equal(await page.isChecked('input[name="focus"][value="focus-claims"]'), true);
  assert.deepEqual(await look(), { actors: false, hedges: false, claims: true });
  await page.screenshot({ path: join(ARTIFACTS, 'calm-claims.png') });
  await page.click('label.seg:has(input[value="focus-actors"])');
  assert.deepEqual(await look(), { actors: true, hedges: false, claims: false });
  await page.click('label.seg:has(input[value="focus-hedges"])');
  assert.deepEqual(await look(), { actors: false, hedges: true, claims: false });
  await page.click('label.seg:has(input[value="focus-all"])');
  assert.deepEqual(await look(), { actors: true, hedges: true, claims: true });
  await page.screenshot({ path: join(ARTIFACTS, 'all-layers.png') });
  // Eight actors, eight colours: no two of the most mentioned share one.
  const colours = await page.$$eval('#actors-panel .dot', (ds) => ds.slice(0, 8).map((d) => getComputedStyle(d).backgroundColor));
  assert.equal(new Set(colours).size, colours.length, JSON.stringify(colours));
  await page.click('label.seg:has(input[value="focus-claims"])');

  // Selecting an actor draws its mentions strongly and lists its claims.
  await page.click('#actors-panel button.item:has-text("Tomas Berglund")');
  await page.waitForFunction(() => CSS.highlights.has('sel'));
  const sel = (await highlights(page, '^sel$')).map((h) => h.text);
  assert.ok(sel.includes('Tomas Berglund'), JSON.stringify(sel));
  assert.ok((await highlights(page, '^a\\d-person$')).some((h) => h.text === 'Tomas Berglund'));
  assert.match(await page.textContent('#actors-panel li.selected'), /said|added/);
  await page.screenshot({ path: join(ARTIFACTS, 'selected-actor.png'), fullPage: true });
  noProblems();
  await page.close();
});

test('a jump lands on its own sentence, also one that starts with a mark', async () => {
  const page = await open();
  await paste(page, 'Talks ended. Iran said talks may resume. Prices rose.');
  await analysed(page, 'Prices rose.');
  const bars = await page.$$('.strip .bar');
  assert.equal(bars.length, 3);
  const landed = [];
  for (const bar of bars) {
    await bar.click();
    landed.push(await page.evaluate(() => [...(CSS.highlights.get('landed') ?? [])].map((r) => r.toString().trim()).join('|')));
  }
  assert.deepEqual(landed, ['Talks ended.', 'Iran said talks may resume.', 'Prices rose.']);
  // The strip is one tab stop: the first bar; the arrow keys, Home and End move between bars.
  assert.deepEqual(await page.$$eval('.strip .bar', (bs) => bs.map((b) => b.tabIndex)), [0, -1, -1]);
  const focused = () => page.evaluate(() => [...document.querySelectorAll('.strip .bar')].indexOf(document.activeElement));
  await bars[0].focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 1);
  await page.keyboard.press('End');
  assert.equal(await focused(), 2);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), 1);
  await page.keyboard.press('Home');
  assert.equal(await focused(), 0);
  noProblems();
  await page.close();
});

test('who said what: one row per source, choosing a row lists and picks out its claims', async () => {
  const page = await open();
  await paste(page, await text('article.txt'));
  await analysed(page, 'Meridian River Commission');
  const table = page.getByRole('table', { name: 'Who said what' });
  await table.waitFor();
  // Eight rows first; the rest behind a button.
  const more = page.getByRole('button', { name: /^Show all \d+ sources$/ });
  if (await more.count()) {
    assert.equal(await table.locator('tbody tr').count(), 8);
    await more.click();
  }
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    label: tr.querySelector('th').textContent.trim(),
    cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
  })));
  assert.ok(rows.length >= 3, JSON.stringify(rows));
  // Claims per row, most first; quotes + paraphrases never exceed the claims.
  const counts = rows.map((r) => Number(r.cells[0]));
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a), JSON.stringify(rows));
  for (const r of rows) assert.ok(Number(r.cells[1]) + Number(r.cells[2]) <= Number(r.cells[0]), JSON.stringify(r));
  // Every claim is on exactly one row.
  const total = Number((await page.textContent('#claims-h')).match(/\d+/)[0]);
  assert.equal(counts.reduce((a, b) => a + b, 0), total);

  // Choose the first row: the list shows its claims alone, the text picks them out.
  const first = table.locator('tbody tr').first().locator('button');
  await first.click();
  assert.equal(await first.getAttribute('aria-pressed'), 'true');
  await page.waitForFunction(() => CSS.highlights.has('chosen'));
  assert.match(await page.textContent('.chosen-note'), new RegExp(`Showing the ${counts[0]} claims? of`));
  assert.equal(await page.locator('#claims-panel ol.claims > li').count(), counts[0]);
  // Its claims are picked out (a claim nested inside another's content may have no mark of
  // its own: the innermost annotation is drawn), the others are not.
  const chosen = (await highlights(page, '^cl-cue-')).length;
  const others = (await highlights(page, '^q-cue$')).length;
  assert.ok(chosen >= 1 && chosen <= counts[0], `${chosen} of ${counts[0]}`);
  assert.ok(others >= total - counts[0] - 2, `${others} others of ${total - counts[0]}`);
  assert.ok((await highlights(page, '^chosen$')).length >= chosen);
  await page.screenshot({ path: join(ARTIFACTS, 'who-said-what.png') });
  // Choosing it again shows every claim.
  await first.click();
  await page.waitForFunction(() => !CSS.highlights.has('chosen'));
  assert.equal(await page.locator('#claims-panel ol.claims > li').count(), Math.min(total, 100));
  noProblems();
  await page.close();
});

test('export: copy JSON (the contract with its text), the Markdown and HTML reports, print', async () => {
  const page = await open();
  const article = await text('article.txt');
  await paste(page, article);
  await analysed(page, 'Meridian River Commission');

  await page.click('#copy-json');
  await page.waitForSelector('.notice');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // Indented when exported (the worker sends it compact).
  assert.match(copied, /^\{\n  "/);
  const json = JSON.parse(copied);
  assert.ok(Array.isArray(json.actors) && json.actors.length > 3);
  const berglund = json.actors.find((a) => a.name === 'Tomas Berglund');
  assert.ok(berglund, 'contract lists Tomas Berglund');
  // Offsets are UTF-16 code units into the pasted text; the export carries the text and
  // each span's own text.
  const m = berglund.mentions[0];
  assert.equal(article.slice(m.start, m.end), 'Tomas Berglund');
  assert.equal(json.text, article);
  assert.equal(m.text, 'Tomas Berglund');
  for (const c of json.claims) assert.equal(c.cue.text, article.slice(c.cue.start, c.cue.end));

  // The highlighted HTML report opens offline from a file, with no script.
  const [html] = await Promise.all([page.waitForEvent('download'), page.click('#download-html')]);
  const report = await readFile(await html.path(), 'utf8');
  assert.doesNotMatch(report, /<script/i);
  const file = join(ARTIFACTS, 'report.html');
  await writeFile(file, report);
  const offline = await browser({ javaScriptEnabled: false, offline: true });
  try {
    const rp = await offline.newPage();
    const fetched = [];
    rp.on('request', (r) => { if (!r.url().startsWith('file:')) fetched.push(r.url()); });
    await rp.goto(pathToFileURL(file).href);
    assert.equal(await rp.title(), 'claimlens report');
    assert.ok((await rp.$$('article mark.cl-cue')).length >= 5);
    assert.ok(await rp.$('table th[scope="row"]'), 'who said what');
    const tint = await rp.$eval('article mark.act', (mk) => getComputedStyle(mk).backgroundColor);
    assert.notEqual(tint, 'rgba(0, 0, 0, 0)', 'styled without the app');
    await rp.screenshot({ path: join(ARTIFACTS, 'report-html.png') });
    assert.deepEqual(fetched, []);
  } finally {
    await offline.close();
  }

  // Printing: the article with its highlights and who said what; no controls.
  await page.emulateMedia({ media: 'print' });
  const shown = (sel) => page.$eval(sel, (el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0);
  for (const control of ['.editor-bar', '#copy-json', '.legend', '.focus', '.strip-wrap', '#rules-panel']) {
    assert.equal(await shown(control), false, `${control} hidden in print`);
  }
  // No control prints: no field, and no button but the table's row labels.
  const printed = await page.$$eval('input, select, textarea, button', (els) => els
    .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
    .filter((el) => !el.matches('.sources-table button.item'))
    .map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(printed, [], 'controls in print');
  assert.equal(await shown('#article'), true);
  assert.equal(await shown('table.sources-table'), true);
  assert.ok((await highlights(page, '^cl-cue-')).length >= 5, 'highlights drawn in print');
  assert.equal(await page.$eval('#article', (a) => getComputedStyle(a).borderTopStyle), 'none', 'no text box frame in print');
  await page.screenshot({ path: join(ARTIFACTS, 'print-media.png'), fullPage: true });
  await page.pdf?.({ path: join(ARTIFACTS, 'print.pdf') }).catch(() => {});
  await page.emulateMedia({ media: 'screen' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-report')]);
  const md = await readFile(await download.path(), 'utf8');
  assert.match(md, /^# claimlens report/);
  assert.match(md, /Tomas Berglund/);
  assert.match(md, /## Claims/);
  noProblems();
  await page.close();
});

const XSS = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '<svg onload="window.__xss = 3"></svg>',
  '<body onload="window.__xss = 4">',
  '<iframe srcdoc="<script>parent.__xss = 5</script>"></iframe>',
  '<a href="javascript:window.__xss = 6">click</a>',
  '"><script>window.__xss = 7</script>',
  "'><img src=x onerror=window.__xss=8>",
  '<details open ontoggle="window.__xss = 9">',
  '<video><source onerror="window.__xss = 10"></video>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=11>',
  '<input autofocus onfocus="window.__xss = 12">',
  '<object data="javascript:window.__xss = 13"></object>',
  '<embed src="javascript:window.__xss = 14">',
  '<marquee onstart="window.__xss = 15">',
  '<style>@import "javascript:window.__xss = 16";</style>',
  '<link rel="stylesheet" href="javascript:window.__xss = 17">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss = 18">',
  '<form action="javascript:window.__xss = 19"><button>go</button></form>',
  '{{constructor.constructor("window.__xss = 20")()}}',
  '${window.__xss = 21}',
  '<scr<script>ipt>window.__xss = 22</scr</script>ipt>',
  '&lt;script&gt;window.__xss = 23&lt;/script&gt;',
  '<img src="x" onerror="&#119;indow.__xss = 24">',
  '<svg><animate onbegin="window.__xss = 25" attributeName="x" dur="1s">',
  '<base href="javascript:window.__xss = 26//">',
  '<template><img src=x onerror="window.__xss = 27"></template>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=28>">',
  '<div style="background:url(javascript:window.__xss = 29)">',
  '\u2028<script>window.__xss = 30</script>\u2029',
  '<audio src=x onerror="window.__xss = 31">',
  'javascript:/*--></title></style></textarea></script><svg/onload=window.__xss=32>',
];

test(`${XSS.length} XSS payloads pasted as text: shown as text, none executes`, async () => {
  const page = await open();
  for (const [i, payload] of XSS.entries()) {
    const marker = `Marker${i}x`;
    const value = `Officials said ${marker} the plan may ${payload} fail, according to Reuters.`;
    await page.fill('#article', value);
    await analysed(page, marker);
    const shown = await page.textContent('#article');
    assert.ok(shown.includes(payload.replace(/[\u2028\u2029]/g, '').trim().slice(0, 12)) || shown.includes(payload.slice(0, 12)),
      `payload ${i} shown as text`);
    const elements = await page.$$eval('#article *', (els) => [...new Set(els.map((e) => e.tagName.toLowerCase()))]);
    assert.deepEqual(elements.filter((t) => !['div', 'br'].includes(t)), [], `payload ${i}: only text (and line breaks) in the article`);
  }
  // All at once, too, and through the sample/clear buttons afterwards.
  await page.fill('#article', XSS.join('\n'));
  await analysed(page, 'window.__xss=32');
  await page.screenshot({ path: join(ARTIFACTS, 'xss.png'), fullPage: true });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no payload ran');
  noProblems();
  await page.close();
});

test('a 1 MB paste: analysed in the worker while the page keeps handling input', async () => {
  const page = await open();
  const base = await text('article.txt');
  let big = '';
  for (let i = 0; big.length < 1_048_576; i++) big += base.replace(/Monday/g, `day ${i}`) + '\n';
  await paste(page, big);
  // While the worker analyses, type: the page must handle the input event (the
  // editor's size label updates) before the analysis of the big text is shown.
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Analysing'));
  const order = await page.evaluate(() => new Promise((resolve) => {
    const events = [];
    const label = document.querySelector('#input-help');
    const status = document.querySelector('#status');
    const before = label.textContent;
    const seen = new MutationObserver(() => {
      if (label.textContent !== before && !events.includes('input handled')) events.push('input handled');
      if (status.textContent.startsWith('Analysed') && !events.includes('analysis shown')) {
        events.push('analysis shown');
        seen.disconnect();
        resolve({ events, status: status.textContent });
      }
    });
    seen.observe(document.body, { subtree: true, childList: true, characterData: true });
    // Typed into the article (at its caret) while the worker analyses.
    document.querySelector('#article').focus();
    document.execCommand('insertText', false, ' Extra words typed during the analysis.'.repeat(200));
  }));
  assert.deepEqual(order.events, ['input handled', 'analysis shown'], JSON.stringify(order));
  // The typed text is analysed too (the queued request), and the view is paged.
  await page.waitForFunction(() => /Analysed 1\.\d MB/.test(document.querySelector('#status').textContent), null, { timeout: 60_000 });
  const pager = await page.textContent('.pager');
  assert.match(pager, /Part 1 of \d+/);
  // The bottom pager's Next shows the next part from its top.
  // The article holds one part of a long text at a time (typing stays quick).
  const held = await page.$eval('#article', (a) => a.textContent.length);
  assert.ok(held > 20_000 && held < 60_000, `one part in the text box (${held} characters)`);
  await page.locator('.pager').last().getByText('Next part →').click();
  await page.waitForFunction(() => /Part 2 of/.test(document.querySelector('.pager').textContent));
  const top = await page.$eval('#article', (a) => a.getBoundingClientRect().top);
  assert.ok(top >= -5 && top < 900, `article top in view after Next (${top})`);
  const part2 = await page.$eval('#article', (a) => a.textContent);
  assert.ok(big.includes(part2.slice(0, 2000)) && !big.startsWith(part2.slice(0, 2000)), 'part 2 in the text box');
  await page.waitForFunction(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0) > 50);
  const marks = (await highlights(page)).length;
  assert.ok(marks > 50 && marks < 5000, `one part's highlights (${marks})`);
  // Typing in part 2 edits the whole text in place: the length goes up by what was typed.
  const chars = Number((await page.textContent('#input-help')).replace(/\D/g, ''));
  await page.click('#article');
  await page.keyboard.type('XYZ');
  await page.waitForFunction((n) => Number(document.querySelector('#input-help').textContent.replace(/\D/g, '')) === n + 3, chars);
  // Grouped bars are as tall as their sentences' mean and say which one is least certain.
  const labels = await page.$$eval('.strip .bar', (bs) => bs.map((b) => b.getAttribute('aria-label')));
  assert.ok(labels.length <= 120, `${labels.length} bars`);
  const grouped = /^Sentences (\d+)–(\d+): mean certainty (\d+)%; the least certain, sentence (\d+), (\d+)%(?:: (?:lowered|raised) by .+)?$/;
  for (const l of labels) {
    const m = grouped.exec(l);
    assert.ok(m, l);
    const [, from, to, mean, at, low] = m.map(Number);
    assert.ok(from <= at && at <= to && low <= mean, l);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'one-megabyte.png') });
  noProblems();
  await page.close();
});

test('reload keeps the text; clear removes it, and can be undone', async () => {
  const page = await open();
  await page.click('#sample');
  await analysed(page, 'Port of Valdera Authority');
  await page.fill('#article', 'Edited: the minister said talks may resume. ' + (await page.textContent('#article')));
  await analysed(page, 'Edited: the minister');
  await page.waitForTimeout(400); // past the autosave pause
  await page.reload();
  await page.waitForSelector('main[data-ready="true"]');
  await analysed(page, 'Edited: the minister');
  assert.match(await page.textContent('#article'), /^Edited: the minister said/);

  // Typing just before leaving is saved too (on pagehide), not only after the pause.
  await page.fill('#article', 'Typed right before a reload.');
  await page.reload();
  await page.waitForSelector('main[data-ready="true"]');
  assert.equal(await page.textContent('#article'), 'Typed right before a reload.');

  // Clear can be undone: the text comes back, analysed and saved again.
  await page.click('#clear');
  await page.waitForSelector('#article:empty');
  assert.equal(await page.textContent('#article'), '');
  await page.click('#undo');
  await analysed(page, 'Typed right before a reload.');
  assert.equal(await page.textContent('#article'), 'Typed right before a reload.');
  assert.equal(await page.$('#undo'), null, 'one undo');
  // So can the sample, over the reader's own text.
  await page.click('#sample');
  await analysed(page, 'Port of Valdera Authority');
  await page.click('#undo');
  await analysed(page, 'Typed right before a reload.');

  await page.click('#clear');
  await page.waitForSelector('#article:empty');
  assert.equal(await page.textContent('#article'), '');
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForSelector('main[data-ready="true"]');
  assert.equal(await page.textContent('#article'), '');
  assert.ok(await page.$('#article:empty'), 'empty after clear and reload');
  noProblems();
  await page.close();
});

test('dark mode and a phone-width screen', async () => {
  const page = await open();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.click('#sample');
  await analysed(page, 'Port of Valdera Authority');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(20, 23, 28)');
  await page.screenshot({ path: join(ARTIFACTS, 'dark.png'), fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'light' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 390 px (${overflow})`);
  await page.screenshot({ path: join(ARTIFACTS, 'phone.png'), fullPage: true });
  // The sections are one tap away: a tab bar at the bottom of the screen.
  const tabs = page.getByRole('navigation', { name: 'Sections' });
  assert.ok(await tabs.isVisible());
  for (const [name, id] of [['Claims', '#claims-panel'], ['Hedging', '#hedging-panel'], ['Actors', '#actors-panel'], ['Article', '#article']]) {
    await tabs.getByRole('link', { name }).click();
    await page.waitForFunction((sel) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      return r.top >= -2 && r.top < window.innerHeight / 2;
    }, id);
  }
  await page.getByRole('link', { name: 'Claims' }).click();
  await page.screenshot({ path: join(ARTIFACTS, 'phone-claims.png') });
  // A card on a phone (the bottom of the screen) leaves the words it explains in view.
  await page.focus('#article');
  await page.evaluate(() => getSelection().collapse(document.querySelector('#article').firstChild, 0));
  for (let i = 0; i < 6; i++) await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+Enter');
  await page.getByRole('dialog', { name: 'What was found here' }).waitFor();
  const gap = await page.evaluate(() => {
    const mark = [...CSS.highlights.get('step')][0].getBoundingClientRect();
    return document.querySelector('#card').getBoundingClientRect().top - mark.bottom;
  });
  assert.ok(gap > 0, `the card is below its mark (${gap})`);
  await page.screenshot({ path: join(ARTIFACTS, 'phone-card.png') });
  await page.keyboard.press('Escape');
  // Names wrap between words, not inside them.
  const brokenNames = () => page.$$eval('#actors-panel .name', (ns) => ns.filter((n) => {
    const r = document.createRange();
    r.selectNodeContents(n);
    const lines = [...r.getClientRects()].length;
    return lines > n.textContent.trim().split(/\s+/).length;
  }).map((n) => n.textContent));
  assert.deepEqual(await brokenNames(), []);
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await tabs.isVisible(), false, 'no tab bar on a wide screen');
  // In the side panel too, beside a long kind ("organization · international"): the kind moves
  // to the next line rather than cut the name ("Organizat|ion" before).
  const before = await page.textContent('#article');
  await page.fill('#article', 'The North Atlantic Treaty Organization said the alliance would meet. The North Atlantic Treaty Organization has 32 members.');
  await analysed(page, 'the alliance would meet');
  assert.ok((await page.locator('#actors-panel .name').allInnerTexts()).includes('North Atlantic Treaty Organization'));
  assert.deepEqual(await brokenNames(), []);
  await page.fill('#article', before);
  await analysed(page, before.slice(0, 20));
  await page.setViewportSize({ width: 390, height: 844 });

  // Right-to-left text: the article takes its direction.
  await page.fill('#article', 'قال الوزير إن المحادثات قد تستأنف. The minister said talks may resume.');
  await analysed(page, 'The minister said');
  assert.equal(await page.getAttribute('#article', 'dir'), 'rtl');
  assert.equal(await page.$eval('#article', (p) => getComputedStyle(p).direction), 'rtl');
  noProblems();
  await page.close();
});
