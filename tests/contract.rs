//! The JSON contract: exact field names, allowed values, and the empty analysis.
//!
//! ```text
//! {"id"?, "sentences":[{"start","end","certainty"}],
//!  "actors":[{"id","name","kind","subkind"?,"aliases","affiliation"?,
//!             "mentions":[{"start","end"}],"references":[{"start","end","form":"nominal"|"pronoun"}]}],
//!  "claims":[{"source":span|null,"cue":span,"content":span|[span…]|null,"actor":id|null,
//!             "attribution":"named"|"vague"|"none"}],
//!  "hedges":[{"start","end","kind","reason"}],
//!  "summary":{…}}
//! ```

use claimlens::contract::to_contract;
use claimlens::{
    Actor, ActorKind, Analysis, Attribution, Claim, Hedge, HedgeKind, SentenceScore, Span,
};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

const TOP: &[&str] = &["sentences", "actors", "claims", "hedges", "summary"];
const SENTENCE: &[&str] = &["start", "end", "certainty"];
const ACTOR: &[&str] = &["id", "name", "kind", "aliases", "mentions", "references"];
const ACTOR_OPTIONAL: &[&str] = &["subkind", "affiliation"];
const SPAN: &[&str] = &["start", "end"];
const MENTION: &[&str] = &["start", "end", "form"];
const FORMS: &[&str] = &["nominal", "pronoun"];
const CLAIM: &[&str] = &["source", "cue", "content", "actor", "attribution"];
const HEDGE: &[&str] = &["start", "end", "kind", "reason", "quoted"];
const SUMMARY: &[&str] = &[
    "words",
    "sentences",
    "actors",
    "claims",
    "claims_named",
    "claims_vague",
    "claims_none",
    "share_named",
    "share_vague",
    "share_none",
    "hedges",
    "boosters",
    "weasels",
    "conditions",
    "hedges_per_100_words",
    "quoted_cues",
    "author_hedges_per_100_words",
    "certainty",
];
const ACTOR_KINDS: &[&str] = &["person", "organization", "place", "group"];
const ATTRIBUTIONS: &[&str] = &["named", "vague", "none"];
const HEDGE_KINDS: &[&str] = &["hedge", "booster", "weasel", "condition"];

fn obj<'v>(v: &'v Value, what: &str) -> &'v Map<String, Value> {
    v.as_object()
        .unwrap_or_else(|| panic!("{what} is not an object: {v}"))
}

/// The object has exactly the `required` keys plus any of `optional`.
fn keys(v: &Value, required: &[&str], optional: &[&str], what: &str) {
    let o = obj(v, what);
    let got: BTreeSet<&str> = o.keys().map(String::as_str).collect();
    let req: BTreeSet<&str> = required.iter().copied().collect();
    let all: BTreeSet<&str> = required.iter().chain(optional).copied().collect();
    assert!(
        req.is_subset(&got),
        "{what}: missing {:?} in {v}",
        req.difference(&got).collect::<Vec<_>>()
    );
    assert!(
        got.is_subset(&all),
        "{what}: unexpected {:?} in {v}",
        got.difference(&all).collect::<Vec<_>>()
    );
}

fn uint(v: &Value, what: &str) -> u64 {
    v.as_u64()
        .unwrap_or_else(|| panic!("{what} is not an unsigned integer: {v}"))
}

fn span(v: &Value, units: u64, what: &str) {
    keys(v, SPAN, &[], what);
    let (s, e) = (uint(&v["start"], what), uint(&v["end"], what));
    assert!(s <= e && e <= units, "{what}: {s}..{e} outside 0..{units}");
}

fn one_of(v: &Value, allowed: &[&str], what: &str) {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{what} is not a string: {v}"));
    assert!(allowed.contains(&s), "{what}: {s:?} not in {allowed:?}");
}

fn fraction(v: &Value, what: &str) -> f64 {
    let x = v
        .as_f64()
        .unwrap_or_else(|| panic!("{what} is not a number: {v}"));
    assert!((0.0..=1.0).contains(&x), "{what}: {x} outside [0, 1]");
    x
}

/// Checks the whole shape of one contract document (without "id") for a text of
/// `units` UTF-16 code units.
fn check_contract(v: &Value, units: u64) {
    keys(v, TOP, &[], "document");
    check_body(v, units);
}

fn check_contract_with_id(v: &Value, units: u64, want_id: &Value) {
    keys(v, &[TOP, &["id"]].concat(), &[], "document");
    assert_eq!(&v["id"], want_id);
    check_body(v, units);
}

fn check_body(v: &Value, units: u64) {
    let sentences = v["sentences"].as_array().expect("sentences is an array");
    for s in sentences {
        keys(s, SENTENCE, &[], "sentence");
        uint(&s["start"], "sentence start");
        uint(&s["end"], "sentence end");
        assert!(s["end"].as_u64() <= Some(units));
        fraction(&s["certainty"], "sentence certainty");
    }
    let actors = v["actors"].as_array().expect("actors is an array");
    for (i, a) in actors.iter().enumerate() {
        keys(a, ACTOR, ACTOR_OPTIONAL, "actor");
        assert_eq!(
            uint(&a["id"], "actor id"),
            i as u64,
            "actor id is its index"
        );
        assert!(a["name"].as_str().is_some_and(|n| !n.is_empty()), "{a}");
        one_of(&a["kind"], ACTOR_KINDS, "actor kind");
        if let Some(sub) = a.get("subkind") {
            assert!(sub.as_str().is_some_and(|s| !s.is_empty()), "subkind {sub}");
        }
        if let Some(aff) = a.get("affiliation") {
            assert!(
                aff.as_str().is_some_and(|s| !s.is_empty()),
                "affiliation {aff}"
            );
        }
        let aliases = a["aliases"].as_array().expect("aliases is an array");
        assert!(aliases.iter().all(Value::is_string), "{a}");
        let mentions = a["mentions"].as_array().expect("mentions is an array");
        for m in mentions {
            span(m, units, "mention");
        }
        let refs = a["references"].as_array().expect("references is an array");
        for m in refs {
            keys(m, MENTION, &[], "reference");
            let (s, e) = (uint(&m["start"], "reference"), uint(&m["end"], "reference"));
            assert!(
                s <= e && e <= units,
                "reference: {s}..{e} outside 0..{units}"
            );
            one_of(&m["form"], FORMS, "reference form");
        }
    }
    let claims = v["claims"].as_array().expect("claims is an array");
    for c in claims {
        keys(c, CLAIM, &[], "claim");
        if !c["source"].is_null() {
            span(&c["source"], units, "claim source");
        }
        span(&c["cue"], units, "claim cue");
        match &c["content"] {
            Value::Null => {}
            Value::Array(parts) => {
                assert!(parts.len() >= 2, "a content array holds 2+ spans: {c}");
                for p in parts {
                    span(p, units, "claim content part");
                }
            }
            one => span(one, units, "claim content"),
        }
        match &c["actor"] {
            Value::Null => {}
            id => assert!(
                uint(id, "claim actor") < actors.len() as u64,
                "claim links a missing actor: {c}"
            ),
        }
        one_of(&c["attribution"], ATTRIBUTIONS, "attribution");
        if c["source"].is_null() {
            assert_eq!(c["attribution"], "none", "no source but attributed: {c}");
        }
    }
    let hedges = v["hedges"].as_array().expect("hedges is an array");
    for h in hedges {
        keys(h, HEDGE, &[], "hedge");
        assert!(uint(&h["start"], "hedge") <= uint(&h["end"], "hedge"));
        assert!(h["end"].as_u64() <= Some(units));
        one_of(&h["kind"], HEDGE_KINDS, "hedge kind");
        assert!(h["reason"].is_string());
    }
    let s = &v["summary"];
    keys(s, SUMMARY, &[], "summary");
    for k in SUMMARY {
        assert!(s[k].is_number(), "summary.{k} is not a number: {s}");
    }
    assert_eq!(uint(&s["sentences"], "s"), sentences.len() as u64);
    assert_eq!(uint(&s["actors"], "s"), actors.len() as u64);
    assert_eq!(uint(&s["claims"], "s"), claims.len() as u64);
    let count_attr = |a: &str| claims.iter().filter(|c| c["attribution"] == a).count() as u64;
    assert_eq!(uint(&s["claims_named"], "s"), count_attr("named"));
    assert_eq!(uint(&s["claims_vague"], "s"), count_attr("vague"));
    assert_eq!(uint(&s["claims_none"], "s"), count_attr("none"));
    let count_kind = |k: &str| hedges.iter().filter(|h| h["kind"] == k).count() as u64;
    assert_eq!(uint(&s["hedges"], "s"), count_kind("hedge"));
    assert_eq!(uint(&s["boosters"], "s"), count_kind("booster"));
    assert_eq!(uint(&s["weasels"], "s"), count_kind("weasel"));
    assert_eq!(uint(&s["conditions"], "s"), count_kind("condition"));
    let shares: f64 = ["share_named", "share_vague", "share_none"]
        .iter()
        .map(|k| fraction(&s[k], k))
        .sum();
    if claims.is_empty() {
        assert_eq!(shares, 0.0);
    } else {
        assert!((shares - 1.0).abs() < 0.002, "shares sum to {shares}");
    }
    fraction(&s["certainty"], "summary certainty");
    // Scores are written with at most three decimals.
    let mut scores: Vec<&Value> = sentences.iter().map(|x| &x["certainty"]).collect();
    scores.extend(
        [
            "share_named",
            "share_vague",
            "share_none",
            "hedges_per_100_words",
            "certainty",
        ]
        .iter()
        .map(|k| &s[k]),
    );
    for x in scores {
        let t = x.to_string();
        let decimals = t.split_once('.').map_or(0, |(_, d)| d.len());
        assert!(decimals <= 3, "{t} has more than three decimals");
    }
    assert!(s["hedges_per_100_words"].as_f64().unwrap() >= 0.0);
}

/// The contract as the CLI writes it: serialized to a string, parsed back.
fn contract(text: &str, a: &Analysis) -> Value {
    let s = serde_json::to_string(&to_contract(text, a, None)).unwrap();
    serde_json::from_str(&s).unwrap()
}

fn units(text: &str) -> u64 {
    text.encode_utf16().count() as u64
}

/// Articles written for these tests.
const TEXTS: &[&str] = &[
    "Analysts suggest that Moscow may respond, according to Reuters.",
    "IRAN WARNS OF RETALIATION\nBy Staff Writer\n\nTEHRAN — Iran’s Foreign Ministry said on Tuesday that it “will not remain silent,” \
     and some experts believe the dispute could escalate. “We have clearly shown restraint,” spokesman Ali Rezaei told reporters. \
     Russian officials reportedly disagreed, while the United Nations confirmed it had received the letter. \
     If talks fail, the sanctions would likely remain in place, Western diplomats said.",
    "😀 The IRGC’s commander, Gen. Hossein Karimi, said the U.S. “might” act — but it is believed that no decision was made. \
     中国外交部表示反对。 قال المتحدث إن المحادثات ستستأنف.",
    "“We will not retreat. We will win,” he said. The Kremlin denied the report, calling it “absurd.”",
    "",
    "   \n\n\t ",
];

#[test]
fn real_analyses_follow_the_contract() {
    for text in TEXTS {
        let v = contract(text, &claimlens::analyze(text));
        check_contract(&v, units(text));
    }
}

/// One analysis with every optional field and every variant present, so the
/// contract's shape is checked whatever the layers find today.
fn synthetic() -> (&'static str, Analysis) {
    let text =
        "Iran’s army said “we may act” — analysts say it is clearly unlikely if 😀 talks fail.";
    let at = |needle: &str| {
        let s = text.find(needle).unwrap();
        Span::new(s, s + needle.len())
    };
    let actor = |id, name: &str, kind, subkind: Option<&str>, affiliation: Option<&str>, m| Actor {
        id,
        name: name.into(),
        kind,
        subkind: subkind.map(str::to_string),
        mentions: vec![m],
        aliases: vec!["Islamic Republic".into()],
        affiliation: affiliation.map(str::to_string),
    };
    let a = Analysis {
        sentences: vec![SentenceScore {
            span: Span::new(0, text.len()),
            certainty: 0.123_456,
        }],
        actors: vec![
            actor(
                0,
                "Iran",
                ActorKind::Place,
                Some("country"),
                None,
                at("Iran"),
            ),
            actor(
                1,
                "army",
                ActorKind::Organization,
                Some("military"),
                None,
                at("army"),
            ),
            actor(
                2,
                "analysts",
                ActorKind::Group,
                None,
                Some("Iran"),
                at("analysts"),
            ),
            actor(3, "Someone", ActorKind::Person, None, None, at("talks")),
        ],
        claims: vec![
            Claim {
                source: Some(at("Iran’s army")),
                cue: at("said"),
                content: vec![at("we may act")],
                actor: Some(1),
                form: Some(claimlens::Form::Name),
                attribution: Attribution::Named,
            },
            Claim {
                source: Some(at("analysts")),
                cue: at("say"),
                content: vec![at("it is"), at("clearly unlikely")],
                actor: Some(2),
                form: Some(claimlens::Form::Name),
                attribution: Attribution::Vague,
            },
            Claim {
                source: None,
                cue: at("—"),
                content: vec![],
                actor: None,
                form: None,
                attribution: Attribution::None,
            },
        ],
        hedges: vec![
            Hedge {
                span: at("may"),
                kind: HedgeKind::Hedge,
                reason: "modal verb",
                quoted: false,
            },
            Hedge {
                span: at("clearly"),
                kind: HedgeKind::Booster,
                reason: "adverb",
                quoted: false,
            },
            Hedge {
                span: at("analysts say"),
                kind: HedgeKind::Weasel,
                reason: "vague source",
                quoted: false,
            },
            Hedge {
                span: at("if"),
                kind: HedgeKind::Condition,
                reason: "condition",
                quoted: false,
            },
        ],
        summary: claimlens::Summary {
            words: 16,
            sentences: 1,
            actors: 4,
            claims: 3,
            claims_named: 1,
            claims_vague: 1,
            claims_none: 1,
            hedges: 1,
            boosters: 1,
            weasels: 1,
            conditions: 1,
            hedges_per_100_words: 12.5,
            quoted_cues: 0,
            author_hedges_per_100_words: 12.5,
            certainty: 0.123_456,
        },
    };
    (text, a)
}

#[test]
fn synthetic_analysis_follows_the_contract() {
    let (text, a) = synthetic();
    let v = contract(text, &a);
    check_contract(&v, units(text));

    // Every variant, spelled as the contract spells it.
    let kinds: Vec<&str> = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["place", "organization", "group", "person"]);
    assert_eq!(v["actors"][0]["subkind"], "country");
    assert!(
        obj(&v["actors"][2], "actor").get("subkind").is_none(),
        "no subkind → no key"
    );
    assert_eq!(v["actors"][2]["affiliation"], "Iran");
    assert!(obj(&v["actors"][0], "actor").get("affiliation").is_none());
    assert_eq!(v["actors"][0]["aliases"], json!(["Islamic Republic"]));

    let attributions: Vec<&str> = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["attribution"].as_str().unwrap())
        .collect();
    assert_eq!(attributions, ["named", "vague", "none"]);
    // Content: one span → an object, several → an array, none → null.
    assert!(v["claims"][0]["content"].is_object());
    assert_eq!(v["claims"][1]["content"].as_array().unwrap().len(), 2);
    assert!(v["claims"][2]["content"].is_null());
    assert!(v["claims"][2]["source"].is_null());
    assert_eq!(v["claims"][0]["actor"], 1);
    assert!(v["claims"][2]["actor"].is_null());

    let hedge_kinds: Vec<&str> = v["hedges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["kind"].as_str().unwrap())
        .collect();
    assert_eq!(hedge_kinds, ["hedge", "booster", "weasel", "condition"]);
    assert_eq!(v["hedges"][0]["reason"], "modal verb");

    // Offsets are UTF-16: "Iran" is at 0..4; "’" is one unit, so "army" is at 7..11.
    assert_eq!(v["actors"][0]["mentions"][0], json!({"start": 0, "end": 4}));
    assert_eq!(
        v["actors"][1]["mentions"][0],
        json!({"start": 7, "end": 11})
    );
    // After the astral 😀 (two units), "talks" starts at its char index + 1.
    let talks_chars = text[..text.find("talks").unwrap()].chars().count() as u64;
    assert_eq!(v["actors"][3]["mentions"][0]["start"], talks_chars + 1);

    // Numbers are rounded to three decimals; shares come from the counts.
    let s = &v["summary"];
    assert_eq!(v["sentences"][0]["certainty"], 0.123);
    assert_eq!(s["certainty"], 0.123);
    assert_eq!(s["share_named"], 0.333);
    assert_eq!(s["share_vague"], 0.333);
    assert_eq!(s["hedges_per_100_words"], 12.5);
}

#[test]
fn id_is_echoed_only_when_given() {
    let text = "Iran said it may act.";
    let a = claimlens::analyze(text);
    for id in [json!(42), json!("doc-1"), json!({"k": [1, 2]}), json!(null)] {
        let raw = serde_json::value::RawValue::from_string(id.to_string()).unwrap();
        let s = serde_json::to_string(&to_contract(text, &a, Some(&raw))).unwrap();
        let v: Value = serde_json::from_str(&s).unwrap();
        check_contract_with_id(&v, units(text), &id);
        // "id" comes first in the serialized object.
        assert!(s.starts_with("{\"id\":"), "{s}");
    }
    let v = contract(text, &a);
    assert!(obj(&v, "document").get("id").is_none());
}

#[test]
fn empty_text_gives_an_empty_analysis() {
    for text in ["", " ", "\n\n", "\t \r\n"] {
        let a = claimlens::analyze(text);
        assert!(a.sentences.is_empty() && a.actors.is_empty());
        assert!(a.claims.is_empty() && a.hedges.is_empty());
        let v = contract(text, &a);
        assert_eq!(
            v,
            json!({
                "sentences": [],
                "actors": [],
                "claims": [],
                "hedges": [],
                "summary": {
                    "words": 0, "sentences": 0, "actors": 0, "claims": 0,
                    "claims_named": 0, "claims_vague": 0, "claims_none": 0,
                    "share_named": 0.0, "share_vague": 0.0, "share_none": 0.0,
                    "hedges": 0, "boosters": 0, "weasels": 0, "conditions": 0,
                    "hedges_per_100_words": 0.0, "quoted_cues": 0,
                    "author_hedges_per_100_words": 0.0, "certainty": 1.0
                }
            }),
            "for {text:?}"
        );
    }
}

#[test]
fn kind_names_round_trip() {
    for k in [
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::Place,
        ActorKind::Group,
    ] {
        assert!(ACTOR_KINDS.contains(&k.as_str()));
        assert_eq!(ActorKind::parse(k.as_str()), Some(k));
    }
    for k in [
        HedgeKind::Hedge,
        HedgeKind::Booster,
        HedgeKind::Weasel,
        HedgeKind::Condition,
    ] {
        assert!(HEDGE_KINDS.contains(&k.as_str()));
        assert_eq!(HedgeKind::parse(k.as_str()), Some(k));
    }
    for a in [Attribution::Named, Attribution::Vague, Attribution::None] {
        assert!(ATTRIBUTIONS.contains(&a.as_str()));
    }
    assert_eq!(ActorKind::parse("nonsense"), None);
    assert_eq!(HedgeKind::parse("nonsense"), None);
}

/// Hedging inside a direct quotation is a source's, flagged `quoted` and counted apart
/// from the author's own.
#[test]
fn quoted_hedges_are_counted_apart() {
    let cases: &[(&str, &[(&str, bool)])] = &[
        (
            "“We may leave,” the minister said. Prices could rise.",
            &[("may", true), ("could", false)],
        ),
        (
            "Analysts said the plan \"might possibly work\" but may fail.",
            &[("might", true), ("possibly", true), ("may", false)],
        ),
        (
            "An unclosed “quote may run on. Then it perhaps ends.",
            &[("may", true), ("perhaps", true)],
        ),
        ("No quotation here, though it may rain.", &[("may", false)]),
    ];
    for &(text, want) in cases {
        let a = claimlens::analyze(text);
        let got: Vec<(&str, bool)> = a
            .hedges
            .iter()
            .map(|h| (h.span.slice(text), h.quoted))
            .collect();
        for w in want {
            assert!(got.contains(w), "{text:?}: {w:?} in {got:?}");
        }
        let v = contract(text, &a);
        let quoted = v["hedges"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["quoted"] == true)
            .count();
        assert_eq!(v["summary"]["quoted_cues"], quoted, "{text}");
        assert_eq!(a.summary.quoted_cues, quoted);
    }
    // The author's rate leaves the quotation out.
    let text = "“We may leave, perhaps,” he said. Prices rose.";
    let s = claimlens::analyze(text).summary;
    assert!(s.hedges_per_100_words > 0.0);
    assert_eq!(s.author_hedges_per_100_words, 0.0);
    // And a claim's content: reported speech is the source's hedging, not the author's.
    let text = "The minister said the bridge might close. The bridge may reopen in May.";
    let a = claimlens::analyze(text);
    let content = a.claims[0].content[0].slice(text);
    assert!(content.contains("might"), "{content:?}");
    let words = a.summary.words as f32;
    assert_eq!(a.summary.hedges_per_100_words, 200.0 / words);
    assert_eq!(a.summary.author_hedges_per_100_words, 100.0 / words);
}
