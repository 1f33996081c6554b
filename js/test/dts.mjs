// Shared by the Node tests: the object types that a .d.ts declares, and a check that a
// value has exactly their fields. (No tests here; node --test runs it as an empty file.)
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';

const ts = createRequire(new URL('../../e2e/package.json', import.meta.url))('typescript');

/** The interfaces (with what they extend) and object type aliases of a .d.ts:
 * name -> Map(property -> optional?). */
export function typesOf(file) {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out = new Map();
  src.forEachChild((n) => {
    let members = null;
    const props = new Map();
    if (ts.isInterfaceDeclaration(n)) {
      members = n.members;
      for (const h of n.heritageClauses ?? []) for (const t of h.types) for (const [k, v] of out.get(t.expression.getText()) ?? []) props.set(k, v);
    } else if (ts.isTypeAliasDeclaration(n) && ts.isTypeLiteralNode(n.type)) {
      members = n.type.members;
    }
    if (!members) return;
    for (const m of members) if (ts.isPropertySignature(m)) props.set(m.name.getText(), !!m.questionToken);
    out.set(n.name.text, props);
  });
  return out;
}

/** `check(name, obj)` asserts that `obj` is a plain object with exactly the fields of type
 * `name` (optional ones may be absent, never undefined); `seen` collects `Type.field` of the
 * optional fields met. */
export function fieldChecker(types) {
  const seen = new Set();
  const check = (name, obj) => {
    const props = types.get(name);
    assert.ok(props, `no type ${name}`);
    assert.equal(Object.getPrototypeOf(obj), Object.prototype, `${name} is a plain object`);
    for (const k of Object.keys(obj)) assert.ok(props.has(k), `${name} has undeclared field ${k}`);
    for (const [k, optional] of props) {
      if (!optional) assert.ok(k in obj, `${name} lacks required field ${k}`);
      else if (k in obj) {
        assert.notEqual(obj[k], undefined);
        seen.add(`${name}.${k}`);
      }
    }
  };
  return { check, seen };
}
