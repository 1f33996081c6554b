//! `claimlens-standalone.html`: the app in one HTML file that works when opened from file://.
//!
//! From file:// a page can load neither a module file nor a worker script, and a module worker
//! cannot start even from a Blob (the page's origin is opaque). So this file uses wasm-bindgen's
//! `no-modules` glue, a classic script that defines `wasm_bindgen`, for both sides:
//! - `<script id="wbg">` is that glue (minified);
//! - the second script holds the wasm (embedded as in `claimlens-app.wasm.js`), compiles it once,
//!   starts the app with it, and defines `claimlensWorker()`, which the app's bridge calls to get
//!   its worker: a classic worker from a Blob of the glue's own text and the worker code of
//!   `www/worker.js` (the part between its `@shared` markers), sent the compiled module.
//!
//! The file's CSP allows exactly these two scripts and the inlined CSS, by hash, and workers
//! from `blob:` only.

use crate::postbuild::minify_script;
use crate::report::STANDALONE;
use crate::tools::Tools;
use crate::{embed, fail, files, Result};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;

pub fn build(tools: &Tools, staging: &Path, packed: &embed::Packed, glue: &str) -> Result {
    let css = files::read_text(&staging.join("app.css"))?;
    let worker = files::read_text(&staging.join("worker.js"))?;
    let shared = shared_part(&worker)?;

    let glue = minify_script(tools, glue)?;
    if !glue.contains("wasm_bindgen") {
        fail!("the minified no-modules glue no longer defines wasm_bindgen");
    }
    let worker_tail = minify_script(
        tools,
        &format!(
            "const {{ analyze_view }} = wasm_bindgen;\n{shared}\n\
             serve(new Promise((resolve) => self.addEventListener('message', (event) => {{\n\
             \x20 if (event.data && event.data.init) resolve(wasm_bindgen({{ module_or_path: event.data.init }}));\n\
             }})));\n"
        ),
    )?;
    let main = format!(
        "(async () => {{\n{embedded}\
         const WORKER_TAIL = {tail};\n\
         const module = await WebAssembly.compile(await wasmBytes());\n\
         const glue = document.getElementById('wbg').textContent;\n\
         const workerUrl = URL.createObjectURL(new Blob([glue, '\\n', WORKER_TAIL], {{ type: 'text/javascript' }}));\n\
         globalThis.claimlensWorker = () => {{\n\
         \x20 const worker = new Worker(workerUrl);\n\
         \x20 worker.postMessage({{ init: module }});\n\
         \x20 return worker;\n\
         }};\n\
         await wasm_bindgen({{ module_or_path: module }});\n\
         document.getElementById('boot')?.remove();\n\
         }})();\n",
        embedded = embed::packed_module(packed, false),
        tail = serde_json::to_string(&worker_tail).expect("a string"),
    );
    for (what, text, tag) in [
        ("the glue", &glue, "script"),
        ("the boot script", &main, "script"),
        ("the CSS", &css, "style"),
    ] {
        let lower = text.to_ascii_lowercase();
        if lower.contains(&format!("</{tag}")) || lower.contains("<script") {
            fail!("{what} of the single file contains </{tag} or <script and cannot be inlined");
        }
    }
    let csp = format!(
        "default-src 'none'; script-src {} {} 'wasm-unsafe-eval'; worker-src blob:; \
         style-src {}; img-src data:; connect-src 'none'; base-uri 'none'; \
         form-action 'none'; object-src 'none'",
        csp_hash(&glue),
        csp_hash(&main),
        csp_hash(&css)
    );
    let html = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>claimlens (single file) — who claims what, and how sure it sounds</title>\n\
         <style>{css}</style>\n</head>\n<body>\n\
         <div id=\"boot\" class=\"boot\" role=\"status\"><p>Loading the analyzer…</p></div>\n\
         <div id=\"app\" class=\"app\"></div>\n\
         <script id=\"wbg\">{glue}</script>\n\
         <script>{main}</script>\n</body>\n</html>\n"
    );
    files::write(&staging.join(STANDALONE), html)
}

/// The part of worker.js between its `// @shared-begin` and `// @shared-end` lines: the code
/// the page's module worker and the single file's classic worker share.
fn shared_part(worker: &str) -> Result<&str> {
    let begin = worker.find("// @shared-begin");
    let end = worker.find("// @shared-end");
    match (begin, end) {
        (Some(b), Some(e)) if b < e => Ok(&worker[b..e]),
        _ => fail!("worker.js has no // @shared-begin … // @shared-end part"),
    }
}

/// A CSP source that allows exactly `text` as an inline script or style.
fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csp_hash_is_the_base64_sha256_of_the_text() {
        // printf 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            csp_hash("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }

    #[test]
    fn the_shared_part_lies_between_the_markers() {
        let js =
            "import x;\n// @shared-begin (see)\nfunction serve() {}\n// @shared-end\nserve();\n";
        assert_eq!(
            shared_part(js).unwrap(),
            "// @shared-begin (see)\nfunction serve() {}\n"
        );
        assert!(shared_part("// @shared-end\n// @shared-begin\n").is_err());
    }
}
