//! Copies the lexicon files (every file of `lexicons/`) into `OUT_DIR` without
//! their comment and blank lines; the core embeds those copies with
//! `include_str!`. The comments document the files for people and would
//! otherwise ship in every build (1.8 KB of the gzipped app). The lines kept,
//! trimmed, are exactly those `lexicon::data_lines` reads, so the parsed
//! lexicons do not change.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    // A directory: cargo reruns this when any file in it changes.
    println!("cargo:rerun-if-changed=lexicons");
    let mut files: Vec<_> = std::fs::read_dir("lexicons")
        .expect("lexicons/ is readable")
        .map(|e| e.expect("a lexicons/ entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    for src in files {
        let text = std::fs::read_to_string(&src)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", src.display()));
        let mut data = String::with_capacity(text.len());
        // Keep in step with `lexicon::data_lines`.
        for line in text.lines().map(str::trim) {
            if !line.is_empty() && !line.starts_with('#') {
                data.push_str(line);
                data.push('\n');
            }
        }
        let name = src.file_name().expect("a file name");
        std::fs::write(Path::new(&out).join(name), data)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", src.display()));
    }
}
