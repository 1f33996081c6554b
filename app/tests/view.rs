//! The view model, the report words and the app state, natively.

use claimlens_app::report::{describe, markdown};
use claimlens_app::state::{Action, Analysed, Shared, State, Status};
use claimlens_app::view::{self, role, Overview, Page, PAGE_BYTES};
use std::rc::Rc;

fn view_of(text: &str) -> view::View {
    view::build(text, &claimlens::analyze(text))
}

fn joined(v: &view::View) -> String {
    let mut out = String::new();
    for page in &v.pages {
        for para in &page.paras {
            for run in &para.runs {
                out.push_str(&run.text);
            }
        }
    }
    out
}

#[test]
fn runs_cover_every_non_blank_line_exactly() {
    let cases = [
        "Officials said the talks may resume.",
        "Line one said nothing.\n\nLine two: the minister said it may rain.\r\n",
        "  leading spaces, then NATO said so.  ",
        "Emoji 😀 and CJK 東京 said 北京 may agree. العربية قالت",
        "<script>alert(1)</script> said the <b>minister</b>.",
        "",
        "\n\n\n",
    ];
    for text in cases {
        let v = view_of(text);
        let lines: String = text
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .filter(|l| !l.trim().is_empty())
            .collect();
        assert_eq!(joined(&v), lines, "{text:?}");
    }
}

#[test]
fn runs_carry_each_layer_and_nesting() {
    let text = "The Foreign Ministry said the talks may resume.";
    let v = view_of(text);
    let runs: Vec<_> = v.pages[0].paras[0].runs.iter().collect();
    let find = |t: &str| {
        runs.iter()
            .find(|r| r.text == t)
            .unwrap_or_else(|| panic!("run {t:?} in {runs:#?}"))
    };
    let said = find("said");
    assert_eq!(said.role, role::CUE);
    assert!(said.claim.is_some());
    let may = find("may");
    assert!(may.hedge.is_some(), "hedge inside the claim content");
    assert_eq!(may.role, role::CONTENT, "the hedge keeps the claim layer");
    let ministry = runs
        .iter()
        .find(|r| r.text.contains("Foreign Ministry"))
        .expect("actor run");
    assert!(ministry.actor.is_some());
    assert_eq!(ministry.role, role::SOURCE, "actor inside the source");
    let ov = &v.overview;
    assert_eq!(ov.hedges[may.hedge.unwrap() as usize].text, "may");
    assert_eq!(ov.claims[said.claim.unwrap() as usize].cue, "said");
}

#[test]
fn anchors_point_at_rendered_runs() {
    let text = claimlens_app::SAMPLE;
    let v = view_of(text);
    let ids: Vec<String> = v.pages[0]
        .paras
        .iter()
        .flat_map(|p| p.runs.iter().filter_map(|r| r.anchor.clone()))
        .collect();
    let ov = &v.overview;
    for c in &ov.claims {
        assert!(ids.contains(&c.at.anchor), "claim {}", c.at.anchor);
    }
    for h in &ov.hedges {
        assert!(ids.contains(&h.at.anchor), "hedge {}", h.at.anchor);
    }
    for a in &ov.actors {
        assert!(ids.contains(&a.at.anchor), "actor {}", a.at.anchor);
    }
    for s in &ov.sentences {
        assert!(ids.contains(&s.anchor), "sentence {}", s.anchor);
    }
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "DOM ids are unique");
}

#[test]
fn long_texts_are_paged_and_nothing_is_lost() {
    let para = "The ministry said the plan may fail. Analysts suggest it could be delayed.\n";
    let one_line = para.trim_end().repeat(2000); // one paragraph of ~150 KB
    let cases = [
        para.repeat(2000),
        one_line,
        "x".repeat(3 * PAGE_BYTES + 7),
        "é".repeat(PAGE_BYTES),
    ];
    for text in cases {
        let v = view_of(&text);
        assert!(v.pages.len() > 1, "{} bytes in one page", text.len());
        assert_eq!(v.overview.pages as usize, v.pages.len());
        for page in &v.pages {
            let bytes: usize = page
                .paras
                .iter()
                .flat_map(|p| &p.runs)
                .map(|r| r.text.len())
                .sum();
            assert!(bytes <= PAGE_BYTES + 200, "page of {bytes} bytes");
        }
        let expected: String = text.split('\n').filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(joined(&v), expected);
        for c in &v.overview.claims {
            assert!(c.at.page < v.overview.pages);
        }
    }
}

#[test]
fn actor_colours_are_distinct_for_the_most_mentioned() {
    let text = "Iran said. Israel said. NATO said. Russia said. China said. Iran and Israel met. Iran again.";
    let ov = view_of(text).overview;
    let mut top: Vec<_> = ov.actors.iter().collect();
    top.sort_by_key(|a| std::cmp::Reverse(a.mentions));
    let colours: std::collections::HashSet<u8> = top.iter().take(5).map(|a| a.colour).collect();
    assert_eq!(colours.len(), top.len().min(5));
    assert!(ov.actors.iter().all(|a| a.colour < view::PALETTE));
}

#[test]
fn json_round_trip() {
    let out = claimlens_app::analyze_for_view(claimlens_app::SAMPLE);
    let ov: Overview = serde_json::from_str(&out.overview).unwrap();
    assert_eq!(ov.pages as usize, out.pages.len());
    let page: Page = serde_json::from_str(&out.pages[0]).unwrap();
    assert_eq!(page, view_of(claimlens_app::SAMPLE).pages[0]);
    let contract: serde_json::Value = serde_json::from_str(&out.contract).unwrap();
    assert_eq!(
        contract["actors"].as_array().unwrap().len(),
        ov.actors.len()
    );
}

#[test]
fn tooltips_say_what_and_why() {
    let ov = view_of(
        "Analysts suggest that the deal may collapse. The ministry said the talks would resume.",
    )
    .overview;
    let hedge = ov.hedges.iter().position(|h| h.text == "may").unwrap() as u32;
    assert_eq!(
        describe(None, None, 0, Some(hedge), &ov),
        vec!["hedge: modal verb"]
    );
    let claim = ov.claims.iter().position(|c| c.cue == "said").unwrap() as u32;
    let lines = describe(None, Some(claim), role::CUE, None, &ov);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with("claim cue: source "), "{lines:?}");
    assert!(lines[0].ends_with("cue “said”"), "{lines:?}");
    let vague = ov.claims.iter().position(|c| c.cue == "suggest").unwrap() as u32;
    assert!(describe(None, Some(vague), role::CONTENT, None, &ov)[0].contains("(vague)"));
    assert!(describe(None, None, 0, None, &ov).is_empty());
    assert!(
        describe(Some(999), Some(999), 1, Some(999), &ov).is_empty(),
        "unknown ids"
    );
}

#[test]
fn markdown_report_escapes_the_article() {
    // Built by hand, so the test does not depend on what the models find.
    let ov = Overview {
        actors: vec![view::ActorView {
            name: "<b>Ana</b> | Duarte".into(),
            kind: "person".into(),
            mentions: 2,
            aliases: vec!["*Ana*".into()],
            ..Default::default()
        }],
        claims: vec![view::ClaimView {
            source: Some("Ana [Duarte]".into()),
            attribution: "named".into(),
            cue: "said".into(),
            content: "the <script>deal</script> may fail: [Click](javascript:x) `now`".into(),
            ..Default::default()
        }],
        hedges: vec![view::HedgeView {
            kind: "hedge".into(),
            text: "may".into(),
            reason: "modal verb".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let md = markdown(&ov);
    assert!(md.starts_with("# claimlens report\n"));
    for section in ["## Actors (1)", "## Claims", "## Hedging"] {
        assert!(md.contains(section), "{section} in {md}");
    }
    assert!(!md.contains('<'), "no raw HTML: {md}");
    assert!(md.contains("&lt;script&gt;deal&lt;/script&gt;"), "{md}");
    assert!(
        md.contains("\\[Click\\](javascript"),
        "links are escaped: {md}"
    );
    assert!(
        md.contains("&lt;b&gt;Ana&lt;/b&gt; \\| Duarte"),
        "table cells are escaped: {md}"
    );
    assert!(md.contains("\\`now\\`"), "{md}");
    assert!(md.contains("- hedge: “may” (modal verb)"), "{md}");
}

fn analysed(id: u32, text: &str) -> Analysed {
    let out = claimlens_app::analyze_for_view(text);
    Analysed {
        id,
        overview: Shared::new(serde_json::from_str(&out.overview).unwrap()),
        pages: Shared::new(out.pages),
        contract: Shared::new(out.contract),
        ms: 1.0,
    }
}

fn apply(s: &State, a: Action) -> State {
    s.apply(a).unwrap_or_else(|| s.clone())
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
    s = apply(&s, Action::Page(pages - 1));
    assert_eq!(s.page, pages - 1);
    assert_eq!(
        s.focus.as_deref(),
        Some("article"),
        "a new page starts at the article's top"
    );
    assert!(s.take_focus);
    assert!(
        s.apply(Action::Page(pages)).is_none(),
        "out of range ignored"
    );
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
