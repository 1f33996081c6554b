//! Throughput of `claimlens::analyze` on news-style articles written for the
//! project (`benches/texts/*.txt`), one by one and all concatenated.
//!
//! Run with `cargo bench`; criterion reports bytes per second.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::time::Duration;

const ARTICLES: &[(&str, &str)] = &[
    ("diplomacy", include_str!("texts/diplomacy.txt")),
    ("economy", include_str!("texts/economy.txt")),
    ("conflict", include_str!("texts/conflict.txt")),
    ("technology", include_str!("texts/technology.txt")),
];

fn bench_analyze(c: &mut Criterion) {
    // Build the shared analyzer (lexicons, model) outside the measurement.
    black_box(claimlens::analyze("Warm up."));

    let mut group = c.benchmark_group("analyze");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for &(name, text) in ARTICLES {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| claimlens::analyze(black_box(text))));
    }
    let all: String = ARTICLES
        .iter()
        .map(|(_, t)| *t)
        .collect::<Vec<_>>()
        .join("\n\n");
    group.throughput(Throughput::Bytes(all.len() as u64));
    group.bench_function("all", |b| b.iter(|| claimlens::analyze(black_box(&all))));
    group.finish();

    // The JSON contract on top (UTF-16 offsets and serialization), for the concatenation.
    let mut group = c.benchmark_group("analyze+json");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    group.throughput(Throughput::Bytes(all.len() as u64));
    group.bench_function("all", |b| {
        b.iter(|| {
            let a = claimlens::analyze(black_box(&all));
            serde_json::to_string(&claimlens::contract::to_contract(&all, &a, None)).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_analyze);
criterion_main!(benches);
