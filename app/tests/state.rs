//! The worker's job and the app state, natively (the view model itself is
//! tested in the claimlens-view crate).

use claimlens_app::state::{Action, Analysed, Shared, State, Status};
use claimlens_app::view::{self, Page};
use claimlens_app::Overview;
use std::rc::Rc;

#[test]
fn worker_output_round_trips() {
    let text = claimlens_app::SAMPLE;
    let out = claimlens_app::analyze_for_view(text);
    let ov: Overview = serde_json::from_str(&out.overview).unwrap();
    assert!(ov.pages.is_empty(), "pages travel apart");
    assert_eq!(ov.length as usize, text.len(), "offsets are bytes");
    let page: Page = serde_json::from_str(&out.pages[0]).unwrap();
    let built = view::build(text, &claimlens::analyze(text), view::Offsets::Bytes);
    assert_eq!(out.pages.len(), built.pages.len());
    assert_eq!(page, built.pages[0]);
    assert_eq!(ov.actors, built.actors);
    // Runs slice the text the page keeps.
    let joined: String = page.paras[0]
        .runs
        .iter()
        .map(|r| &text[r.start as usize..r.end as usize])
        .collect();
    assert_eq!(joined, text.lines().find(|l| !l.trim().is_empty()).unwrap());
    let contract: serde_json::Value = serde_json::from_str(&out.contract).unwrap();
    assert_eq!(
        contract["actors"].as_array().unwrap().len(),
        ov.actors.len()
    );
    assert_eq!(contract["summary"]["claims"], ov.summary.claims);
}

fn analysed(id: u32, text: &str) -> Analysed {
    let out = claimlens_app::analyze_for_view(text);
    Analysed {
        id,
        text: Shared(Rc::from(text)),
        overview: Shared::new(serde_json::from_str(&out.overview).unwrap()),
        pages: Shared::new(out.pages),
        contract: Shared::new(out.contract),
        ms: 1.0,
    }
}

fn apply(s: &State, a: Action) -> State {
    s.apply(a).unwrap_or_else(|| s.clone())
}

/// `text` pasted, sent as request `id`, and its analysis arrived.
fn analyse(s: &State, id: u32, text: &str) -> State {
    let s = apply(
        s,
        Action::Edit {
            text: Rc::from(text),
            now: true,
        },
    );
    let s = apply(
        &s,
        Action::Started {
            id,
            bytes: text.len(),
        },
    );
    apply(&s, Action::Done(analysed(id, text)))
}

#[test]
fn state_keeps_only_the_latest_answer() {
    let mut s = State::default();
    assert_eq!(s.status, Status::Empty);
    s = apply(
        &s,
        Action::Edit {
            text: Rc::from("Officials said so."),
            now: false,
        },
    );
    assert_eq!(s.status, Status::Waiting);
    s = apply(&s, Action::Started { id: 1, bytes: 18 });
    s = apply(&s, Action::Started { id: 2, bytes: 19 });
    assert_eq!(s.status, Status::Working { id: 2, bytes: 19 });
    // The answer to request 1 is stale.
    assert!(s
        .apply(Action::Done(analysed(1, "Officials said so.")))
        .is_none());
    s = apply(&s, Action::Done(analysed(2, "Officials said so!")));
    assert_eq!(s.status, Status::Ready);
    assert!(s.result.is_some());
    // A failure of a stale request is ignored; of the latest, shown with the text kept.
    assert!(s
        .apply(Action::Failed {
            id: 1,
            message: "x".into()
        })
        .is_none());
    s = apply(
        &s,
        Action::Failed {
            id: 2,
            message: "boom".into(),
        },
    );
    assert_eq!(s.status, Status::Failed("boom".into()));
    assert_eq!(&*s.text, "Officials said so.");
    // Clearing the text drops the result and makes answers in flight stale.
    s = apply(
        &s,
        Action::Edit {
            text: Rc::from("  "),
            now: true,
        },
    );
    assert_eq!(s.status, Status::Empty);
    assert!(s.result.is_none());
    assert!(s
        .apply(Action::Done(analysed(2, "Officials said so.")))
        .is_none());
}

#[test]
fn state_navigation_and_toggles() {
    let mut s = State::default();
    s = apply(
        &s,
        Action::Edit {
            text: Rc::from("x"),
            now: true,
        },
    );
    let long = "The ministry said the plan may fail.\n".repeat(3000);
    s = apply(
        &s,
        Action::Started {
            id: 1,
            bytes: long.len(),
        },
    );
    s = apply(&s, Action::Done(analysed(1, &long)));
    let pages = s.pages();
    assert!(pages > 1);
    let loc = view::Loc {
        page: 0,
        anchor: "c0".into(),
    };
    let jumps = s.jumps;
    s = apply(&s, Action::Goto(loc.clone()));
    assert_eq!(
        (s.page, s.focus.as_deref(), s.jumps),
        (0, Some("c0"), jumps + 1)
    );
    s = apply(&s, Action::Goto(loc.clone()));
    assert_eq!(s.jumps, jumps + 2, "the same target can be jumped to again");
    assert!(s.take_focus);
    s = apply(&s, Action::Reveal(loc));
    assert_eq!(
        (s.jumps, s.take_focus),
        (jumps + 3, false),
        "reveal scrolls without focusing"
    );
    let shown = s.shown;
    s = apply(&s, Action::Toggle(claimlens_app::state::Layer::Hedges));
    assert_eq!(
        (s.shown.hedges, s.shown.actors, s.shown.claims),
        (!shown.hedges, shown.actors, shown.claims)
    );
    s = apply(&s, Action::Select(Some(0)));
    assert_eq!(s.selected, Some(0));
    s = apply(&s, Action::Select(Some(0)));
    assert_eq!(s.selected, None, "selecting again unselects");
}

#[test]
fn editor_direction_follows_the_first_letter() {
    use claimlens_app::state::starts_rtl;
    let cases = [
        ("The minister said", false),
        ("  «مرحبا» said the minister", true),
        ("1234 — שלום עולם", true),
        ("東京 said", false),
        ("😀 123 …", false),
        ("", false),
    ];
    for (text, rtl) in cases {
        assert_eq!(starts_rtl(text), rtl, "{text:?}");
    }
}

/// A text over the app's limit is kept in the editor and not analysed: the
/// status says so, a stale analysis is dropped, and an answer to an earlier
/// request is ignored.
#[test]
fn a_text_over_the_limit_is_kept_and_not_analysed() {
    use claimlens_app::state::MAX_BYTES;
    let s = State::default();
    let s = apply(
        &s,
        Action::Edit {
            text: Rc::from("Iran said it may act."),
            now: true,
        },
    );
    let s = apply(&s, Action::Started { id: 0, bytes: 21 });
    let big: Rc<str> = Rc::from("a".repeat(MAX_BYTES + 1));
    let s = apply(
        &s,
        Action::Edit {
            text: big.clone(),
            now: true,
        },
    );
    assert_eq!(s.status, Status::TooLong(MAX_BYTES + 1));
    assert_eq!(&*s.text, &*big, "the text is kept");
    assert!(s.result.is_none());
    // The answer to the request sent before does not come back as current.
    assert!(s
        .apply(Action::Done(analysed(0, "Iran said it may act.")))
        .is_none());
    // Shortened, it is analysed again.
    let s = apply(
        &s,
        Action::Edit {
            text: Rc::from("Iran said it may act."),
            now: true,
        },
    );
    assert_eq!(s.status, Status::Waiting);
}

/// A row of the who-said-what table is chosen and un-chosen; a new analysis keeps it
/// only while the same source is on that row; clearing the text drops it.
#[test]
fn choosing_a_source_row() {
    let text =
        "Analysts said the plan was late. Analysts said costs rose. Reuters said prices fell.";
    let mut s = State::default();
    s = analyse(&s, 1, text);
    let rows = &s.result.as_ref().unwrap().overview.sources;
    assert!(rows.len() >= 2, "{rows:?}");
    let first = rows[0].label.clone();
    s = apply(&s, Action::ChooseSource(Some(0)));
    assert_eq!(s.source, Some((0, first.clone())));
    s = apply(&s, Action::ChooseSource(Some(1)));
    assert_eq!(s.source.as_ref().map(|x| x.0), Some(1));
    s = apply(&s, Action::ChooseSource(Some(1)));
    assert_eq!(s.source, None, "the same row again un-chooses it");
    s = apply(&s, Action::ChooseSource(Some(99)));
    assert_eq!(s.source, None, "a row that is not there chooses nothing");

    // Same text analysed again: row 0 is the same source and stays chosen.
    s = apply(&s, Action::ChooseSource(Some(0)));
    s = analyse(&s, 2, text);
    assert_eq!(s.source, Some((0, first)));
    // Another text whose first row is another source: dropped.
    let other =
        "Reuters said the plan was late. Reuters said costs rose. Analysts said prices fell.";
    s = analyse(&s, 3, other);
    assert_eq!(s.source, None);
    s = apply(&s, Action::ChooseSource(Some(0)));
    assert!(s.source.is_some());
    s = apply(
        &s,
        Action::Edit {
            text: Rc::from(""),
            now: true,
        },
    );
    assert_eq!(s.source, None);
}

/// Clear and the sample replace the text; Undo brings back what they replaced, once, and
/// only until the reader edits the text some other way.
#[test]
fn clear_and_the_sample_can_be_undone() {
    let mine = "My own article: the minister said talks may resume.";
    let mut s = State::default();
    s = apply(
        &s,
        Action::Edit {
            text: Rc::from(mine),
            now: false,
        },
    );
    assert_eq!(s.undo, None);
    s = apply(&s, Action::Replace(Rc::from("")));
    assert_eq!(&*s.text, "");
    assert_eq!(s.status, Status::Empty);
    assert_eq!(s.undo.as_deref(), Some(mine));
    s = apply(&s, Action::Undo);
    assert_eq!(&*s.text, mine);
    assert!(s.pasted, "the text brought back is analysed at once");
    assert_eq!(s.undo, None);
    assert!(s.apply(Action::Undo).is_none(), "nothing more to undo");

    // The sample over the reader's text: undoable too.
    s = apply(
        &s,
        Action::Replace(Rc::from("A sample: officials said so.")),
    );
    assert_eq!(s.undo.as_deref(), Some(mine));
    // The sample again over itself: the reader's text can still be brought back.
    s = apply(
        &s,
        Action::Replace(Rc::from("A sample: officials said so.")),
    );
    assert_eq!(s.undo.as_deref(), Some(mine));
    // Typing after it: the undo is gone (it would throw the typing away).
    s = apply(
        &s,
        Action::Edit {
            text: Rc::from("A sample: officials said so. More"),
            now: false,
        },
    );
    assert_eq!(s.undo, None);
    // Clear pressed twice: the second changes nothing, the first can still be undone.
    s = apply(&s, Action::Replace(Rc::from("")));
    s = apply(&s, Action::Replace(Rc::from("")));
    assert_eq!(s.undo.as_deref(), Some("A sample: officials said so. More"));
    // Clearing an empty text (nothing before it) leaves nothing to undo.
    let empty = apply(&State::default(), Action::Replace(Rc::from("")));
    assert_eq!(empty.undo, None);
}

/// One layer is drawn strongly, claims by default; choosing the same again changes nothing.
#[test]
fn emphasis_defaults_to_claims_and_switches() {
    use claimlens_app::state::Emphasis;
    let s = State::default();
    assert_eq!(s.emphasis, Emphasis::Claims);
    assert_eq!(s.emphasis.class(), "focus-claims");
    let t = apply(&s, Action::Emphasize(Emphasis::Actors));
    assert_eq!(t.emphasis, Emphasis::Actors);
    assert!(t.apply(Action::Emphasize(Emphasis::Actors)).is_none());
    let all = apply(&t, Action::Emphasize(Emphasis::All));
    assert_eq!(all.emphasis.class(), "focus-all");
    assert_eq!(all.shown, s.shown, "emphasis does not hide or show layers");
}

#[test]
fn rules_change_the_analysis_and_are_analysed_again() {
    let text = "The talks will perchance resume. Bombs fell.";
    let plain = claimlens_app::analyze_for_view(text);
    let rules = claimlens::Rules {
        hedges: vec![claimlens::RuleHedge {
            phrase: "perchance".into(),
            kind: claimlens::HedgeKind::Hedge,
        }],
        ..Default::default()
    };
    let (with, error) = claimlens_app::analyze_for_view_with(text, Some(&rules));
    assert_eq!(error, None);
    let hedges = |o: &claimlens_app::Output| {
        let ov: Overview = serde_json::from_str(&o.overview).unwrap();
        ov.hedges.into_iter().map(|h| h.text).collect::<Vec<_>>()
    };
    assert!(!hedges(&plain).contains(&"perchance".to_string()));
    assert!(hedges(&with).contains(&"perchance".to_string()));
    // No rules, or empty ones: the plain analysis.
    assert_eq!(
        claimlens_app::analyze_for_view_with(text, None),
        (plain.clone(), None)
    );
    let empty = claimlens::Rules::default();
    assert_eq!(
        claimlens_app::analyze_for_view_with(text, Some(&empty)),
        (plain, None)
    );

    // In the state: new rules analyse the text again, at once; the same rules do nothing.
    let s = analyse(&State::default(), 1, text);
    let edits = s.edits;
    let s2 = s.apply(Action::Rules(rules.clone())).unwrap();
    assert_eq!(*s2.rules, rules);
    assert_eq!(s2.edits, edits + 1);
    assert!(s2.pasted);
    assert!(s2.apply(Action::Rules(rules.clone())).is_none());
    // With no text, rules are kept but nothing is analysed.
    let s3 = State::default().apply(Action::Rules(rules)).unwrap();
    assert_eq!(s3.edits, 0);
    assert_eq!(s3.status, Status::Empty);
}

#[test]
fn rules_are_listed_and_removed_one_by_one() {
    use claimlens_app::state::{remove_rule, rule_list};
    let mut r = claimlens::Rules {
        cues: vec!["reckons".into()],
        hedges: vec![claimlens::RuleHedge {
            phrase: "perchance".into(),
            kind: claimlens::HedgeKind::Weasel,
        }],
        wrong: vec![claimlens::Wrong {
            layer: claimlens::Layer::Hedge,
            text: "may".into(),
        }],
        ..Default::default()
    };
    assert_eq!(
        rule_list(&r),
        [
            "reporting cue “reckons”",
            "weasel “perchance”",
            "“may” is no hedge"
        ]
    );
    remove_rule(&mut r, 1);
    assert_eq!(
        rule_list(&r),
        ["reporting cue “reckons”", "“may” is no hedge"]
    );
    remove_rule(&mut r, 5);
    assert_eq!(rule_list(&r).len(), 2);
    remove_rule(&mut r, 0);
    remove_rule(&mut r, 0);
    assert!(r.is_empty());
}

#[test]
fn rules_are_added_by_actions_and_bad_ones_refused() {
    use claimlens_app::state::{push_rule, rule_list};
    let s = State::default()
        .apply(Action::AddRule(2, "perchance".into(), "hedge".into()))
        .unwrap();
    assert_eq!(rule_list(&s.rules), ["hedge “perchance”"]);
    // Refused with the core's reason; the rules stay.
    let s = s
        .apply(Action::AddRule(1, "--".into(), String::new()))
        .unwrap();
    assert_eq!(
        s.rules_error.as_deref(),
        Some("rules: cues[0] must contain a letter or digit")
    );
    assert_eq!(rule_list(&s.rules).len(), 1);
    // A kind set again replaces the earlier one; the message goes.
    let s = s
        .apply(Action::AddRule(5, "Ortiz".into(), "place".into()))
        .unwrap()
        .apply(Action::AddRule(5, "Ortiz".into(), "organization".into()))
        .unwrap();
    assert_eq!(
        rule_list(&s.rules),
        ["hedge “perchance”", "kind of “Ortiz”: organization"]
    );
    assert_eq!(s.rules_error, None);
    let s = s.apply(Action::RemoveRule(0)).unwrap();
    assert_eq!(rule_list(&s.rules), ["kind of “Ortiz”: organization"]);
    // A pattern: added as written (not trimmed), listed after the other lists; an
    // invalid one is refused with where it goes wrong.
    let s = s
        .apply(Action::AddRule(
            6,
            "(?i)witness [a-z]\\b ".into(),
            "person".into(),
        ))
        .unwrap();
    assert_eq!(
        rule_list(&s.rules),
        [
            "kind of “Ortiz”: organization",
            "pattern “(?i)witness [a-z]\\b ”: person"
        ]
    );
    let s = s
        .apply(Action::AddRule(6, "W-(1".into(), "cue".into()))
        .unwrap();
    assert_eq!(
        s.rules_error.as_deref(),
        Some("rules: patterns[1].pattern is not a valid pattern: found open group without closing ')' (at character 3)")
    );
    assert_eq!(s.rules.patterns.len(), 1);
    // Unknown kinds and layers are refused with the rule's path.
    let mut r = claimlens::Rules::default();
    assert_eq!(
        push_rule(&mut r, 2, "x".into(), "maybe".into(), "hedges[0]"),
        Err("hedges[0]: unknown kind \"maybe\"".into())
    );
    assert_eq!(
        push_rule(&mut r, 3, "actors".into(), "x".into(), "wrong[0]"),
        Err("wrong[0]: unknown layer \"actors\"".into())
    );
    assert_eq!(
        push_rule(&mut r, 6, "x".into(), "actor".into(), "patterns[0]"),
        Err("patterns[0]: unknown as \"actor\"".into())
    );
    assert!(r.is_empty());
}

/// The article shows a text that comes from outside it (restored, the sample, Clear, Undo,
/// a long paste): those count as loads; typing in it does not, so the page never
/// rewrites what the reader is typing.
#[test]
fn only_texts_from_outside_the_article_are_loads() {
    let cases: &[(&str, Action, u32)] = &[
        (
            "typing",
            Action::Edit {
                text: Rc::from("Typed."),
                now: false,
            },
            0,
        ),
        (
            "a paste inserted as typing",
            Action::Edit {
                text: Rc::from("Pasted."),
                now: true,
            },
            0,
        ),
        (
            "restored or a long paste",
            Action::Load(Rc::from("Restored.")),
            1,
        ),
        ("the sample", Action::Replace(Rc::from("The sample.")), 1),
        ("Clear", Action::Replace(Rc::from("")), 1),
    ];
    for (what, action, loads) in cases {
        let s = apply(&State::default(), action.clone());
        assert_eq!(s.loads, *loads, "{what}");
        assert_eq!(s.edits, 1, "{what}: every change is an edit");
    }
    // Undo after Clear brings the text back into the article: a load too.
    let s = apply(
        &State::default(),
        Action::Edit {
            text: Rc::from("Mine."),
            now: false,
        },
    );
    let s = apply(&s, Action::Replace(Rc::from("")));
    let s = apply(&s, Action::Undo);
    assert_eq!((&*s.text, s.loads), ("Mine.", 2));
}
