//! The reader's own rules (`claimlens::Rules`): table-driven cases on short
//! texts written for these tests (names invented), and the file format.

use claimlens::{ActorKind, Analysis, Analyzer, HedgeKind, Layer, Rules};

/// One case: a text, the rules as JSON, and checks on the analysis with them
/// and without them (each check must fail without the rules, so it tests them).
struct Case {
    text: &'static str,
    rules: &'static str,
    check: fn(&str, &Analysis) -> bool,
    what: &'static str,
}

fn actor<'a>(a: &'a Analysis, name: &str) -> Option<&'a claimlens::Actor> {
    a.actors.iter().find(|x| x.name == name)
}

const CASES: &[Case] = &[
    Case {
        what: "a cue added finds a claim",
        text: "Ms Quorvash reckons the vote was rigged.",
        rules: r#"{"cues": ["reckons"]}"#,
        check: |t, a| a.claims.iter().any(|c| c.cue.slice(t) == "reckons"),
    },
    Case {
        what: "a hedge added is found with its kind",
        text: "The bridge will perchance open in May.",
        rules: r#"{"hedges": [{"phrase": "perchance", "kind": "hedge"}]}"#,
        check: |t, a| {
            a.hedges
                .iter()
                .any(|h| h.span.slice(t) == "perchance" && h.kind == HedgeKind::Hedge)
        },
    },
    Case {
        what: "an actor added is found with its kind",
        text: "The trucks belonged to Kelvar Freight, the report found.",
        rules: r#"{"actors": [{"name": "Kelvar Freight", "kind": "organization"}]}"#,
        check: |_, a| actor(a, "Kelvar Freight").is_some_and(|x| x.kind == ActorKind::Organization),
    },
    Case {
        what: "a mention marked wrong is no actor, and the claim it sourced points at nobody",
        text: "Meanwhile Doran Kessel won the race. Kessel said he was tired.",
        rules: r#"{"wrong": [{"layer": "actor", "text": "Kessel"}]}"#,
        check: |t, a| {
            !a.actors
                .iter()
                .any(|x| x.mentions.iter().any(|m| m.slice(t) == "Kessel"))
                && a.claims.iter().all(|c| {
                    c.actor.is_none()
                        || a.actors[c.actor.unwrap()]
                            .mentions
                            .iter()
                            .all(|m| m.slice(t) != "Kessel")
                })
        },
    },
    Case {
        what: "a cue marked wrong is no claim",
        text: "Officials said the road would reopen on Monday.",
        rules: r#"{"wrong": [{"layer": "claim", "text": "said"}]}"#,
        check: |_, a| a.claims.is_empty(),
    },
    Case {
        what: "a hedge marked wrong is gone and the sentence is certain again",
        text: "The dam may fail.",
        rules: r#"{"wrong": [{"layer": "hedge", "text": "may"}]}"#,
        check: |_, a| a.hedges.is_empty() && a.summary.certainty >= 0.99,
    },
    Case {
        what: "two actors merged are one, with the name of the one joined",
        text: "Leona Brandt spoke first. The Brandt Foundation paid for the hall. \
               Leona Brandt said the hall was full.",
        rules: r#"{"merge": [{"actor": "Brandt Foundation", "into": "Leona Brandt"}]}"#,
        check: |t, a| {
            actor(a, "Leona Brandt").is_some_and(|x| {
                x.mentions.iter().any(|m| m.slice(t) == "Brandt Foundation")
                    && x.aliases.iter().any(|s| s == "Brandt Foundation")
            }) && actor(a, "Brandt Foundation").is_none()
        },
    },
    Case {
        what: "an actor's kind set by the reader",
        text: "Ms Orrin met Kestrel in the lobby. Kestrel said the deal was done.",
        rules: r#"{"kinds": [{"actor": "Kestrel", "kind": "organization"}]}"#,
        check: |t, a| {
            a.actors.iter().any(|x| {
                x.kind == ActorKind::Organization
                    && x.mentions.iter().any(|m| m.slice(t) == "Kestrel")
            })
        },
    },
];

#[test]
fn rules_change_the_analysis_as_they_say() {
    let mut bad = 0;
    for (i, c) in CASES.iter().enumerate() {
        let rules = Rules::from_json(c.rules).unwrap_or_else(|e| panic!("case {i}: {e}"));
        let plain = Analyzer::new().analyze(c.text);
        if (c.check)(c.text, &plain) {
            eprintln!(
                "case {i} ({}) holds without the rules, so it tests nothing",
                c.what
            );
            bad += 1;
        }
        let with = Analyzer::new().with_rules(&rules).unwrap().analyze(c.text);
        assert!((c.check)(c.text, &with), "case {i}: {}\n{with:#?}", c.what);
        // Ids stay 0..n in order of first mention, and claims point at actors that exist.
        for (k, x) in with.actors.iter().enumerate() {
            assert_eq!(x.id, k, "case {i}");
        }
        assert!(with
            .claims
            .iter()
            .all(|c| c.actor.is_none_or(|a| a < with.actors.len())));
    }
    assert_eq!(bad, 0, "cases that hold without their rules");
}

#[test]
fn a_form_marked_wrong_is_no_alias_and_links_no_claim() {
    let text =
        "Valeska Paris arrived on Monday with her lawyer. Later, Paris said the plan was sound.";
    let rules = Rules::from_json(r#"{"wrong":[{"layer":"actor","text":"Paris"}]}"#).unwrap();
    let plain = Analyzer::new().analyze(text);
    assert!(plain.claims.iter().any(|c| c.actor.is_some()), "{plain:#?}");
    let a = Analyzer::new().with_rules(&rules).unwrap().analyze(text);
    assert!(
        a.actors
            .iter()
            .all(|x| x.aliases.iter().all(|s| s != "Paris")),
        "{a:#?}"
    );
    assert!(a.claims.iter().all(|c| c.actor.is_none()), "{a:#?}");
}

#[test]
fn a_second_rules_file_adds_to_the_first() {
    let text = "Officials said the dam may fail.";
    let one = Rules::from_json(r#"{"wrong":[{"layer":"hedge","text":"may"}]}"#).unwrap();
    let two = Rules::from_json(r#"{"wrong":[{"layer":"claim","text":"said"}]}"#).unwrap();
    let a = Analyzer::new()
        .with_rules(&one)
        .unwrap()
        .with_rules(&two)
        .unwrap()
        .analyze(text);
    assert!(a.hedges.is_empty() && a.claims.is_empty(), "{a:#?}");
}

#[test]
fn empty_rules_change_nothing() {
    let text = "Analysts said the talks may resume. Ms Vey, the minister, denied it.";
    let rules = Rules::from_json("{}").unwrap();
    assert!(rules.is_empty());
    assert_eq!(
        Analyzer::new().with_rules(&rules).unwrap().analyze(text),
        claimlens::analyze(text)
    );
}

#[test]
fn invalid_files_and_rules_say_what_is_wrong() {
    let cases = [
        ("[1, 2]", "not a rules file"),
        (r#"{"cue": ["x"]}"#, "unknown field `cue`"),
        (
            r#"{"cues": ["  "]}"#,
            "rules: cues[0] must contain a letter or digit",
        ),
        (
            r#"{"hedges": [{"phrase": "x", "kind": "maybe"}]}"#,
            "unknown variant `maybe`",
        ),
        (
            r#"{"hedges": [{"phrase": "it is [said]", "kind": "weasel"}]}"#,
            "hedges[0].phrase must not contain",
        ),
        (
            r#"{"wrong": [{"layer": "actors", "text": "x"}]}"#,
            "unknown variant `actors`",
        ),
        (r#"{"merge": [{"actor": "A"}]}"#, "missing field `into`"),
    ];
    for (json, want) in cases {
        let e = Rules::from_json(json).unwrap_err().to_string();
        assert!(e.contains(want), "{json}: {e}");
    }
    let long = format!(
        r#"{{"cues": ["{}"]}}"#,
        "a".repeat(claimlens::MAX_RULE_CHARS + 1)
    );
    assert!(Rules::from_json(&long)
        .unwrap_err()
        .to_string()
        .contains("longer than"));
}

#[test]
fn rules_round_trip_as_json() {
    let json = r#"{"actors":[{"name":"Velloran Trust","kind":"organization"}],"cues":["murmured"],
        "hedges":[{"phrase":"perchance","kind":"hedge"}],"wrong":[{"layer":"claim","text":"said"}],
        "merge":[{"actor":"HRC","into":"Hillary Clinton"}],"kinds":[{"actor":"Kestrel","kind":"place"}]}"#;
    let rules = Rules::from_json(json).unwrap();
    assert_eq!(rules.wrong[0].layer, Layer::Claim);
    let again = serde_json::to_string(&rules).unwrap();
    assert_eq!(Rules::from_json(&again).unwrap(), rules);
}

/// Marking many mentions wrong on a long text stays linear: the corrections
/// are a set lookup per mention.
#[test]
fn many_rules_on_a_long_text() {
    let wrong: Vec<String> = (0..2000)
        .map(|i| format!(r#"{{"layer":"actor","text":"Name{i}"}}"#))
        .collect();
    let json = format!(r#"{{"wrong":[{}]}}"#, wrong.join(","));
    let rules = Rules::from_json(&json).unwrap();
    let text = "Mr Abel Varn said the port may close. ".repeat(2000);
    let a = Analyzer::new().with_rules(&rules).unwrap().analyze(&text);
    assert!(a.actors.iter().any(|x| x.name.contains("Varn")));
}
