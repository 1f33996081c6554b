//! The view model on its own: paragraphs and pages, runs and their nesting,
//! anchors, keyboard stops, colours, the words of tooltips and the report.

use claimlens::{Actor, ActorKind, Analysis, Attribution, Claim, Hedge, HedgeKind, Span};
use claimlens_view::{build, markdown, Offsets, Role, View, PAGE_BYTES, PALETTE};

/// The app's sample article (written for the project).
const SAMPLE: &str = include_str!("../../app/src/sample.txt");

fn view_of(text: &str) -> View {
    build(text, &claimlens::analyze(text), Offsets::Bytes)
}

/// The text of every run, in order.
fn joined(text: &str, v: &View) -> String {
    let mut out = String::new();
    for para in v.pages.iter().flat_map(|p| &p.paras) {
        for run in &para.runs {
            out.push_str(&text[run.start as usize..run.end as usize]);
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
        assert_eq!(joined(text, &v), lines, "{text:?}");
        assert!(!v.pages.is_empty());
    }
}

#[test]
fn runs_carry_each_layer_and_nesting() {
    let text = "The Foreign Ministry said the talks may resume.";
    let v = view_of(text);
    let runs = &v.pages[0].paras[0].runs;
    let find = |t: &str| {
        runs.iter()
            .find(|r| &text[r.start as usize..r.end as usize] == t)
            .unwrap_or_else(|| panic!("run {t:?} in {runs:#?}"))
    };
    let said = find("said");
    assert_eq!(said.role, Some(Role::Cue));
    assert!(said.claim.is_some() && said.stop);
    let may = find("may");
    assert!(may.hedge.is_some(), "hedge inside the claim content");
    assert_eq!(
        may.role,
        Some(Role::Content),
        "the hedge keeps the claim layer"
    );
    assert!(may.stop, "a hedge is a keyboard stop inside content");
    let ministry = find("Foreign Ministry");
    assert!(ministry.actor.is_some());
    assert_eq!(ministry.role, Some(Role::Source), "actor inside the source");
    assert_eq!(v.hedges[may.hedge.unwrap() as usize].text, "may");
    assert_eq!(v.claims[said.claim.unwrap() as usize].cue, "said");
    let content = find("the talks ");
    assert!(!content.stop, "claim content is reached by hover, not Tab");
}

/// An analysis written by hand, so that the test does not depend on what the models find.
fn analysis(actors: Vec<Actor>, claims: Vec<Claim>, hedges: Vec<Hedge>, len: usize) -> Analysis {
    Analysis {
        sentences: vec![claimlens::SentenceScore {
            span: Span::new(0, len),
            certainty: 0.5,
        }],
        actors,
        claims,
        hedges,
        summary: Default::default(),
    }
}

fn actor(id: usize, name: &str, mentions: &[(usize, usize)]) -> Actor {
    Actor {
        id,
        name: name.into(),
        kind: ActorKind::Person,
        subkind: None,
        mentions: mentions.iter().map(|&(a, b)| Span::new(a, b)).collect(),
        aliases: vec![],
        affiliation: None,
    }
}

fn hedge(a: usize, b: usize) -> Hedge {
    Hedge {
        span: Span::new(a, b),
        kind: HedgeKind::Hedge,
        reason: "test",
        quoted: false,
    }
}

#[test]
fn the_innermost_annotation_wins_and_ties_go_to_the_later_start() {
    //          0         1         2
    //          0123456789012345678901234
    let text = "aaaa bbbb cccc dddd eeee";
    // Hedges: [0, 14) holds [5, 9); [10, 19) overlaps [15, 24) with the same length.
    let hedges = vec![hedge(0, 14), hedge(5, 9), hedge(10, 19), hedge(15, 24)];
    let v = build(
        text,
        &analysis(vec![], vec![], hedges, text.len()),
        Offsets::Bytes,
    );
    let runs: Vec<(&str, Option<u32>)> = v.pages[0].paras[0]
        .runs
        .iter()
        .map(|r| (&text[r.start as usize..r.end as usize], r.hedge))
        .collect();
    assert_eq!(
        runs,
        [
            ("aaaa ", Some(0)),
            ("bbbb", Some(1)),
            (" ", Some(0)),
            ("cccc", Some(2)),
            (" ", Some(2)),
            ("dddd", Some(3)),
            (" eeee", Some(3)),
        ]
    );
    // Identical spans: the first in the analysis's order.
    let twice = vec![actor(0, "A", &[(0, 4)]), actor(1, "B", &[(0, 4)])];
    let v = build(
        text,
        &analysis(twice, vec![], vec![], text.len()),
        Offsets::Bytes,
    );
    assert_eq!(v.pages[0].paras[0].runs[0].actor, Some(0));
}

#[test]
fn deep_nesting_is_swept_once() {
    // 3,000 claims whose contents nest ever deeper: each run gets the
    // innermost, and the text is still tiled.
    let n = 3000;
    let text = "x".repeat(2 * n);
    let claims = (0..n)
        .map(|i| Claim {
            source: None,
            cue: Span::new(i, i + 1),
            content: vec![Span::new(i + 1, 2 * n - i)],
            actor: None,
            form: None,
            attribution: Attribution::None,
        })
        .collect();
    let v = build(
        &text,
        &analysis(vec![], claims, vec![], text.len()),
        Offsets::Bytes,
    );
    let runs = &v.pages[0].paras[0].runs;
    assert_eq!(joined(&text, &v), text);
    let middle = runs.iter().find(|r| r.start as usize == n).unwrap();
    assert_eq!(middle.claim, Some(n as u32 - 1), "the innermost content");
}

#[test]
fn anchors_point_at_drawn_runs_and_are_unique() {
    let v = view_of(SAMPLE);
    let ids: Vec<String> = v.pages[0]
        .paras
        .iter()
        .flat_map(|p| p.runs.iter().filter_map(|r| r.anchor.clone()))
        .collect();
    for at in v.claims.iter().map(|c| &c.at) {
        assert!(ids.contains(&at.anchor), "claim {}", at.anchor);
    }
    for at in v.hedges.iter().map(|h| &h.at) {
        assert!(ids.contains(&at.anchor), "hedge {}", at.anchor);
    }
    for at in v.actors.iter().map(|a| &a.at) {
        assert!(ids.contains(&at.anchor), "actor {}", at.anchor);
    }
    for at in v.sentences.iter().map(|s| &s.at) {
        assert!(ids.contains(&at.anchor), "sentence {}", at.anchor);
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
        for page in &v.pages {
            let bytes: u32 = page.paras.iter().map(|p| p.end - p.start).sum();
            assert!(bytes as usize <= PAGE_BYTES + 200, "page of {bytes} bytes");
        }
        let expected: String = text.split('\n').filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(joined(&text, &v), expected);
        for c in &v.claims {
            assert!((c.at.page as usize) < v.pages.len());
        }
    }
}

#[test]
fn actor_colours_go_by_mentions() {
    let text = "Iran said. Israel said. NATO said. Russia said. China said. Iran and Israel met. Iran again.";
    let v = view_of(text);
    let mut top: Vec<_> = v.actors.iter().collect();
    top.sort_by_key(|a| (std::cmp::Reverse(a.mentions), a.id));
    let colours: Vec<u8> = top.iter().map(|a| a.colour).collect();
    let expected: Vec<u8> = (0..top.len())
        .map(|r| r.min(PALETTE as usize) as u8)
        .collect();
    assert_eq!(colours, expected, "rank by mentions, then id");
    // Nine actors: the ninth is neutral (8), never a colour another actor has.
    let names = ["Ana", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivo"];
    let mut text = String::new();
    let mut actors = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let at = text.len();
        text.push_str(name);
        text.push(' ');
        actors.push(actor(i, name, &[(at, at + name.len())]));
    }
    let v = build(
        &text,
        &analysis(actors, vec![], vec![], text.len()),
        Offsets::Bytes,
    );
    assert_eq!(v.actors[8].colour, 8);
    assert_eq!(v.actors[7].colour, 7);
}

#[test]
fn tooltips_say_what_and_why() {
    let v = view_of(
        "Analysts suggest that the deal may collapse. The ministry said the talks would resume.",
    );
    let hedge = v.hedges.iter().position(|h| h.text == "may").unwrap() as u32;
    assert_eq!(v.tips(None, None, Some(hedge)), ["hedge: modal verb"]);
    let claim = v.claims.iter().position(|c| c.cue == "said").unwrap() as u32;
    let lines = v.tips(None, Some((claim, Role::Cue)), None);
    assert_eq!(
        lines,
        ["claim cue: source The ministry (vague), cue “said”"]
    );
    let vague = v.claims.iter().position(|c| c.cue == "suggest").unwrap() as u32;
    assert!(v.tips(None, Some((vague, Role::Content)), None)[0]
        .starts_with("claim content: source Analysts (vague)"));
    assert!(v.tips(None, None, None).is_empty());
    assert!(
        v.tips(Some(999), Some((999, Role::Source)), Some(999))
            .is_empty(),
        "unknown ids"
    );
}

#[test]
fn the_subkind_is_not_repeated_when_it_is_the_name_or_the_kind() {
    let text = "Parliament met Vera Lind and Costa.";
    let mut actors = vec![
        actor(0, "Parliament", &[(0, 10)]),
        actor(1, "Vera Lind", &[(15, 24)]),
        actor(2, "Costa", &[(29, 34)]),
    ];
    actors[0].kind = ActorKind::Organization;
    actors[0].subkind = Some("parliament".into());
    actors[1].subkind = Some("minister".into());
    actors[2].subkind = Some("Person".into());
    let v = build(
        text,
        &analysis(actors, vec![], vec![], text.len()),
        Offsets::Bytes,
    );
    let tips: Vec<&str> = v.actors.iter().map(|a| a.tip.as_str()).collect();
    assert_eq!(
        tips,
        [
            "actor: Parliament (organization), 1 mention",
            "actor: Vera Lind (person, minister), 1 mention",
            "actor: Costa (person), 1 mention",
        ]
    );
    let labels: Vec<String> = v
        .actors
        .iter()
        .map(claimlens_view::words::kind_label)
        .collect();
    assert_eq!(labels, ["organization", "person · minister", "person"]);
}

#[test]
fn markdown_report_escapes_the_article() {
    let text =
        "<b>Ana</b> | Duarte said the <script>deal</script> may fail: [Click](javascript:x) `now`";
    let mut ana = actor(0, "<b>Ana</b> | Duarte", &[(0, 19)]);
    ana.aliases = vec!["*Ana*".into()];
    let claim = Claim {
        source: Some(Span::new(0, 19)),
        cue: Span::new(20, 24),
        content: vec![Span::new(25, text.len())],
        actor: Some(0),
        form: Some(claimlens::Form::Name),
        attribution: Attribution::Named,
    };
    let may = text.find("may").unwrap();
    let v = build(
        text,
        &analysis(
            vec![ana],
            vec![claim],
            vec![hedge(may, may + 3)],
            text.len(),
        ),
        Offsets::Bytes,
    );
    let md = markdown(&v);
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
    assert!(md.contains("- hedge: “may” (test)"), "{md}");
}

/// Who said what: one row per actor (whatever words named it), per unlinked source
/// written alike, and one for the claims without a source; most claims first.
#[test]
fn who_said_what_groups_claims_by_source() {
    let text = "Lena Ortiz said the port may reopen. “We are ready,” Ortiz told reporters. \
                Analysts said it was late. The analysts warned of costs. \
                Traffic will fall, it was reported. Officials said so. “No,” she said.";
    // `word` inside the first `context`.
    let at = |context: &str, word: &str| {
        let c = text
            .find(context)
            .unwrap_or_else(|| panic!("{context:?} not in the text"));
        let w = c + context
            .find(word)
            .unwrap_or_else(|| panic!("{word:?} not in {context:?}"));
        Span::new(w, w + word.len())
    };
    let claim = |source: Option<Span>,
                 cue: Span,
                 content: Option<Span>,
                 actor: Option<usize>,
                 attribution| Claim {
        source,
        cue,
        content: content.into_iter().collect(),
        actor,
        form: actor.map(|_| claimlens::Form::Name),
        attribution,
    };
    use Attribution::{Named, None as Nobody, Vague};
    let claims = vec![
        claim(
            Some(at("Lena Ortiz", "Lena Ortiz")),
            at("Ortiz said", "said"),
            Some(at("the port may reopen", "the port may reopen")),
            Some(0),
            Named,
        ),
        claim(
            Some(at("Ortiz told", "Ortiz")),
            at("Ortiz told", "told"),
            Some(at("We are ready,", "We are ready,")),
            Some(0),
            Named,
        ),
        claim(
            Some(at("Analysts said", "Analysts")),
            at("Analysts said", "said"),
            Some(at("it was late", "it was late")),
            None,
            Vague,
        ),
        claim(
            Some(at("The analysts", "The analysts")),
            at("warned", "warned"),
            Some(at("of costs", "of costs")),
            None,
            Vague,
        ),
        claim(
            None,
            at("was reported", "was reported"),
            Some(at("Traffic will fall", "Traffic will fall")),
            None,
            Nobody,
        ),
        claim(
            Some(at("Officials said", "Officials")),
            at("Officials said", "said"),
            None,
            None,
            Vague,
        ),
        claim(
            Some(at("she said", "she")),
            at("she said", "said"),
            Some(at("No,", "No,")),
            Some(0),
            Named,
        ),
    ];
    let a = analysis(
        vec![actor(0, "Lena Ortiz", &[(0, 10)])],
        claims,
        vec![],
        text.len(),
    );
    let v = build(text, &a, Offsets::Bytes);
    type Row<'a> = (&'a str, Option<u32>, Vec<u32>, [u32; 5]);
    let rows: Vec<Row> = v
        .sources
        .iter()
        .map(|r| {
            (
                &*r.label,
                r.actor,
                r.claims.clone(),
                [r.quotes, r.paraphrases, r.named, r.vague, r.none],
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            // label, actor, claims, [quotes, paraphrases, named, vague, none]
            ("Lena Ortiz", Some(0), vec![0, 1, 6], [2, 1, 3, 0, 0]),
            ("Analysts", None, vec![2, 3], [0, 2, 0, 2, 0]),
            ("no source", None, vec![4], [0, 1, 0, 0, 1]),
            ("Officials", None, vec![5], [0, 0, 0, 1, 0]),
        ]
    );
    let quotes: Vec<bool> = v.claims.iter().map(|c| c.quote).collect();
    assert_eq!(quotes, [false, true, false, false, false, false, true]);
}

/// The JSON export: the text first, and every span with its own text, which is the
/// UTF-16 slice of the text its offsets name (astral characters, CJK, RTL, empty text).
#[test]
fn contract_with_text_gives_every_span_its_text() {
    use claimlens::contract::to_contract;
    use claimlens_view::{contract_json, contract_with_text};
    fn walk(v: &serde_json::Value, units: &[u16], seen: &mut usize) {
        match v {
            serde_json::Value::Object(m) => {
                if let (Some(s), Some(e)) = (m.get("start"), m.get("end")) {
                    let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
                    let want = String::from_utf16(&units[s..e]).unwrap();
                    assert_eq!(
                        m.get("text").and_then(|t| t.as_str()),
                        Some(&*want),
                        "{m:?}"
                    );
                    *seen += 1;
                }
                m.values().for_each(|x| walk(x, units, seen));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, units, seen)),
            _ => {}
        }
    }
    for text in [
        "Iran said on Monday that talks may resume, according to Reuters.",
        "😀 Officials in 東京 said “we may act”. Critics argue it is late. مرحبا, he said.",
        "",
        "No claims, no actors here at all",
    ] {
        let a = claimlens::analyze(text);
        let json = contract_json(&to_contract(text, &a, None));
        let out = contract_with_text(text, &json);
        let v: serde_json::Value =
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
        assert_eq!(v["text"], text);
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut seen = 0;
        walk(&v, &units, &mut seen);
        let spans = a.sentences.len()
            + a.actors.iter().map(|x| x.mentions.len()).sum::<usize>()
            + a.claims
                .iter()
                .map(|c| 1 + usize::from(c.source.is_some()) + c.content.len())
                .sum::<usize>()
            + a.hedges.len();
        assert_eq!(seen, spans, "{text}");
        // Without the added texts, the same contract.
        let mut plain = v.clone();
        fn strip(v: &mut serde_json::Value) {
            match v {
                serde_json::Value::Object(m) => {
                    m.remove("text");
                    m.values_mut().for_each(strip);
                }
                serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
                _ => {}
            }
        }
        strip(&mut plain);
        assert_eq!(
            plain,
            serde_json::from_str::<serde_json::Value>(&json).unwrap()
        );
    }
}

/// The HTML report: self-contained (its styles inside, no script, nothing fetched), the
/// article's text whole and escaped, marks with the app's classes and words, and who
/// said what.
#[test]
fn html_report_is_self_contained_and_escaped() {
    let text = "The ministry said <script>alert(1)</script> talks may resume & \"soon\".\n\n\
                Analysts suggest costs could rise, according to Reuters.";
    let a = claimlens::analyze(text);
    let mut v = build(text, &a, Offsets::Bytes);
    let pages = std::mem::take(&mut v.pages);
    let html = claimlens_view::html_report(text, &v, &pages);
    assert!(html.starts_with("<!doctype html>"));
    assert!(
        !html.to_lowercase().contains("<script"),
        "no script element"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&amp;") && html.contains("&quot;soon&quot;"));
    for needle in [
        "<style>",
        "<h2>Who said what</h2>",
        "class=\"cl cl-cue att-",
        "hd hd-hedge",
        "title=\"claim cue",
    ] {
        assert!(html.contains(needle), "{needle} in the report");
    }
    for refers in ["src=", "href=", "url(", "@import"] {
        assert!(!html.contains(refers), "nothing to fetch: {refers}");
    }
    // Every character of the text is in the article, in order: strip the tags and unescape.
    let body = &html[html.find("<article>").unwrap()..html.find("</article>").unwrap()];
    let mut plain = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }
    let plain = plain
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(words(&plain), words(text));
}

/// Each sentence says what lowered or raised its certainty: its own cues (not the next
/// sentence's), a vague source, nothing when nothing did.
#[test]
fn sentences_say_what_changed_their_certainty() {
    let text = "Critics argue the plan may fail. The data confirmed it. Prices rose. \
                Analysts said costs could perhaps rise if rates climb and may possibly stall.";
    let v = view_of(text);
    let why: Vec<&str> = v.sentences.iter().map(|s| s.why.as_str()).collect();
    assert_eq!(why.len(), 4, "{why:?}");
    assert!(
        why[0].starts_with("lowered by ") && why[0].contains("hedge “may”"),
        "{why:?}"
    );
    assert!(!why[0].contains("confirmed"), "{why:?}");
    assert_eq!(why[1], "raised by booster “confirmed”");
    assert_eq!(why[2], "");
    assert!(
        why[3].contains("a vague source “Analysts”") || why[3].contains("more"),
        "{why:?}"
    );
    assert!(
        why[3].matches('“').count() <= 5,
        "at most four cues named, then a count: {why:?}"
    );
}

/// A card for each kind of mark says what was found and why.
#[test]
fn cards_explain_each_kind_of_mark() {
    let text = "Lena Ortiz said the port may reopen. Analysts suggest “costs could rise”. \
                Prices rose, it was reported.";
    let v = view_of(text);
    let titles =
        |s: &[claimlens_view::Section]| s.iter().map(|x| x.title.clone()).collect::<Vec<_>>();
    let all = |s: &[claimlens_view::Section]| {
        s.iter()
            .flat_map(|x| x.lines.clone())
            .collect::<Vec<_>>()
            .join("\n")
    };
    // An actor.
    let ortiz = v
        .actors
        .iter()
        .position(|a| a.name == "Lena Ortiz")
        .expect("Lena Ortiz") as u32;
    let card = v.explain(Some(ortiz), None, None);
    assert_eq!(titles(&card), ["Actor: Lena Ortiz"]);
    assert!(all(&card).contains("Source of 1 claim."), "{}", all(&card));
    // A claim: who → cue → what, and why named.
    let said = v.claims.iter().position(|c| c.cue == "said").expect("said") as u32;
    let card = v.explain(None, Some((said, Role::Cue)), None);
    let words = all(&card);
    assert!(
        words.contains("“Lena Ortiz” → “said” → “the port may reopen”"),
        "{words}"
    );
    assert!(
        words.contains("Named source") && words.contains("A paraphrase"),
        "{words}"
    );
    // A vague source and a quotation.
    let suggest = v
        .claims
        .iter()
        .position(|c| c.cue == "suggest")
        .expect("suggest") as u32;
    let words = all(&v.explain(None, Some((suggest, Role::Source)), None));
    assert!(
        words.contains("Vague source") && words.contains("A direct quotation"),
        "{words}"
    );
    // No source.
    let reported = v
        .claims
        .iter()
        .position(|c| c.attribution == "none")
        .expect("no source") as u32;
    assert!(all(&v.explain(None, Some((reported, Role::Cue)), None)).contains("No source"));
    // A hedge: its lexicon entry, its effect, its sentence's certainty; quoted or not.
    let may = v.hedges.iter().position(|h| h.text == "may").expect("may") as u32;
    let card = v.explain(None, None, Some(may));
    assert_eq!(titles(&card), ["Hedging: hedge"]);
    let words = all(&card);
    assert!(
        words.contains("× 0.75") && words.contains("Its sentence: certainty "),
        "{words}"
    );
    assert!(!words.contains("Inside a quotation"));
    let could = v
        .hedges
        .iter()
        .position(|h| h.text == "could")
        .expect("could") as u32;
    assert!(all(&v.explain(None, None, Some(could))).contains("Inside a quotation"));
    // Several layers on one mark: one section each, actor first; unknown ids skipped.
    let card = v.explain(Some(ortiz), Some((said, Role::Source)), Some(999));
    assert_eq!(titles(&card), ["Actor: Lena Ortiz", "Claim"]);
    // An actor's card names the pronouns that refer to it as a source, and the
    // claim's card says whom the pronoun means.
    let text = "Tomas Berglund chairs the port authority. He said the port would reopen.";
    let v = view_of(text);
    let tomas = v
        .actors
        .iter()
        .position(|a| a.name == "Tomas Berglund")
        .expect("Tomas Berglund") as u32;
    assert_eq!(v.actors[tomas as usize].referred, ["He"]);
    let words = all(&v.explain(Some(tomas), None, None));
    assert!(words.contains("Referred to as “He”"), "{words}");
    let said = v.claims.iter().position(|c| c.cue == "said").expect("said") as u32;
    let words = all(&v.explain(None, Some((said, Role::Source)), None));
    assert!(words.contains("“He” refer to Tomas Berglund"), "{words}");
}

#[test]
fn a_hedge_comes_with_five_words_of_its_sentence_on_each_side() {
    let text = "First one. Officials said the panel itself might be damaged by the vote, and \
                (perhaps) more. He may say that it may rain. Last one.";
    let v = view_of(text);
    let parts: Vec<(String, &str, String)> = v
        .hedges
        .iter()
        .map(|h| (h.before.clone(), h.text.as_str(), h.after.clone()))
        .collect();
    let want = |b: &str, cue: &str, a: &str| {
        assert!(
            parts.contains(&(b.to_string(), cue, a.to_string())),
            "{b:?} {cue:?} {a:?} in {parts:?}"
        );
    };
    want(
        "Officials said the panel itself ",
        "might",
        " be damaged by the vote, …",
    );
    want("… by the vote, and (", "perhaps", ") more.");
    // Two "may" in one sentence, each with its own words.
    want("He ", "may", " say that it may rain.");
    want("He may say that it ", "may", " rain.");
}

#[test]
fn a_hedges_context_is_bounded_without_spaces() {
    let text = "perhaps,".repeat(5000);
    let v = view_of(&text);
    assert!(v.hedges.len() > 100);
    for h in &v.hedges {
        assert!(
            h.before.chars().count() <= 90 && h.after.chars().count() <= 90,
            "{:?} / {:?}",
            h.before,
            h.after
        );
    }
}
