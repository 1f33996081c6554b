//! Time per stage of `claimlens::analyze` (natively), on the benchmark articles
//! (`benches/texts/*.txt`):
//!
//! ```text
//! cargo run --release --example stages
//! ```
//!
//! A layer that is off does not run ([`claimlens::Layers`]), so a stage's
//! time is that of an analysis with only its layer on, less that of an
//! analysis with every layer off (segmentation, the normalised tokens and the
//! scores). "claims" includes linking sources without actors; "all layers"
//! links them to the actors too. "contract+json" is the JSON contract on top
//! of a whole analysis (UTF-16 offsets and serialization). Times are means
//! over 400 rounds of the four articles, in microseconds per article.

use claimlens::{Analyzer, Layers};
use std::time::Instant;

const ARTICLES: &[&str] = &[
    include_str!("../benches/texts/conflict.txt"),
    include_str!("../benches/texts/diplomacy.txt"),
    include_str!("../benches/texts/economy.txt"),
    include_str!("../benches/texts/technology.txt"),
];

fn layers(actors: bool, claims: bool, hedges: bool) -> Analyzer {
    Analyzer::new().with_layers(Layers {
        actors,
        claims,
        hedges,
    })
}

fn main() {
    let runs = [
        ("no layer (text, scores)", layers(false, false, false)),
        ("actors only", layers(true, false, false)),
        ("claims only", layers(false, true, false)),
        ("hedges only", layers(false, false, true)),
        ("all layers", Analyzer::new()),
    ];
    let rounds = 400;
    let mut total = [0f64; 6];
    for (_, a) in &runs {
        std::hint::black_box(a.analyze("Warm up."));
    }
    for _ in 0..rounds {
        for &text in ARTICLES {
            for (k, (_, a)) in runs.iter().enumerate() {
                let t = Instant::now();
                std::hint::black_box(a.analyze(text));
                total[k] += t.elapsed().as_secs_f64();
            }
            let analysis = claimlens::analyze(text);
            let t = Instant::now();
            let json =
                serde_json::to_string(&claimlens::contract::to_contract(text, &analysis, None));
            std::hint::black_box(json.expect("serializes"));
            total[5] += t.elapsed().as_secs_f64();
        }
    }
    let n = (rounds * ARTICLES.len()) as f64;
    let us = |k: usize| total[k] / n * 1e6;
    let base = us(0);
    println!("{:>26}: {:7.1} µs", runs[0].0, base);
    for (k, (name, _)) in runs.iter().enumerate().skip(1).take(3) {
        println!(
            "{name:>26}: {:7.1} µs (+{:.1} over no layer)",
            us(k),
            us(k) - base
        );
    }
    println!("{:>26}: {:7.1} µs", runs[4].0, us(4));
    println!("{:>26}: {:7.1} µs", "contract+json", us(5));
}
