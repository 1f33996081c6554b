//! The external tools the build runs, found and version-checked before any step, so that a
//! missing one stops the build at once with what to do, instead of a step being skipped.
//!
//! - `wasm-bindgen`: on PATH (`cargo install`), the exact version of the wasm-bindgen crate in
//!   Cargo.lock (the CLI refuses a wasm built against another one).
//! - `wasm-opt`: npm binaryen, of the major version pinned in `e2e/package.json` (Debian's 108
//!   cannot parse this wasm);
//! - `esbuild`: npm, pinned in `e2e/package.json`;
//! - `maturin`: PyPI, pinned in `python/requirements-build.txt`, looked for in
//!   `target/python-tools/bin` (where `scripts/setup.sh --python` installs it), then on PATH.
//!
//! The npm tools are looked for in `e2e/node_modules/.bin` (`CLAIMLENS_NODE_BIN` overrides that
//! folder), then on PATH.

use crate::{fail, files, Error, Result};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    WasmBindgen,
    WasmOpt,
    Esbuild,
    Maturin,
}

impl Tool {
    pub fn name(self) -> &'static str {
        match self {
            Tool::WasmBindgen => "wasm-bindgen",
            Tool::WasmOpt => "wasm-opt",
            Tool::Esbuild => "esbuild",
            Tool::Maturin => "maturin",
        }
    }
}

/// The tools a command asked for, each found and of the right version.
#[derive(Debug)]
pub struct Tools {
    found: Vec<(Tool, PathBuf)>,
}

impl Tools {
    /// Finds every tool of `need`; fails naming each one that is missing or of another version.
    pub fn find(root: &Path, need: &[Tool]) -> Result<Tools> {
        let mut found = Vec::new();
        let mut problems = Vec::new();
        for &tool in need {
            match locate(root, tool)
                .and_then(|path| check_version(root, tool, &path).map(|()| path))
            {
                Ok(path) => found.push((tool, path)),
                Err(problem) => problems.push(problem.to_string()),
            }
        }
        if !problems.is_empty() {
            fail!(
                "{} (scripts/setup.sh installs the tools)",
                problems.join("; ")
            );
        }
        Ok(Tools { found })
    }

    /// A command running `tool`, which must have been asked for.
    pub fn command(&self, tool: Tool) -> Command {
        let path = self
            .found
            .iter()
            .find(|(t, _)| *t == tool)
            .map(|(_, p)| p)
            .unwrap_or_else(|| panic!("{} was not asked for", tool.name()));
        Command::new(path)
    }
}

/// The folder of the npm tools.
pub fn node_bin(root: &Path) -> PathBuf {
    match std::env::var_os("CLAIMLENS_NODE_BIN") {
        Some(dir) => PathBuf::from(dir),
        None => root.join("e2e").join("node_modules").join(".bin"),
    }
}

fn locate(root: &Path, tool: Tool) -> Result<PathBuf> {
    let mut dirs = Vec::new();
    match tool {
        Tool::WasmBindgen => {}
        Tool::Maturin => dirs.push(root.join("target").join("python-tools").join("bin")),
        Tool::WasmOpt | Tool::Esbuild => dirs.push(node_bin(root)),
    }
    for dir in std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()) {
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    for dir in &dirs {
        let path = dir.join(tool.name());
        if is_executable(&path) {
            return Ok(path);
        }
    }
    let looked: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    fail!(
        "{} not found (looked in {})",
        tool.name(),
        if looked.is_empty() {
            "no folder: PATH is empty".to_string()
        } else {
            looked.join(", ")
        }
    )
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

fn check_version(root: &Path, tool: Tool, path: &Path) -> Result {
    let want = match tool {
        Tool::WasmBindgen => format!("wasm-bindgen {}", locked_version(root, "wasm-bindgen")?),
        Tool::WasmOpt => format!("version {}", npm_major(root, "binaryen")?),
        Tool::Esbuild => return Ok(()),
        Tool::Maturin => format!("maturin {}", pip_pin(root, "maturin")?),
    };
    let out = Command::new(path)
        .arg("--version")
        .output()
        .map_err(|e| Error::new(format!("cannot run {}: {e}", path.display())))?;
    let got = String::from_utf8_lossy(&out.stdout);
    let got = got.trim();
    // "wasm-bindgen 0.2.130"; "wasm-opt version 132 (version_132)".
    let matches = match tool {
        Tool::WasmBindgen | Tool::Maturin => got == want,
        _ => got
            .split(" (")
            .next()
            .is_some_and(|head| head.ends_with(&want)),
    };
    if !out.status.success() || !matches {
        fail!(
            "{} says {:?} for --version; this build needs {want:?}",
            path.display(),
            got
        );
    }
    Ok(())
}

/// The version of `package` in Cargo.lock.
pub fn locked_version(root: &Path, package: &str) -> Result<String> {
    let lock = files::read_text(&root.join("Cargo.lock"))?;
    let name = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == name {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    fail!("Cargo.lock has no package {package}")
}

/// The major version of the npm package `package` pinned in e2e/package.json.
fn npm_major(root: &Path, package: &str) -> Result<String> {
    let path = root.join("e2e").join("package.json");
    let json: serde_json::Value = serde_json::from_str(&files::read_text(&path)?)
        .map_err(|e| Error::new(format!("{}: {e}", path.display())))?;
    let version = ["devDependencies", "dependencies"]
        .iter()
        .find_map(|k| json[k][package].as_str());
    match version.and_then(|v| v.split('.').next()) {
        Some(major) => Ok(major.to_string()),
        None => fail!("{} does not pin {package}", path.display()),
    }
}

/// The version of `package` pinned (`package==VERSION`) in python/requirements-build.txt.
fn pip_pin(root: &Path, package: &str) -> Result<String> {
    let path = root.join("python").join("requirements-build.txt");
    let text = files::read_text(&path)?;
    let prefix = format!("{package}==");
    match text
        .lines()
        .find_map(|l| l.trim().strip_prefix(prefix.as_str()))
    {
        Some(v) => Ok(v.to_string()),
        None => fail!("{} does not pin {package}", path.display()),
    }
}

/// Runs `cmd`; fails when it cannot start or exits unsuccessfully.
pub fn run(cmd: &mut Command) -> Result {
    let status = cmd
        .status()
        .map_err(|e| Error::new(format!("cannot run {}: {e}", describe(cmd))))?;
    if !status.success() {
        fail!("{} failed ({status})", describe(cmd));
    }
    Ok(())
}

/// Runs `cmd` with `input` on its standard input; returns its standard output.
pub fn filter(cmd: &mut Command, input: &str) -> Result<String> {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| Error::new(format!("cannot run {}: {e}", describe(cmd))))?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let text = input.to_string();
    // Written from another thread, so that a full output pipe cannot block the writer.
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| Error::new(format!("{} failed: {e}", describe(cmd))))?;
    let written = writer.join().expect("the writer thread does not panic");
    if !out.status.success() {
        fail!("{} failed ({})", describe(cmd), out.status);
    }
    written.map_err(|e| Error::new(format!("{}: cannot write its input: {e}", describe(cmd))))?;
    String::from_utf8(out.stdout)
        .map_err(|_| Error::new(format!("{} printed something not UTF-8", describe(cmd))))
}

/// `program arg arg…` for messages.
pub fn describe(cmd: &Command) -> String {
    let mut words: Vec<OsString> = vec![cmd.get_program().to_owned()];
    words.extend(cmd.get_args().map(|a| a.to_owned()));
    words
        .iter()
        .map(|w| w.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Cargo, as the one that runs this task (`CARGO`), else from PATH.
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// `cargo metadata --no-deps` of the workspace, as JSON.
pub fn metadata(root: &Path) -> Result<serde_json::Value> {
    let mut cmd = cargo();
    cmd.args([
        "metadata",
        "--format-version",
        "1",
        "--no-deps",
        "--offline",
    ])
    .arg("--manifest-path")
    .arg(root.join("Cargo.toml"));
    let out = cmd
        .output()
        .map_err(|e| Error::new(format!("cannot run {}: {e}", describe(&cmd))))?;
    if !out.status.success() {
        fail!(
            "{} failed: {}",
            describe(&cmd),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    serde_json::from_slice(&out.stdout).map_err(|e| Error::new(format!("cargo metadata: {e}")))
}

/// The workspace's target directory, as cargo resolves it (CARGO_TARGET_DIR, config files).
pub fn target_dir(root: &Path) -> Result<PathBuf> {
    match metadata(root)?["target_directory"].as_str() {
        Some(dir) => Ok(PathBuf::from(dir)),
        None => fail!("cargo metadata gave no target_directory"),
    }
}
