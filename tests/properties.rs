//! Cross-cutting properties of the core over arbitrary and adversarial text:
//! no panics, every span on `char` boundaries and in bounds, ordered sentences
//! and tokens, and UTF-16 offsets in the JSON contract that agree with an
//! independent computation.
//!
//! The layers (actors, claims, hedges) may still return few results; the
//! properties hold for whatever they return, and a synthetic [`Analysis`]
//! exercises the contract conversion on every kind of span regardless.

use claimlens::contract::{to_contract, Unit, Utf16Map};
use claimlens::{
    Actor, ActorKind, Analysis, Analyzer, Attribution, Claim, Doc, Form, Hedge, HedgeKind, Span,
};
use proptest::prelude::*;
use serde_json::Value;

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

/// Pieces of text that stress the tokenizer, the splitter and the layers.
const FRAGMENTS: &[&str] = &[
    // ASCII words and news vocabulary (cues, hedges, actors, abbreviations).
    "Iran",
    "said",
    "says",
    "told",
    "according",
    "to",
    "the",
    "Kremlin",
    "Reuters",
    "officials",
    "Officials",
    "analysts",
    "Analysts",
    "may",
    "might",
    "could",
    "reportedly",
    "allegedly",
    "confirmed",
    "clearly",
    "not",
    "certain",
    "if",
    "unless",
    "whether",
    "some",
    "say",
    "it",
    "is",
    "believed",
    "that",
    "he",
    "she",
    "they",
    "Zorblax",
    "Institute",
    "Ministry",
    "of",
    "Foreign",
    "Affairs",
    "U.S.",
    "U.N.",
    "Gen.",
    "Sept.",
    "Inc.",
    "Mr.",
    "J.",
    "R.",
    "a.m.",
    "etc.",
    "e.g.",
    "3.5",
    "1,000",
    "2024-05-01",
    "10:30",
    "didn't",
    "DIDN'T",
    "can’t",
    "IRGC’s",
    "ministers'",
    "O'Brien",
    "AT&T",
    "well-known",
    // Whole phrases, so the claim and actor rules see their patterns.
    "“We will respond,” the minister said.",
    "\"It is over,\" he told reporters,",
    "according to Reuters",
    "Russian officials said",
    "It is believed that",
    "sources close to the Kremlin",
    "Iran’s Foreign Ministry said on Tuesday that",
    "analysts say it could",
    "the IRGC’s Air Force",
    "Gen. Hossein Karimi, the commander,",
    "said:",
    "“",
    // Punctuation, quotes and dashes.
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "?!",
    "...",
    "..",
    "…",
    "-",
    "--",
    "—",
    "–",
    "(",
    ")",
    "[",
    "]",
    "'",
    "\"",
    "`",
    "``",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "「",
    "」",
    "/",
    "&",
    "#",
    // Emoji: astral, ZWJ sequences, skin tones, flags, variation selectors.
    "😀",
    "👨‍👩‍👧‍👦",
    "🏳️‍🌈",
    "👍🏽",
    "🇮🇷",
    "❤️",
    "𝕏",
    "𐍈",
    // Combining marks, alone and stacked.
    "e\u{301}",
    "\u{301}",
    "a\u{308}\u{308}\u{308}",
    "\u{20dd}",
    // CJK.
    "中国",
    "外交部",
    "表示",
    "。",
    "！",
    "？",
    "、",
    "「引用」",
    // Arabic and Hebrew (RTL), with their punctuation and bidi controls.
    "إيران",
    "قال",
    "المتحدث",
    "؟",
    "،",
    "۔",
    "ישראל",
    "אמר",
    "\u{200f}",
    "\u{202e}",
    // NUL, controls, odd spaces and line separators.
    "\0",
    "\u{7}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\r",
    "\r\n",
    "\u{2028}",
    "\u{2029}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{a0}",
    "\u{3000}",
    "\u{fffd}",
];

const SEPARATORS: &[&str] = &["", " ", " ", " ", "\n", "\n\n", "\t", "  "];

/// Text built from the fragments above with random separators.
fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(FRAGMENTS),
            prop::sample::select(SEPARATORS),
        ),
        0..80,
    )
    .prop_map(|parts| {
        let mut s = String::new();
        for (frag, sep) in parts {
            s.push_str(frag);
            s.push_str(sep);
        }
        s
    })
}

/// Arbitrary Unicode scalar values, including controls, surrogate-adjacent and private-use ones.
fn any_unicode() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..120).prop_map(String::from_iter)
}

/// Either generator.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any_unicode(), news_like()]
}

/// An analyzer with user entries, some non-ASCII, so that the layers have
/// something to find in the generated text once they are implemented.
fn custom_analyzer() -> Analyzer {
    let mut a = Analyzer::new();
    a.add_actor(
        "Zorblax Institute",
        ActorKind::Organization,
        Some("think tank"),
    );
    a.add_actor("外交部", ActorKind::Organization, Some("government"));
    a.add_actor("ישראל", ActorKind::Place, Some("country"));
    a.add_actor("e\u{301}", ActorKind::Person, None);
    a.add_cue("قال");
    a.add_cue("表示");
    a.add_hedge("😀", HedgeKind::Hedge);
    a.add_hedge("👍🏽", HedgeKind::Booster);
    a
}

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

/// `start <= end <= len`, both on char boundaries.
fn check_span(text: &str, s: Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "{what} {s:?} out of bounds (len {}) in {text:?}",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} {s:?} not on char boundaries in {text:?}"
    );
}

/// A span produced from tokens neither starts nor ends with whitespace and is not empty.
fn check_trimmed(text: &str, s: Span, what: &str) {
    check_span(text, s, what);
    let t = s.slice(text);
    assert!(!t.is_empty(), "{what} {s:?} is empty in {text:?}");
    assert!(
        !t.starts_with(char::is_whitespace) && !t.ends_with(char::is_whitespace),
        "{what} {s:?} = {t:?} has surrounding whitespace in {text:?}"
    );
}

/// Tokens and sentences of `Doc::new`.
fn check_doc(text: &str) {
    let doc = Doc::new(text);
    let mut prev_end = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        check_span(text, t.span, "token");
        assert!(
            !t.span.is_empty(),
            "token {i} {:?} is empty in {text:?}",
            t.span
        );
        assert!(
            t.span.start >= prev_end,
            "token {i} {:?} overlaps or precedes the previous one (end {prev_end}) in {text:?}",
            t.span
        );
        let s = t.span.slice(text);
        assert!(
            !s.contains(char::is_whitespace),
            "token {i} {s:?} holds whitespace in {text:?}"
        );
        // Whatever lies between tokens is whitespace, control characters, or the
        // invisible separators U+FEFF (byte-order mark) and U+200B only.
        let gap = &text[prev_end..t.span.start];
        assert!(
            gap.chars().all(|c| c.is_whitespace()
                || c.is_control()
                || matches!(c, '\u{feff}' | '\u{200b}')),
            "text {gap:?} before token {i} was dropped in {text:?}"
        );
        assert_eq!(
            t.space_before,
            !gap.is_empty(),
            "space_before of token {i} in {text:?}"
        );
        prev_end = t.span.end;
    }
    let tail = &text[prev_end..];
    assert!(
        tail.chars()
            .all(|c| c.is_whitespace() || c.is_control() || matches!(c, '\u{feff}' | '\u{200b}')),
        "trailing text {tail:?} was dropped in {text:?}"
    );

    // Sentences: in order, non-overlapping, and every token in exactly one.
    let mut next_token = 0;
    let mut prev_end = 0;
    let mut prev_paragraph = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        check_trimmed(text, s.span, "sentence");
        assert_eq!(
            s.first, next_token,
            "sentence {i} does not start where the previous one ended in {text:?}"
        );
        assert!(s.first < s.last, "sentence {i} holds no token in {text:?}");
        assert!(s.last <= doc.tokens.len());
        assert_eq!(s.span.start, doc.tokens[s.first].span.start);
        assert_eq!(s.span.end, doc.tokens[s.last - 1].span.end);
        assert!(
            s.span.start >= prev_end,
            "sentence {i} overlaps the previous one in {text:?}"
        );
        assert!(
            s.paragraph >= prev_paragraph,
            "paragraph numbers go backwards at sentence {i} in {text:?}"
        );
        for t in s.first..s.last {
            assert_eq!(doc.sentence_of(t), i);
        }
        prev_paragraph = s.paragraph;
        prev_end = s.span.end;
        next_token = s.last;
    }
    assert_eq!(
        next_token,
        doc.tokens.len(),
        "tokens after the last sentence in {text:?}"
    );
}

/// Every span of an analysis, with a label.
fn all_spans(a: &Analysis) -> Vec<(Span, &'static str)> {
    let mut v = Vec::new();
    v.extend(a.sentences.iter().map(|s| (s.span, "sentence")));
    for x in &a.actors {
        v.extend(x.mentions.iter().map(|&m| (m, "actor mention")));
    }
    for c in &a.claims {
        v.extend(c.source.map(|s| (s, "claim source")));
        v.push((c.cue, "claim cue"));
        v.extend(c.content.iter().map(|&s| (s, "claim content")));
    }
    v.extend(a.hedges.iter().map(|h| (h.span, "hedge")));
    v
}

/// The invariants of an analysis of `text`.
fn check_analysis(text: &str, a: &Analysis) {
    for (s, what) in all_spans(a) {
        check_trimmed(text, s, what);
    }
    // Sentences match the segmentation, in order, without overlap.
    let doc = Doc::new(text);
    let spans: Vec<Span> = a.sentences.iter().map(|s| s.span).collect();
    let doc_spans: Vec<Span> = doc.sentences.iter().map(|s| s.span).collect();
    assert_eq!(spans, doc_spans, "analysis sentences differ from Doc's");
    for w in spans.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "sentences {w:?} out of order in {text:?}"
        );
    }
    for s in &a.sentences {
        assert!(
            (0.0..=1.0).contains(&s.certainty),
            "certainty {} outside [0, 1]",
            s.certainty
        );
    }
    // Actors: id is the index, mentions in text order without overlap.
    for (i, x) in a.actors.iter().enumerate() {
        assert_eq!(x.id, i, "actor id is not its index");
        assert!(!x.name.is_empty(), "actor {i} has an empty name");
        assert!(!x.mentions.is_empty(), "actor {i} has no mention");
        for w in x.mentions.windows(2) {
            assert!(
                w[0].end <= w[1].start,
                "mentions of {} out of order or overlapping: {w:?} in {text:?}",
                x.name
            );
        }
    }
    // Claims: in order of their cues, linked actors exist, attribution agrees with source.
    for w in a.claims.windows(2) {
        assert!(
            w[0].cue.start <= w[1].cue.start,
            "claims not in cue order in {text:?}"
        );
    }
    for c in &a.claims {
        if let Some(id) = c.actor {
            assert!(id < a.actors.len(), "claim links missing actor {id}");
        }
        if c.source.is_none() {
            assert_eq!(
                c.attribution,
                Attribution::None,
                "a claim without source is attributed in {text:?}"
            );
        }
    }
    // Hedges in text order.
    for w in a.hedges.windows(2) {
        assert!(
            w[0].span.start <= w[1].span.start,
            "hedges not in text order in {text:?}"
        );
    }
    // The summary counts what is there.
    let s = &a.summary;
    assert_eq!(s.sentences, a.sentences.len());
    assert_eq!(s.actors, a.actors.len());
    assert_eq!(s.claims, a.claims.len());
    assert_eq!(s.claims_named + s.claims_vague + s.claims_none, s.claims);
    let kinds = |k| a.hedges.iter().filter(|h| h.kind == k).count();
    assert_eq!(s.hedges, kinds(HedgeKind::Hedge));
    assert_eq!(s.boosters, kinds(HedgeKind::Booster));
    assert_eq!(s.weasels, kinds(HedgeKind::Weasel));
    assert_eq!(s.conditions, kinds(HedgeKind::Condition));
    assert!((0.0..=1.0).contains(&s.certainty));
    assert!(s.hedges_per_100_words >= 0.0);
}

/// UTF-16 index of every char boundary, computed independently of the crate.
fn utf16_table(text: &str) -> Vec<Option<usize>> {
    let mut table = vec![None; text.len() + 1];
    let mut units = 0;
    for (b, c) in text.char_indices() {
        table[b] = Some(units);
        units += c.len_utf16();
    }
    table[text.len()] = Some(units);
    table
}

struct Utf16Check<'t> {
    text: &'t str,
    units: Vec<u16>,
    table: Vec<Option<usize>>,
}

impl<'t> Utf16Check<'t> {
    fn new(text: &'t str) -> Self {
        Utf16Check {
            text,
            units: text.encode_utf16().collect(),
            table: utf16_table(text),
        }
    }

    /// The JSON object `j` (with "start" and "end") is byte span `s` in UTF-16,
    /// and slicing the UTF-16 string gives the same text as slicing the bytes.
    fn span(&self, j: &Value, s: Span, what: &str) {
        let start = j["start"].as_u64().unwrap_or_else(|| panic!("{what}: {j}")) as usize;
        let end = j["end"].as_u64().unwrap_or_else(|| panic!("{what}: {j}")) as usize;
        let want = (self.table[s.start].unwrap(), self.table[s.end].unwrap());
        assert_eq!(
            (start, end),
            want,
            "{what}: byte span {s:?} in {:?}",
            self.text
        );
        if self.text.len() < 4096 {
            // The prefix count, directly (quadratic, so only for short texts).
            assert_eq!(self.text[..s.start].encode_utf16().count(), start);
            assert_eq!(self.text[..s.end].encode_utf16().count(), end);
        }
        let from_units = String::from_utf16(&self.units[start..end]).unwrap_or_else(|_| {
            panic!("{what}: UTF-16 slice {start}..{end} splits a surrogate pair")
        });
        assert_eq!(from_units, s.slice(self.text), "{what}");
    }

    /// Every offset in the contract of `a` (of `self.text`).
    fn analysis(&self, a: &Analysis) {
        let json = serde_json::to_value(to_contract(self.text, a, None)).unwrap();
        let sentences = json["sentences"].as_array().unwrap();
        assert_eq!(sentences.len(), a.sentences.len());
        for (j, s) in sentences.iter().zip(&a.sentences) {
            self.span(j, s.span, "sentence");
        }
        let actors = json["actors"].as_array().unwrap();
        assert_eq!(actors.len(), a.actors.len());
        for (j, x) in actors.iter().zip(&a.actors) {
            // Its names, and the nominal and pronoun sources of its claims.
            let names = j["mentions"].as_array().unwrap();
            assert_eq!(names.len(), x.mentions.len());
            for (jm, &m) in names.iter().zip(&x.mentions) {
                self.span(jm, m, "mention");
            }
            let refs = j["references"].as_array().unwrap();
            let sources: Vec<Span> = a
                .claims
                .iter()
                .filter(|c| c.actor == Some(x.id) && c.form.is_some_and(|f| f != Form::Name))
                .filter_map(|c| c.source)
                .collect();
            assert_eq!(refs.len(), sources.len());
            for (jm, &m) in refs.iter().zip(&sources) {
                self.span(jm, m, "reference");
            }
        }
        let claims = json["claims"].as_array().unwrap();
        assert_eq!(claims.len(), a.claims.len());
        for (j, c) in claims.iter().zip(&a.claims) {
            match c.source {
                Some(s) => self.span(&j["source"], s, "source"),
                None => assert!(j["source"].is_null()),
            }
            self.span(&j["cue"], c.cue, "cue");
            match c.content.len() {
                0 => assert!(j["content"].is_null(), "{j}"),
                1 => self.span(&j["content"], c.content[0], "content"),
                n => {
                    let parts = j["content"].as_array().unwrap();
                    assert_eq!(parts.len(), n);
                    for (jp, &p) in parts.iter().zip(&c.content) {
                        self.span(jp, p, "content part");
                    }
                }
            }
        }
        let hedges = json["hedges"].as_array().unwrap();
        assert_eq!(hedges.len(), a.hedges.len());
        for (j, h) in hedges.iter().zip(&a.hedges) {
            self.span(j, h.span, "hedge");
        }
    }
}

/// A synthetic analysis of `text` with one span of every kind at the given
/// char boundaries, so the contract conversion is tested whatever the layers find.
fn synthetic(text: &str, cuts: &[usize]) -> Analysis {
    let b: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut pick = cuts.iter().map(|&c| b[c % b.len()]);
    let mut span = || {
        let (x, y) = (pick.next().unwrap_or(0), pick.next().unwrap_or(text.len()));
        Span::new(x.min(y), x.max(y))
    };
    Analysis {
        sentences: vec![claimlens::SentenceScore {
            span: span(),
            certainty: 0.5,
        }],
        actors: vec![Actor {
            id: 0,
            name: "X".into(),
            kind: ActorKind::Person,
            subkind: None,
            mentions: vec![span(), span()],
            aliases: vec![],
            affiliation: None,
        }],
        claims: vec![
            Claim {
                source: Some(span()),
                cue: span(),
                content: vec![span()],
                actor: Some(0),
                form: Some(claimlens::Form::Name),
                attribution: Attribution::Named,
            },
            Claim {
                source: None,
                cue: span(),
                content: vec![span(), span(), span()],
                actor: None,
                form: None,
                attribution: Attribution::None,
            },
            Claim {
                source: Some(span()),
                cue: span(),
                content: vec![],
                actor: None,
                form: None,
                attribution: Attribution::Vague,
            },
        ],
        hedges: vec![Hedge {
            span: span(),
            kind: HedgeKind::Weasel,
            reason: "test",
            quoted: false,
        }],
        summary: Default::default(),
    }
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

/// 200 cases per property, or `PROPTEST_CASES` when set (for a deeper run:
/// `PROPTEST_CASES=20000 cargo test --release --test properties`).
fn config() -> ProptestConfig {
    let mut c = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        c.cases = 200;
    }
    c
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn doc_tokens_and_sentences_are_well_formed(text in any_text()) {
        check_doc(&text);
    }

    #[test]
    fn analyze_never_panics_and_spans_are_valid(text in any_text()) {
        let a = claimlens::analyze(&text);
        check_analysis(&text, &a);
    }

    #[test]
    fn custom_analyzer_spans_are_valid(text in news_like()) {
        let a = custom_analyzer().analyze(&text);
        check_analysis(&text, &a);
        Utf16Check::new(&text).analysis(&a);
    }

    #[test]
    fn contract_offsets_are_utf16_indices(text in any_text()) {
        let a = claimlens::analyze(&text);
        Utf16Check::new(&text).analysis(&a);
    }

    #[test]
    fn contract_offsets_of_synthetic_spans(
        text in any_text(),
        cuts in prop::collection::vec(any::<usize>(), 24),
    ) {
        let a = synthetic(&text, &cuts);
        Utf16Check::new(&text).analysis(&a);
    }

    #[test]
    fn utf16_map_agrees_with_prefix_count(text in any_text(), picks in prop::collection::vec(any::<usize>(), 0..20)) {
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let offsets: Vec<usize> = picks.iter().map(|&p| bounds[p % bounds.len()]).collect();
        let map = Utf16Map::new(&text, offsets.clone());
        for off in offsets {
            prop_assert_eq!(map.get(off), text[..off].encode_utf16().count());
        }
    }

    #[test]
    fn code_point_map_agrees_with_prefix_count(text in any_text(), picks in prop::collection::vec(any::<usize>(), 0..20)) {
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let offsets: Vec<usize> = picks.iter().map(|&p| bounds[p % bounds.len()]).collect();
        let map = Utf16Map::in_unit(&text, offsets.clone(), Unit::CodePoints);
        for off in offsets {
            prop_assert_eq!(map.get(off), text[..off].chars().count());
        }
    }
}

// ---------------------------------------------------------------------------
// Deterministic cases
// ---------------------------------------------------------------------------

/// Astral characters before, inside and after spans: the contract counts two
/// code units for each.
#[test]
fn contract_counts_surrogate_pairs() {
    let text = "😀 Iran 👨‍👩‍👧 said 𝕏 it «may» act. 中国 ！ e\u{301} 🇮🇷.";
    let u = Utf16Check::new(text);
    // A span after one astral char and a space starts at 3, not 2 (chars) or 5 (bytes).
    let iran = text.find("Iran").unwrap();
    let a = Analysis {
        sentences: vec![claimlens::SentenceScore {
            span: Span::new(0, text.len()),
            certainty: 1.0,
        }],
        hedges: vec![Hedge {
            span: Span::new(iran, iran + 4),
            kind: HedgeKind::Hedge,
            reason: "test",
            quoted: false,
        }],
        ..Default::default()
    };
    let json = serde_json::to_value(to_contract(text, &a, None)).unwrap();
    assert_eq!(json["hedges"][0]["start"], 3);
    assert_eq!(json["hedges"][0]["end"], 7);
    assert_eq!(
        json["sentences"][0]["end"].as_u64().unwrap() as usize,
        text.encode_utf16().count()
    );
    u.analysis(&a);
    // Every pair of char boundaries.
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut hedges = Vec::new();
    for (k, &x) in bounds.iter().enumerate() {
        for &y in &bounds[k..] {
            hedges.push(Hedge {
                span: Span::new(x, y),
                kind: HedgeKind::Hedge,
                reason: "test",
                quoted: false,
            });
        }
    }
    u.analysis(&Analysis {
        hedges,
        ..Default::default()
    });
    // And the real analysis of the same text.
    u.analysis(&claimlens::analyze(text));
    check_analysis(text, &claimlens::analyze(text));
}

/// Possessive endings never belong to an actor mention.
#[test]
fn mentions_exclude_possessive_endings() {
    let mut an = Analyzer::new();
    an.add_actor("IRGC", ActorKind::Organization, Some("military"));
    for text in [
        "The IRGC’s statement was clear. The IRGC's commander spoke.",
        "😀 The IRGC’s statement.",
    ] {
        let a = an.analyze(text);
        check_analysis(text, &a);
        for x in &a.actors {
            for m in &x.mentions {
                let s = m.slice(text);
                assert!(
                    !s.ends_with("’s") && !s.ends_with("'s"),
                    "mention {s:?} keeps its possessive ending"
                );
            }
        }
    }
}

const MB: usize = 1 << 20;

/// Analyses a large text and checks the invariants (without timing anything).
fn big(text: &str) {
    check_doc(text);
    let a = claimlens::analyze(text);
    check_analysis(text, &a);
    Utf16Check::new(text).analysis(&a);
}

#[test]
fn one_megabyte_of_a_letter() {
    big(&"a".repeat(MB));
}

#[test]
fn one_megabyte_of_periods() {
    big(&".".repeat(MB));
}

#[test]
fn one_megabyte_of_straight_quotes() {
    big(&"\"".repeat(MB));
}

#[test]
fn one_megabyte_of_curly_apostrophes() {
    big(&"’".repeat(MB / 3));
}

#[test]
fn one_megabyte_of_emoji() {
    big(&"😀".repeat(MB / 4));
}

#[test]
fn one_megabyte_of_newlines() {
    let text = "\n".repeat(MB);
    big(&text);
    assert!(claimlens::analyze(&text).sentences.is_empty());
}

#[test]
fn one_megabyte_of_combining_marks() {
    big(&format!("e{}", "\u{301}".repeat(MB / 2)));
}

#[test]
fn one_megabyte_of_a_repeated_sentence() {
    let sentence = "“We may respond,” Gen. J. R. Smith of the U.S. Army told Reuters on Sept. 3, \
                    according to officials; analysts say it’s 3.5 percent likely. ";
    let text = sentence.repeat(MB / sentence.len() + 1);
    big(&text);
    assert!(claimlens::analyze(&text).sentences.len() >= MB / sentence.len());
}

#[test]
fn a_long_run_without_spaces() {
    // No whitespace at all: one long sentence of words and punctuation. Kept at
    // 128 KB because the actors layer is superlinear in the mentions of one
    // sentence (see `one_megabyte_sentence_of_actor_names`).
    let text = "Iran.said,U.S.“may”act—😀".repeat(MB / 8 / 30);
    big(&text);
}

/// One 1 MB sentence full of actor names. Not run by default: `actors::find`
/// is quadratic in the mentions of one sentence ("Iran and " repeated: 1 s for
/// 256 KB, 3 s for 512 KB, 14 s for 1 MB in release; the same names split into
/// sentences take 0.15 s for 1 MB), so this takes minutes in debug.
#[test]
fn one_megabyte_sentence_of_actor_names() {
    big(&"Iran and ".repeat(MB / 9));
}

/// Long single sentences that repeat what each layer looks for: each must
/// finish (they once took seconds per megabyte because some layer was
/// quadratic in the cues of a sentence) and give well-formed spans.
#[test]
fn long_sentences_of_repeated_cues() {
    for unit in [
        "he said that ",
        "analysts and ",
        "according to Reuters ",
        "Global Trade Office (GTO) ",
        "“Yes,” she said, ",
        "“a ",
        "( ",
        "may ",
        "if not certain, ",
        "who men ",
        "men who men Wrote ",
        "The Union Europa (ÉU) said. ",
    ] {
        big(&unit.repeat(256 * 1024 / unit.len()));
    }
}
