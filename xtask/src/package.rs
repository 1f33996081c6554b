//! The npm package `claimlens`, assembled from the JS API build (`pkg/`) into
//! `dist-packages/npm/` and packed by `npm pack` into `dist-packages/claimlens-VERSION.tgz`.
//!
//! ```text
//! package.json          conditional exports (below), version from Cargo
//! README.md             for npm users (js/npm/README.md)
//! index.d.ts            the TypeScript definitions, generated from the Rust types
//! index.d.cts           the same, read as CommonJS (for `require` under `--module node16`)
//! node/                 wasm-bindgen's nodejs target (CommonJS, reads its .wasm with fs)
//!   index.mjs           the same for `import` (ESM)
//! browser/              for browsers and every bundler, with no loader or plugin:
//!   glue.js             wasm-bindgen's web target
//!   wasm.js             the wasm, embedded one character per byte (nothing to fetch)
//!   claimlens_js.js     instantiates it at import (synchronously) and exports the API
//!   claim-lens.js       the <claim-lens> widget, unchanged, importing ./claimlens_js.js
//! ```
//!
//! `exports`: `.` → `node` (`import`: `node/index.mjs`, `require`: `node/claimlens_js.js`),
//! otherwise `browser/claimlens_js.js`; `./widget` → `browser/claim-lens.js`.
//!
//! And the Python wheel (`python/`, PyO3, abi3: one wheel for CPython 3.9 and later), built
//! by maturin into `dist-packages/claimlens-VERSION-cp39-abi3-PLATFORM.whl`.

use crate::tools::{self, Tool, Tools};
use crate::{fail, files, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The npm package's name.
pub const NAME: &str = "claimlens";

/// Builds both packages; returns the npm tarball's and the wheel's paths.
pub fn all(root: &Path) -> Result<(PathBuf, PathBuf)> {
    Ok((npm(root)?, wheel(root)?))
}

/// Builds the Python wheel with maturin; returns its path.
pub fn wheel(root: &Path) -> Result<PathBuf> {
    let tools = Tools::find(root, &[Tool::Maturin])?;
    let out = root.join("dist-packages");
    files::create_dir_all(&out)?;
    let version = env!("CARGO_PKG_VERSION");
    // An older wheel of this version would be installed in its place by a careless glob.
    for entry in
        std::fs::read_dir(&out).map_err(|e| crate::Error::new(format!("{}: {e}", out.display())))?
    {
        let path = entry.map_err(|e| crate::Error::new(e.to_string()))?.path();
        if path.extension().is_some_and(|x| x == "whl") {
            std::fs::remove_file(&path)
                .map_err(|e| crate::Error::new(format!("{}: {e}", path.display())))?;
        }
    }
    tools::run(
        tools
            .command(Tool::Maturin)
            .args(["build", "--release", "--quiet", "--manifest-path"])
            .arg(root.join("python").join("Cargo.toml"))
            .arg("--out")
            .arg(&out),
    )?;
    let prefix = format!("claimlens-{version}-cp39-abi3-");
    let wheel = std::fs::read_dir(&out)
        .map_err(|e| crate::Error::new(format!("{}: {e}", out.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".whl"))
        });
    let Some(wheel) = wheel else {
        fail!("maturin did not write {prefix}*.whl into {}", out.display());
    };
    announce(root, "Python wheel", &wheel)?;
    Ok(wheel)
}

/// Builds the JS API, assembles the package and packs it; returns the tarball's path.
pub fn npm(root: &Path) -> Result<PathBuf> {
    crate::js::build(root, false)?;
    let tools = Tools::find(root, &[Tool::Esbuild])?;
    let out = root.join("dist-packages");
    let dir = out.join("npm");
    files::remove_dir_all(&dir)?;
    for sub in ["node", "browser"] {
        files::create_dir_all(&dir.join(sub))?;
    }
    let pkg = root.join("pkg");
    let version = env!("CARGO_PKG_VERSION");

    // Node: the nodejs target as built, and an ESM entry over it.
    for f in ["claimlens_js.js", "claimlens_js_bg.wasm"] {
        files::copy(&pkg.join("node").join(f), &dir.join("node").join(f))?;
    }
    files::write(
        &dir.join("node").join("package.json"),
        "{ \"type\": \"commonjs\" }\n",
    )?;
    files::write(
        &dir.join("node").join("index.mjs"),
        "// ESM entry for Node: the CommonJS build of the API.\n\
         import { createRequire } from 'node:module';\n\
         const api = createRequire(import.meta.url)('./claimlens_js.js');\n\
         export const { analyze, analyzeView, version } = api;\n",
    )?;

    // Browsers and bundlers: the web target, its wasm embedded, instantiated at import.
    // Its asynchronous `init()` would fetch `new URL('claimlens_js_bg.wasm', import.meta.url)`
    // when given no module: webpack and others bundle that address as an asset and fail where
    // the file is not there. The package never calls it (the adapter below instantiates the
    // embedded wasm), so the address goes.
    let glue = files::read_text(&pkg.join("web").join("claimlens_js.js"))?;
    const FETCH: &str = "module_or_path = new URL('claimlens_js_bg.wasm', import.meta.url);";
    if glue.matches(FETCH).count() != 1 {
        fail!(
            "pkg/web/claimlens_js.js: expected one {FETCH:?} (wasm-bindgen's default init), \
             found {}; the package's browser glue must not refer to a wasm file",
            glue.matches(FETCH).count()
        );
    }
    files::write(
        &dir.join("browser").join("glue.js"),
        glue.replace(
            FETCH,
            "throw new Error('claimlens: the wasm is embedded and already instantiated; init() needs no argument');",
        ),
    )?;
    let wasm = files::read(&pkg.join("web").join("claimlens_js_bg.wasm"))?;
    files::write(
        &dir.join("browser").join("wasm.js"),
        crate::embed::module(&wasm, true),
    )?;
    files::write(
        &dir.join("browser").join("claimlens_js.js"),
        "// The API for browsers and bundlers: the wasm is embedded (./wasm.js) and\n\
         // instantiated here, at import, so nothing is fetched and no bundler plugin is needed.\n\
         // (A page's Content-Security-Policy must allow 'wasm-unsafe-eval'.)\n\
         import { initSync, analyze, analyzeView, version } from './glue.js';\n\
         import { wasmBytes } from './wasm.js';\n\
         initSync({ module: wasmBytes() });\n\
         /** Already initialised: kept for code written against wasm-bindgen's `init()`. */\n\
         export default async function init() {}\n\
         export { analyze, analyzeView, version };\n",
    )?;
    // The widget, minified like dist/widget's.
    tools::run(
        tools
            .command(Tool::Esbuild)
            .arg(root.join("widget").join("claim-lens.js"))
            .args(["--minify", "--format=esm", "--log-level=warning"])
            .arg(format!(
                "--outfile={}",
                dir.join("browser").join("claim-lens.js").display()
            )),
    )?;

    // Types, README, package.json.
    // The same declarations twice: `index.d.ts` is read as ESM (the package is
    // `"type": "module"`), `index.d.cts` as CommonJS, for `require` under `--module node16`.
    for name in ["index.d.ts", "index.d.cts"] {
        files::copy(&pkg.join("node").join("claimlens_js.d.ts"), &dir.join(name))?;
    }
    files::copy(
        &root.join("js").join("npm").join("README.md"),
        &dir.join("README.md"),
    )?;
    files::write(&dir.join("package.json"), package_json(version))?;

    // npm pack.
    let npm = Command::new("npm")
        .current_dir(&dir)
        .args(["pack", "--silent", "--pack-destination"])
        .arg(&out)
        .output()
        .map_err(|e| crate::Error::new(format!("npm pack: cannot run npm: {e}")))?;
    if !npm.status.success() {
        fail!(
            "npm pack failed: {}",
            String::from_utf8_lossy(&npm.stderr).trim()
        );
    }
    let tarball = out.join(format!("{NAME}-{version}.tgz"));
    if !tarball.is_file() {
        fail!("npm pack did not write {}", tarball.display());
    }
    announce(root, "npm package", &tarball)?;
    Ok(tarball)
}

/// Prints what was built, where, and its size.
fn announce(root: &Path, what: &str, path: &Path) -> Result {
    let size = std::fs::metadata(path)
        .map_err(|e| crate::Error::new(format!("{}: {e}", path.display())))?
        .len();
    println!(
        "{what}: {} ({:.1} KB)",
        path.strip_prefix(root).unwrap_or(path).display(),
        size as f64 / 1024.0
    );
    Ok(())
}

/// The package's manifest.
fn package_json(version: &str) -> String {
    format!(
        r#"{{
  "name": "{NAME}",
  "version": "{version}",
  "description": "Actors, claims and hedging in news articles, analysed locally in WebAssembly: the JS API (analyze, analyzeView) and the <claim-lens> widget.",
  "license": "MIT",
  "type": "module",
  "types": "./index.d.ts",
  "main": "./node/claimlens_js.js",
  "exports": {{
    ".": {{
      "node": {{
        "import": {{ "types": "./index.d.ts", "default": "./node/index.mjs" }},
        "require": {{ "types": "./index.d.cts", "default": "./node/claimlens_js.js" }}
      }},
      "types": "./index.d.ts",
      "default": "./browser/claimlens_js.js"
    }},
    "./widget": "./browser/claim-lens.js",
    "./package.json": "./package.json"
  }},
  "sideEffects": [
    "./browser/claimlens_js.js",
    "./browser/claim-lens.js"
  ],
  "files": [
    "index.d.ts",
    "index.d.cts",
    "node/",
    "browser/",
    "README.md"
  ],
  "keywords": ["news", "nlp", "attribution", "hedging", "named-entities", "webassembly"]
}}
"#
    )
}
