#!/usr/bin/env node
// claimlens (the browser build, pkg/web, loaded with initSync) against compromise,
// in one Node process, on the same articles (benches/texts/*.txt, written for the project).
//   node bench.mjs [--warmup=50] [--runs=300] [--fast]
// --fast also times pkg/fast/web (opt-level 3, from `cargo run -p xtask -- js --fast`).
// Each round times every article once per engine with performance.now(), engines
// interleaved; after the warm-up rounds, the median of the timed calls is reported.
// Jobs:
//   claimlens:  analyze(text): actors, claims, hedges, sentences, summary, as the contract object.
//   compromise: nlp(text), compute('offset'), .people() .organizations() .places() turned into
//               {start, end, type} spans (the entity job of the peers harness).
// Sizes: gzip -9 of what a browser downloads. claimlens: pkg/web wasm + its JS glue (as built,
// and minified by esbuild like compromise); compromise: esbuild --bundle --minify --format=esm of
// `export { default } from 'compromise'`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import nlp from 'compromise';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const WEB = path.join(ROOT, 'pkg/web');
const arg = (name, dflt) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const WARMUP = arg('warmup', 50);
const RUNS = arg('runs', 300);

const FAST = process.argv.includes('--fast');
const WEB_FAST = path.join(ROOT, 'pkg/fast/web');

/** Loads a wasm-bindgen web build the way a page does without fetch: initSync with the bytes. */
async function load(dir) {
  if (!fs.existsSync(path.join(dir, 'claimlens_js_bg.wasm'))) {
    console.error(`${path.relative(ROOT, dir)} is missing: run cargo run -p xtask -- js${dir === WEB_FAST ? ' --fast' : ''} first`);
    process.exit(1);
  }
  const m = await import(pathToFileURL(path.join(dir, 'claimlens_js.js')).href);
  m.initSync({ module: fs.readFileSync(path.join(dir, 'claimlens_js_bg.wasm')) });
  return m;
}
const ours = await load(WEB);
const fast = FAST ? await load(WEB_FAST) : null;

const textDir = path.join(ROOT, 'benches/texts');
const articles = fs.readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => ({ name: f.replace(/\.txt$/, ''), text: fs.readFileSync(path.join(textDir, f), 'utf8') }));

const engines = {
  claimlens: (text) => ours.analyze(text),
  ...(fast ? { 'claimlens-fast': (text) => fast.analyze(text) } : {}),
  compromise: (text) => {
    const doc = nlp(text);
    doc.compute('offset');
    const out = [];
    for (const [view, type] of [[doc.people(), 'person'], [doc.organizations(), 'organization'], [doc.places(), 'place']]) {
      for (const terms of view.docs) {
        const first = terms[0];
        const last = terms[terms.length - 1];
        out.push({ start: first.offset.start, end: last.offset.start + last.text.length, type });
      }
    }
    return out;
  },
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const times = Object.fromEntries(Object.keys(engines).map((e) => [e, articles.map(() => [])]));
let sink = 0;
for (let round = 0; round < WARMUP + RUNS; round++) {
  articles.forEach((a, i) => {
    for (const [name, run] of Object.entries(engines)) {
      const t0 = performance.now();
      const r = run(a.text);
      const dt = performance.now() - t0;
      sink += Array.isArray(r) ? r.length : r.actors.length;
      if (round >= WARMUP) times[name][i].push(dt);
    }
  });
}

const fmt = (ms) => (ms < 1 ? ms.toFixed(3) : ms.toFixed(2));
const names = Object.keys(engines);
const others = names.filter((n) => n !== 'compromise');
console.log(`Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}; ${WARMUP} warm-up rounds, then ${RUNS} timed calls per article and engine (median ms per call)`);
console.log(['article'.padEnd(12), 'bytes'.padStart(6), ...names.map((n) => n.padStart(15)), ...others.map((n) => `ratio ${n}`.padStart(22))].join(' '));
const line = (label, bytes, series) => {
  const med = Object.fromEntries(names.map((n) => [n, median(series(n))]));
  console.log([label.padEnd(12), bytes.padStart(6), ...names.map((n) => fmt(med[n]).padStart(15)), ...others.map((n) => `${(med.compromise / med[n]).toFixed(1)}×`.padStart(22))].join(' '));
};
articles.forEach((a, i) => line(a.name, String(Buffer.byteLength(a.text)), (n) => times[n][i]));
line('all', '', (n) => times[n].flat());
console.log(`(ratio = compromise median / claimlens median; "all" is the median over all ${RUNS * articles.length} calls of an engine)`);

// Download sizes.
const gz = (buf) => {
  const p = spawnSync('gzip', ['-9', '-c'], { input: buf, maxBuffer: 1 << 28 });
  if (p.status !== 0) throw new Error(`gzip failed: ${p.stderr}`);
  return p.stdout.length;
};
const minify = (contents, resolveDir) =>
  Buffer.from(esbuild.buildSync({ stdin: { contents, resolveDir, loader: 'js' }, bundle: true, minify: true, format: 'esm', write: false, logLevel: 'warning' }).outputFiles[0].contents);
const wasm = fs.readFileSync(path.join(WEB, 'claimlens_js_bg.wasm'));
const glue = fs.readFileSync(path.join(WEB, 'claimlens_js.js'));
const glueMin = minify(`export { default, initSync, analyze, version } from './claimlens_js.js';`, WEB);
const comp = minify(`export { default } from 'compromise';`, HERE);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('\ndownload (gzip -9)              raw        gzip');
const row = (label, raw, g) => console.log(`${label.padEnd(30)} ${String(raw).padStart(8)} ${String(g).padStart(10)}  (${kb(g)})`);
row('claimlens wasm', wasm.length, gz(wasm));
row('claimlens JS glue, as built', glue.length, gz(glue));
row('claimlens JS glue, esbuild min', glueMin.length, gz(glueMin));
row('claimlens wasm + glue as built', wasm.length + glue.length, gz(wasm) + gz(glue));
row('claimlens wasm + glue min', wasm.length + glueMin.length, gz(wasm) + gz(glueMin));
if (fast) {
  const w = fs.readFileSync(path.join(WEB_FAST, 'claimlens_js_bg.wasm'));
  row('claimlens-fast wasm + glue min', w.length + glueMin.length, gz(w) + gz(glueMin));
}
row('compromise 14.17.0 (esbuild min)', comp.length, gz(comp));
if (sink < 0) console.log(sink);
