// End-to-end tests of the reader's own rules in the web app ("Your rules"): added in the
// panel or from a mark's card, applied to the analysis, kept over a reload, exported,
// imported and cleared. Each test checks what a rule changes, not what was there before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, browser, highlights, spot, openApp, paste } from './lib.mjs';

let server;
let context;
const problems = [];

before(async () => {
  server = await serve();
  context = await browser();
});

after(async () => {
  await context?.close();
  await server?.close();
});

const TEXT = 'Dr. Lena Ortiz said the talks will perchance resume in June. Officials may announce a date.';

/** Opens the app with empty storage (on its first load only: a reload in a test must find
 * the text and rules saved), pastes TEXT, draws all layers and waits for the analysis. */
async function open() {
  const page = await openApp(context, server.url, problems);
  await paste(page, TEXT);
  // All layers drawn strongly: hedges and actors by kind.
  await page.click('label.seg:has(input[value="focus-all"])');
  await done(page);
  return page;
}

/** Waits until the status says the latest analysis is shown. */
async function done(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('#status');
    return s && s.textContent.startsWith('Analysed');
  }, null, { timeout: 60_000 });
}

/** Reloads the page (the text and rules are restored from storage), draws all layers again
 * and waits for the analysis. */
async function reload(page) {
  await page.reload();
  await page.waitForSelector('main[data-ready="true"]');
  await page.click('label.seg:has(input[value="focus-all"])');
  await done(page);
}

/** The hedging marks drawn: "text:highlight" ("may:hd-hedge"). */
const hedges = async (page) => (await highlights(page, '^hd-')).map((h) => `${h.text}:${h.name}`);
/** The rules listed in the panel. */
const listed = (page) => page.$$eval('#rules-panel .rules li span', (ls) => ls.map((l) => l.textContent));

/** Waits until the hedging marks include (or, with `want` false, lack) `mark`. */
async function hedgeMark(page, mark, want = true) {
  await page.waitForFunction(([m, w]) => {
    const now = [];
    for (const [name, h] of CSS.highlights) {
      if (name.startsWith('hd-')) for (const r of h) now.push(`${r.toString()}:${name}`);
    }
    return now.includes(m) === w;
  }, [mark, want], { timeout: 60_000 });
}

/** Clicks the first mark of a highlight matching `pattern` whose text matches `text`. */
async function clickMark(page, pattern, text) {
  const at = await spot(page, pattern, text);
  assert.ok(at, `a ${pattern} mark ${text}`);
  await page.mouse.click(at.x, at.y);
}

function noProblems() {
  assert.deepEqual(problems.splice(0), [], 'no page errors or console errors');
}

test('a word added as a hedge is marked, kept over a reload, exported, then cleared', async () => {
  const page = await open();
  assert.ok(!(await hedges(page)).some((h) => h.startsWith('perchance')), 'no rule, no mark');
  assert.deepEqual(await listed(page), []);

  const panel = page.locator('#rules-panel');
  // The form starts on its first choice.
  assert.equal(await panel.getByRole('combobox', { name: 'Add as' }).inputValue(), 'actor: person');
  await panel.getByRole('textbox', { name: 'Word or phrase' }).fill('perchance');
  await panel.getByRole('combobox', { name: 'Add as' }).selectOption('hedging: hedge');
  await panel.getByRole('button', { name: 'Add rule' }).click();
  await hedgeMark(page, 'perchance:hd-hedge');
  assert.deepEqual(await listed(page), ['hedge “perchance”']);

  // Kept in this browser: a reload analyses the saved text with the rule.
  await reload(page);
  await hedgeMark(page, 'perchance:hd-hedge');
  assert.deepEqual(await listed(page), ['hedge “perchance”']);

  // Export: the rules file, as the CLI's --rules reads it.
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export rules' }).click()]);
  assert.equal(download.suggestedFilename(), 'claimlens-rules.json');
  assert.deepEqual(JSON.parse(await readFile(await download.path(), 'utf8')), { hedges: [{ phrase: 'perchance', kind: 'hedge' }] });

  // Clear rules: the mark goes, the list empties, and a reload brings nothing back.
  await panel.getByRole('button', { name: 'Clear rules' }).click();
  await hedgeMark(page, 'perchance:hd-hedge', false);
  assert.deepEqual(await listed(page), []);
  assert.equal(await page.evaluate(() => localStorage.getItem('claimlens-rules')), null);
  await reload(page);
  assert.ok(!(await hedges(page)).some((h) => h.startsWith('perchance')));
  noProblems();
  await page.close();
});

test('a pattern adds its matches; an invalid one says where it goes wrong and stays in the field', async () => {
  const page = await open();
  assert.ok(!(await hedges(page)).some((h) => h.startsWith('perchance')), 'no rule, no mark');
  const panel = page.locator('#rules-panel');
  const field = panel.getByRole('textbox', { name: 'Word or phrase' });
  await panel.getByRole('checkbox', { name: 'a pattern (regular expression)' }).check();
  await panel.getByRole('combobox', { name: 'Add as' }).selectOption('hedging: weasel');
  await field.fill('(?i)perch\\w+');
  await panel.getByRole('button', { name: 'Add rule' }).click();
  await hedgeMark(page, 'perchance:hd-weasel');
  assert.deepEqual(await listed(page), ['pattern “(?i)perch\\w+”: weasel']);
  assert.equal(await field.inputValue(), '', 'a rule added empties the field');

  // Invalid: refused with regex-lite's message and the character; the text stays to be corrected.
  await field.fill('Ortiz (said');
  await panel.getByRole('button', { name: 'Add rule' }).click();
  const alert = panel.locator('[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /rules: patterns\[1\]\.pattern is not a valid pattern: .* \(at character 7\)/);
  assert.equal(await field.inputValue(), 'Ortiz (said');
  assert.equal((await listed(page)).length, 1);

  // Kept over a reload and exported as the rules file's `patterns`.
  await reload(page);
  await hedgeMark(page, 'perchance:hd-weasel');
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export rules' }).click()]);
  assert.deepEqual(JSON.parse(await readFile(await download.path(), 'utf8')), { patterns: [{ pattern: '(?i)perch\\w+', as: 'weasel' }] });
  await panel.getByRole('button', { name: 'Clear rules' }).click();
  await hedgeMark(page, 'perchance:hd-weasel', false);
  noProblems();
  await page.close();
});

test('import: a valid file replaces the rules; an invalid one says why and keeps them', async () => {
  const page = await open();
  const input = page.getByLabel('Import rules');
  const file = (name, body) => ({ name, mimeType: 'application/json', buffer: Buffer.from(body) });

  await input.setInputFiles(file('mine.json', JSON.stringify({ hedges: [{ phrase: 'perchance', kind: 'booster' }] })));
  await hedgeMark(page, 'perchance:hd-booster');
  assert.deepEqual(await listed(page), ['booster “perchance”']);

  // A rule that names its fault; the current rules stay, and so do their marks.
  await input.setInputFiles(file('bad.json', JSON.stringify({ cues: ['--'] })));
  const alert = page.locator('#rules-panel [role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /rules: cues\[0\] must contain a letter or digit/);
  assert.deepEqual(await listed(page), ['booster “perchance”']);
  assert.ok((await hedges(page)).includes('perchance:hd-booster'));
  // Not JSON, and an unknown field.
  await input.setInputFiles(file('bad.json', 'not json {'));
  await page.waitForFunction(() => /not JSON/.test(document.querySelector('#rules-panel [role="alert"]')?.textContent));
  await input.setInputFiles(file('bad.json', JSON.stringify({ pattern: ['x'] })));
  await page.waitForFunction(() => /not a rules file: unknown field `pattern`/.test(document.querySelector('#rules-panel [role="alert"]')?.textContent));
  assert.deepEqual(await listed(page), ['booster “perchance”']);

  // A valid file again replaces the rules (the booster rule goes).
  await input.setInputFiles(file('other.json', JSON.stringify({ wrong: [{ layer: 'hedge', text: 'may' }] })));
  await hedgeMark(page, 'perchance:hd-booster', false);
  assert.deepEqual(await listed(page), ['“may” is no hedge']);
  assert.equal(await page.$('#rules-panel [role="alert"]'), null, 'the message goes');
  noProblems();
  await page.close();
});

test('saved rules that are invalid are not applied, with a message; the text is analysed', async () => {
  const page = await open();
  await page.evaluate(() => localStorage.setItem('claimlens-rules', '{"hedges":[{"phrase":"perchance","kind":"maybe"}]}'));
  await reload(page);
  const notice = page.locator('.notice[role="alert"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /Your saved rules were not applied: not a rules file: .*maybe/);
  assert.ok((await hedges(page)).includes('may:hd-hedge'), 'analysed without them');
  assert.deepEqual(await listed(page), []);
  noProblems();
  await page.close();
});

test('a hedge marked wrong in its card is no longer marked; removed, it comes back', async () => {
  const page = await open();
  await hedgeMark(page, 'may:hd-hedge');
  await clickMark(page, '^hd-hedge$', '^may$');
  const card = page.getByRole('dialog', { name: 'What was found here' });
  await card.waitFor();
  await card.getByRole('button', { name: 'Mark as wrong: hedge “may”' }).click();
  await hedgeMark(page, 'may:hd-hedge', false);
  assert.deepEqual(await listed(page), ['“may” is no hedge']);

  await page.getByRole('button', { name: 'Remove the rule “may” is no hedge' }).click();
  await hedgeMark(page, 'may:hd-hedge');
  assert.deepEqual(await listed(page), []);
  noProblems();
  await page.close();
});

test("an actor's card changes its kind and merges it into another actor", async () => {
  const page = await open();
  const kindOf = (name) => page.$$eval('#actors-panel li.actor', (ls, n) => ls.filter((l) => l.querySelector('.name').textContent === n)
    .map((l) => l.querySelector('.meta').textContent), name);
  const before = await kindOf('Lena Ortiz');
  assert.equal(before.length, 1, 'Lena Ortiz is an actor');
  assert.doesNotMatch(before[0], /organi[sz]ation/);

  const card = page.getByRole('dialog', { name: 'What was found here' });
  await clickMark(page, '^a\\d+-', 'Lena Ortiz');
  await card.waitFor();
  await card.getByRole('combobox', { name: 'Change kind' }).selectOption('organization');
  await page.waitForFunction(() => [...document.querySelectorAll('#rules-panel .rules li span')].length === 1);
  await done(page);
  assert.deepEqual(await listed(page), ['kind of “Lena Ortiz”: organization']);
  assert.match((await kindOf('Lena Ortiz'))[0], /organi[sz]ation/);

  // Merge: the other actor's card offers the actors by name.
  const others = await page.$$eval('#actors-panel li.actor .name', (ns) => ns.map((n) => n.textContent));
  const other = others.find((n) => n !== 'Lena Ortiz');
  assert.ok(other, `another actor in ${JSON.stringify(others)}`);
  await clickMark(page, '^a\\d+-', 'Lena Ortiz');
  await card.waitFor();
  await card.getByRole('combobox', { name: 'Merge into…' }).selectOption(other);
  await page.waitForFunction(() => [...document.querySelectorAll('#rules-panel .rules li span')].length === 2);
  assert.deepEqual((await listed(page))[0], `“Lena Ortiz” is “${other}”`);
  await done(page);
  await page.waitForFunction(() => ![...document.querySelectorAll('#actors-panel li.actor .name')].some((n) => n.textContent === 'Lena Ortiz'));
  noProblems();
  await page.close();
});
