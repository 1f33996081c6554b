//! Copies the lexicon files (every file of `lexicons/`) into `OUT_DIR` without
//! their comment and blank lines; the core embeds those copies with
//! `include_str!`. The comments document the files for people and would
//! otherwise ship in every build (1.8 KB of the gzipped app). The lines kept,
//! trimmed, are exactly those `lexicon::data_lines` reads, so the parsed
//! lexicons do not change.
//!
//! Also writes `lowercase.rs`: the lowercase mapping of every `char` (as the
//! toolchain's own `char::to_lowercase` gives it, so the Unicode version is the
//! standard library's) as runs of a constant offset, about 1.4 KB where the
//! standard library's table is 11.7 KB of the app's wasm.

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
    write_lowercase(Path::new(&out));
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

/// Writes `LOWER_RUNS` to `out/lowercase.rs`: each run is `[start << 11 | len << 1 | wide,
/// offset]`, the chars `start`, `start + step`, … (`len` of them, `step` 2 when `wide`,
/// else 1) lowercasing to themselves plus `offset`. Sorted by start. The one char whose
/// lowercase is two chars (U+0130) is left to the lookup (`text::norm::lower`).
fn write_lowercase(out: &Path) {
    let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new(); // start, len, step, offset
    for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
        let mut lower = c.to_lowercase();
        let (Some(l), None) = (lower.next(), lower.next()) else {
            continue;
        };
        if l == c {
            continue;
        }
        let (c, d) = (c as u32, l as i64 - c as i64);
        if let Some(r) = runs.last_mut() {
            let step = if r.1 == 1 { c - r.0 } else { r.2 };
            if r.3 == d && (step == 1 || step == 2) && c == r.0 + r.1 * step && r.1 < 1023 {
                (r.1, r.2) = (r.1 + 1, step);
                continue;
            }
        }
        runs.push((c, 1, 1, d));
    }
    let mut src = format!(
        "/// Runs of chars that lowercase by a constant offset (written by build.rs).\n\
         pub(crate) static LOWER_RUNS: [(u32, i32); {}] = [\n",
        runs.len()
    );
    for (start, len, step, d) in runs {
        src += &format!("    ({}, {d}),\n", start << 11 | len << 1 | (step - 1));
    }
    src += "];\n";
    std::fs::write(out.join("lowercase.rs"), src).expect("cannot write lowercase.rs");
}
