//! Copies the lexicon files into `OUT_DIR` without their comment and blank
//! lines, which the core embeds with `include_str!`: the comments document the
//! files for people and would otherwise ship in every build (about 1.5 KB of
//! the gzipped wasm). The lines kept are exactly those
//! `lexicon::data_lines` reads, trimmed the same way.

use std::path::Path;

const FILES: &[&str] = &[
    "abbreviations.txt",
    "actors.tsv",
    "cues.tsv",
    "demonyms.tsv",
    "groups.tsv",
    "hedges.tsv",
    "org_heads.tsv",
];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    for name in FILES {
        let src = Path::new("lexicons").join(name);
        println!("cargo:rerun-if-changed={}", src.display());
        let text = std::fs::read_to_string(&src)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", src.display()));
        let mut data = String::with_capacity(text.len());
        for line in text.lines().map(str::trim) {
            if !line.is_empty() && !line.starts_with('#') {
                data.push_str(line);
                data.push('\n');
            }
        }
        std::fs::write(Path::new(&out).join(name), data)
            .unwrap_or_else(|e| panic!("cannot write {name}: {e}"));
    }
}
