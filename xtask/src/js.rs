//! `xtask js [--fast]`: the JavaScript API (crate `js/`) for browsers and Node.
//!
//! - `pkg/web/`: `wasm-bindgen --target web` (an ES module; `await init()` first);
//! - `pkg/widget/web/`: the same for the `<claim-lens>` widget, built without the crate's
//!   feature `options` (the widget passes none; its code budget is 141 KB);
//! - `pkg/node/`: `wasm-bindgen --target nodejs` (CommonJS; loads the wasm synchronously);
//!
//! built with the `release-js` profile (opt-level z, LTO, panic abort), the npm builds with
//! LLVM's inliner allowed up to a cost of [`INLINE`] (Cargo.toml says why) and the widget's
//! without, then `wasm-opt -Oz --converge`.
//! With `--fast` it also builds `pkg/fast/{web,node}` at opt-level 3 (about 1.3 times as fast,
//! about 30 KB more gzipped), in a target subdirectory of its own. Prints the sizes.

use crate::report::gz;
use crate::tools::{self, Tool, Tools};
use crate::{files, Result};
use std::path::{Path, PathBuf};

/// Opt-level z inlines only functions that cost LLVM's inliner at most 5; the JS API lets it
/// inline up to this cost (rustc has no profile key for it, hence the flag). 100 was faster
/// by about 5% but 6.2 KB larger, over the widget's budget since issue 13; 40 until issue 12
/// (1.3 KB larger than 30, about 3% faster; Cargo.toml says more).
pub const INLINE: u32 = 30;

/// wasm-opt's arguments: -Oz with the features rustc enables by default for
/// wasm32-unknown-unknown. memory-packing is skipped: cutting the models' zero runs out of the
/// data segment makes the wasm about 30 KB larger gzipped. `--converge` repeats the passes
/// while they shrink the module, as for the app (0.4 KB smaller gzipped).
const WASM_OPT: &[&str] = &[
    "-Oz",
    "--skip-pass=memory-packing",
    "--converge",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

pub fn build(root: &Path, fast: bool) -> Result {
    let tools = Tools::find(root, &[Tool::WasmBindgen, Tool::WasmOpt])?;
    let target = tools::target_dir(root)?;
    let mut outputs = Vec::new();
    let pkg = root.join("pkg");
    outputs.extend(variant(
        &tools,
        root,
        &pkg,
        &target,
        &format!("-C llvm-args=-inline-threshold={INLINE}"),
        &[],
    )?);
    // The <claim-lens> widget's build: no options (it calls analyze and analyzeView without
    // them), so none of their reading and checking in its wasm (141 KB code budget); and plain
    // opt-level z, without the inliner allowance: 3.1 KB smaller gzipped and about 1.3 times
    // as slow (Node, the four bench articles, analyzeView: median 3.04 ms against 2.32), which
    // a page that analyses its one article on load does not feel.
    outputs.push(
        variant(
            &tools,
            root,
            &pkg.join("widget"),
            &target.join("js-widget"),
            "",
            &["--no-default-features"],
        )?[0]
            .clone(),
    );
    if fast {
        outputs.extend(variant(
            &tools,
            root,
            &pkg.join("fast"),
            &target.join("js-fast"),
            "",
            &["--config", "profile.release-js.opt-level=3"],
        )?);
    }

    println!("claimlens-js sizes (bytes; gzip -9 of each file, as served):");
    println!("  {:<34} {:>9} {:>9}", "file", "raw", "gzip");
    for dir in outputs {
        let name = dir.strip_prefix(root).unwrap_or(&dir).display().to_string();
        let (mut raw_sum, mut gz_sum) = (0, 0);
        for file in ["claimlens_js_bg.wasm", "claimlens_js.js"] {
            let data = files::read(&dir.join(file))?;
            let (raw, z) = (data.len() as u64, gz(&data));
            println!("  {:<34} {raw:>9} {z:>9}", format!("{name}/{file}"));
            raw_sum += raw;
            gz_sum += z;
        }
        println!(
            "  {:<34} {raw_sum:>9} {gz_sum:>9}",
            format!("{name}: wasm + JS")
        );
    }
    Ok(())
}

/// Builds one variant into `out/web` and `out/node`; returns those two folders.
fn variant(
    tools: &Tools,
    root: &Path,
    out: &Path,
    target: &Path,
    rustflags: &str,
    cargo_args: &[&str],
) -> Result<[PathBuf; 2]> {
    let mut flags = std::env::var("RUSTFLAGS").unwrap_or_default();
    if !rustflags.is_empty() {
        if !flags.is_empty() {
            flags.push(' ');
        }
        flags.push_str(rustflags);
    }
    tools::run(
        tools::cargo()
            .current_dir(root)
            .env("RUSTFLAGS", flags)
            .env("CARGO_TARGET_DIR", target)
            .args(["build", "--quiet", "-p", "claimlens-js", "--lib"])
            .args([
                "--target",
                "wasm32-unknown-unknown",
                "--profile",
                "release-js",
            ])
            .args(cargo_args),
    )?;
    let wasm = target
        .join("wasm32-unknown-unknown")
        .join("release-js")
        .join("claimlens_js.wasm");
    let dirs = [out.join("web"), out.join("node")];
    for (dir, target) in dirs.iter().zip(["web", "nodejs"]) {
        files::remove_dir_all(dir)?;
        tools::run(
            tools
                .command(Tool::WasmBindgen)
                .args(["--target", target, "--out-dir"])
                .arg(dir)
                .arg(&wasm),
        )?;
    }
    // The two targets give the same wasm (only the glue differs): optimise it once.
    let [web, node] = dirs.each_ref().map(|d| d.join("claimlens_js_bg.wasm"));
    let same = files::read(&web)? == files::read(&node)?;
    let to_optimise = if same { vec![&web] } else { vec![&web, &node] };
    for path in to_optimise {
        tools::run(
            tools
                .command(Tool::WasmOpt)
                .args(WASM_OPT)
                .arg(path)
                .arg("-o")
                .arg(path),
        )?;
    }
    if same {
        files::copy(&web, &node)?;
    }
    Ok(dirs)
}
