// The README's JavaScript examples run as written against pkg/node: each ```js block runs in
// its own Node process (its require of './pkg/node/claimlens_js.js' pointed at this build),
// and what it prints must be, line by line, its `// prints:` comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = new URL('../../', import.meta.url);
const readme = fs.readFileSync(new URL('README.md', root), 'utf8');
const blocks = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
const pkg = new URL('pkg/node/claimlens_js.js', root).pathname;

test('the README has JavaScript examples', () => {
  assert.ok(blocks.length >= 1);
});

blocks.forEach((code, k) => {
  test(`README JavaScript example ${k + 1} prints what it says`, () => {
    const want = [...code.matchAll(/^\/\/ prints: (.*)$/gm)].map((m) => m[1]);
    assert.ok(want.length > 0, 'the example says what it prints');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimlens-readme-')), 'example.cjs');
    fs.writeFileSync(file, code.replaceAll("'./pkg/node/claimlens_js.js'", JSON.stringify(pkg)));
    const out = execFileSync(process.execPath, [file], { encoding: 'utf8' });
    assert.deepEqual(out.trimEnd().split('\n'), want);
  });
});
