//! Time per stage of `claimlens::analyze` (natively), on the benchmark articles
//! (`benches/texts/*.txt`), then of the whole call for comparison:
//!
//! ```text
//! cargo run --release --example stages
//! ```
//!
//! The stages are those of [`claimlens::Analyzer::analyze`], run one after the
//! other with the built-in lexicons and models; "contract+json" is the JSON
//! contract on top (UTF-16 offsets and serialization). Times are means over
//! 400 rounds of the four articles, in microseconds per article.

use claimlens::{actors, claim_model, claims, contract, hedges, lexicon, score, Doc};
use std::time::Instant;

const ARTICLES: &[&str] = &[
    include_str!("../benches/texts/conflict.txt"),
    include_str!("../benches/texts/diplomacy.txt"),
    include_str!("../benches/texts/economy.txt"),
    include_str!("../benches/texts/technology.txt"),
];

const STAGES: [&str; 10] = [
    "tokens, sentences",
    "normalised tokens",
    "actors",
    "claims (rules)",
    "claims (tagger)",
    "claims to actors",
    "hedges",
    "scores, summary",
    "contract+json",
    "whole analyze()",
];

fn main() {
    let _ = claimlens::analyze("Warm up.");
    let actor_lexicon = actors::ActorLexicon::builtin();
    let cues = claims::CueLexicon::builtin();
    let hedge_lexicon = hedges::HedgeLexicon::builtin();
    let tagger = claim_model::builtin().expect("the built-in claims model loads");
    let rounds = 400;
    let mut total = [0f64; STAGES.len()];
    for _ in 0..rounds {
        for &text in ARTICLES {
            let mut t = [Instant::now(); STAGES.len() + 1];
            let doc = Doc::new(text);
            t[1] = Instant::now();
            let norm = lexicon::Norm::new(&doc);
            t[2] = Instant::now();
            let found = actors::find(&doc, &norm, &actor_lexicon);
            t[3] = Instant::now();
            let rules = claims::find(&doc, &norm, &cues);
            t[4] = Instant::now();
            let mut found_claims = claim_model::find(&doc, &norm, &cues, &tagger, &rules);
            t[5] = Instant::now();
            actors::link_claims(&doc, &found, &mut found_claims);
            t[6] = Instant::now();
            let found_hedges = hedges::find(&doc, &norm, &hedge_lexicon);
            t[7] = Instant::now();
            let analysis = score::assemble(&doc, found, found_claims, found_hedges);
            t[8] = Instant::now();
            let json = serde_json::to_string(&contract::to_contract(text, &analysis, None));
            std::hint::black_box(json.expect("serializes"));
            t[9] = Instant::now();
            std::hint::black_box(claimlens::analyze(text));
            t[10] = Instant::now();
            for (k, sum) in total.iter_mut().enumerate() {
                *sum += (t[k + 1] - t[k]).as_secs_f64();
            }
        }
    }
    let n = (rounds * ARTICLES.len()) as f64;
    for (name, sum) in STAGES.iter().zip(total) {
        println!("{name:>18}: {:7.1} µs", sum / n * 1e6);
    }
}
