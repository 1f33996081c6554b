//! A deterministic fuzz run over the whole pipeline: analysis, the JSON
//! contract and the view, on generated texts.
//!
//! ```text
//! cargo run --release -p claimlens-view --example fuzz [-- COUNT [SEED]]
//! ```
//!
//! Each text is a random sequence of pieces chosen to meet the rules' edge
//! cases: words, names, cues, hedges, quotes of every kind (paired or not),
//! brackets, possessives, abbreviations, numbers, dashes, line breaks,
//! emoji, CJK, right-to-left and combining characters, control and format
//! characters, U+FFFD and lone bytes' worth of junk. For each text it checks
//! that nothing panics; that every span of the analysis lies inside the text
//! on character boundaries, with sentences in order and apart; that every
//! offset of the contract is the UTF-16 index of its byte offset; that the
//! contract serialises to JSON that parses back; and that the view's runs
//! tile each paragraph, in bytes and in UTF-16 code units, without splitting
//! a character. It prints the counts and stops at the first failure.

use claimlens::{Analysis, Span};
use claimlens_view::{build, Offsets, View};
use std::panic::{catch_unwind, AssertUnwindSafe};

const PIECES: &[&str] = &[
    "the",
    "minister",
    "said",
    "told reporters",
    "according to",
    "may",
    "could",
    "perhaps",
    "confirmed",
    "if",
    "unless",
    "analysts",
    "officials",
    "Iran",
    "IRGC",
    "Islamic Revolutionary Guard Corps",
    "(IRGC)",
    "Reuters",
    "Mr.",
    "Dr.",
    "U.S.",
    "Jan.",
    "Smith",
    "Ms Clinton",
    "Hillary Clinton",
    "Clinton",
    "he",
    "she",
    "it",
    "they",
    "’s",
    "'s",
    "n't",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "\"",
    "'",
    "``",
    "''",
    "«",
    "»",
    "(",
    ")",
    "[",
    "]",
    ",",
    ".",
    "...",
    "…",
    "?",
    "!",
    ":",
    ";",
    "-",
    "--",
    "—",
    "–",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "  ",
    "1,000.5",
    "3:45",
    "2026",
    "😀",
    "👍🏽",
    "中文",
    "日本語の記事",
    "。",
    "مرحبا بالعالم",
    "שלום",
    "e\u{301}",
    "\u{200b}",
    "\u{feff}",
    "\u{202e}",
    "\u{1b}[2J",
    "\u{7}",
    "\u{0}",
    "\u{85}",
    "\u{fffd}",
    "<script>alert(1)</script>",
    "&amp;",
    "It is widely believed that",
    "and warned that",
    "Smith:",
    "Sources close to",
    "some say",
    "remains debated",
    "not certain",
    "Washington (AFP) –",
    "By Jane Doe",
    "a",
    "A",
    "THE",
    "SAID",
    "zzz",
    "Ünïcödé",
    "İstanbul",
    "ß",
    "ﬁ",
];

/// xorshift64*: deterministic, seeded.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn text(rng: &mut Rng) -> String {
    let n = match rng.below(10) {
        0 => rng.below(400),
        _ => rng.below(40),
    };
    let mut s = String::new();
    for _ in 0..n {
        let p = PIECES[rng.below(PIECES.len())];
        s.push_str(p);
        if rng.below(3) > 0 {
            s.push(' ');
        }
    }
    s
}

fn spans(a: &Analysis) -> Vec<(&'static str, Span)> {
    let mut out = Vec::new();
    out.extend(a.sentences.iter().map(|s| ("sentence", s.span)));
    out.extend(
        a.actors
            .iter()
            .flat_map(|x| x.mentions.iter().map(|&m| ("mention", m))),
    );
    for c in &a.claims {
        out.extend(c.source.map(|s| ("source", s)));
        out.push(("cue", c.cue));
        out.extend(c.content.iter().map(|&s| ("content", s)));
    }
    out.extend(a.hedges.iter().map(|h| ("hedge", h.span)));
    out
}

/// UTF-16 index of every byte offset that is a character boundary.
fn utf16_of(text: &str) -> Vec<usize> {
    let mut at = vec![usize::MAX; text.len() + 1];
    let mut units = 0;
    for (b, c) in text.char_indices() {
        at[b] = units;
        units += c.len_utf16();
    }
    at[text.len()] = units;
    at
}

fn check(text: &str) -> Result<(), String> {
    let a = catch_unwind(AssertUnwindSafe(|| claimlens::analyze(text)))
        .map_err(|_| "analyze panicked".to_string())?;
    for (what, s) in spans(&a) {
        if s.start > s.end || s.end > text.len() {
            return Err(format!("{what} {s:?} outside the text"));
        }
        if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            return Err(format!("{what} {s:?} not on char boundaries"));
        }
    }
    for w in a.sentences.windows(2) {
        if w[0].span.end > w[1].span.start {
            return Err(format!(
                "sentences {:?} and {:?} overlap",
                w[0].span, w[1].span
            ));
        }
    }
    let u16 = utf16_of(text);
    let contract = claimlens::contract::to_contract(text, &a, None);
    let json = serde_json::to_string(&contract).map_err(|e| e.to_string())?;
    let v: serde_json::Value = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    let pairs = spans(&a);
    let mut got = Vec::new();
    for s in v["sentences"].as_array().unwrap() {
        got.push((s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap()));
    }
    for x in v["actors"].as_array().unwrap() {
        for m in x["mentions"].as_array().unwrap() {
            got.push((m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap()));
        }
    }
    for c in v["claims"].as_array().unwrap() {
        let mut push = |s: &serde_json::Value| {
            got.push((s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap()))
        };
        if !c["source"].is_null() {
            push(&c["source"]);
        }
        push(&c["cue"]);
        match &c["content"] {
            serde_json::Value::Array(l) => l.iter().for_each(push),
            serde_json::Value::Null => {}
            one => push(one),
        }
    }
    for h in v["hedges"].as_array().unwrap() {
        got.push((h["start"].as_u64().unwrap(), h["end"].as_u64().unwrap()));
    }
    if got.len() != pairs.len() {
        return Err(format!(
            "contract has {} spans, the analysis {}",
            got.len(),
            pairs.len()
        ));
    }
    for ((what, s), (gs, ge)) in pairs.iter().zip(&got) {
        if (u16[s.start] as u64, u16[s.end] as u64) != (*gs, *ge) {
            return Err(format!("{what} {s:?}: contract says {gs}..{ge}"));
        }
    }
    for (offsets, units) in [(Offsets::Bytes, None), (Offsets::Utf16, Some(&u16))] {
        let view = catch_unwind(AssertUnwindSafe(|| build(text, &a, offsets)))
            .map_err(|_| "the view panicked".to_string())?;
        tiles(text, &view, units)?;
    }
    Ok(())
}

/// Runs tile each paragraph exactly, on character boundaries.
fn tiles(text: &str, view: &View, u16: Option<&Vec<usize>>) -> Result<(), String> {
    // The UTF-16 offsets of the character boundaries, ascending.
    let bounds: Vec<usize> = u16
        .map(|t| t.iter().copied().filter(|&u| u != usize::MAX).collect())
        .unwrap_or_default();
    let ok = |o: u32| match u16 {
        None => text.is_char_boundary(o as usize),
        Some(_) => bounds.binary_search(&(o as usize)).is_ok(),
    };
    for p in view.pages.iter().flat_map(|p| &p.paras) {
        let mut at = p.start;
        for r in &p.runs {
            if r.start != at || r.end <= r.start || !ok(r.start) || !ok(r.end) {
                return Err(format!(
                    "run {}..{} in paragraph {}..{}",
                    r.start, r.end, p.start, p.end
                ));
            }
            at = r.end;
        }
        if at != p.end {
            return Err(format!("runs end at {at}, the paragraph at {}", p.end));
        }
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count: u64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(0x5eed);
    // Panics are caught and reported as failures; keep their messages quiet.
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed.max(1));
    let (mut bytes, mut non_ascii) = (0usize, 0u64);
    for i in 0..count {
        let t = text(&mut rng);
        bytes += t.len();
        non_ascii += u64::from(!t.is_ascii());
        if let Err(e) = check(&t) {
            eprintln!("input {i} (seed {seed}) fails: {e}\n{t:?}");
            std::process::exit(1);
        }
    }
    println!(
        "{count} inputs ({non_ascii} with non-ASCII text, {:.1} MB in all), seed {seed}: \
         no panic, every span inside the text on char boundaries, contract offsets exact, \
         view runs tile every paragraph",
        bytes as f64 / 1e6
    );
}
