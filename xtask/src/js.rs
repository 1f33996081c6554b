//! `xtask js [--fast]`: the JavaScript API (crate `js/`) for browsers and Node.
//!
//! - `pkg/web/`: `wasm-bindgen --target web` (an ES module; `await init()` first);
//! - `pkg/node/`: `wasm-bindgen --target nodejs` (CommonJS; loads the wasm synchronously);
//! - `pkg/widget/web/`: the same for the `<claim-lens>` widget, built without the crate's
//!   feature `options` (the widget passes none; its code budget is 141 KB);
//!
//! built with the `release-js` profile (opt-level z, LTO, panic abort), then
//! `wasm-opt -O1 --converge`. The npm package's build (`pkg/web`, `pkg/node`) compiles the
//! core crate at opt-level 3 ([`CORE_FAST`]): it has no size budget, and the core is where
//! the time goes. The widget's build is all z: its budget leaves no room.
//! With `--fast` it also builds `pkg/fast/{web,node}` with every crate at opt-level 3, in a
//! target subdirectory of its own. Prints the sizes.

use crate::report::gz;
use crate::tools::{self, Tool, Tools};
use crate::{files, Result};
use std::path::{Path, PathBuf};

/// Cargo's arguments for the npm package's build: the core crate at opt-level 3, the view and
/// the bindings at the profile's z. Measured with `scripts/bench-js.sh` (one Node run each,
/// 2026-12-06): 1.69 ms per ~4 KB article against 2.19 ms for all-z with LLVM's inliner
/// allowed up to a cost of 30 (the build before), 16.4× compromise against 13.3×, for 42 KB
/// more gzipped (328.7 KB against 286.5 KB of wasm). The same with the inliner flag kept
/// (`-C llvm-args=-inline-threshold=30`, which then holds the core's inlining back too):
/// 1.73 ms, 320.6 KB; the core at opt-level s: about 1.9 ms, 305 KB; every crate at
/// opt-level 3 (`--fast`): as fast as this, 2 KB larger.
pub const CORE_FAST: &[&str] = &[
    "--config",
    "profile.release-js.package.claimlens.opt-level=3",
];

/// wasm-opt's arguments: -O1 (as the app's, [`crate::postbuild`]: the widget's code 124.8 KB
/// against 133.1 KB with -Oz, measured 2026-12-07, and the same speed in Node) with the features rustc enables by default for
/// wasm32-unknown-unknown. memory-packing is skipped: cutting the models' zero runs out of the
/// data segment makes the wasm about 30 KB larger gzipped. `--converge` repeats the passes
/// while they shrink the module, as for the app (0.4 KB smaller gzipped). Like the app's, the
/// `producers` and `target_features` sections go (0.2 KB).
const WASM_OPT: &[&str] = &[
    "-O1",
    "--skip-pass=memory-packing",
    "--converge",
    "--strip-producers",
    "--strip-target-features",
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
    outputs.extend(variant(&tools, root, &pkg, &target, CORE_FAST)?);
    // The <claim-lens> widget's build: no options (it calls analyze and analyzeView without
    // them), so none of their reading and checking in its wasm (141 KB code budget); and plain
    // opt-level z, without the inliner allowance (`-C llvm-args=-inline-threshold=30`) it had
    // until 2026-12-06: 3.1 KB smaller gzipped and about 1.3 times as slow (Node, the four
    // bench articles, analyzeView: median 3.04 ms against 2.32), which a page that analyses
    // its one article on load does not feel.
    outputs.push(
        variant(
            &tools,
            root,
            &pkg.join("widget"),
            &target.join("js-widget"),
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
    cargo_args: &[&str],
) -> Result<[PathBuf; 2]> {
    tools::run(
        tools::cargo()
            .current_dir(root)
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
