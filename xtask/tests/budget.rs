//! `xtask report DIR` on a small dist/ made here: within the budgets it passes; with a budget
//! lowered through its environment variable it fails, naming the budget, the size and the
//! excess. (scripts/test.sh does the same on the real dist/ after the release build.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Bytes that gzip cannot shrink much, the same on every run.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// A dist/ with an embedded "wasm" of 150 KB and a widget wasm of 100 KB, both incompressible:
/// within the default budgets whatever the learned models weigh (they are subtracted).
fn dist(name: &str) -> PathBuf {
    dist_with_widget(name, 100)
}

/// The same with a widget wasm of `widget_kb`.
fn dist_with_widget(name: &str, widget_kb: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("widget")).unwrap();
    let mut wasm = b"\0asm\x01\0\0\0".to_vec();
    wasm.extend(noise(150 * 1024, 1));
    std::fs::write(
        dir.join("claimlens-app.wasm.js"),
        xtask::embed::module(&wasm, true),
    )
    .unwrap();
    std::fs::write(dir.join("claimlens-app.js"), "export default 1;\n").unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html>\n").unwrap();
    std::fs::write(dir.join("widget/claim-lens.js"), "export {};\n").unwrap();
    std::fs::write(
        dir.join("widget/claimlens_js_bg.wasm"),
        noise(widget_kb * 1024, 2),
    )
    .unwrap();
    dir
}

fn report(dir: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_xtask"));
    cmd.arg("report").arg(dir);
    for var in [
        "CLAIMLENS_BUDGET_APP_KB",
        "CLAIMLENS_BUDGET_MODELS_KB",
        "CLAIMLENS_BUDGET_WIDGET_KB",
    ] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied());
    cmd.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The figure before " KB" that follows `after` in `text`.
fn kb_after(text: &str, after: &str) -> f64 {
    let at = text
        .find(after)
        .unwrap_or_else(|| panic!("{after:?} in {text}"))
        + after.len();
    let figure = text[at..].split(" KB").next().unwrap();
    figure
        .parse()
        .unwrap_or_else(|_| panic!("{figure:?} in {text}"))
}

#[test]
fn within_the_default_budgets_the_report_passes() {
    let dir = dist("within");
    let out = report(&dir, &[]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("size report (gzip -9)"), "{stdout}");
    assert!(
        stdout.contains("the wasm alone, before embedding: 150.0 KB raw"),
        "{stdout}"
    );
    assert!(stdout.contains("(budget 270.0 KB, within)"), "{stdout}");
    assert!(stdout.contains("(budget 141.0 KB, within)"), "{stdout}");
    assert!(stdout.ends_with("  all within budget\n"), "{stdout}");
    assert!(
        !dir.join("size-report.txt").exists(),
        "report writes nothing"
    );
}

#[test]
fn over_the_app_budget_it_fails_naming_the_budget_the_size_and_the_excess() {
    let dir = dist("over-app");
    let out = report(&dir, &[("CLAIMLENS_BUDGET_APP_KB", "1.5")]);
    assert!(!out.status.success());
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let what = "xtask: size budget exceeded (gzip -9): \
                app code (wasm + JS, without the learned models): ";
    assert!(stderr.starts_with(what), "{stderr}");
    let size = kb_after(&stderr, what);
    let budget = kb_after(&stderr, "gzipped, over its budget of ");
    let excess = kb_after(&stderr, &format!("over its budget of {budget:.1} KB by "));
    assert_eq!(budget, 1.5);
    assert!(size > budget);
    assert!((size - budget - excess).abs() < 0.11, "{stderr}");
    assert!(
        stderr.contains("(budget set by CLAIMLENS_BUDGET_APP_KB)"),
        "{stderr}"
    );
    assert!(!stderr.contains("widget"), "only the app is over: {stderr}");
    // The report is printed all the same, with the verdict.
    let stdout = text(&out.stdout);
    assert!(stdout.contains("(budget 1.5 KB, OVER)"), "{stdout}");
    assert!(stdout.contains("  OVER budget: app code"), "{stdout}");
}

#[test]
fn every_budget_exceeded_is_named() {
    // The widget's wasm outweighs the learned models, which are subtracted from it.
    let dir = dist_with_widget("over-all", 300);
    let out = report(
        &dir,
        &[
            ("CLAIMLENS_BUDGET_APP_KB", "0"),
            ("CLAIMLENS_BUDGET_MODELS_KB", "1"),
            ("CLAIMLENS_BUDGET_WIDGET_KB", "0"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    for what in [
        "app code (wasm + JS, without the learned models): ",
        "the learned models, together: ",
        "widget code (wasm + JS, without the learned models): ",
        "budget set by CLAIMLENS_BUDGET_MODELS_KB",
    ] {
        assert!(stderr.contains(what), "{what:?} in {stderr}");
    }
}

#[test]
fn a_budget_that_is_not_a_size_is_refused() {
    let dir = dist("bad-budget");
    let out = report(&dir, &[("CLAIMLENS_BUDGET_WIDGET_KB", "lots")]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "xtask: CLAIMLENS_BUDGET_WIDGET_KB=\"lots\" is not a size in KB\n"
    );
}

#[test]
fn a_dist_without_the_embedded_wasm_is_refused() {
    let dir = dist("no-wasm");
    std::fs::remove_file(dir.join("claimlens-app.wasm.js")).unwrap();
    let out = report(&dir, &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("xtask: cannot read ") && stderr.contains("claimlens-app.wasm.js"),
        "{stderr}"
    );
}
