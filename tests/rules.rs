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
    Case {
        what: "a pattern's matches are actors of its kind, each match its own actor",
        text: "The court heard from witness W-17 on Monday. Witness W-22 disagreed, and W-17 left.",
        rules: r#"{"patterns": [{"pattern": "\\bW-[0-9]+\\b", "as": "person"}]}"#,
        check: |t, a| {
            let w17 = a.actors.iter().find(|x| x.name == "W-17");
            w17.is_some_and(|x| x.kind == ActorKind::Person && x.mentions.len() == 2)
                && actor(a, "W-22").is_some_and(|x| x.kind == ActorKind::Person)
                && a.actors
                    .iter()
                    .all(|x| x.mentions.iter().all(|m| m.slice(t) != "W"))
        },
    },
    Case {
        what: "a reader's actor keeps a name that ends like a law's",
        text: "The Reform Accord said it would contest the election. Reform Accord leaders agreed.",
        rules: r#"{"actors": [{"name": "Reform Accord", "kind": "organization"}]}"#,
        check: |_, a| actor(a, "Reform Accord").is_some_and(|x| x.kind == ActorKind::Organization),
    },
    Case {
        what: "a pattern finds reporting cues in any case",
        text: "Ms Quorvash Mumbled that the vote was rigged. Mr Tal MUMBLED that it was not.",
        rules: r#"{"patterns": [{"pattern": "(?i)mumbled", "as": "cue"}]}"#,
        check: |t, a| {
            a.claims.iter().any(|c| c.cue.slice(t) == "Mumbled")
                && a.claims.iter().any(|c| c.cue.slice(t) == "MUMBLED")
        },
    },
    Case {
        what: "a pattern finds weasel phrases of several words",
        text: "Folks in the know say the mill will close. People in the know agree.",
        rules: r#"{"patterns": [{"pattern": "(?:[Ff]olks|[Pp]eople) in the know", "as": "weasel"}]}"#,
        check: |t, a| {
            ["Folks in the know", "People in the know"].iter().all(|w| {
                a.hedges
                    .iter()
                    .any(|h| h.span.slice(t) == *w && h.kind == HedgeKind::Weasel)
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
        (
            r#"{"patterns": [{"pattern": "W-(1|2", "as": "person"}]}"#,
            "rules: patterns[0].pattern is not a valid pattern: ",
        ),
        (
            r#"{"patterns": [{"pattern": "a", "as": "actor"}]}"#,
            "unknown variant `actor`",
        ),
        (
            r#"{"patterns": [{"pattern": "", "as": "cue"}]}"#,
            "rules: patterns[0].pattern must not be empty",
        ),
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
        "merge":[{"actor":"HRC","into":"Hillary Clinton"}],"kinds":[{"actor":"Kestrel","kind":"place"}],
        "patterns":[{"pattern":"(?i)agent [a-z]+","as":"person"}]}"#;
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

/// An invalid pattern's message says where: the character after the longest
/// beginning of the pattern without that error.
#[test]
fn an_invalid_pattern_says_where() {
    let cases = [
        ("W-(1|2", 3),
        ("abc)", 4),
        ("x[a-", 4),
        ("ab\\q", 4),
        ("a{3,1}", 6),
        ("(?i)folks in the (know", 18),
        ("(a)(b", 4),
    ];
    for (pattern, at) in cases {
        let rules = Rules {
            patterns: vec![claimlens::RulePattern {
                pattern: pattern.into(),
                what: claimlens::PatternAs::Person,
            }],
            ..Default::default()
        };
        let e = rules.check().unwrap_err().to_string();
        assert!(
            e.ends_with(&format!("(at character {at})")),
            "{pattern}: {e}"
        );
        assert!(Analyzer::new().with_rules(&rules).is_err(), "{pattern}");
    }
    let long = Rules {
        patterns: vec![claimlens::RulePattern {
            pattern: "a".repeat(claimlens::MAX_PATTERN_CHARS + 1),
            what: claimlens::PatternAs::Cue,
        }],
        ..Default::default()
    };
    assert!(long
        .check()
        .unwrap_err()
        .to_string()
        .contains("longer than"));
    let many = Rules {
        patterns: vec![
            claimlens::RulePattern {
                pattern: "a".into(),
                what: claimlens::PatternAs::Cue,
            };
            claimlens::MAX_PATTERNS + 1
        ],
        ..Default::default()
    };
    assert!(many.check().unwrap_err().to_string().contains("more than"));
}

/// Patterns that match everything, or nothing a phrase can be, on a long text: the
/// analysis finishes, takes at most MAX_PATTERN_MATCHES distinct matches of each, and a
/// pattern without a match changes nothing.
#[test]
fn greedy_patterns_on_a_long_text() {
    let text: String = (0..3000)
        .map(|i| format!("Mr Abel Varn{i} said the port may close. "))
        .collect();
    let json = r#"{"patterns": [{"pattern": "\\w+", "as": "hedge"}, {"pattern": ".*", "as": "cue"},
        {"pattern": "[.,]+", "as": "person"}]}"#;
    let rules = Rules::from_json(json).unwrap();
    let a = Analyzer::new().with_rules(&rules).unwrap().analyze(&text);
    let hedged: std::collections::HashSet<&str> =
        a.hedges.iter().map(|h| h.span.slice(&text)).collect();
    assert!(
        hedged.contains("Mr") && hedged.contains("port"),
        "{hedged:?}"
    );
    assert!(
        hedged.len() <= claimlens::MAX_PATTERN_MATCHES,
        "{}",
        hedged.len()
    );
    let none = Rules::from_json(r#"{"patterns": [{"pattern": "zzqx", "as": "person"}]}"#).unwrap();
    let short = "Analysts said the talks may resume.";
    assert_eq!(
        Analyzer::new().with_rules(&none).unwrap().analyze(short),
        claimlens::analyze(short)
    );
}
