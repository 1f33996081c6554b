// Node tests of the JavaScript API as built by `cargo run -p xtask -- js` (pkg/node).
// Run: node --test js/test/   (scripts/test.sh does). All texts are written for these tests,
// except benches/texts/*.txt, which were written for the project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { typesOf, fieldChecker } from './dts.mjs';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url);
const cl = require(new URL('pkg/node/claimlens_js.js', root).pathname);

const slice = (text, s) => text.slice(s.start, s.end);
const contents = (c) => (c.content === null ? [] : Array.isArray(c.content) ? c.content : [c.content]);
const benchTexts = fs
  .readdirSync(new URL('benches/texts/', root))
  .sort()
  .map((f) => fs.readFileSync(new URL(`benches/texts/${f}`, root), 'utf8'));

/** Every span of an analysis, labelled, in a fixed order. */
function spans(a) {
  const out = [];
  a.sentences.forEach((s, i) => out.push([`sentence ${i}`, s]));
  a.actors.forEach((x) => x.mentions.forEach((m, j) => out.push([`actor ${x.id} mention ${j}`, m])));
  a.claims.forEach((c, i) => {
    if (c.source !== null) out.push([`claim ${i} source`, c.source]);
    out.push([`claim ${i} cue`, c.cue]);
    contents(c).forEach((s, j) => out.push([`claim ${i} content ${j}`, s]));
  });
  a.hedges.forEach((h, i) => out.push([`hedge ${i}`, h]));
  return out;
}

const isLow = (u) => u >= 0xdc00 && u <= 0xdfff;
const isHigh = (u) => u >= 0xd800 && u <= 0xdbff;

/** Checks what must hold for any text: spans inside the string, never inside a
 * surrogate pair, trimmed; sentences in order; a mention reads as its actor's name
 * or an alias (ignoring case). */
function checkInvariants(text, a) {
  for (const [what, s] of spans(a)) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), what);
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `${what}: ${s.start}..${s.end} of ${text.length}`);
    for (const k of [s.start, s.end]) {
      if (k > 0 && k < text.length) {
        assert.ok(!(isHigh(text.charCodeAt(k - 1)) && isLow(text.charCodeAt(k))), `${what} splits a surrogate pair at ${k}`);
      }
    }
    const t = slice(text, s);
    assert.equal(t, t.trim(), `${what} is not trimmed: ${JSON.stringify(t)}`);
    assert.ok(t.length > 0, `${what} is empty`);
  }
  for (let i = 1; i < a.sentences.length; i++) assert.ok(a.sentences[i - 1].end <= a.sentences[i].start, `sentence ${i} overlaps`);
  for (const x of a.actors) {
    const forms = [x.name, ...x.aliases].map((f) => f.toLowerCase());
    for (const m of x.mentions) assert.ok(forms.includes(slice(text, m).toLowerCase()), `${JSON.stringify(slice(text, m))} is not a form of ${x.name}`);
  }
}

/** The analysis as readable strings, to compare with expectations. */
function readable(text, a) {
  return {
    actors: a.actors.map((x) => `${x.kind}:${x.mentions.map((m) => slice(text, m)).join('|')}`),
    claims: a.claims.map((c) => [c.source === null ? null : slice(text, c.source), slice(text, c.cue), contents(c).map((s) => slice(text, s)).join(' … ')]),
    hedges: a.hedges.map((h) => `${h.kind}:${slice(text, h)}`),
    sentences: a.sentences.map((s) => slice(text, s)),
  };
}

test('version() is the crate version', () => {
  // js/Cargo.toml inherits its version from [workspace.package] in the root Cargo.toml.
  const crate = fs.readFileSync(new URL('js/Cargo.toml', root), 'utf8');
  assert.match(crate, /^version\.workspace = true$/m);
  const toml = fs.readFileSync(new URL('Cargo.toml', root), 'utf8');
  const shared = toml.slice(toml.indexOf('[workspace.package]'));
  assert.equal(cl.version(), /^version = "(.+)"$/m.exec(shared)[1]);
});

test('offsets slice the JS string exactly: emoji (astral, ZWJ, flags, skin tones), CJK, RTL, combining marks', () => {
  const cases = [
    {
      text: '👩‍👩‍👧‍👦 Families waited. Officials in Kyiv said the convoy may arrive 🚚 on Tuesday. "We are ready," the Red Cross said 🇺🇦.',
      expect: {
        claims: [['Officials in Kyiv', 'said', 'the convoy may arrive 🚚 on Tuesday'], ['the Red Cross', 'said', '"We are ready,"']],
        hedges: ['hedge:may'],
        sentences: ['👩‍👩‍👧‍👦 Families waited.', 'Officials in Kyiv said the convoy may arrive 🚚 on Tuesday.', '"We are ready," the Red Cross said 🇺🇦.'],
      },
      actors: ['place:Kyiv'],
    },
    {
      text: '李明 told reporters in 北京 that the deal was “probably” finished 👍🏽. Analysts suggest the 🇯🇵 yen could fall.',
      expect: {
        claims: [['李明', 'told', 'that the deal was “probably” finished 👍🏽'], ['Analysts', 'suggest', 'the 🇯🇵 yen could fall']],
        hedges: ['hedge:probably', 'hedge:suggest', 'hedge:could'],
        sentences: ['李明 told reporters in 北京 that the deal was “probably” finished 👍🏽.', 'Analysts suggest the 🇯🇵 yen could fall.'],
      },
      actors: ['group:Analysts'],
    },
    {
      text: 'The minister said: «نحن مستعدون» and the army may respond. Experts argue that Cairo will likely wait.',
      expect: {
        claims: [['The minister', 'said:', '«نحن مستعدون» and the army may respond'], ['Experts', 'argue', 'that Cairo will likely wait']],
        hedges: ['hedge:may', 'hedge:likely'],
        sentences: ['The minister said: «نحن مستعدون» and the army may respond.', 'Experts argue that Cairo will likely wait.'],
      },
      actors: ['group:Experts', 'place:Cairo'],
    },
    {
      // Combining marks (decomposed é, ö) before the cues.
      text: 'Zoe\u0308 Di\u0301az, a spokeswoman for the ministry, said the talks may resume 🤝 on Friday. 中国外交部 said nothing.',
      expect: {
        claims: [['Zoe\u0308 Di\u0301az, a spokeswoman for the ministry,', 'said', 'the talks may resume 🤝 on Friday'], ['中国外交部', 'said', 'nothing']],
        hedges: ['hedge:may'],
        sentences: ['Zoe\u0308 Di\u0301az, a spokeswoman for the ministry, said the talks may resume 🤝 on Friday.', '中国外交部 said nothing.'],
      },
      actors: [],
    },
  ];
  for (const { text, expect, actors } of cases) {
    const a = cl.analyze(text);
    checkInvariants(text, a);
    const r = readable(text, a);
    assert.deepEqual({ claims: r.claims, hedges: r.hedges, sentences: r.sentences }, expect, text);
    for (const x of actors) assert.ok(r.actors.includes(x), `${x} in ${JSON.stringify(r.actors)}`);
  }
});

test('a lone surrogate (not valid UTF-16) still gives offsets that slice the string', () => {
  const text = '\uD800 Officials in Kyiv said the convoy may arrive \uDC00 soon.';
  const a = cl.analyze(text);
  checkInvariants(text, a);
  assert.deepEqual(readable(text, a).claims, [['\uD800 Officials in Kyiv', 'said', 'the convoy may arrive \uDC00 soon']]);
});

// Non-ASCII paragraphs inserted between the paragraphs of an ASCII-offset article
// must shift every span by exactly the UTF-16 length inserted before it.
const INSERTS = [
  '👩‍👩‍👧‍👦 家族が集まった。',
  'مرحبا بالعالم. שלום עולם.',
  'Zoe\u0301 e\u0301te\u0301 🇺🇦🏳️‍🌈 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀😀.',
  '한국어 문장입니다. 中文句子。',
];

test('spans shift by exactly the UTF-16 length of non-ASCII paragraphs inserted between paragraphs', () => {
  let checked = 0;
  for (const base of benchTexts) {
    const paras = base.split('\n\n');
    assert.ok(paras.length >= 3);
    let mixed = '';
    const shifts = []; // [offset in base where a paragraph starts, total inserted before it]
    let baseOff = 0;
    paras.forEach((p, i) => {
      const ins = INSERTS[i % INSERTS.length] + '\n\n';
      mixed += ins;
      shifts.push([baseOff, mixed.length - baseOff]);
      mixed += p + (i + 1 < paras.length ? '\n\n' : '');
      baseOff += p.length + 2;
    });
    const shiftOf = (off) => shifts.filter(([o]) => o <= off).at(-1)[1];
    const move = (s) => ({ start: s.start + shiftOf(s.start), end: s.end + shiftOf(s.start) });

    const a = cl.analyze(base);
    const m = cl.analyze(mixed);
    checkInvariants(mixed, m);
    const inBase = new Set(spans(a).map(([, s]) => JSON.stringify(move(s))));
    const fromBase = (s) => inBase.has(JSON.stringify({ start: s.start, end: s.end }));
    // Every span of the base article is found, shifted, in the mixed one...
    const mixedSpans = new Set(spans(m).map(([, s]) => JSON.stringify({ start: s.start, end: s.end })));
    for (const [what, s] of spans(a)) {
      const t = move(s);
      assert.ok(mixedSpans.has(JSON.stringify(t)), `${what} ${JSON.stringify(slice(base, s))} not at ${t.start}..${t.end}`);
      assert.equal(slice(mixed, t), slice(base, s));
      checked++;
    }
    // ...and the same claims, hedges and mentions, in the same places.
    const keyed = (text, an, f) => ({
      claims: an.claims.map((c) => [c.source && f(c.source), f(c.cue), contents(c).map(f), c.attribution]),
      hedges: an.hedges.map((h) => [f(h), h.kind, h.reason]),
      mentions: an.actors.flatMap((x) => x.mentions.map((s) => [f(s), x.name, x.kind])).filter(([s]) => s !== null),
    });
    const asMixed = (s) => JSON.stringify(move(s));
    const own = (s) => (fromBase(s) ? JSON.stringify({ start: s.start, end: s.end }) : null);
    const want = keyed(base, a, asMixed);
    const got = keyed(mixed, m, own);
    assert.deepEqual(got.claims, want.claims);
    assert.deepEqual(got.hedges, want.hedges);
    assert.deepEqual(got.mentions.sort(), want.mentions.sort());
  }
  assert.ok(checked > 200, `only ${checked} spans checked`);
});

test('results have exactly the fields (and optional fields) that the .d.ts declares', () => {
  const types = typesOf(new URL('pkg/node/claimlens_js.d.ts', root).pathname);
  for (const name of ['Span', 'Sentence', 'Actor', 'Claim', 'Hedge', 'Summary', 'Analysis']) assert.ok(types.has(name), name);
  const { check, seen: seenOptional } = fieldChecker(types);
  const texts = [...benchTexts, 'Russian officials said the plan may fail. It was reported that talks could resume.'];
  const seen = { nullSource: false, nullActor: false, oneContent: false, manyContent: false, nullContent: false };
  for (const text of texts) {
    const a = cl.analyze(text);
    check('Analysis', a);
    check('Summary', a.summary);
    a.sentences.forEach((s) => check('Sentence', s));
    a.hedges.forEach((h) => check('Hedge', h));
    for (const x of a.actors) {
      check('Actor', x);
      x.mentions.forEach((m) => check('Span', m));
      assert.ok(['person', 'organization', 'place', 'group'].includes(x.kind));
    }
    for (const c of a.claims) {
      check('Claim', c);
      check('Span', c.cue);
      if (c.source === null) seen.nullSource = true;
      else check('Span', c.source);
      if (c.actor === null) seen.nullActor = true;
      else assert.ok(a.actors[c.actor], 'claim.actor is an actor id');
      if (c.content === null) seen.nullContent = true;
      else if (Array.isArray(c.content)) {
        seen.manyContent = true;
        c.content.forEach((s) => check('Span', s));
      } else {
        seen.oneContent = true;
        check('Span', c.content);
      }
      assert.ok(['named', 'vague', 'none'].includes(c.attribution));
    }
    a.hedges.forEach((h) => assert.ok(['hedge', 'booster', 'weasel', 'condition'].includes(h.kind)));
  }
  assert.deepEqual(seen, { nullSource: true, nullActor: true, oneContent: true, manyContent: true, nullContent: seen.nullContent });
  for (const k of ['Actor.subkind', 'Actor.affiliation']) assert.ok(seenOptional.has(k), `${k} never seen`);
});

test('scores are 3-decimal numbers, as in the CLI JSON', () => {
  const a = cl.analyze(benchTexts[0]);
  for (const x of [...a.sentences.map((s) => s.certainty), a.summary.certainty, a.summary.hedges_per_100_words, a.summary.share_named]) {
    assert.equal(typeof x, 'number');
    assert.equal(x, Number(x.toFixed(3)), `${x} has more than 3 decimals`);
  }
});

test('layers: each off gives an empty array; all off leaves sentences and counts', () => {
  const text = benchTexts[1];
  const full = cl.analyze(text);
  assert.ok(full.actors.length && full.claims.length && full.hedges.length);
  const off = cl.analyze(text, { layers: { actors: false, claims: false, hedges: false } });
  assert.deepEqual([off.actors, off.claims, off.hedges], [[], [], []]);
  assert.deepEqual(off.sentences.map((s) => [s.start, s.end]), full.sentences.map((s) => [s.start, s.end]));
  assert.equal(off.summary.words, full.summary.words);
  assert.equal(cl.analyze(text, { layers: { hedges: false } }).hedges.length, 0);
  const noActors = cl.analyze(text, { layers: { actors: false } });
  assert.equal(noActors.actors.length, 0);
  assert.equal(noActors.claims.length, full.claims.length);
  assert.ok(noActors.claims.every((c) => c.actor === null));
  const noClaims = cl.analyze(text, { layers: { claims: false } });
  assert.equal(noClaims.claims.length, 0);
  // Without claims the actors are the same, but none has references (they are claim sources).
  const names = (actors) => actors.map(({ references, ...a }) => a);
  assert.deepEqual(names(noClaims.actors), names(full.actors));
  assert.ok(full.actors.some((a) => a.references.length > 0));
  assert.ok(noClaims.actors.every((a) => a.references.length === 0));
  // Explicit defaults are the defaults.
  assert.deepEqual(cl.analyze(text, { layers: { actors: true, claims: true, hedges: true }, actors: [], cues: [], hedges: [] }), full);
  assert.deepEqual(cl.analyze(text, undefined), full);
  assert.deepEqual(cl.analyze(text, null), full);
});

test('user actors, cues and hedges are found; other calls are not affected', () => {
  const text = 'The Quorvash Collective murmured that the harvest was perchance late. Ada Quill murmured nothing.';
  const opts = {
    actors: [
      { name: 'Quorvash Collective', kind: 'organization', subkind: 'think tank' },
      { name: 'Ada Quill', kind: 'person' },
    ],
    cues: ['murmured'],
    hedges: [{ phrase: 'perchance', kind: 'hedge' }],
  };
  const before = cl.analyze(text);
  assert.ok(!before.claims.some((c) => slice(text, c.cue) === 'murmured'));
  assert.ok(!before.hedges.some((h) => slice(text, h) === 'perchance'));
  for (let round = 0; round < 2; round++) {
    const a = cl.analyze(text, opts);
    checkInvariants(text, a);
    const q = a.actors.find((x) => x.name === 'Quorvash Collective');
    assert.equal(q?.subkind, 'think tank');
    assert.equal(q.kind, 'organization');
    assert.deepEqual(q.mentions.map((m) => slice(text, m)), ['Quorvash Collective']);
    const ada = a.actors.find((x) => x.name === 'Ada Quill');
    assert.equal(ada?.kind, 'person');
    const r = readable(text, a);
    assert.deepEqual(r.claims.map((c) => c.slice(0, 2)), [['The Quorvash Collective', 'murmured'], ['Ada Quill', 'murmured']]);
    assert.equal(a.claims[0].actor, q.id);
    assert.equal(a.claims[0].attribution, 'named');
    const h = a.hedges.find((x) => slice(text, x) === 'perchance');
    assert.deepEqual([h?.kind, h?.reason], ['hedge', 'user lexicon']);
    // Calls with default options in between still use the built-in lexicon.
    assert.deepEqual(cl.analyze(text), before);
  }
  const weasel = cl.analyze('Some insiders whisper that it failed.', { hedges: [{ phrase: 'insiders whisper', kind: 'weasel' }] });
  assert.ok(weasel.hedges.some((h) => h.kind === 'weasel'));
});

test('a reader\'s rules file (the app\'s export, the CLI\'s --rules FILE) is an option', () => {
  // The file the web app exports and `claimlens analyze --rules FILE` reads.
  const rules = JSON.parse(`{
    "actors": [{"name": "Kelvar Freight", "kind": "organization"}],
    "cues": ["reckons"],
    "hedges": [{"phrase": "perchance", "kind": "hedge"}],
    "wrong": [{"layer": "claim", "text": "said"}, {"layer": "hedge", "text": "may"}],
    "merge": [{"actor": "Brandt Foundation", "into": "Leona Brandt"}],
    "kinds": [{"actor": "Kestrel", "kind": "organization"}],
    "patterns": [{"pattern": "\\\\bW-[0-9]+\\\\b", "as": "person"}]
  }`);
  const text = 'Leona Brandt spoke first. The Brandt Foundation paid for the hall, and Kestrel said it may ' +
    'open. Ms Quorvash reckons it will perchance close. The trucks belonged to Kelvar Freight. ' +
    'Witness W-17 left.';
  const before = cl.analyze(text);
  const a = cl.analyze(text, { rules });
  checkInvariants(text, a);
  const cues = (x) => x.claims.map((c) => slice(text, c.cue));
  const hedges = (x) => x.hedges.map((h) => slice(text, h));
  assert.ok(cues(before).includes('said') && !cues(a).includes('said'));
  assert.ok(!cues(before).includes('reckons') && cues(a).includes('reckons'));
  assert.ok(hedges(before).includes('may') && !hedges(a).includes('may'));
  assert.ok(!hedges(before).includes('perchance') && hedges(a).includes('perchance'));
  assert.ok(before.actors.some((x) => x.name === 'Brandt Foundation'));
  const brandt = a.actors.find((x) => x.name === 'Leona Brandt');
  assert.ok(brandt.mentions.some((m) => slice(text, m) === 'Brandt Foundation'));
  assert.ok(!a.actors.some((x) => x.name === 'Brandt Foundation'));
  const kestrel = (x) => x.actors.find((y) => y.mentions.some((m) => slice(text, m) === 'Kestrel'));
  assert.notEqual(kestrel(before)?.kind, 'organization');
  assert.equal(kestrel(a)?.kind, 'organization');
  assert.equal(a.actors.find((x) => x.name === 'Kelvar Freight')?.kind, 'organization');
  assert.ok(!before.actors.some((x) => x.name === 'W-17'));
  assert.equal(a.actors.find((x) => x.name === 'W-17')?.kind, 'person');
  // The view takes the same option.
  const v = cl.analyzeView(text, { rules });
  assert.ok(!v.hedges.some((h) => h.text === 'may') && v.hedges.some((h) => h.text === 'perchance'));
});

test('bad input and bad options throw an Error with a clear message', () => {
  const t = 'The ministry said the talks may resume.';
  const cases = [
    [[42], /text must be a string \(got number\)/],
    [[], /text must be a string \(got undefined\)/],
    [[null], /text must be a string \(got null\)/],
    [[new String('x')], /text must be a string \(got a String\)/],
    [[t, 5], /options must be a plain object \(got number\)/],
    [[t, 'layers'], /options must be a plain object \(got string\)/],
    [[t, []], /options must be a plain object \(got an array\)/],
    [[t, { layer: { hedges: false } }], /options has an unknown key "layer"/],
    [[t, { layers: { hedges: 'no' } }], /options\.layers\.hedges must be a boolean \(got string\)/],
    [[t, { layers: { hedge: false } }], /options\.layers has an unknown key "hedge"/],
    [[t, { layers: [] }], /options\.layers must be a plain object/],
    [[t, { actors: { name: 'X' } }], /options\.actors must be an array \(got object\)/],
    [[t, { actors: ['X'] }], /options\.actors\[0\] must be a plain object \(got string\)/],
    [[t, { actors: [{ name: 'X' }] }], /options\.actors\[0\]\.kind is missing/],
    [[t, { actors: [{ kind: 'person' }] }], /options\.actors\[0\]\.name is missing/],
    [[t, { actors: [{ name: 'Ok Name', kind: 'person' }, { name: 'X', kind: 'robot' }] }], /options\.actors\[1\]\.kind must be "person", "organization", "place" or "group" \(got "robot"\)/],
    [[t, { actors: [{ name: '  ', kind: 'person' }] }], /options\.actors\[0\]\.name must contain a letter or digit/],
    [[t, { actors: [{ name: 'X', kind: 'person', subkind: 3 }] }], /options\.actors\[0\]\.subkind must be a string \(got number\)/],
    [[t, { actors: [{ name: 'X', kind: 'person', type: 'y' }] }], /options\.actors\[0\] has an unknown key "type"/],
    [[t, { cues: 'said' }], /options\.cues must be an array \(got string\)/],
    [[t, { cues: ['said', ''] }], /options\.cues\[1\] must contain a letter or digit/],
    [[t, { cues: [7] }], /options\.cues\[0\] must be a string \(got number\)/],
    [[t, { cues: ['x'.repeat(201)] }], /options\.cues\[0\] is longer than 200 characters/],
    [[t, { hedges: [{ phrase: 'maybe', kind: 'hedging' }] }], /options\.hedges\[0\]\.kind must be "hedge", "booster", "weasel" or "condition" \(got "hedging"\)/],
    [[t, { hedges: [{ phrase: '[may] be', kind: 'hedge' }] }], /options\.hedges\[0\]\.phrase must not contain/],
    [[t, { hedges: [{ kind: 'hedge' }] }], /options\.hedges\[0\]\.phrase is missing/],
    [[t, new Map([['layers', { hedges: false }]])], /options must be a plain object \(got a Map\)/],
    [[t, new Date()], /options must be a plain object \(got a Date\)/],
    [[t, { layers: new (class Layers {})() }], /options\.layers must be a plain object \(got a Layers\)/],
    [[t, { cues: ['said', , 'told'] }], /options\.cues\[1\] is missing/],
    [[t, { rules: 'x' }], /options\.rules must be a plain object \(got string\)/],
    [[t, { rules: { wrongs: [] } }], /options\.rules has an unknown key "wrongs"/],
    [[t, { rules: { cues: [''] } }], /options\.rules\.cues\[0\] must contain a letter or digit/],
    [[t, { rules: { wrong: [{ layer: 'actors', text: 'x' }] } }], /options\.rules\.wrong\[0\]\.layer must be "actor", "claim" or "hedge" \(got "actors"\)/],
    [[t, { rules: { wrong: [{ layer: 'actor', text: ' ' }] } }], /options\.rules\.wrong\[0\]\.text must contain a letter or digit/],
    [[t, { rules: { merge: [{ actor: 'A' }] } }], /options\.rules\.merge\[0\]\.into is missing/],
    [[t, { rules: { kinds: [{ actor: 'A', kind: 'robot' }] } }], /options\.rules\.kinds\[0\]\.kind must be/],
    [[t, { rules: { patterns: [{ pattern: 'W-(1', as: 'person' }] } }], /options\.rules\.patterns\[0\]\.pattern is not a valid pattern: .* \(at character 3\)/],
    [[t, { rules: { patterns: [{ pattern: 'W', as: 'actor' }] } }], /options\.rules\.patterns\[0\]\.as must be "person"/],
    [[t, { rules: { wrong: Array.from({ length: 10001 }, () => ({ layer: 'hedge', text: 'may' })) } }], /options\.rules\.wrong holds more than 10000 rules/],
  ];
  for (const [args, re] of cases) {
    assert.throws(() => cl.analyze(...args), (e) => e instanceof Error && /^claimlens\.analyze: /.test(e.message) && re.test(e.message), `${JSON.stringify(args)} should throw ${re}`);
  }
  // A getter that throws is reported, not a crash.
  const hostile = { get layers() { throw new Error('boom'); } };
  assert.throws(() => cl.analyze(t, hostile), /reading options\.layers threw/);
  // The module still works after errors.
  assert.equal(cl.analyze(t).claims.length, 1);
});

test('options are read from own properties of plain objects only', () => {
  const t = 'The ministry said the talks may resume.';
  const plain = cl.analyze(t);
  // Properties inherited through a polluted prototype are not options.
  Object.prototype.layers = { actors: false, claims: false, hedges: false };
  Object.prototype.subkind = 'polluted';
  Array.prototype[0] = 'polluted';
  try {
    assert.deepEqual(cl.analyze(t, {}), plain);
    assert.deepEqual(cl.analyze(t, { actors: [{ name: 'Zorblax Institute', kind: 'organization' }] }).claims, plain.claims);
    const named = cl.analyze('The Zorblax Institute said so.', { actors: [{ name: 'Zorblax Institute', kind: 'organization' }] });
    assert.notEqual(named.actors[0].subkind, 'polluted');
    assert.throws(() => cl.analyze(t, { cues: [, 'told'] }), /options\.cues\[0\] is missing/);
  } finally {
    delete Object.prototype.layers;
    delete Object.prototype.subkind;
    delete Array.prototype[0];
  }
  // An object without a prototype is a plain object too.
  const bare = Object.assign(Object.create(null), { layers: Object.assign(Object.create(null), { hedges: false }) });
  assert.equal(cl.analyze(t, bare).hedges.length, 0);
});

test('a text over 32 MiB is refused with an Error, and the module goes on working', () => {
  for (const fn of ['analyze', 'analyzeView']) {
    const big = 'a'.repeat((32 << 20) + 1);
    assert.throws(() => cl[fn](big), (e) => e instanceof Error && new RegExp(`^claimlens\\.${fn}: the text is 33554433 UTF-16 code units, over the limit of 32 MiB`).test(e.message));
    // Under the limit in code units, over it in UTF-8 (three bytes per CJK character).
    const cjk = '中'.repeat(12 << 20);
    assert.throws(() => cl[fn](cjk), /the text is 37748736 bytes of UTF-8, over the limit of 32 MiB/);
  }
  assert.equal(cl.analyze('Iran said it may act.').claims.length, 1);
});

test('the empty string gives an empty analysis', () => {
  const a = cl.analyze('');
  assert.deepEqual([a.sentences, a.actors, a.claims, a.hedges], [[], [], [], []]);
  assert.equal(a.summary.words, 0);
  assert.equal(a.summary.sentences, 0);
  assert.equal(a.summary.certainty, 1);
});

test('a 1 MB string with emoji and CJK works and its offsets slice it', () => {
  const unit = INSERTS.join(' ') + '\n\n' + benchTexts.join('\n\n') + '\n\n';
  const text = unit.repeat(Math.ceil((1 << 20) / unit.length));
  assert.ok(text.length >= 1 << 20);
  const a = cl.analyze(text);
  checkInvariants(text, a);
  const one = cl.analyze(unit);
  const copies = Math.ceil((1 << 20) / unit.length);
  assert.equal(a.claims.length, one.claims.length * copies);
  assert.equal(a.hedges.length, one.hedges.length * copies);
  const last = a.hedges.at(-1);
  const lastOne = one.hedges.at(-1);
  assert.equal(last.start, lastOne.start + unit.length * (copies - 1));
  assert.equal(slice(text, last), slice(unit, lastOne));
});

test('when the page cannot give an analysis the memory it needs, an Error says so and the module goes on working', () => {
  // A Node whose wasm memory is capped at 100 MB; 8.8 MB of text would need more.
  const script = `
    const cl = require(${JSON.stringify(new URL('pkg/node/claimlens_js.js', root).pathname)});
    const out = [];
    try { cl.analyze('Iran said it may act. '.repeat(400000)); out.push('no error'); }
    catch (e) { out.push(e.constructor.name + ': ' + e.message); }
    out.push(String(cl.analyze('Iran said it may act.').claims.length));
    console.log(JSON.stringify(out));`;
  const r = spawnSync(process.execPath, ['--wasm-max-mem-pages=1600', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [error, after] = JSON.parse(r.stdout);
  assert.match(error, /^Error: claimlens\.analyze: not enough memory for this text \(8 MB of UTF-8 needs about \d+ MB\); analyse it in parts$/);
  assert.equal(after, '1');
});

test('the widget\'s build (pkg/widget/web, no options) gives the same analysis and refuses options', async () => {
  const { pathToFileURL } = await import('node:url');
  const dir = new URL('pkg/widget/web/', root);
  const w = await import(pathToFileURL(new URL('claimlens_js.js', dir).pathname).href);
  w.initSync({ module: fs.readFileSync(new URL('claimlens_js_bg.wasm', dir)) });
  for (const text of benchTexts.slice(0, 2)) {
    assert.deepEqual(w.analyze(text), cl.analyze(text));
    assert.deepEqual(w.analyzeView(text), cl.analyzeView(text));
  }
  assert.deepEqual(w.analyze('Officials said it may rain.', null), cl.analyze('Officials said it may rain.'));
  assert.throws(() => w.analyze('Officials said it may rain.', { layers: { hedges: false } }), /^Error: claimlens\.analyze: this build \(the <claim-lens> widget's\) takes no options/);
});
