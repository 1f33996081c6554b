//! Package metadata and shared dependencies live in one place, the root Cargo.toml:
//! every crate of the workspace inherits `[workspace.package]` (so all have one minimum Rust
//! version), and no crate names its own version of a dependency listed in
//! `[workspace.dependencies]`. (That the code builds with that Rust version is checked by
//! scripts/test.sh, with that toolchain.)

use std::path::{Path, PathBuf};

const INHERITED: &[&str] = &["version", "edition", "rust-version", "license", "publish"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The lines of `[section]` in a manifest (up to the next table header).
fn section<'a>(manifest: &'a str, name: &str) -> Vec<&'a str> {
    let header = format!("[{name}]");
    manifest
        .lines()
        .skip_while(|l| l.trim() != header)
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .collect()
}

/// The key of a `key = value` or `key.workspace = true` line.
fn key(line: &str) -> &str {
    line.split(['=', '.']).next().unwrap().trim()
}

fn metadata() -> serde_json::Value {
    xtask::tools::metadata(&root()).unwrap()
}

fn member_manifests() -> Vec<(String, PathBuf)> {
    let meta = metadata();
    let members: Vec<String> = meta["workspace_members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap().to_string())
        .collect();
    let list: Vec<(String, PathBuf)> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| members.contains(&p["id"].as_str().unwrap().to_string()))
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                PathBuf::from(p["manifest_path"].as_str().unwrap()),
            )
        })
        .collect();
    assert_eq!(list.len(), members.len());
    assert!(
        list.len() >= 4,
        "the core, the app, the JS API, xtask: {list:?}"
    );
    list
}

#[test]
fn every_crate_inherits_the_package_metadata_and_so_one_rust_version() {
    let root_manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let shared = section(&root_manifest, "workspace.package");
    let rust_version = shared
        .iter()
        .find(|l| key(l) == "rust-version")
        .expect("[workspace.package] has rust-version");
    assert!(rust_version.contains("\"1."), "{rust_version}");
    for field in INHERITED {
        assert!(
            shared.iter().any(|l| key(l) == *field),
            "[workspace.package] has no {field}"
        );
    }
    for (name, manifest) in member_manifests() {
        let text = std::fs::read_to_string(&manifest).unwrap();
        let package = section(&text, "package");
        for field in INHERITED {
            let lines: Vec<&&str> = package.iter().filter(|l| key(l) == *field).collect();
            assert_eq!(
                lines.iter().map(|l| l.replace(' ', "")).collect::<Vec<_>>(),
                [format!("{field}.workspace=true")],
                "{name} ({}) must inherit {field}",
                manifest.display()
            );
        }
    }
    // And cargo agrees: one rust-version for all.
    let meta = metadata();
    let mut versions: Vec<&str> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["rust_version"].as_str().unwrap_or("none"))
        .collect();
    versions.dedup();
    assert_eq!(versions.len(), 1, "{versions:?}");
    assert!(rust_version.contains(&format!("\"{}\"", versions[0])));
}

#[test]
fn no_crate_pins_its_own_version_of_a_shared_dependency() {
    let root_manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let shared: Vec<&str> = section(&root_manifest, "workspace.dependencies")
        .into_iter()
        .map(key)
        .collect();
    assert!(shared.contains(&"wasm-bindgen") && shared.contains(&"serde"));
    for (name, manifest) in member_manifests() {
        let text = std::fs::read_to_string(&manifest).unwrap();
        let tables: Vec<String> = text
            .lines()
            .filter(|l| l.starts_with('[') && l.contains("dependencies]"))
            .filter(|l| !l.starts_with("[workspace."))
            .map(|l| l.trim_matches(['[', ']']).to_string())
            .collect();
        for table in tables {
            for line in section(&text, &table) {
                if shared.contains(&key(line)) {
                    let compact = line.replace(' ', "");
                    assert!(
                        compact.contains(".workspace=true") || compact.contains("{workspace=true"),
                        "{name}: [{table}] {line:?} must use the workspace's version"
                    );
                }
            }
        }
    }
}
