// The npm package as a user gets it: the tarball that `cargo run -p xtask -- package` packs
// (dist-packages/claimlens-VERSION.tgz) installed into a scratch project, then used from Node
// (ESM `import` and CommonJS `require`), type-checked by tsc, and bundled by esbuild, Vite and
// webpack (no plugin, no configuration for the wasm) for a page that Chromium opens: the
// analysis runs, the widget renders, nothing is fetched after load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, browser, ROOT, ARTIFACTS } from './lib.mjs';

const BIN = join(ROOT, 'e2e', 'node_modules', '.bin');
const TEXT = 'Iran said on Monday that talks may resume, according to Reuters. '
  + 'Critics argue the deal is weak. Foreign Minister Abbas Araghchi told reporters it was “a first step”.';
let dir;

async function tarball() {
  const out = join(ROOT, 'dist-packages');
  const cargo = await readFile(join(ROOT, 'Cargo.toml'), 'utf8');
  const version = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(cargo)[1];
  const name = `claimlens-${version}.tgz`;
  assert.ok((await readdir(out)).includes(name), `${name} in dist-packages/ (run: cargo run -p xtask -- package)`);
  return { path: join(out, name), version };
}

function node(file) {
  return execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' });
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimlens-npm-'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true, version: '1.0.0' }));
  const { path } = await tarball();
  // The package has no dependencies: installing the file needs no registry.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', '--loglevel=error', path], { cwd: dir, stdio: 'pipe' });
});

after(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

test('Node ESM: import { analyze, analyzeView, version } from "claimlens"', async () => {
  const { version } = await tarball();
  await writeFile(join(dir, 'esm.mjs'), `
    import { analyze, analyzeView, version } from 'claimlens';
    const text = ${JSON.stringify(TEXT)};
    const a = analyze(text);
    const v = analyzeView(text);
    let bad = '';
    try { analyze(42); } catch (e) { bad = e instanceof Error ? e.message : 'not an Error'; }
    console.log(JSON.stringify({
      version: version(),
      actors: a.actors.map((x) => x.name),
      cues: a.claims.map((c) => text.slice(c.cue.start, c.cue.end)),
      hedges: a.hedges.map((h) => text.slice(h.start, h.end)),
      viewActors: v.actors.map((x) => x.name),
      bad,
    }));
  `);
  const r = JSON.parse(node('esm.mjs'));
  assert.equal(r.version, version);
  assert.ok(r.actors.includes('Iran') && r.actors.includes('Reuters'), JSON.stringify(r));
  assert.ok(r.cues.includes('said') && r.cues.includes('according to'), JSON.stringify(r));
  assert.ok(r.hedges.includes('may'), JSON.stringify(r));
  assert.deepEqual(r.viewActors.slice().sort(), r.actors.slice().sort());
  assert.match(r.bad, /string/i);
});

test('Node CommonJS: require("claimlens") gives the same analysis as import', async () => {
  await writeFile(join(dir, 'cjs.cjs'), `
    const { analyze, version } = require('claimlens');
    console.log(JSON.stringify({ version: version(), analysis: analyze(${JSON.stringify(TEXT)}) }));
  `);
  await writeFile(join(dir, 'esm2.mjs'), `
    import { analyze, version } from 'claimlens';
    console.log(JSON.stringify({ version: version(), analysis: analyze(${JSON.stringify(TEXT)}) }));
  `);
  const cjs = JSON.parse(node('cjs.cjs'));
  const esm = JSON.parse(node('esm2.mjs'));
  assert.ok(cjs.analysis.claims.length >= 2);
  assert.deepEqual(cjs, esm);
});

test('TypeScript: the package types resolve through its exports for import and require (tsc, module nodenext and node16)', async () => {
  await writeFile(join(dir, 'use.mts'), `
    import { analyze, type Analysis } from 'claimlens';
    const a: Analysis = analyze('The ministry said it may act.');
    const first: string | undefined = a.claims[0]?.cue ? 'cue' : undefined;
    // @ts-expect-error: analyze takes a string
    analyze(1);
    export { first };
  `);
  await writeFile(join(dir, 'use.cts'), `
    import { analyze, type Analysis } from 'claimlens';
    const a: Analysis = analyze('The ministry said it may act.');
    export const claims: number = a.claims.length;
  `);
  for (const module of ['nodenext', 'node16']) {
    execFileSync(join(BIN, 'tsc'), ['--noEmit', '--strict', '--module', module, '--moduleResolution', module,
      '--target', 'es2022', '--skipLibCheck', 'false', 'use.mts', 'use.cts'], { cwd: dir, stdio: 'pipe' });
  }
});

const ENTRY = `
  import { analyze } from 'claimlens';
  import 'claimlens/widget';
  window.__result = analyze(${JSON.stringify(TEXT)}).actors.map((a) => a.name);
`;
const PAGE = (script) => `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>bundle</title>
  <claim-lens id="w"><p>The ministry said on Tuesday that the talks may resume.</p></claim-lens>
  ${script}`;

/** Each bundler builds ENTRY (in the scratch project, which has claimlens installed) into a
 * folder with an index.html; resolves to that folder. */
const BUNDLERS = {
  async esbuild() {
    const out = join(dir, 'out-esbuild');
    execFileSync(join(BIN, 'esbuild'), ['entry.js', '--bundle', '--format=esm', '--platform=browser', '--minify',
      `--outfile=${join(out, 'bundle.js')}`, '--log-level=warning'], { cwd: dir, stdio: 'pipe' });
    await writeFile(join(out, 'index.html'), PAGE('<script type="module" src="bundle.js"></script>'));
    return out;
  },
  async vite() {
    // Vite builds from an index.html that names the entry.
    const root = join(dir, 'vite-src');
    await mkdir(root, { recursive: true });
    await writeFile(join(root, 'entry.js'), ENTRY);
    await writeFile(join(root, 'index.html'), PAGE('<script type="module" src="./entry.js"></script>'));
    const { build } = await import('vite');
    const out = join(dir, 'out-vite');
    await build({ root, logLevel: 'error', configFile: false, build: { outDir: out, emptyOutDir: true, chunkSizeWarningLimit: 2000 } });
    return out;
  },
  async webpack() {
    const { default: webpack } = await import('webpack');
    const out = join(dir, 'out-webpack');
    const stats = await new Promise((ok, fail) => webpack({
      mode: 'production', context: dir, entry: './entry.js', output: { path: out, filename: 'bundle.js' },
      performance: { hints: false },
    }, (err, s) => (err ? fail(err) : ok(s))));
    assert.ok(!stats.hasErrors(), stats.toString({ all: false, errors: true }));
    await writeFile(join(out, 'index.html'), PAGE('<script src="bundle.js"></script>'));
    return out;
  },
};

for (const [name, bundle] of Object.entries(BUNDLERS)) {
  test(`${name} bundle for a page: analysis and <claim-lens> work, the wasm is in the bundle, no request after load`, async () => {
    await writeFile(join(dir, 'entry.js'), ENTRY);
    const out = await bundle();
    const server = await serve(out, '/');
    const context = await browser();
    try {
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
      await page.goto(server.url + 'index.html');
      await page.waitForFunction(() => window.__result, null, { timeout: 30_000 });
      await page.waitForFunction(() => document.querySelector('#w')?.shadowRoot?.querySelector('mark'), null, { timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      const requests = [];
      context.on('request', (r) => requests.push(r.url()));
      const actors = await page.evaluate(() => window.__result);
      assert.ok(actors.includes('Iran') && actors.includes('Reuters'), JSON.stringify(actors));
      const marks = await page.$$eval('#w mark', (ms) => ms.map((m) => `${m.className}:${m.textContent}`));
      assert.ok(marks.some((m) => m.includes('cl-cue') && m.endsWith(':said')), JSON.stringify(marks));
      assert.ok(marks.some((m) => m.includes('hd-hedge') && m.endsWith(':may')), JSON.stringify(marks));
      // Its summary line counts in words that agree with the numbers.
      const summary = await page.$eval('#w', (w) => w.shadowRoot.querySelector('.summary').textContent);
      assert.match(summary, /^0 actors · 1 claim \(0 named, 1 vague, 0 unattributed\) · 1 hedging cue · /);
      await page.screenshot({ path: join(ARTIFACTS, `npm-${name}.png`) });
      await page.waitForTimeout(500);
      assert.deepEqual(requests, []);
      // Only the page and one script were ever served: no .wasm, nothing else.
      const served = [...new Set(server.hits)].sort();
      assert.equal(served.length, 2, JSON.stringify(served));
      assert.ok(served.includes('/index.html') && served.every((p) => p.endsWith('.js') || p === '/index.html'), JSON.stringify(served));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      await server.close();
    }
  });
}
