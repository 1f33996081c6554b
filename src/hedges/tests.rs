//! Hedging layer: table-driven cases written for the project.

use super::{find, HedgeLexicon};
use crate::text::{Doc, TokenTable};
use crate::{Hedge, HedgeKind};
use std::sync::LazyLock;

use HedgeKind::{Booster as B, Condition as C, Hedge as H, Weasel as W};

static LEX: LazyLock<HedgeLexicon> = LazyLock::new(HedgeLexicon::builtin);

fn run(text: &str, lex: &HedgeLexicon) -> Vec<Hedge> {
    let doc = Doc::new(text);
    let table = TokenTable::new(&doc, true);
    find(&doc, &table, lex)
}

fn cues<'t>(text: &'t str, lex: &HedgeLexicon) -> Vec<(&'t str, HedgeKind)> {
    run(text, lex)
        .iter()
        .map(|h| (h.span.slice(text), h.kind))
        .collect()
}

fn check(cases: &[(&str, &[(&str, HedgeKind)])]) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = cues(text, &LEX);
        if got != *want {
            failures.push(format!("{text:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn hedges() {
    check(&[
        ("The storm may reach the coast by Friday.", &[("may", H)]),
        ("Talks might resume next week.", &[("might", H)]),
        ("The deal could collapse.", &[("could", H)]),
        (
            "The plant is possibly the oldest in town.",
            &[("possibly", H)],
        ),
        ("The leak is potentially dangerous.", &[("potentially", H)]),
        ("Prices are likely to rise.", &[("likely", H)]),
        ("A rally is unlikely.", &[("unlikely", H)]),
        ("The numbers suggest a slowdown.", &[("suggest", H)]),
        ("The mayor appears to have left.", &[("appears", H)]),
        ("It appears that nobody noticed.", &[("appears", H)]),
        ("The minister reportedly resigned.", &[("reportedly", H)]),
        ("The clerk allegedly took bribes.", &[("allegedly", H)]),
        ("The cause remains debated.", &[("remains debated", H)]),
        ("The envoy was non-committal.", &[("non-committal", H)]),
        ("It is unclear who fired first.", &[("unclear", H)]),
        ("Perhaps the bridge will reopen.", &[("Perhaps", H)]),
        ("The board expects sales to grow.", &[("expects", H)]),
        ("The vote is expected to pass.", &[("expected", H)]),
        ("We believe the offer is fair.", &[("believe", H)]),
        ("Analysts think the bank is weak.", &[("think", H)]),
        // An interviewer's question hedges nothing; the answer does.
        (
            "Do you think the games get little attention? I think they do.",
            &[("think", H)],
        ),
        ("He doubted any court would enforce it.", &[("doubted", H)]),
        ("I doubt that the bill will pass.", &[("doubt", H)]),
        ("There is no doubt about it.", &[("no doubt", B)]),
        ("The rope seemed frayed.", &[("seemed", H)]),
        ("Whether the dam holds is open.", &[("Whether", H)]),
        ("Nobody knows whether it works.", &[("whether", H)]),
        (
            "The spokesman declined to say if the plan was dropped.",
            &[("if", H)],
        ),
        ("Her whereabouts remain unknown.", &[("unknown", H)]),
        ("The firm estimated that costs rose.", &[("estimated", H)]),
        ("He indicated that a deal was near.", &[("indicated", H)]),
        (
            "The tower is considered the tallest in the region.",
            &[("considered", H)],
        ),
        ("The ruling was seen as a defeat.", &[("seen", H)]),
        ("It is possible that the file was lost.", &[("possible", H)]),
        ("Officials discussed a possible strike.", &[("possible", H)]),
        ("I suspect the engine failed.", &[("suspect", H)]),
        (
            "Whether it lasts remains to be seen.",
            &[("Whether", H), ("remains to be seen", H)],
        ),
        ("The rules may or may not apply.", &[("may or may not", H)]),
        ("It looks like the lights are off.", &[("looks", H)]),
        ("Residents fear the river will flood.", &[("fear", H)]),
    ]);
}

#[test]
fn boosters_and_negated_boosters() {
    check(&[
        ("The figures clearly show a drop.", &[("clearly", B)]),
        ("She was undoubtedly the best.", &[("undoubtedly", B)]),
        ("It will certainly rain.", &[("certainly", B)]),
        ("Police confirmed the arrest.", &[("confirmed", B)]),
        ("The result is certain.", &[("certain", B)]),
        ("There is no doubt about it.", &[("no doubt", B)]),
        // Negated, a booster lowers certainty.
        ("The outcome is not certain.", &[("not certain", H)]),
        ("It isn't clear who won.", &[("isn't clear", H)]),
        (
            "The date has not been confirmed.",
            &[("not been confirmed", H)],
        ),
        ("It is not certainly true.", &[("not certainly", H)]),
        ("The motive is not known.", &[("not known", H)]),
        (
            "A high price is not necessarily bad.",
            &[("not necessarily", H)],
        ),
        // "could not possibly" expresses certainty.
        (
            "The driver could not possibly have seen it.",
            &[("could not possibly", B)],
        ),
        ("They couldn't possibly win.", &[("couldn't possibly", B)]),
    ]);
}

#[test]
fn weasels() {
    check(&[
        ("Some say the tax is unfair.", &[("Some say", W)]),
        (
            "Critics argue the law goes too far.",
            &[("Critics argue", W)],
        ),
        ("It is believed the ship sank.", &[("believed", W)]),
        (
            "It is widely believed that prices will fall.",
            &[("believed", W)],
        ),
        ("Many people believe the story.", &[("believe", W)]),
        (
            "The bridge, according to some, is unsafe.",
            &[("according to some", W)],
        ),
        // A vague quantity, a plural noun and a verb of saying, beyond the
        // lexicon's fixed phrases; a verb of belief is the cue itself.
        (
            "Some fund managers say the slump is over.",
            &[("Some fund managers say", W)],
        ),
        (
            "Many residents said the clinic had closed.",
            &[("Many residents said", W)],
        ),
        ("Most economists believed the plan.", &[("believed", W)]),
        // Not a quantity of people saying something.
        ("Some roads said to be closed are open.", &[]),
        ("Many of them left.", &[]),
    ]);
}

#[test]
fn purpose_and_leave_are_not_doubt() {
    check(&[
        // A modal in a clause of purpose says what is made possible.
        (
            "The firms pooled the money so they could build the plant.",
            &[],
        ),
        ("She moved the meeting so that everyone might attend.", &[]),
        // "So" opening the sentence: a consequence, and a doubt.
        ("So the talks could fail.", &[("could", H)]),
        // Asking leave.
        ("If I may, sir, the figures are wrong.", &[]),
        ("If I may say so, the plan is late.", &[]),
        // A condition and a doubt otherwise.
        (
            "If we may lose the vote, the party splits.",
            &[("If", C), ("may", H)],
        ),
    ]);
}

#[test]
fn conditions() {
    check(&[
        ("If the rain stops, the match goes ahead.", &[("If", C)]),
        ("The strike will go on unless wages rise.", &[("unless", C)]),
        ("Stay inside even if the sirens stop.", &[("even if", C)]),
        ("He acted as if nothing had happened.", &[]),
        (
            "Loans are granted provided that the income is steady.",
            &[("provided that", C)],
        ),
        (
            "The ban holds as long as the court agrees.",
            &[("as long as", C)],
        ),
        // A duration, a means and a set phrase are no conditions.
        ("Leases run for as long as 18 years.", &[]),
        ("The law acts by providing that fees fall.", &[]),
        ("If anything, the vote was too close.", &[]),
        ("If anything happens to him, the fund pays.", &[("If", C)]),
        (
            "The bill passes provided that 60 senators vote for it.",
            &[("provided that", C)],
        ),
    ]);
}

#[test]
fn context_rules() {
    check(&[
        // May the month and May the name are not modals.
        ("The vote took place on May 20.", &[]),
        ("May 20 was a sunny day.", &[]),
        ("Theresa May spoke in the Commons.", &[]),
        ("May said the talks were over.", &[]),
        ("Prices rose in May and may rise again.", &[("may", H)]),
        ("May the best team win.", &[("May", H)]),
        // Capitalised cue words in names and titles.
        ("They laid flowers at the Tomb of the Unknown Soldier.", &[]),
        // "could not" is inability, not doubt.
        ("The pilot could not land.", &[]),
        ("The shop couldn't open.", &[]),
        // Expected as a comparison, not a prediction.
        ("Profits were higher than expected.", &[]),
        ("As expected, the bill passed.", &[]),
        ("The expected gain did not appear.", &[]),
        // Think negated or in a fixed phrase.
        ("I don't think so.", &[]),
        ("They did not think it mattered.", &[]),
        ("Think about the cost.", &[]),
        // "possible" as a degree.
        ("Finish as soon as possible.", &[]),
        ("They used the best possible parts.", &[]),
        // "potential" naming a role.
        ("The firm met potential buyers.", &[]),
        // Verbs that need a that-clause or a copula.
        ("He estimated the value at a million.", &[]),
        ("An estimated 300 people came.", &[]),
        ("She appeared on stage at nine.", &[]),
        ("Police named a suspect.", &[]),
        ("The tanker assumed the lead.", &[]),
        // Boosters in attributive use are not certainty cues.
        ("They sold certain assets.", &[]),
        ("Crews worked to clear the road.", &[]),
        // "might" as a noun.
        ("The army showed its might.", &[]),
        // "should" of duty or advice is no doubt.
        ("Visitors should see the garden.", &[]),
        ("Voters shouldn't lose their right to vote.", &[]),
        // "fear" as a noun in a list or ending a clause; "fear of" and the verb stay.
        ("It told a story of fear, but also of hope.", &[]),
        ("The film evokes fear and confusion.", &[]),
        ("Markets showed fears over the talks.", &[]),
        ("Residents fear the dam will break.", &[("fear", H)]),
        ("She left out of fear of a raid.", &[("fear", H)]),
        // Faith and insistence, not belief that something may be so.
        ("Believe me, the plan works.", &[]),
        ("They believe in what she says.", &[]),
        // Proposing, not evidence.
        ("People were asked to suggest designs for a flag.", &[]),
        (
            "Critics were quick to suggest that the poll was wrong.",
            &[("suggest", H)],
        ),
        ("That is the outcome investors fear.", &[("fear", H)]),
        ("Polls continue to suggest a close race.", &[("suggest", H)]),
        // A concession opening a sentence is no certainty.
        ("To be sure, the plan has critics.", &[]),
        ("He was sure the plan would work.", &[("sure", B)]),
        // Plain reporting is not hedging.
        ("The council approved the budget on Tuesday.", &[]),
    ]);
}

#[test]
fn reasons_are_short_labels() {
    let text = "Critics argue that the plan may fail if funds run out, and it is not certain.";
    let got = run(text, &LEX);
    let reasons: Vec<&str> = got.iter().map(|h| h.reason).collect();
    assert_eq!(
        reasons,
        [
            "weasel phrase",
            "modal verb",
            "conditional",
            "negated booster"
        ]
    );
}

#[test]
fn spans_are_ordered_disjoint_and_on_char_boundaries() {
    let text = "« Il semble » — the envoy may, perhaps, return; “it is not clear,” whether rains may come… Ünïcödé might help if so.";
    let got = run(text, &LEX);
    assert!(got.len() >= 6, "{got:?}");
    for h in &got {
        assert!(text.is_char_boundary(h.span.start) && text.is_char_boundary(h.span.end));
        assert!(h.span.start < h.span.end);
    }
    for w in got.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "{:?}", w);
    }
}

#[test]
fn user_entries() {
    let mut lex = HedgeLexicon::builtin();
    lex.add("in all probability", H);
    lex.add("it is [rumoured] abroad", W);
    assert_eq!(
        cues("In all probability the fund will close.", &lex),
        [("In all probability", H)]
    );
    assert_eq!(
        cues("It is rumoured abroad that the king is ill.", &lex),
        [("rumoured", W)]
    );
    // The built-in lexicon is unchanged.
    assert_eq!(
        cues("In all probability the fund will close.", &LEX),
        [("probability", H)]
    );
}

#[test]
fn analyzer_reports_hedges() {
    let a = crate::analyze("Officials said the deal may be delayed, but it is clearly popular.");
    let got: Vec<HedgeKind> = a.hedges.iter().map(|h| h.kind).collect();
    assert_eq!(got, [H, B]);
    let mut an = crate::Analyzer::new();
    an.add_hedge("touch and go", H);
    let b = an.analyze("The rescue was touch and go.");
    assert_eq!(b.hedges.len(), 1);
}

#[test]
fn empty_and_punctuation_only() {
    assert!(run("", &LEX).is_empty());
    assert!(run("... -- !!", &LEX).is_empty());
}
