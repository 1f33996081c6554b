//! The README's command-line example is run as written: each `$ ` line of its
//! `console` block runs in a shell (in a scratch folder, with this build's
//! `claimlens` first on PATH), and the lines after it are its expected output.
//! `cargo install` lines are the reader's setup: the test has the binary already.

use std::path::PathBuf;
use std::process::Command;

const README: &str = include_str!("../README.md");

/// The `console` blocks: (command, expected output lines).
fn console_blocks() -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in README.lines() {
        match (inside, line.trim_end()) {
            (false, "```console") => inside = true,
            (true, "```") => inside = false,
            (true, l) => match l.strip_prefix("$ ") {
                Some(cmd) => out.push((cmd.to_string(), Vec::new())),
                None => out
                    .last_mut()
                    .expect("output follows a command")
                    .1
                    .push(l.to_string()),
            },
            _ => {}
        }
    }
    out
}

#[test]
fn the_readme_cli_example_runs_as_written() {
    let blocks = console_blocks();
    assert!(
        blocks.len() >= 4,
        "the README has its CLI example: {blocks:?}"
    );
    let dir = std::env::temp_dir().join(format!("claimlens-readme-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_claimlens"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for (cmd, want) in blocks {
        if cmd.starts_with("cargo install") {
            continue;
        }
        let out = Command::new("sh")
            .args(["-c", &cmd])
            .current_dir(&dir)
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(out.status.success(), "{cmd}: {out:?}");
        let got = String::from_utf8(out.stdout).unwrap();
        let got: Vec<&str> = got.lines().collect();
        assert_eq!(got, want, "output of `{cmd}`");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
