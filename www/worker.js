// The analysis runs here, off the page's main thread. It is the app's own wasm
// module (instantiated a second time), so nothing more is downloaded.
import init, { analyze_view } from './claimlens-app.js';
import { wasmBytes } from './claimlens-app.wasm.js';

// @shared-begin (the single-file build reuses this part; see xtask/src/standalone.rs)
function serve(ready) {
  ready.then(
    () => self.postMessage({ ready: true }),
    (err) => self.postMessage({ ready: false, error: err && err.message ? err.message : String(err) }),
  );
  self.onmessage = async (event) => {
    const { id, text, rules } = event.data ?? {};
    if (typeof id !== 'number') return;
    try {
      await ready;
      const start = performance.now();
      const out = analyze_view(String(text), rules);
      self.postMessage({
        id, ok: true, overview: out.overview, pages: out.pages, contract: out.contract, rulesError: out.rulesError,
        ms: performance.now() - start,
      });
    } catch (err) {
      self.postMessage({ id, ok: false, error: err && err.message ? err.message : String(err) });
      // A wasm instance that trapped cannot be trusted again; the page starts a new worker.
      self.close();
    }
  };
}
// @shared-end

serve(init({ module_or_path: wasmBytes() }));
