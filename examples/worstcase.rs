//! Worst-case inputs: time per MB of each hostile shape against ordinary
//! prose, in one run (natively):
//!
//! ```text
//! cargo run --release --example worstcase [-- MB [SHAPE...]]
//! ```
//!
//! Each shape is one short unit repeated to `MB` megabytes (default 1); the
//! prose is the four benchmark articles (`benches/texts/`) repeated. Every
//! shape is analysed three times and the fastest time counts. The last
//! column is the shape's time per MB over the prose's: a stage whose work
//! grows faster than the text shows there as a ratio that grows with `MB`.

use std::time::Instant;

const PROSE: [&str; 4] = [
    include_str!("../benches/texts/conflict.txt"),
    include_str!("../benches/texts/diplomacy.txt"),
    include_str!("../benches/texts/economy.txt"),
    include_str!("../benches/texts/technology.txt"),
];

/// The hostile shapes: a name and the unit that is repeated.
const SHAPES: &[(&str, &str)] = &[
    ("comma I said", ",I said"),
    ("comma he said", ", he said "),
    ("said that chain", "Officials said that "),
    ("according to", "According to Reuters, "),
    ("inverted quote", "\u{201c}No,\u{201d} said the minister. "),
    ("open quotes", "\u{201c}The "),
    ("straight quotes", "\"a\" "),
    ("nested quotes", "\u{201c}He said \u{2018}she said \u{201c}"),
    (
        "unclosed quote run-on",
        "\u{201c}and then the minister said ",
    ),
    ("parentheses", "(("),
    ("acronym definitions", "Alpha Beta Gamma (ABG) "),
    ("possessives", "The IRGC\u{2019}s\u{2019}s "),
    ("capitalised names", "Aa Bb Cc Dd "),
    ("one word", "a"),
    ("run-on commas", "the ministry, "),
    ("impersonal passives", "It is widely believed that "),
    ("coordinated cues", "and warned that "),
    ("colon cues", "Smith: "),
    ("dashes", "- "),
    ("newlines", "\n"),
    ("titles", "Mr. "),
    ("hedges", "may possibly perhaps "),
    ("html", "<p><script>alert(1)</script></p> "),
    (
        "emoji cjk rtl",
        "\u{1F600} \u{4e2d}\u{6587} \u{0645}\u{0631}\u{062d}\u{0628}\u{0627} ",
    ),
    ("numbers", "1,000.5 "),
    ("group nouns", "Russian officials "),
];

fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

fn best_of_three(text: &str) -> f64 {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(claimlens::analyze(text));
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mb: f64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(1.0);
    let only: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
    let bytes = (mb * 1_048_576.0) as usize;
    let prose = repeat_to(&PROSE.join("\n\n"), bytes);
    let base = best_of_three(&prose) / (prose.len() as f64 / 1_048_576.0);
    println!(
        "{:<24} {:>10} {:>10} {:>8}",
        "shape", "MB", "s per MB", "× prose"
    );
    println!(
        "{:<24} {:>10.2} {:>10.3} {:>8.1}",
        "prose",
        prose.len() as f64 / 1_048_576.0,
        base,
        1.0
    );
    for &(name, unit) in SHAPES {
        if !only.is_empty() && !only.iter().any(|o| name.contains(o)) {
            continue;
        }
        let text = repeat_to(unit, bytes);
        let mbs = text.len() as f64 / 1_048_576.0;
        let per_mb = best_of_three(&text) / mbs;
        println!(
            "{name:<24} {mbs:>10.2} {per_mb:>10.3} {:>8.1}",
            per_mb / base
        );
    }
}
