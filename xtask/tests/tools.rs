//! A tool that is missing or of another version stops the build before any step, with a
//! message naming it (the build never skips a step for want of a tool).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn empty_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A fake tool in `dir` that prints `version` for `--version`.
#[cfg(unix)]
fn fake(dir: &Path, name: &str, version: &str) {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\necho '{version}'\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// `xtask ARGS` with only `bin` on PATH and as the npm tools' folder.
fn xtask(bin: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .env("PATH", bin)
        .env("CLAIMLENS_NODE_BIN", bin)
        .env_remove("TRUNK_STAGING_DIR")
        .env_remove("TRUNK_PROFILE")
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn postbuild_without_its_tools_names_each_and_changes_nothing() {
    let bin = empty_dir("no-tools-bin");
    let staging = empty_dir("no-tools-staging");
    std::fs::write(staging.join("claimlens-app_bg.wasm"), b"\0asm").unwrap();
    let out = xtask(&bin, &["postbuild", staging.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for tool in ["wasm-bindgen", "esbuild", "wasm-opt"] {
        assert!(
            err.contains(&format!("{tool} not found (looked in ")),
            "{tool}: {err}"
        );
    }
    assert!(err.contains("scripts/setup.sh installs the tools"), "{err}");
    assert_eq!(
        std::fs::read_dir(&staging).unwrap().count(),
        1,
        "nothing was done"
    );
}

#[test]
fn the_js_build_without_wasm_opt_fails() {
    let bin = empty_dir("no-wasm-opt-bin");
    fake(&bin, "wasm-bindgen", "wasm-bindgen 0.2.130");
    let out = xtask(&bin, &["js"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("xtask: wasm-opt not found"), "{err}");
    assert!(!err.contains("wasm-bindgen"), "{err}");
}

#[test]
fn tools_of_another_version_are_refused() {
    let bin = empty_dir("old-tools-bin");
    fake(&bin, "wasm-bindgen", "wasm-bindgen 0.2.129");
    fake(&bin, "wasm-opt", "wasm-opt version 108");
    fake(&bin, "esbuild", "0.28.2");
    let out = xtask(&bin, &["postbuild", "/nonexistent"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let locked = xtask_lock_version("wasm-bindgen");
    assert!(
        err.contains(&format!(
            "wasm-bindgen says \"wasm-bindgen 0.2.129\" for --version; this build needs \
             \"wasm-bindgen {locked}\""
        )),
        "{err}"
    );
    assert!(
        err.contains(
            "wasm-opt says \"wasm-opt version 108\" for --version; this build needs \"version "
        ),
        "{err}"
    );
    assert!(!err.contains("esbuild"), "esbuild is there: {err}");
}

#[test]
fn postbuild_needs_a_directory() {
    let bin = empty_dir("no-dir-bin");
    let out = xtask(&bin, &["postbuild"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("TRUNK_STAGING_DIR"),
        "{}",
        stderr(&out)
    );
}

fn xtask_lock_version(package: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    xtask::tools::locked_version(root, package).unwrap()
}
