//! The embedded data files of `lexicons/`.
//!
//! `build.rs` copies every file of `lexicons/` into `OUT_DIR` without its
//! comment and blank lines, and each stage embeds the copies it reads with
//! `include_str!`; these helpers read their lines the same way.

/// The non-empty, non-comment lines of a lexicon file, trimmed (`build.rs`
/// keeps the same lines when it embeds the built-in files).
pub(crate) fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The tab-separated fields of the data lines of a lexicon file.
pub(crate) fn tsv_rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data_lines(data).map(|l| l.split('\t').map(str::trim).collect())
}
