//! Trunk's post-build hook: turns Trunk's staging directory into what `dist/` serves.
//!
//! Trunk leaves the wasm-bindgen glue (`--target web`) and the wasm it has not optimised
//! (index.html has `data-wasm-opt="0"`). This step then:
//! 1. runs wasm-bindgen `--target no-modules` on the same cargo artifact, for the single file's
//!    classic scripts, and checks that its wasm is byte for byte the one Trunk made, so that one
//!    module serves both glues;
//! 2. optimises that module once with wasm-opt (release builds), for the page, its worker and
//!    the single file alike;
//! 3. embeds it in `claimlens-app.wasm.js` (the page's CSP forbids fetching it);
//! 4. drops what Trunk leaves of its directives from index.html;
//! 5. builds `claimlens-standalone.html` (see `standalone`);
//! 6. minifies the glue, `boot.js` and `worker.js` with esbuild;
//! 7. fills in the service worker's version and file list, and minifies it;
//! 8. puts the widget in `widget/` (its JS minified);
//! 9. writes the size report (`size-report.txt`), prints it and fails when a budget is exceeded.

use crate::report::{self, Budgets, APP, REPORT, STANDALONE};
use crate::tools::{self, Tool, Tools};
use crate::{embed, fail, files, standalone, Error, Result};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The cargo profile Trunk builds the app with in release (index.html's
/// `data-cargo-profile-release`).
const APP_PROFILE_RELEASE: &str = "release-wasm";

/// wasm-opt's arguments for the app. memory-packing is skipped: cutting the models' zero runs
/// out of the data segment makes the wasm 30 KB larger gzipped. The `producers` and
/// `target_features` sections tell toolchains about the module and nothing to a browser:
/// 0.2 KB gzipped. `-O1` rather than `-Oz`: the app's embedded wasm deflates to less
/// (measured 2026-12-07, app code: `-Oz` 269.7 KB, `-Os` 270.0, `-O2` 269.3, `-O1` 266.5,
/// `-O0` 270.3; rustc has already optimised it at opt-level z, and `-O1`'s lighter
/// rewriting leaves code that Zopfli finds more repeats in). Dead argument elimination and
/// GUFA (which finds the values that flow to each call) before it: 0.6 KB less again.
const APP_WASM_OPT: &[&str] = &[
    "--dae-optimizing",
    "--gufa",
    "-O1",
    "--skip-pass=memory-packing",
    "--converge",
    "--strip-producers",
    "--strip-target-features",
];

pub fn run(root: &Path, staging: &Path) -> Result {
    let release = match std::env::var("TRUNK_PROFILE").as_deref() {
        Ok("release") | Err(_) => true,
        Ok("debug") => false,
        Ok(other) => fail!("TRUNK_PROFILE={other:?}: expected release or debug"),
    };
    let budgets = Budgets::from_env()?;
    let mut need = vec![Tool::WasmBindgen, Tool::Esbuild];
    if release {
        need.push(Tool::WasmOpt);
    }
    let tools = Tools::find(root, &need)?;
    if !staging.join("index.html").is_file() {
        fail!(
            "{} has no index.html: not a Trunk staging directory",
            staging.display()
        );
    }
    let target = tools::target_dir(root)?;
    let work = target.join("xtask");

    let classic = classic_glue(&tools, &target, staging, release, &work)?;
    let wasm = if release {
        optimise(&tools, staging, &work)?
    } else {
        println!("xtask: debug build: the wasm is not optimised and the budgets are not checked");
        files::read(&staging.join(format!("{APP}_bg.wasm")))?
    };
    let packed = embed::pack(&wasm, release);
    embed_app(staging, &wasm, &packed)?;
    tidy_html(staging)?;
    standalone::build(&tools, staging, &packed, &classic)?;
    for name in [&format!("{APP}.js") as &str, "boot.js", "worker.js"] {
        minify_in_place(&tools, &staging.join(name), true)?;
    }
    service_worker(&tools, staging)?;
    widget(&tools, root, staging, release)?;

    let report = report::measure(root, staging, &wasm, &budgets)?;
    print!("{}", report.text);
    files::write(&staging.join(REPORT), &report.text)?;
    if release {
        report.check()?;
    }
    Ok(())
}

/// The glue of `wasm-bindgen --target no-modules` (a classic script defining `wasm_bindgen`)
/// for the app's cargo artifact, after checking that the wasm it goes with is the one in
/// `staging`.
fn classic_glue(
    tools: &Tools,
    target: &Path,
    staging: &Path,
    release: bool,
    work: &Path,
) -> Result<String> {
    let profile = if release {
        APP_PROFILE_RELEASE
    } else {
        "debug"
    };
    let artifact = target
        .join("wasm32-unknown-unknown")
        .join(profile)
        .join(format!("{APP}.wasm"));
    let out = work.join("no-modules");
    files::remove_dir_all(&out)?;
    tools::run(
        tools
            .command(Tool::WasmBindgen)
            .args([
                "--target",
                "no-modules",
                "--no-typescript",
                "--out-name",
                APP,
            ])
            .arg("--out-dir")
            .arg(&out)
            .arg(&artifact),
    )?;
    let theirs = files::read(&staging.join(format!("{APP}_bg.wasm")))?;
    let ours = files::read(&out.join(format!("{APP}_bg.wasm")))?;
    if theirs != ours {
        fail!(
            "the wasm of `wasm-bindgen --target no-modules {}` differs from Trunk's {APP}_bg.wasm \
             ({} and {} bytes): either the artifact is not the one Trunk just built, or Trunk \
             optimised its wasm (index.html must keep data-wasm-opt=\"0\": this step runs wasm-opt)",
            artifact.display(),
            ours.len(),
            theirs.len()
        );
    }
    files::read_text(&out.join(format!("{APP}.js")))
}

/// Runs wasm-opt on the staging wasm; returns the optimised module.
fn optimise(tools: &Tools, staging: &Path, work: &Path) -> Result<Vec<u8>> {
    let input = staging.join(format!("{APP}_bg.wasm"));
    let output = work.join(format!("{APP}_bg.opt.wasm"));
    tools::run(
        tools
            .command(Tool::WasmOpt)
            .args(APP_WASM_OPT)
            .arg(&input)
            .arg("-o")
            .arg(&output),
    )?;
    files::read(&output)
}

/// Replaces `claimlens-app_bg.wasm` by `claimlens-app.wasm.js`.
fn embed_app(staging: &Path, wasm: &[u8], packed: &embed::Packed) -> Result {
    if !wasm.starts_with(b"\0asm") {
        fail!("the app's wasm is not a wasm module");
    }
    files::write(
        &staging.join(format!("{APP}.wasm.js")),
        embed::packed_module(packed, true),
    )?;
    files::remove_file(&staging.join(format!("{APP}_bg.wasm")))
}

/// Drops what Trunk leaves of its directives in index.html (the rust `<link data-trunk>`),
/// and blank lines.
fn tidy_html(staging: &Path) -> Result {
    let path = staging.join("index.html");
    let html = files::read_text(&path)?;
    files::write(&path, tidy(&html))
}

pub fn tidy(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<link data-trunk") {
        let Some(len) = rest[at..].find('>') else {
            break;
        };
        out.push_str(rest[..at].trim_end());
        rest = &rest[at + len + 1..];
    }
    out.push_str(rest);
    let mut lines: Vec<&str> = out.split('\n').collect();
    let last = lines.pop();
    lines.retain(|line| !line.trim().is_empty());
    let mut tidied = lines.join("\n");
    if let Some(last) = last {
        tidied.push('\n');
        tidied.push_str(last);
    }
    tidied
}

/// esbuild's arguments: minify, no bundling (imports and exports keep their names).
fn esbuild(tools: &Tools, module: bool) -> Command {
    let mut cmd = tools.command(Tool::Esbuild);
    cmd.args(["--minify", "--log-level=warning"]);
    if module {
        cmd.arg("--format=esm");
    }
    cmd
}

fn minify_in_place(tools: &Tools, path: &Path, module: bool) -> Result {
    tools::run(
        esbuild(tools, module)
            .arg(path)
            .arg("--allow-overwrite")
            .arg(format!("--outfile={}", path.display())),
    )
}

/// `source` minified as a classic script (not a module).
pub fn minify_script(tools: &Tools, source: &str) -> Result<String> {
    tools::filter(&mut esbuild(tools, false), source)
}

/// Fills in sw.js: the files to cache (every top-level file but sw.js, the report and the
/// single file) and a version that changes with them; then minifies it (a classic script).
fn service_worker(tools: &Tools, staging: &Path) -> Result {
    let path = staging.join("sw.js");
    let names: Vec<String> = files::file_names(staging)?
        .into_iter()
        .filter(|n| !matches!(n.as_str(), "sw.js" | REPORT | STANDALONE))
        .collect();
    let mut digest = Sha256::new();
    for name in &names {
        digest.update(name.as_bytes());
        digest.update([0]);
        digest.update(files::read(&staging.join(name))?);
    }
    let version: String = digest
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let js = files::read_text(&path)?;
    for placeholder in ["'__VERSION__'", "__FILES__"] {
        if !js.contains(placeholder) {
            fail!("{} has no {placeholder} to fill in", path.display());
        }
    }
    let list = serde_json::to_string(&names).expect("a list of strings");
    let js = js
        .replace("'__VERSION__'", &format!("'{version}'"))
        .replace("__FILES__", &list);
    files::write(&path, js)?;
    minify_in_place(tools, &path, false)
}

/// Puts the `<claim-lens>` widget in `staging/widget/`: the widget module and the JS API glue
/// (minified, as `glue.js`), the wasm embedded in `claimlens_js.wasm.js`, an adapter
/// `claimlens_js.js` whose `init()` instantiates it, the TypeScript definitions
/// (pkg/widget/web: the JS API without options, built by `xtask js`) and the demo page.
fn widget(tools: &Tools, root: &Path, staging: &Path, release: bool) -> Result {
    let pkg = root.join("pkg").join("widget").join("web");
    for needed in ["claimlens_js.js", "claimlens_js_bg.wasm"] {
        if !pkg.join(needed).is_file() {
            fail!(
                "{} is missing: the JS API is built by `cargo run -p xtask -- js` (Trunk's \
                 pre_build hook)",
                pkg.join(needed).display()
            );
        }
    }
    let out = staging.join("widget");
    files::create_dir_all(&out)?;
    let mut sources: Vec<PathBuf> = ["claim-lens.js", "demo.html"]
        .iter()
        .map(|n| root.join("widget").join(n))
        .collect();
    sources.extend(
        files::file_names(&pkg)?
            .iter()
            .filter(|n| n.starts_with("claimlens_js") && !n.ends_with("_bg.wasm.d.ts"))
            .map(|n| pkg.join(n)),
    );
    for source in sources {
        let name = source
            .file_name()
            .ok_or_else(|| Error::new("a widget file without a name"))?;
        let glue = name == "claimlens_js.js";
        // The glue goes to glue.js; claimlens_js.js is the adapter below.
        let dest = out.join(if glue { "glue.js".as_ref() } else { name });
        if source.extension().is_some_and(|e| e == "js") {
            // Not bundled: claim-lens.js still imports ./claimlens_js.js.
            tools::run(
                esbuild(tools, true)
                    .arg(&source)
                    .arg(format!("--outfile={}", dest.display())),
            )?;
        } else if source.extension().is_some_and(|e| e == "wasm") {
            // Embedded like the app's: the host page fetches nothing but the widget's
            // scripts, and gzip serves it at its deflated size.
            let wasm = files::read(&source)?;
            files::write(
                &out.join("claimlens_js.wasm.js"),
                embed::packed_module(&embed::pack(&wasm, release), true),
            )?;
        } else {
            files::copy(&source, &dest)?;
        }
    }
    // claim-lens.js calls `init()` with no argument, as it does on the npm package's API;
    // here `init()` instantiates the embedded wasm (given an argument, it passes it on, as
    // the glue's own `init` would: the TypeScript definitions are the glue's).
    files::write(
        &out.join("claimlens_js.js"),
        "import start, { initSync, analyze, analyzeView, version } from './glue.js';\n\
         import { wasmBytes } from './claimlens_js.wasm.js';\n\
         export default function init(arg) { return start(arg ?? { module_or_path: wasmBytes() }); }\n\
         export { initSync, analyze, analyzeView, version };\n",
    )
}

#[cfg(test)]
mod tests {
    use super::tidy;

    #[test]
    fn tidy_drops_trunk_links_and_blank_lines() {
        let html =
            "<head>\n  <title>t</title>\n  <link data-trunk rel=\"rust\" href=\"a\"\n        \
                    data-bin=\"x\">\n\n  <script src=\"boot.js\"></script>\n  \n</head>\n";
        assert_eq!(
            tidy(html),
            "<head>\n  <title>t</title>\n  <script src=\"boot.js\"></script>\n</head>\n"
        );
        assert_eq!(tidy("<p>\n</p>"), "<p>\n</p>");
    }
}
