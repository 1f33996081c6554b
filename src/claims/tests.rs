//! Table-driven tests of the claims stage on sentences written for the project.

use super::rules::find;
use super::{CueLexicon, Found};
use crate::text::{Doc, TokenTable};
use crate::Attribution;

/// One expected claim: source (None = no source), cue, content spans.
struct Want {
    source: Option<&'static str>,
    cue: &'static str,
    content: &'static [&'static str],
}

const fn w(
    source: Option<&'static str>,
    cue: &'static str,
    content: &'static [&'static str],
) -> Want {
    Want {
        source,
        cue,
        content,
    }
}

fn claims_of(text: &str) -> Vec<Found> {
    let lex = CueLexicon::builtin();
    let doc = Doc::new(text);
    let table = TokenTable::new(&doc, true);
    find(&doc, &table, &lex)
}

fn check(text: &str, wants: &[Want]) {
    let got = claims_of(text);
    let show = |c: &Found| {
        format!(
            "source={:?} cue={:?} content={:?}",
            c.source.map(|s| s.slice(text)),
            c.cue.slice(text),
            c.content.iter().map(|s| s.slice(text)).collect::<Vec<_>>()
        )
    };
    let all: Vec<String> = got.iter().map(show).collect();
    assert_eq!(
        got.len(),
        wants.len(),
        "claim count for {text:?}: got {all:#?}"
    );
    for (c, want) in got.iter().zip(wants) {
        assert_eq!(c.cue.slice(text), want.cue, "cue in {text:?}: {all:#?}");
        assert_eq!(
            c.source.map(|s| s.slice(text)),
            want.source,
            "source in {text:?}: {all:#?}"
        );
        let content: Vec<&str> = c.content.iter().map(|s| s.slice(text)).collect();
        assert_eq!(content, want.content, "content in {text:?}: {all:#?}");
    }
}

#[test]
fn indirect_speech() {
    let cases: &[(&str, &[Want])] = &[
        (
            "The mayor said that the bridge would reopen in May.",
            &[w(
                Some("The mayor"),
                "said",
                &["that the bridge would reopen in May"],
            )],
        ),
        (
            "Longtime pollster Ann Weller said turnout would be low.",
            &[w(
                Some("Longtime pollster Ann Weller"),
                "said",
                &["turnout would be low"],
            )],
        ),
        (
            "He has said the tax is unfair.",
            &[w(Some("He"), "has said", &["the tax is unfair"])],
        ),
        (
            "The union also warned that strikes could spread to the ports.",
            &[w(
                Some("The union"),
                "also warned",
                &["that strikes could spread to the ports"],
            )],
        ),
        (
            "Analysts suggest that the current plan may be a test of resolve.",
            &[w(
                Some("Analysts"),
                "suggest",
                &["that the current plan may be a test of resolve"],
            )],
        ),
        (
            "The senator told reporters that she would not run again.",
            &[w(
                Some("The senator"),
                "told",
                &["that she would not run again"],
            )],
        ),
        (
            "Governor Lena Marsh said Tuesday that the budget was balanced.",
            &[w(
                Some("Governor Lena Marsh"),
                "said",
                &["that the budget was balanced"],
            )],
        ),
        (
            "The council's statement emphasized that no decision had been taken.",
            &[w(
                Some("The council's statement"),
                "emphasized",
                &["that no decision had been taken"],
            )],
        ),
        (
            "The ministry’s remarks suggest that talks may resume.",
            &[w(
                Some("The ministry’s remarks"),
                "suggest",
                &["that talks may resume"],
            )],
        ),
        (
            "Officials who attended the meeting said the vote was close.",
            &[w(
                Some("Officials who attended the meeting"),
                "said",
                &["the vote was close"],
            )],
        ),
    ];
    for (text, wants) in cases {
        check(text, wants);
    }
}

#[test]
fn appositives_and_titles() {
    let cases: &[(&str, &[Want])] = &[
        (
            "Maria Vance, a spokeswoman for the port authority, said the cranes were idle.",
            &[w(
                Some("Maria Vance, a spokeswoman for the port authority,"),
                "said",
                &["the cranes were idle"],
            )],
        ),
        (
            "Rep. Tom Alder (D-Ore.) said the bill was dead.",
            &[w(
                Some("Rep. Tom Alder (D-Ore.)"),
                "said",
                &["the bill was dead"],
            )],
        ),
        (
            "\"We will appeal,\" said Dana Fox, the lawyer for the growers.",
            &[w(
                Some("Dana Fox, the lawyer for the growers"),
                "said",
                &["\"We will appeal,\""],
            )],
        ),
        (
            "Kim Ortega, speaking at a rally in Dayton, said the plant would stay open.",
            &[w(
                Some("Kim Ortega"),
                "said",
                &["the plant would stay open"],
            )],
        ),
    ];
    for (text, wants) in cases {
        check(text, wants);
    }
}

#[test]
fn direct_quotes() {
    let cases: &[(&str, &[Want])] = &[
        (
            "“The river is rising fast,” the engineer said.",
            &[w(
                Some("the engineer"),
                "said",
                &["“The river is rising fast,”"],
            )],
        ),
        (
            "“We are ready,” said Coach Ray Dunn.",
            &[w(Some("Coach Ray Dunn"), "said", &["“We are ready,”"])],
        ),
        (
            "She said: “Nobody asked us.”",
            &[w(Some("She"), "said:", &["“Nobody asked us.”"])],
        ),
        (
            "\"Prices went up,\" he said. \"People noticed.\"",
            &[w(
                Some("he"),
                "said",
                &["\"Prices went up,\"", "\"People noticed.\""],
            )],
        ),
        (
            "“First we fix the roads,” she said, “then we talk about parks.”",
            &[w(
                Some("she"),
                "said",
                &["“First we fix the roads,”", "“then we talk about parks.”"],
            )],
        ),
        (
            "“The plan is sound. It is also cheap. We should adopt it,” the auditor wrote.",
            &[w(
                Some("the auditor"),
                "wrote",
                &["“The plan is sound. It is also cheap. We should adopt it,”"],
            )],
        ),
        (
            "“We saw the water come in.\n\nThen the power went out,” a resident recalled.",
            &[w(
                Some("a resident"),
                "recalled",
                &["“We saw the water come in.\n\nThen the power went out,”"],
            )],
        ),
        (
            "The storm is over, the forecaster said.",
            &[w(Some("the forecaster"), "said", &["The storm is over"])],
        ),
    ];
    for (text, wants) in cases {
        check(text, wants);
    }
}

#[test]
fn according_to() {
    let cases: &[(&str, &[Want])] = &[
        (
            "According to Rivernews, a regional news site, the dam was breached overnight.",
            &[w(
                Some("Rivernews"),
                "According to",
                &["the dam was breached overnight"],
            )],
        ),
        (
            "The fleet has left port, according to a recent statement by the Naval Office, the coastal command.",
            &[w(
                Some("a recent statement by the Naval Office"),
                "according to",
                &["The fleet has left port"],
            )],
        ),
        (
            "Sales fell by a third according to the trade group.",
            &[w(
                Some("the trade group"),
                "according to",
                &["Sales fell by a third"],
            )],
        ),
        (
            "Experts suggest that rates may fall, according to the central bank.",
            &[w(
                Some("the central bank"),
                "according to",
                &["Experts suggest that rates may fall"],
            )],
        ),
        (
            "Meanwhile, the ferry service has resumed, according to the harbor office.",
            &[w(
                Some("the harbor office"),
                "according to",
                &["the ferry service has resumed"],
            )],
        ),
    ];
    for (text, wants) in cases {
        check(text, wants);
    }
}

#[test]
fn participles_and_coordination() {
    let cases: &[(&str, &[Want])] = &[
        (
            "The company raised prices, saying that demand had collapsed.",
            &[w(
                Some("The company"),
                "saying",
                &["that demand had collapsed"],
            )],
        ),
        (
            "Farmers protested in the capital, with experts noting that yields had fallen.",
            &[w(Some("experts"), "noting", &["that yields had fallen"])],
        ),
        (
            "Ms. Grant left the room and said the talks were over.",
            &[w(Some("Ms. Grant"), "said", &["the talks were over"])],
        ),
    ];
    for (text, wants) in cases {
        check(text, wants);
    }
}

#[test]
fn passives_have_no_source() {
    let cases: &[(&str, &[Want])] = &[
        (
            "It was reported that the border had closed.",
            &[w(None, "was reported", &["that the border had closed"])],
        ),
        (
            "It is said that the old mill is haunted.",
            &[w(None, "is said", &["that the old mill is haunted"])],
        ),
    ];
    for (text, wants) in cases {
        check(text, wants);
    }
}

/// Issue 13: quoted words credited with "in the words of X", and passives whose agent
/// after "by" says what the "that" clause holds.
#[test]
fn words_of_and_passive_agents() {
    let cases: &[(&str, &[Want])] = &[
        (
            "In the words of the Crown prosecutor, Jane Roe, “the accused showed no remorse.”",
            &[w(
                Some("the Crown prosecutor, Jane Roe"),
                "In the words of",
                &["“the accused showed no remorse.”"],
            )],
        ),
        (
            "In the words of one farmer, “the harvest came too late.”",
            &[w(
                Some("one farmer"),
                "In the words of",
                &["“the harvest came too late.”"],
            )],
        ),
        (
            "“The harvest came too late,” in the words of one farmer.",
            &[w(
                Some("one farmer"),
                "in the words of",
                &["“The harvest came too late,”"],
            )],
        ),
        (
            "The chef dislikes “shortcuts,” in the words of one cook, and keeps to old recipes.",
            &[w(Some("one cook"), "in the words of", &["“shortcuts,”"])],
        ),
        (
            "The mayor was, in the words of one aide, “the last to know” about the deal.",
            &[w(
                Some("one aide"),
                "in the words of",
                &["“the last to know” about the deal"],
            )],
        ),
        (
            "It is asserted by the Crown that the accused fled the scene.",
            &[w(
                Some("the Crown"),
                "is asserted",
                &["that the accused fled the scene"],
            )],
        ),
        (
            "It was claimed by the ministry that prices would rise.",
            &[w(
                Some("the ministry"),
                "was claimed",
                &["that prices would rise"],
            )],
        ),
        (
            "She was told by officials that the road would close.",
            &[w(
                Some("officials"),
                "was told",
                &["that the road would close"],
            )],
        ),
        (
            "The crew was warned by the harbor master on Monday that a storm was coming.",
            &[w(
                Some("the harbor master"),
                "was warned",
                &["that a storm was coming"],
            )],
        ),
    ];
    for (text, wants) in cases {
        check(text, wants);
    }
}

#[test]
fn headlines_and_signatures() {
    let cases: &[(&str, &[Want])] = &[
        (
            "Weller: Turnout Will Break Records\n\nThe pollster spoke on Monday.",
            &[w(Some("Weller"), ":", &["Turnout Will Break Records"])],
        ),
        (
            "Readers wrote in.\n“The bus never comes on time.” ― Paula Diaz\n“Fix the lights.” ― Omar Reyes",
            &[
                w(Some("Paula Diaz"), "―", &["“The bus never comes on time.”"]),
                w(Some("Omar Reyes"), "―", &["“Fix the lights.”"]),
            ],
        ),
    ];
    for (text, wants) in cases {
        check(text, wants);
    }
}

#[test]
fn negatives() {
    let none: &[&str] = &[
        "The said company was sold in 1998.",
        "The work went according to plan.",
        "Everything proceeded according to schedule.",
        "A list of items is below: chairs, tables and lamps.",
        "The committee met on Tuesday.",
        "The valley has long been characterized by dry summers.",
        "Readers wrote in.",
        // Whose words by allusion only: no quotation.
        "In the words of the song, love is all you need.",
        // "by" and a relative clause: no agent of a report.
        "He was hit by a car that had run a red light.",
        "The plan was backed by a group that had lobbied for years.",
        "",
    ];
    for text in none {
        let got = claims_of(text);
        assert!(got.is_empty(), "no claim expected in {text:?}, got {got:?}");
    }
}

#[test]
fn several_claims_in_order() {
    let text = "“Rents are too high,” the tenant said. The landlord replied that costs had risen. \
                According to the city, inspections are overdue.";
    let got = claims_of(text);
    let cues: Vec<&str> = got.iter().map(|c| c.cue.slice(text)).collect();
    assert_eq!(cues, ["said", "replied", "According to"]);
}

#[test]
fn spans_stay_on_char_boundaries() {
    let text = "«Ça va», a dit Zoë. “Der Plan ist gut,” sagte er — “Café ☕ open,” she said.\n\n\
                “Unclosed quote runs on, said nobody";
    for c in claims_of(text) {
        let mut spans = vec![c.cue];
        spans.extend(c.source);
        spans.extend(c.content.iter().copied());
        for s in spans {
            assert!(s.start <= s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}

#[test]
fn user_cues() {
    let text = "The minister opined that the tariffs were a mistake.";
    assert!(claims_of(text).is_empty());
    let mut lex = CueLexicon::builtin();
    lex.add("opined");
    let doc = Doc::new(text);
    let table = TokenTable::new(&doc, true);
    let got = find(&doc, &table, &lex);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].cue.slice(text), "opined");
    assert_eq!(got[0].source.map(|s| s.slice(text)), Some("The minister"));
}

/// The analyzer's claims: the learned tagger reading the rules' claims as features.
#[test]
fn learned_layer_on_plain_reports() {
    let cases: &[(&str, &[Want])] = &[
        (
            "The mayor said that the bridge would reopen in May.",
            &[w(
                Some("The mayor"),
                "said",
                &["that the bridge would reopen in May"],
            )],
        ),
        (
            "“We will not raise taxes,” the governor told reporters on Tuesday.",
            &[w(
                Some("the governor"),
                "told",
                &["“We will not raise taxes,”"],
            )],
        ),
        (
            "According to the ministry, the talks will resume next week.",
            &[w(
                Some("the ministry"),
                "According to",
                &["the talks will resume next week"],
            )],
        ),
        (
            "The company announced that it would close two plants.",
            &[w(
                Some("The company"),
                "announced",
                &["that it would close two plants"],
            )],
        ),
    ];
    for (text, wants) in cases {
        let got = crate::analyze(text).claims;
        assert_eq!(got.len(), wants.len(), "claims in {text:?}: {got:?}");
        for (c, want) in got.iter().zip(wants.iter()) {
            assert_eq!(c.cue.slice(text), want.cue, "cue in {text:?}");
            assert_eq!(
                c.source.map(|s| s.slice(text)),
                want.source,
                "source in {text:?}"
            );
            let content: Vec<&str> = c.content.iter().map(|s| s.slice(text)).collect();
            assert_eq!(content, want.content, "content in {text:?}");
        }
    }
}

/// Rule claims the tagger leaves untagged are kept: with a tagger that tags
/// nothing, the learned layer returns the rules' claims, a cue added at run
/// time included.
#[cfg(feature = "training")]
#[test]
fn rule_claims_survive_an_empty_tagger() {
    use super::tagger;
    use crate::model::{Decoder, Trainer};
    let labels = tagger::LABELS.iter().map(|s| s.to_string()).collect();
    let empty = Trainer::with_decoder(labels, 8, Decoder::Viterbi).finish();
    let mut lex = CueLexicon::builtin();
    lex.add("zorbled");
    let texts = [
        "The inspector zorbled that the pipes were rusty.",
        "“Nothing works,” the mayor said on Friday.",
        "According to the agency, prices rose.",
    ];
    for text in texts {
        let doc = Doc::new(text);
        let table = TokenTable::new(&doc, true);
        let rules = find(&doc, &table, &lex);
        assert!(!rules.is_empty(), "{text}");
        let got = tagger::find(&doc, &table, &lex, &empty, &rules);
        assert_eq!(got, rules, "{text}");
    }
}

/// A cue added at run time yields its claim through the analyzer.
#[test]
fn added_cue_reaches_the_analysis() {
    let text = "The inspector zorbled that the pipes were rusty.";
    let mut a = crate::Analyzer::new();
    a.add_cue("zorbled");
    let got = a.analyze(text);
    assert!(
        got.claims.iter().any(|c| c.cue.slice(text) == "zorbled"
            && c.source.map(|s| s.slice(text)) == Some("The inspector")),
        "{:?}",
        got.claims
    );
}

/// A content span joins a cue of its own sentence, even when a cue of the next
/// sentence is fewer tokens away ("told reporters in Oslo that …").
#[test]
fn content_stays_with_the_cue_of_its_sentence() {
    let cases = [
        (
            "Maria Lind told reporters in Oslo that the deal was nearly finished. Analysts suggest the krone could fall.",
            [("told", "that the deal was nearly finished"), ("suggest", "the krone could fall")],
        ),
        (
            "The minister told lawmakers on Tuesday that the budget would pass. Economists argue the deficit may grow.",
            [("told", "that the budget would pass"), ("argue", "the deficit may grow")],
        ),
    ];
    for (text, wants) in cases {
        let claims = crate::analyze(text).claims;
        for (cue, content) in wants {
            let c = claims
                .iter()
                .find(|c| c.cue.slice(text) == cue)
                .unwrap_or_else(|| panic!("cue {cue:?} in {text:?}: {claims:?}"));
            let got: Vec<&str> = c.content.iter().map(|s| s.slice(text)).collect();
            assert_eq!(got, vec![content], "{text}");
        }
    }
}

/// "According to X," at the very end of the text: the appositive check must
/// not read past the last token (it panicked).
#[test]
fn according_to_at_the_end_of_the_text() {
    for text in [
        "According to Reuters ,",
        "According to Reuters,",
        "according to the agency ,",
    ] {
        let a = crate::analyze(text);
        assert!(a.claims.iter().all(|c| c.cue.end <= text.len()), "{text}");
    }
}

/// A source-less claim is kept only when its cue reads as a report: with a
/// toy tagger that tags every "reported" and "characterized" as a cue and
/// what follows as content, "it was reported that…" stays a claim, while
/// "…characterized by…" (a description whose "by" names no source) does not.
#[cfg(feature = "training")]
#[test]
fn sourceless_passive_with_by_is_not_a_claim() {
    use super::tagger::{self, ClaimFeatures};
    use crate::model::{Decoder, Sequence, Trainer};
    let labels = tagger::LABELS.iter().map(|s| s.to_string()).collect();
    let mut trainer = Trainer::with_decoder(labels, 12, Decoder::Viterbi);
    let lex = CueLexicon::builtin();
    // (text, label of each token): cue = 3, content = 5/6, other = 0.
    let gold = |text: &str| -> (Sequence, Vec<usize>) {
        let doc = Doc::new(text);
        let table = TokenTable::new(&doc, true);
        let cf = ClaimFeatures::new(&doc, &table, &lex, &[]);
        let mut seq = Sequence::default();
        tagger::features(&cf, 0, doc.tokens.len(), &mut seq);
        let mut tags = vec![0; doc.tokens.len()];
        let mut after = false;
        for (i, t) in tags.iter_mut().enumerate() {
            let word = table.norm(i);
            if word == "reported" || word == "characterized" {
                *t = 3;
                after = true;
            } else if after && word != "." {
                *t = if tags_start(&table, i) { 5 } else { 6 };
            }
        }
        (seq, tags)
    };
    fn tags_start(table: &TokenTable, i: usize) -> bool {
        i > 0 && (table.norm(i - 1) == "reported" || table.norm(i - 1) == "characterized")
    }
    let train = [
        "It was reported that the dam leaked.",
        "The era was characterized by long droughts.",
        "It was widely reported that the mill closed.",
        "The decade was characterized by strikes.",
    ];
    let examples: Vec<_> = train.iter().map(|t| gold(t)).collect();
    for _ in 0..20 {
        for (seq, tags) in &examples {
            trainer.learn_viterbi(seq, tags);
        }
    }
    let model = trainer.finish();
    let claims = |text: &str| {
        let doc = Doc::new(text);
        let table = TokenTable::new(&doc, true);
        tagger::find(&doc, &table, &lex, &model, &[])
            .into_iter()
            .map(|c| c.cue.slice(text).to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(claims("It was reported that the dam leaked."), ["reported"]);
    assert_eq!(
        claims("The era was characterized by long droughts."),
        Vec::<String>::new()
    );
}

/// What the analyzer adds on top of either claims layer: impersonal passives
/// as claims without a source, a source shared by a coordinated or
/// participial cue, and "the association" linked to the organisation named
/// before. Each row: text, cue, expected source (None: no source), expected
/// actor name of the claim (None: no actor).
#[test]
fn analyzer_claims_after_the_layers() {
    let rows: &[(&str, &str, Option<&str>, Option<&str>)] = &[
        (
            "It is widely believed that the mayor will resign.",
            "is widely believed",
            None,
            None,
        ),
        (
            "It was thought that fewer than 200 of the birds remained.",
            "was thought",
            None,
            None,
        ),
        (
            "The Northern Growers Association said in a statement that prices were too low \
             and warned that some farms might close.",
            "warned",
            Some("The Northern Growers Association"),
            Some("Northern Growers Association"),
        ),
        (
            "Union leader Ana Moretti rejected the offer, telling reporters that it was an insult.",
            "telling",
            Some("Union leader Ana Moretti"),
            Some("Ana Moretti"),
        ),
        (
            "The plan was drawn up by the Lakeside Tenants Association. \
             The association said that rents had doubled.",
            "said",
            Some("The association"),
            Some("Lakeside Tenants Association"),
        ),
    ];
    for &(text, cue, source, actor) in rows {
        let a = crate::analyze(text);
        let Some(c) = a.claims.iter().find(|c| c.cue.slice(text) == cue) else {
            panic!("no claim with cue {cue:?} in {text:?}: {:?}", a.claims);
        };
        assert_eq!(
            c.source.map(|s| s.slice(text)),
            source,
            "source in {text:?}"
        );
        let name = c.actor.map(|id| a.actors[id].name.as_str());
        assert_eq!(name, actor, "actor in {text:?}");
        let want = if source.is_some() {
            Attribution::Named
        } else {
            Attribution::None
        };
        assert_eq!(c.attribution, want, "attribution in {text:?}");
    }
}

/// Impersonal claims next to other claims: a claim of another sentence keeps
/// its own content and is not dropped, two impersonal claims in one sentence
/// split it, and content another claim took from inside an impersonal claim
/// moves to it. Each row: text, then (cue, content) of every claim in order.
#[test]
fn impersonal_claims_beside_others() {
    type Row = (
        &'static str,
        &'static [(&'static str, &'static [&'static str])],
    );
    let rows: &[Row] = &[
        (
            "It is widely believed that prices will rise.",
            &[("is widely believed", &["prices will rise"])],
        ),
        (
            "Prices will rise, officials said. It is widely believed that the mayor will \
             resign, and it is thought that he knows.",
            &[
                ("said", &["Prices will rise"]),
                ("is widely believed", &["the mayor will resign"]),
                ("is thought", &["he knows"]),
            ],
        ),
    ];
    for &(text, wants) in rows {
        let got = crate::analyze(text).claims;
        let show: Vec<(&str, Vec<&str>)> = got
            .iter()
            .map(|c| {
                let content = c.content.iter().map(|s| s.slice(text)).collect();
                (c.cue.slice(text), content)
            })
            .collect();
        let want: Vec<(&str, Vec<&str>)> = wants.iter().map(|(c, x)| (*c, x.to_vec())).collect();
        assert_eq!(show, want, "claims in {text:?}");
    }
    // A claim of another sentence stays (a claim with nothing said, "Officials
    // said.", is dropped by `refine`).
    let text = "Officials said the roads were shut. It is widely believed that prices will rise.";
    let cues: Vec<&str> = crate::analyze(text)
        .claims
        .iter()
        .map(|c| c.cue.slice(text))
        .collect();
    assert!(cues.contains(&"said"), "{cues:?}");
    assert!(cues.contains(&"is widely believed"), "{cues:?}");
}

/// The constructions of issue 13 through the whole analysis (rules, tagger,
/// refinement): (text, [(source, cue, contents)]).
#[test]
fn issue_13_constructions_read_right() {
    type Row<'a> = (&'a str, &'a [(Option<&'a str>, &'a str, &'a [&'a str])]);
    #[rustfmt::skip]
    let rows: &[Row] = &[
        ("President Ana Ruiz on Tuesday accused the mining company of hiding the spill.",
         &[(Some("President Ana Ruiz"), "accused", &["the mining company of hiding the spill"])]),
        ("“Will the plant close?” asked council member Tom Baker.",
         &[(Some("council member Tom Baker"), "asked", &["“Will the plant close?”"])]),
        ("“Amazing,” responded the coach.",
         &[(Some("the coach"), "responded", &["“Amazing,”"])]),
        ("The budget is a disgrace, the senator responded.",
         &[(Some("the senator"), "responded", &["The budget is a disgrace"])]),
        ("An investigation by The Ledger found that the mayor had hidden the payments.",
         &[(Some("An investigation by The Ledger"), "found",
            &["that the mayor had hidden the payments"])]),
        ("The ministry's statement emphasized that the border would stay open.",
         &[(Some("The ministry's statement"), "emphasized",
            &["that the border would stay open"])]),
        ("“The talks are over,” said the minister.",
         &[(Some("the minister"), "said", &["“The talks are over,”"])]),
        ("The officers were told by the chief that the case was closed.",
         &[(Some("the chief"), "were told", &["that the case was closed"])]),
        ("The influential US daily wrote that the deal was dead.",
         &[(Some("The influential US daily"), "wrote", &["that the deal was dead"])]),
        ("The union said the strike would go on and warned that talks had failed.",
         &[(Some("The union"), "said", &["the strike would go on"]),
           (Some("The union"), "warned", &["that talks had failed"])]),
        ("Only a third of the members agreed that the fee was fair.",
         &[(Some("Only a third of the members"), "agreed", &["that the fee was fair"])]),
        // A relative pronoun after the source opens a clause of its own; "many of whom" is
        // the source itself.
        ("Rents would rise under the plan, according to a study by Ana Ferreira, a housing \
          economist at Lakeside University, whose figures the city disputes.",
         &[(Some("a study by Ana Ferreira, a housing economist at Lakeside University,"),
            "according to", &["Rents would rise under the plan"])]),
        // A content cut by its own attribution between commas runs on after it.
        ("The museum, Mr. Baker said, celebrated several of his heroes.",
         &[(Some("Mr. Baker"), "said", &["The museum", "celebrated several of his heroes"])]),
        // Where it was said is neither content nor source.
        ("Taxes would rise by 8.9 percent, the agency said in a June report.",
         &[(Some("the agency"), "said", &["Taxes would rise by 8.9 percent"])]),
        // The name after an object's "that" is who speaks; not when words follow the name.
        ("Nine people were hurt in a blast that Mayor Ana de Costa described as “an \
          intentional act.”",
         &[(Some("Mayor Ana de Costa"), "described", &["as “an intentional act.”"])]),
        // An inverted report before a colon: the verb is the cue, the name the source.
        ("The mayor disagreed. Said Dana Roe: “The bridge stays shut.”",
         &[(Some("Dana Roe"), "Said", &["“The bridge stays shut.”"])]),
        // "the WHO" is a name, not a relative pronoun; an aside after the attribution is no
        // content.
        ("The virus is spreading fast, the WHO said.",
         &[(Some("the WHO"), "said", &["The virus is spreading fast"])]),
        ("The deal is dead, a senior official said, speaking on condition of anonymity.",
         &[(Some("a senior official"), "said", &["The deal is dead"])]),
        // Nothing said: "Only" is no content.
        ("Only 40 percent of voters agreed.", &[]),
        // A signature after a quote: one claim, not also the name read as
        // source ("Marta") and cue ("Quiroga").
        ("“He never answers a question without scaring people first. And he is obsessed \
          with walls.” ― Marta Quiroga\n“Mostly he promotes fear.” ― Luis Bermudez",
         &[(Some("Marta Quiroga"), "―",
            &["“He never answers a question without scaring people first. And he is obsessed \
               with walls.”"]),
           (Some("Luis Bermudez"), "―", &["“Mostly he promotes fear.”"])]),
        // The source's own source is an aside, in neither the source nor the content.
        ("According to the Lakeside Herald, quoting the city's fire chief (Dana Roe), the \
          bridge will stay closed.",
         &[(Some("the Lakeside Herald"), "According to", &["the bridge will stay closed"])]),
        // A passive of reporting: its subject is what was reported, with no source.
        ("Two deaths were reported on Monday.",
         &[(None, "were reported", &["Two deaths"])]),
        // Naming and convening are not saying.
        ("The fund, called Green Harbor, pays farmers to plant trees.", &[]),
        ("The mill was sold to a man named Tom Rell in 1990.", &[]),
        ("The council called an emergency meeting on Monday.", &[]),
        ("The mayor called a meeting.", &[]),
        ("Critics called the plan “reckless.”",
         &[(Some("Critics"), "called", &["the plan “reckless.”"])]),
        // One claim, not two alike.
        ("The First Amendment was cited by the Supreme Court.",
         &[(Some("the Supreme Court"), "was cited", &["The First Amendment"])]),
        // "that," and an aside: the content runs on to what "that" introduces.
        ("Ms. Okafor also told the court that, over the last five months of his life, \"the boy \
          's hunger played a devastating role in his health and it is asserted by the state that \
          both his parents knew this.\"",
         &[(Some("Ms. Okafor"), "also told",
            &["that, over the last five months of his life, \"the boy 's hunger played a \
               devastating role in his health and it is asserted by the state that both his \
               parents knew this.\""])]),
        // Quoted words credited with "in the words of", a passive's agent (issue 13).
        ("In the words of the Crown prosecutor, Jane Roe, “the accused showed no remorse.”",
         &[(Some("the Crown prosecutor, Jane Roe"), "In the words of",
            &["“the accused showed no remorse.”"])]),
        ("“The harvest came too late,” in the words of one farmer.",
         &[(Some("one farmer"), "in the words of", &["“The harvest came too late,”"])]),
        ("The mayor was, in the words of one aide, “the last to know” about the deal.",
         &[(Some("one aide"), "in the words of", &["“the last to know” about the deal"])]),
        ("It is asserted by the Crown that the accused fled the scene.",
         &[(Some("the Crown"), "is asserted", &["that the accused fled the scene"])]),
        ("It was claimed by the ministry that the figures were accurate.",
         &[(Some("the ministry"), "was claimed", &["that the figures were accurate"])]),
        ("She was told by officials that the road would close.",
         &[(Some("officials"), "was told", &["that the road would close"])]),
        // One claim, its source the whole agent (not also "the harbor").
        ("The crew was warned by the harbor master on Monday that a storm was coming.",
         &[(Some("the harbor master"), "was warned", &["that a storm was coming"])]),
        // No quotation, no claim; "by" and a relative clause name no agent of a report.
        ("In the words of the song, love is all you need.", &[]),
        ("He was hit by a car that had run a red light.", &[]),
        ("It was reported by a newspaper that has since closed.", &[]),
        // A contracted auxiliary is no part of the source; an appositive's closing comma is.
        ("I've said the plan will fail, and they’ve argued it will not.",
         &[(Some("I"), "said", &["the plan will fail"]),
           (Some("they"), "argued", &["it will not"])]),
        ("Dana Roe, a city engineer, said the bridge was unsafe.",
         &[(Some("Dana Roe, a city engineer,"), "said", &["the bridge was unsafe"])]),
        // Not claims: a passive's agent alone, merit credited.
        ("The curfew was introduced in 1970. It was first declared by Mayor Ana Ruiz.", &[]),
        ("Crime fell sharply, much of which can be credited to the new laws.", &[]),
        ("It is worth noting that the mill closed in May.", &[]),
        // Not claims: a worry, a name.
        ("She was already worried about money.", &[]),
        ("The village is called Alder Creek.", &[]),
        ("The mine stood near a stream called Heron Wash.", &[]),
        // No phantom claim: nothing is said.
        ("He wrote.", &[]),
        // A supposition: nobody says it.
        ("SAVE A QUARTER Let's say you think a degree will cost $160,000.", &[]),
        ("Let us say the rate stays at 5 percent. Let’s say it falls.", &[]),
        // A reporting verb's cue leaves out the preposition after it, and what it opens is no
        // content; a phrasal cue keeps it.
        ("“She just made it up,” Ms. Ortega said of the claim during a call with reporters.",
         &[(Some("Ms. Ortega"), "said", &["“She just made it up,”"])]),
        ("The mayor called on the council to reopen the library.",
         &[(Some("The mayor"), "called on", &["the council to reopen the library"])]),
        // A quotation that is a whole sentence after its speaker's claim, in the same
        // paragraph and with no cue of its own, goes on the speaker's words.
        ("“We have lost,” Mr. Dorn said, holding back tears. “And I respect their decision.”",
         &[(Some("Mr. Dorn"), "said",
            &["“We have lost,”", "“And I respect their decision.”"])]),
        ("“Subpoenas are not optional,” Chairman Mark Lund said after the vote.\n\n“Ms. Ruiz \
          is a crucial witness in this inquiry.”",
         &[(Some("Chairman Mark Lund"), "said", &["“Subpoenas are not optional,”"])]),
        // A question put to "you" is no claim of the one asked.
        ("Why do you think the games get so little attention in Canada?\n\nI think \
          coverage will grow.",
         &[(Some("I"), "think", &["coverage will grow"])]),
        // A preposition left at the end of a clause is no content, and its verb no cue.
        ("Lund skipped the second hearing she was formally called to in the past two weeks.",
         &[]),
        // But a preposition that opens a phrase of the content is kept.
        ("The mayor said for at least a decade the mill had polluted the river.",
         &[(Some("The mayor"), "said", &["for at least a decade the mill had polluted the river"])]),
        ("She asked for $5 million to rebuild the bridge.",
         &[(Some("She"), "asked", &["for $5 million to rebuild the bridge"])]),
        // Other senses of cue words (lexicons/not_cues.tsv): appearing, continuing, finding.
        // Not when something is said all the same (a quotation before the cue, a "that"
        // clause, a reporting verb later in the cue).
        ("The senator continued to insist that the plan would fail.",
         &[(Some("The senator"), "continued to insist", &["that the plan would fail"])]),
        ("“We are not done,” she added to applause.",
         &[(Some("she"), "added", &["“We are not done,”"])]),
        ("Reuters reported from documents it obtained that the bank had lied.",
         &[(Some("Reuters"), "reported", &["that the bank had lied"])]),
        ("Nearly 9,000 voters showed up at the fairground in Millbrook to hear the mayor.", &[]),
        ("The governor appeared on a morning radio show in Dover on Friday.", &[]),
        ("After the flood, the Harlans continued to shun the new levee on the river.", &[]),
        ("The reporter Ana Ruiz found herself unable to leave the town hall.", &[]),
        // "turn to" is going to someone, not saying (the relative pronoun is the source of
        // the report after it, as PolNeAR marks it).
        ("To settle it, they turned to the city police, which reported 2,500 shootings.",
         &[(Some("which"), "reported", &["2,500 shootings"])]),
        ("Sensitive Canadian document found on rainy streets\n\nA sensitive government \
          document was found wet on an Ottawa street by a passer-by, officials said.",
         &[(Some("officials"), "said",
            &["A sensitive government document was found wet on an Ottawa street by a passer-by"])]),
        // A colon ends the paragraph and the quotation fills the next one.
        ("The mayor spoke after the vote. She said:\n\n“We will rebuild the bridge. It will \
          take two years.”\n\nThe council adjourned.",
         &[(Some("She"), "said:", &["“We will rebuild the bridge. It will take two years.”"])]),
        // A report inside a report: the paper's claim is what the professor said.
        ("The first meeting is set for May 16.  According to the Lakeside Herald, Professor \
          Ann Marsh, the chairman of the panel, said the flag had never been open to public \
          choice.",
         &[(Some("the Lakeside Herald"), "According to",
            &["Professor Ann Marsh, the chairman of the panel, said the flag had never been open \
               to public choice"]),
           (Some("Professor Ann Marsh, the chairman of the panel"), "said",
            &["the flag had never been open to public choice"])]),
        // An adverbial after the source's name is no part of the source.
        ("“The city is safe,” said Chief Dana Roe, on her first full day as commissioner.",
         &[(Some("Chief Dana Roe"), "said", &["“The city is safe,”"])]),
        ("Karen Janes, 67, of Exeter, in an interview on Monday, said she was convinced.",
         &[(Some("Karen Janes, 67, of Exeter"), "said", &["she was convinced"])]),
        // "reports" is a verb after a name or a pronoun, a noun after anything else.
        ("The New York Ledger reports that the plant will close.",
         &[(Some("The New York Ledger"), "reports", &["that the plant will close"])]),
        ("Wages rose by a tenth, The Valley Journal reports.",
         &[(Some("The Valley Journal"), "reports", &["Wages rose by a tenth"])]),
        ("She reports that the plant will close.",
         &[(Some("She"), "reports", &["that the plant will close"])]),
        ("It reports earnings on Thursday.", &[]),
        ("The Pentagon reports were leaked.", &[]),
        ("Initial reports of the fire came from neighbours.", &[]),
        ("Recent reports of a fire were wrong.", &[]),
        ("Reuters reports that the plant will close.",
         &[(Some("Reuters"), "reports", &["that the plant will close"])]),
        // "By" and a deed: how the subject acted, not what was said; but "by saying" says.
        ("The governor responded by using the example of the flooded town.", &[]),
        ("The governor responded by saying that the town would be rebuilt.",
         &[(Some("The governor"), "responded by saying", &["that the town would be rebuilt"])]),
        // A transcript: each speaker's label is the source, the colon the cue, the
        // paragraph (and the quoted paragraphs after it with no label) the content.
        ("The interview, in part:\n\n\"HOLT: Will the plant close? Tell us.\n\n\"VIDEO: A clip \
          plays.\n\n\"MAYOR RUIZ: No. It stays open.\n\n\"We have the money.\n\n\"HOLT: Good.\n\n\
          \"RUIZ: Thank you.\n\n\"Follow the mayor on Twitter.\n",
         &[(Some("HOLT"), ":", &["Will the plant close? Tell us."]),
           (Some("MAYOR RUIZ"), ":", &["No. It stays open.", "We have the money."]),
           (Some("HOLT"), ":", &["Good."]),
           (Some("RUIZ"), ":", &["Thank you."])]),
        // A headline's label is its speaker, unless it is a series' or a shout's.
        ("Ruiz: Storm closes the coastal highway\n\nThe road stays shut.\n",
         &[(Some("Ruiz"), ":", &["Storm closes the coastal highway"])]),
        ("The Latest: Storm closes the coastal highway\n\nThe road stays shut.\n", &[]),
        ("BREAKING: Storm closes the coastal highway\n\nThe road stays shut.\n", &[]),
        // Turns not in quotation marks take no quoted paragraph after them, whose own
        // attribution is the writer's; a turn that is only a closing mark has no content.
        ("The mayor spoke on the radio.\n\nHOLT: Will it close?\n\nRUIZ: No.\n\n\"It stays,\" she told the crowd.\n\nHOLT: Good.\n\n\
          RUIZ: ”\n",
         &[(Some("HOLT"), ":", &["Will it close?"]),
           (Some("RUIZ"), ":", &["No."]),
           (Some("she"), "told", &["\"It stays,\""]),
           (Some("HOLT"), ":", &["Good."])]),
        // A heading, and a list of fields, are no speakers.
        ("CORRECTION: An earlier version gave the wrong date.\n\nThe plant will close.\n", &[]),
        ("The bond sale.\nISSUER: Bay County\nAMOUNT: 1,200,000\nDATE: 09/05/96\nAGENT: City \
          Bank\n", &[]),
    ];
    for &(text, wants) in rows {
        let got: Vec<(Option<&str>, &str, Vec<&str>)> = crate::analyze(text)
            .claims
            .iter()
            .map(|c| {
                (
                    c.source.map(|s| s.slice(text)),
                    c.cue.slice(text),
                    c.content.iter().map(|s| s.slice(text)).collect(),
                )
            })
            .collect();
        let want: Vec<(Option<&str>, &str, Vec<&str>)> =
            wants.iter().map(|&(s, c, x)| (s, c, x.to_vec())).collect();
        assert_eq!(got, want, "claims in {text:?}");
    }
}

/// One cue with one content is one claim: the source nearest the cue is kept, a claim with
/// no source takes the other's, and claims that differ in cue or content stay apart.
#[test]
fn one_claim_a_cue() {
    let sp = |a: usize, b: usize| crate::Span::new(a, b);
    let claim =
        |source: Option<(usize, usize)>, cue: (usize, usize), content: (usize, usize)| Found {
            source: source.map(|(a, b)| sp(a, b)),
            cue: sp(cue.0, cue.1),
            content: vec![sp(content.0, content.1)],
        };
    #[allow(clippy::type_complexity)]
    let cases: &[(&[Found], &[Option<(usize, usize)>])] = &[
        // "former President Tom Bell, who activated the bill": the name and "who".
        (
            &[
                claim(Some((0, 25)), (31, 40), (41, 49)),
                claim(Some((27, 30)), (31, 40), (41, 49)),
            ],
            &[Some((27, 30))],
        ),
        // A claim with no source and one with: one claim, with the source.
        (
            &[
                claim(None, (10, 14), (15, 30)),
                claim(Some((0, 9)), (10, 14), (15, 30)),
            ],
            &[Some((0, 9))],
        ),
        // Another content: two claims.
        (
            &[
                claim(Some((0, 9)), (10, 14), (15, 30)),
                claim(Some((0, 9)), (10, 14), (15, 20)),
            ],
            &[Some((0, 9)), Some((0, 9))],
        ),
        // Another cue: two claims.
        (
            &[
                claim(Some((0, 9)), (10, 14), (30, 40)),
                claim(Some((0, 9)), (15, 19), (30, 40)),
            ],
            &[Some((0, 9)), Some((0, 9))],
        ),
    ];
    for (claims, want) in cases {
        let mut got = claims.to_vec();
        super::one_claim_a_cue(&mut got);
        let sources: Vec<_> = got
            .iter()
            .map(|c| c.source.map(|s| (s.start, s.end)))
            .collect();
        assert_eq!(&sources[..], *want, "{claims:?}");
    }
}

/// A cue of one function word is no report; a cue that starts with one but goes on is.
#[test]
fn function_word_cues() {
    let text = "Her film documents how prisons grew, and that is what she told us.";
    let doc = Doc::new(text);
    let table = TokenTable::new(&doc, true);
    let span = |w: &str| {
        let a = text.find(w).unwrap();
        crate::Span::new(a, a + w.len())
    };
    for (cue, want) in [
        ("how", true),
        ("that", true),
        ("what", true),
        ("told", false),
        ("documents", false),
        ("what she told", false),
    ] {
        assert_eq!(super::function_word(&doc, &table, span(cue)), want, "{cue}");
    }
}

/// A source that starts inside an actor's name takes the whole name; one that starts at a
/// name's start, or after it, is left as it is.
#[test]
fn a_source_inside_a_name_takes_the_whole_name() {
    use crate::span::Span;
    use crate::{Actor, ActorKind};
    let text = "Donald Trump needs to tell the truth, New York Post said. Aides said so.";
    let at = |w: &str| {
        let a = text.find(w).unwrap();
        Span::new(a, a + w.len())
    };
    let actor = |names: &[&str]| Actor {
        id: 0,
        name: names[0].into(),
        kind: ActorKind::Person,
        subkind: None,
        mentions: names.iter().map(|w| at(w)).collect(),
        aliases: Vec::new(),
        affiliation: None,
    };
    let actors = [actor(&["Donald Trump"]), actor(&["New York Post"])];
    let claim = |source: &str| Found {
        source: Some(at(source)),
        cue: at("said"),
        content: Vec::new(),
    };
    // (the tagger's source, the source after the actors are read)
    let rows = [
        ("Trump", "Donald Trump"),
        ("York Post", "New York Post"),
        ("Trump needs", "Donald Trump needs"),
        ("Donald Trump", "Donald Trump"),
        ("New York", "New York"),
        ("Aides", "Aides"),
    ];
    for (source, want) in rows {
        let mut claims = vec![claim(source)];
        super::whole_names(&mut claims, &actors);
        assert_eq!(
            claims[0].source.map(|s| s.slice(text)),
            Some(want),
            "{source}"
        );
    }
}

/// A source that the tagger reads as "who" and the relative clause after it is "who" alone,
/// linked to the name before it.
#[test]
fn a_relative_clause_is_no_part_of_the_source() {
    let text = "The award went to Ana Ruiz, who in 2010 said the bridge was unsafe.";
    let a = crate::analyze(text);
    let c = &a.claims[0];
    assert_eq!(c.source.map(|s| s.slice(text)), Some("who"));
    let actor = c.actor.map(|k| a.actors[k].name.as_str());
    assert_eq!(actor, Some("Ana Ruiz"));
}

/// The subject before an aside between dashes is the source (the tagger gave the cue no
/// source).
#[test]
fn a_source_before_an_aside_between_dashes() {
    for (text, want) in [
        (
            "The report ― which took two years to write ― explains the city’s debt.",
            "The report",
        ),
        (
            "The mayor ― who took office in May ― said the bridge would close.",
            "The mayor",
        ),
    ] {
        let a = crate::analyze(text);
        let got: Vec<Option<&str>> = a
            .claims
            .iter()
            .map(|c| c.source.map(|s| s.slice(text)))
            .collect();
        assert_eq!(got, [Some(want)], "{text}");
    }
}
