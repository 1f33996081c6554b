// Node tests of analyzeView (pkg/node, built by scripts/build-js.sh): the table of view
// cases that the Rust tests of claimlens-view read too, offsets in UTF-16 code units that
// tile each paragraph, agreement with analyze(), the fields of the generated .d.ts, errors.
// Run: node --test js/test/   (scripts/test.sh does). Texts are written for the project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { typesOf, fieldChecker } from './dts.mjs';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url);
const cl = require(new URL('pkg/node/claimlens_js.js', root).pathname);
const table = JSON.parse(fs.readFileSync(new URL('view/tests/cases.json', root), 'utf8'));
const benchTexts = fs
  .readdirSync(new URL('benches/texts/', root))
  .sort()
  .map((f) => fs.readFileSync(new URL(`benches/texts/${f}`, root), 'utf8'));

const paras = (view) => view.pages.flatMap((p) => p.paras);

/** The view in the table's notation (see view/tests/cases.rs). */
function render(text, view) {
  return {
    runs: paras(view).map((para) => para.runs.map((r) => {
      const tags = [];
      if (r.actor !== undefined) tags.push(`a${r.actor}`);
      if (r.claim !== undefined) tags.push(`c${r.claim}.${r.role}`);
      if (r.hedge !== undefined) tags.push(`h${r.hedge}`);
      if (r.stop) tags.push('*');
      if (r.anchor !== undefined) tags.push(`#${r.anchor}`);
      const piece = text.slice(r.start, r.end);
      return tags.length ? `${piece}|${tags.join(' ')}` : piece;
    })),
    actors: view.actors.map((a) => `${a.colour} ${a.tip}`),
    claims: view.claims.map((c) => [c.tips.source ?? null, c.tips.cue, c.tips.content]),
    hedges: view.hedges.map((h) => h.tip),
  };
}

test('the table of view cases (view/tests/cases.json), as the Rust tests read it', () => {
  assert.ok(table.cases.length >= 10);
  for (const c of table.cases) {
    const view = c.options === undefined ? cl.analyzeView(c.text) : cl.analyzeView(c.text, c.options);
    assert.deepEqual(render(c.text, view), c.expect, c.name);
  }
});

const isHigh = (u) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u) => u >= 0xdc00 && u <= 0xdfff;
const INSERTS = ['👩‍👩‍👧‍👦 家族が集まった。', 'مرحبا بالعالم. שלום עולם.', 'Zoe\u0301 🇺🇦🏳️‍🌈 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀.', '\r\n  \t\n'];

test('runs tile every non-blank line in UTF-16 code units and never split a surrogate pair', () => {
  const texts = [...benchTexts, ...benchTexts.map((t, i) => t.split('\n\n').map((p, j) => `${INSERTS[(i + j) % INSERTS.length]} ${p}`).join('\n\n'))];
  for (const text of texts) {
    const view = cl.analyzeView(text);
    assert.equal(view.length, text.length);
    const lines = text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => /\S/u.test(l));
    const ps = paras(view);
    assert.equal(ps.length, lines.length);
    ps.forEach((para, i) => {
      assert.equal(text.slice(para.start, para.end), lines[i]);
      let at = para.start;
      for (const r of para.runs) {
        assert.equal(r.start, at);
        assert.ok(r.end > r.start);
        assert.ok(!(isHigh(text.charCodeAt(r.end - 1)) && isLow(text.charCodeAt(r.end))), `run ends inside a pair at ${r.end}`);
        at = r.end;
      }
      assert.equal(at, para.end);
    });
  }
});

test('the runs of each annotation cover exactly its span in analyze(), for the same options', () => {
  const opts = [undefined, { layers: { actors: false } }, { hedges: [{ phrase: 'upstream', kind: 'weasel' }] }];
  for (const options of opts) {
    for (const text of benchTexts) {
      const view = cl.analyzeView(text, options);
      const a = cl.analyze(text, options);
      assert.equal(view.actors.length, a.actors.length);
      assert.equal(view.claims.length, a.claims.length);
      assert.equal(view.hedges.length, a.hedges.length);
      assert.deepEqual(view.summary, a.summary);
      assert.deepEqual(view.sentences.map((s) => s.certainty), a.sentences.map((s) => s.certainty));
      const runs = paras(view).flatMap((p) => p.runs);
      // A run marked with hedge i lies inside hedge i's span, and so does a cue run in its cue.
      for (const r of runs) {
        if (r.hedge !== undefined) {
          const h = a.hedges[r.hedge];
          assert.ok(h.start <= r.start && r.end <= h.end, `hedge ${r.hedge}`);
          assert.equal(view.hedges[r.hedge].kind, h.kind);
        }
        if (r.role === 'cue') {
          const c = a.claims[r.claim].cue;
          assert.ok(c.start <= r.start && r.end <= c.end, `cue of claim ${r.claim}`);
        }
        if (r.actor !== undefined) {
          assert.ok(a.actors[r.actor].mentions.some((m) => m.start <= r.start && r.end <= m.end), `actor ${r.actor}`);
        }
      }
      // Every hedge not inside a shorter one starts a keyboard stop.
      for (const [i, h] of a.hedges.entries()) {
        const first = runs.find((r) => r.start === h.start);
        if (first?.hedge === i) assert.equal(first.stop, true, `hedge ${i} is a stop`);
      }
      for (const x of view.actors) {
        assert.equal(x.mentions, a.actors[x.id].mentions.length);
        assert.ok(x.colour >= 0 && x.colour <= 8);
        assert.ok(x.tip.startsWith(`actor: ${x.name} (${x.kind}`), x.tip);
      }
    }
  }
});

test('views have exactly the fields (and optional fields) that the generated .d.ts declares', () => {
  const types = typesOf(new URL('pkg/node/claimlens_js.d.ts', root).pathname);
  const names = ['View', 'Page', 'Para', 'Run', 'ActorView', 'ClaimView', 'ClaimTips', 'HedgeView', 'SentenceView', 'Loc'];
  for (const name of names) assert.ok(types.has(name), name);
  const { check, seen: seenOptional } = fieldChecker(types);
  for (const text of [...benchTexts, ...table.cases.map((c) => c.text)]) {
    const v = cl.analyzeView(text);
    check('View', v);
    check('Summary', v.summary);
    for (const p of v.pages) {
      check('Page', p);
      for (const para of p.paras) {
        check('Para', para);
        para.runs.forEach((r) => check('Run', r));
      }
    }
    for (const a of v.actors) { check('ActorView', a); check('Loc', a.at); }
    for (const c of v.claims) { check('ClaimView', c); check('ClaimTips', c.tips); check('Loc', c.at); }
    for (const h of v.hedges) { check('HedgeView', h); check('Loc', h.at); }
    for (const s of v.sentences) { check('SentenceView', s); check('Loc', s.at); }
  }
  for (const k of ['Run.actor', 'Run.claim', 'Run.role', 'Run.hedge', 'Run.anchor', 'Run.stop', 'ActorView.subkind', 'ClaimTips.source']) {
    assert.ok(seenOptional.has(k), `${k} never seen`);
  }
});

test('analyzeView takes the options of analyze and throws the same errors, with its name', () => {
  const t = 'The ministry said the talks may resume.';
  assert.equal(cl.analyzeView(t, { layers: { hedges: false } }).hedges.length, 0);
  assert.deepEqual(cl.analyzeView(t, null), cl.analyzeView(t));
  const cases = [
    [[42], /^claimlens\.analyzeView: text must be a string \(got number\)$/],
    [[t, []], /^claimlens\.analyzeView: options must be a plain object \(got an array\)$/],
    [[t, { layer: {} }], /^claimlens\.analyzeView: options has an unknown key "layer"/],
    [[t, { hedges: [{ phrase: 'maybe', kind: 'hedging' }] }], /^claimlens\.analyzeView: options\.hedges\[0\]\.kind must be/],
  ];
  for (const [args, re] of cases) assert.throws(() => cl.analyzeView(...args), (e) => e instanceof Error && re.test(e.message), String(re));
  const empty = cl.analyzeView('');
  assert.deepEqual([empty.length, empty.pages.length, empty.pages[0].paras.length], [0, 1, 0]);
});
