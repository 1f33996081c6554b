// Starts the app: the wasm bytes come embedded in a module (no fetch; see index.html's CSP),
// deflated; wasmBytes() inflates them (a promise, which init() awaits).
import init from './claimlens-app.js';
import { wasmBytes } from './claimlens-app.wasm.js';

const boot = document.getElementById('boot');
try {
  await init({ module_or_path: wasmBytes() });
  boot?.remove();
  // Offline: keep the app's files in a service worker cache (http(s) only).
  if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
    navigator.serviceWorker.register('./sw.js').catch(() => {});
  }
} catch (err) {
  if (boot) {
    boot.textContent = 'claimlens could not start in this browser: ' + (err && err.message ? err.message : String(err));
    boot.classList.add('failed');
  }
  throw err;
}
