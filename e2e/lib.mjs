// Shared helpers for the browser tests: a static file server over dist/ and a
// fresh headless Chromium (Debian's, driven by playwright-core).
import { createServer } from 'node:http';
import { readFile, mkdtemp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, extname, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'e2e', 'artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

/** Serves `dir` on 127.0.0.1 under `prefix` (e.g. '/' or '/some/path/'), plus `extra`
 * files ({ 'name.html': '/abs/path' }) at the prefix; resolves to { url, close, hits }. */
export async function serve(dir = DIST, prefix = '/', extra = {}) {
  const hits = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    hits.push(path);
    if (!path.startsWith(prefix)) { res.writeHead(404).end('not found'); return; }
    let rel = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
    if (rel === '' || rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
    try {
      const body = await readFile(extra[rel] ?? join(dir, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    hits,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

/** A headless Chromium with a new empty profile. */
export async function browser(options = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'claimlens-e2e-'));
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    ...options,
  });
}

export async function text(name) {
  return readFile(join(ROOT, 'e2e', 'fixtures', name), 'utf8');
}

/** Waits until the app's article shows `needle` and its status says the analysis is done. */
export async function analysed(page, needle) {
  await page.waitForFunction((n) => {
    const a = document.querySelector('#article');
    const s = document.querySelector('#status');
    return a && a.textContent.includes(n) && s && s.textContent.startsWith('Analysed');
  }, needle, { timeout: 60_000 });
}

/** The app's highlights (the CSS Custom Highlight API) whose name matches `pattern`:
 * [{ name, text }] for each range, in the order drawn. */
export async function highlights(page, pattern = '') {
  return page.evaluate((src) => {
    const re = new RegExp(src);
    const out = [];
    for (const [name, h] of CSS.highlights) {
      if (re.test(name)) for (const r of h) out.push({ name, text: r.toString() });
    }
    return out;
  }, pattern);
}

/** The viewport centre of the first range of a highlight matching `pattern` whose text
 * matches `text` (scrolled into view first), or null. */
export async function spot(page, pattern, text = '') {
  return page.evaluate(([src, want]) => {
    const re = new RegExp(src);
    const w = new RegExp(want);
    for (const [name, h] of CSS.highlights) {
      if (!re.test(name)) continue;
      for (const r of h) {
        if (!w.test(r.toString()) || !r.toString().trim()) continue;
        let box = r.getClientRects()[0];
        if (box.top < 0 || box.bottom > window.innerHeight) {
          window.scrollBy(0, box.top - window.innerHeight / 2);
          box = r.getClientRects()[0];
        }
        return { x: box.left + Math.min(box.width / 2, 12), y: box.top + box.height / 2 };
      }
    }
    return null;
  }, [pattern, text]);
}

/** A new page of the app at `url` with empty storage (on its first load only: a reload in
 * a test must find the text saved), once its analysis engine is ready. Page errors,
 * console errors and dialogs go to `problems`. */
export async function openApp(context, url, problems) {
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('cleared')) {
      localStorage.clear();
      sessionStorage.setItem('cleared', '1');
    }
  });
  await page.goto(url);
  await page.waitForSelector('main[data-ready="true"]');
  await page.waitForLoadState('networkidle');
  return page;
}

/** Pastes `value` over the article's whole text through the clipboard (a real paste event). */
export async function paste(page, value) {
  await page.evaluate((v) => navigator.clipboard.writeText(v), value);
  await page.click('#article');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}
