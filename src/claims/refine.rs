//! Claims that read right: a pass over the claims of the rules and the tagger
//! that repairs what reads wrong.
//!
//! * **No phantom claims.** A claim without content gets the content that its
//!   construction puts elsewhere — after a colon ("He added: …"), after its
//!   cue ("Ms. Ortiz said the vote was rigged", "told reporters that …"), or before
//!   its cue at the end of a sentence ("…, sources said.") — and is dropped
//!   when there is none.
//! * **Whole contents.** A content that stops mid-phrase ("…the ad blitz
//!   in") runs on to the next boundary of its sentence: punctuation, a
//!   quotation mark, a clause word ("and", "which", "on Tuesday") or the
//!   claim's own cue or source.
//!
//! * **Whole sources.** A source cut before a word the tagger put into the
//!   cue ("the influential US | daily wrote") takes that word back; a cue
//!   after a time adverbial ("X on Tuesday accused …") finds its source
//!   before it; a passive with an agent ("were told by the chief that …")
//!   has the agent as its source.
//!
//! Every walk is bounded ([`MAX_EXTEND`], [`MAX_THAT`]) and stays inside
//! the sentence, so the pass is linear in the number of tokens.

use super::cues::CueLexicon;
use super::rules::{Ctx, AUX, BE};
use super::spans::EndScorer;
use super::Found;
use crate::span::Span;
use crate::text::WEEKDAYS;
use crate::text::{Doc, TokenKind, TokenTable};

/// The most tokens a content end moves right.
const MAX_EXTEND: usize = 60;
/// How far after a cue a "that" is looked for ("told a radio host on Monday that …").
const MAX_THAT: usize = 8;

/// Words before which a content that stops mid-phrase also stops: they
/// start a clause or an adverbial that is not part of what was said.
const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "which", "who", "while", "because", "when", "after", "before", "during", "as",
    "on", "in", "at", "last", "this",
];

/// Function words a content cannot end with ("…ad blitz in", "…shows that").
const DANGLING: &[&str] = &[
    "that", "the", "a", "an", "of", "in", "on", "to", "for", "with", "by", "at", "from", "and",
    "or", "but", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
    "about", "what", "whether", "if", "is", "are", "was", "were", "be", "been", "not", "as",
];

/// A word a content stops before ([`CLAUSE_WORDS`] or a weekday).
fn is_clause_word(w: &str) -> bool {
    CLAUSE_WORDS.contains(&w) || WEEKDAYS.contains(&w)
}

/// A word of a time adverbial ([`TIME_WORDS`] or a weekday).
fn is_time_word(w: &str) -> bool {
    TIME_WORDS.contains(&w) || WEEKDAYS.contains(&w)
}

/// Time adverbials between a source and its cue ("X on Tuesday accused").
const TIME_WORDS: &[&str] = &[
    "on",
    "yesterday",
    "today",
    "tonight",
    "last",
    "this",
    "week",
    "month",
    "year",
    "morning",
    "night",
    "afternoon",
    "evening",
    "earlier",
    "later",
    "also",
];

/// "The museum, Mr. Bush said, celebrated his heroes": a content that opens its sentence
/// and stops at its own attribution between commas runs on after it (as far as
/// `content_after` goes: the sentence's end or the next attribution), unless what follows
/// is a clause of its own or an aside ("…, Smith said, adding that …", "…, she said, but
/// …", "…, an official said, speaking on condition of anonymity", "…, a day after …").
fn run_on(cx: &Ctx, c: &mut Found) {
    let (doc, table) = (cx.doc, cx.table);
    let (&[s], Some(src)) = (&c.content[..], c.source) else {
        return;
    };
    let (a, s0, c0) = (
        doc.token_at(s.start),
        doc.token_at(src.start),
        doc.token_at(c.cue.start),
    );
    let b = last_token(doc, s.end, a);
    let c1 = last_token(doc, c.cue.end, c0);
    let sent = &doc.sentences[table.sentence(c0)];
    let next = c1 + 2;
    if a != sent.first
        || b + 2 != s0
        || table.norm(b + 1) != ","
        || src.end > c.cue.start
        || next >= sent.last
        || table.norm(c1 + 1) != ","
        || doc.tokens[next].kind != TokenKind::Word
        || table.first_upper(next)
        || CLAUSE_WORDS.contains(&table.norm(next))
        || matches!(
            table.norm(next),
            "or" | "so" | "yet" | "then" | "a" | "an" | "the"
        )
        // (Nor an aside: "…, a senior official said, speaking on condition of anonymity",
        // "…, she said, visibly angry".)
        || table.norm(next).ends_with("ing")
        || table.norm(next).ends_with("ly")
        || cx.lex.phrases.longest_at(table, next, sent.last).is_some()
    {
        return;
    }
    if let Some((x, y)) = cx.content_after(next) {
        c.content.push(cx.span(x, y));
    }
}

/// Where words are said or written ("in a June report", "in his interview"): nouns after
/// "in", "on" or "during" and a determiner.
const MEDIA: &[&str] = &[
    "report",
    "statement",
    "interview",
    "letter",
    "email",
    "e-mail",
    "tweet",
    "post",
    "speech",
    "release",
    "filing",
    "op-ed",
    "memo",
    "video",
    "briefing",
    "conference",
    "call",
    "note",
    "message",
    "analysis",
    "column",
    "editorial",
    "blog",
    "essay",
    "book",
    "podcast",
    "broadcast",
];

/// Whether span `s` opens with (or, `inside`, ends) a phrase of where something was said:
/// "in a June report", "on a conference call, and …" (the medium noun at most six tokens
/// after the preposition, then the span's end or a comma).
fn in_medium(cx: &Ctx, s: Span, inside: bool) -> bool {
    let (doc, table) = (cx.doc, cx.table);
    let a = doc.token_at(s.start);
    let last = last_token(doc, s.end, a);
    let b = if inside {
        last
    } else {
        match (a + 2..=last.min(a + 6)).find(|&b| b == last || table.norm(b + 1) == ",") {
            Some(b) => b,
            None => return false,
        }
    };
    if !MEDIA.contains(&table.norm(b)) || b > a + 6 {
        return false;
    }
    // The phrase's preposition and determiner: at the span's start, or (a source inside
    // the phrase) right before it.
    let p = if inside {
        match a.checked_sub(2) {
            Some(p) => p,
            None => return false,
        }
    } else {
        a
    };
    matches!(table.norm(p), "in" | "on" | "during")
        && matches!(
            table.norm(p + 1),
            "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our" | "this"
        )
}

/// Conjunctions a content cannot end with ("the strike would go on and").
const TRAILING: &[&str] = &["and", "but", "or", ",", ";"];

/// Repairs or drops the content-less claims and completes contents cut
/// mid-phrase. Claims stay in their order.
///
/// `ends` (the learned end scorer of [`super::spans`], when there is one)
/// then chooses the end of each content that follows its cue among the
/// boundaries around it.
pub(super) fn refine(
    doc: &Doc,
    table: &TokenTable,
    lex: &CueLexicon,
    ends: Option<&EndScorer>,
    claims: &mut Vec<Found>,
) {
    if doc.tokens.is_empty() {
        return;
    }
    let cx = Ctx { doc, table, lex };
    claims.retain_mut(|c| {
        fix_source(&cx, c);
        // "…, the agency said in a June report.": what it was said in is no source (nor,
        // below, a content).
        if c.source
            .is_some_and(|s| s.start >= c.cue.end && in_medium(&cx, s, true))
        {
            return false;
        }
        // The preposition a cue was cut before, if it was.
        let cut = trim_preposition(&cx, c);
        if c.content.is_empty() {
            // Not what the preposition opens ("said with a laugh the bill was dead").
            if let Some((a, b)) = find_content(&cx, c).filter(|&(a, _)| Some(a) != cut) {
                c.content.push(cx.span(a, b));
            }
        } else {
            for k in 0..c.content.len() {
                let s = c.content[k];
                let a = doc.token_at(s.start);
                let b = last_token(doc, s.end, a);
                let stop = stop_of(doc, c, b);
                let mut e = extend_end(&cx, b, stop);
                while e > a && TRAILING.contains(&table.norm(e)) {
                    e -= 1;
                }
                // A content after its cue: the learned choice among boundaries.
                if s.start >= c.cue.end {
                    if let Some(scorer) = ends {
                        e = scorer.choose(&cx, a, e);
                    }
                }
                // "told the court that, over the last five months, “…”": a content that is
                // "that" alone, before a comma, runs on to what it introduces.
                if e == a
                    && table.norm(a) == "that"
                    && a + 1 < stop.min(table.len())
                    && table.norm(a + 1) == ","
                {
                    if let Some((_, f)) = cx.content_after(a + 2).filter(|&(_, f)| f < stop) {
                        e = f;
                    }
                }
                if e != b {
                    c.content[k] = cx.span(a, e);
                }
            }
            run_on(&cx, c);
        }
        if let ([s], Some(src)) = (&c.content[..], c.source) {
            if s.start >= c.cue.end && in_medium(&cx, *s, false) {
                // Where it was said is no content: the content is before the source and its
                // comma ("Taxes would rise, the agency said in a June report"), or nowhere.
                let s0 = doc.token_at(src.start);
                let before = (s0 > 0 && src.end <= c.cue.start && table.norm(s0 - 1) == ",")
                    .then(|| cx.content_before(s0 - 1))
                    .flatten();
                match before {
                    Some((a, b)) => c.content = vec![cx.span(a, b)],
                    None => return false,
                }
            }
        }
        !c.content.is_empty()
            && !names(&cx, c)
            && !supposes(&cx, c)
            && !other_sense(&cx, c)
            && !stranded(&cx, c)
            && !asked(&cx, c)
    });
    continue_quotes(&cx, claims);
}

/// A quotation that is a whole sentence right after a claim's sentence, in its paragraph,
/// with no cue of its own, goes on the words of that claim when they are quoted too:
/// "“We have lost,” Mr. Dorn said, holding back tears. “And I respect their decision.”"
/// The speaker goes on speaking. PolNeAR train: 11 contents right more, 1
/// wrong; dev: none changed.
fn continue_quotes(cx: &Ctx, claims: &mut [Found]) {
    let (doc, table) = (cx.doc, cx.table);
    let n = doc.sentences.len();
    // The sentences a cue or a content lies in, by a running count over the content
    // ranges (linear however long the contents are).
    let mut open = vec![0i32; n + 1];
    for c in claims.iter() {
        let s = table.sentence(doc.token_at(c.cue.start));
        open[s] += 1;
        open[s + 1] -= 1;
        for x in &c.content {
            let a = doc.token_at(x.start);
            let b = last_token(doc, x.end, a);
            open[table.sentence(a)] += 1;
            open[table.sentence(b) + 1] -= 1;
        }
    }
    let mut depth = 0;
    let mut taken: Vec<bool> = open[..n]
        .iter()
        .map(|d| {
            depth += d;
            depth > 0
        })
        .collect();
    for c in claims.iter_mut() {
        let quoted = c.content.iter().any(|x| {
            let a = doc.token_at(x.start);
            table.opens(a) && table.partner(a) != crate::text::NONE
        });
        let Some(last) = c.content.iter().map(|x| x.end).max().filter(|_| quoted) else {
            continue;
        };
        let s = table.sentence(last_token(doc, last.max(c.cue.end), 0));
        let Some(next) = doc.sentences.get(s + 1).filter(|_| !taken[s + 1]) else {
            continue;
        };
        let f = next.first;
        let p = table.partner(f) as usize;
        if doc.sentences[s].paragraph != next.paragraph
            || !table.opens(f)
            || table.partner(f) == crate::text::NONE
            || p <= f
            || p + 1 != next.last
        {
            continue;
        }
        taken[s + 1] = true;
        c.content
            .push(Span::new(doc.tokens[f].span.start, doc.tokens[p].span.end));
    }
}

/// A cue of a reporting verb and the preposition after it is the verb: "Palmieri said on the
/// show", "he said of the claim", "Trump said at a rally" (the preposition opens the where or
/// the about, which PolNeAR's cues leave out about twice as often as they take in: train,
/// "said on" 24 in, 55 out; "said at" 17, 34; "said of" 28, 38). Dev: cue F1 65.8 → 66.1,
/// precision 75.4 → 75.8, content exact 57.8 → 57.9; train: cue 65.7 → 65.8, precision 75.3 →
/// 75.4.
fn trim_preposition(cx: &Ctx, c: &mut Found) -> Option<usize> {
    let (doc, table) = (cx.doc, cx.table);
    let v = doc.token_at(c.cue.start);
    let cut = last_token(doc, c.cue.end, v) == v + 1
        && matches!(
            table.norm(v + 1),
            "on" | "of" | "at" | "during" | "via" | "with" | "in"
        )
        // The verb is a cue of the lexicon, and the two words are not ("called on").
        && cx.lex.phrases.longest_at(table, v, v + 2).map(|(n, _)| n) == Some(1);
    if !cut {
        return None;
    }
    c.cue = Span::new(c.cue.start, doc.tokens[v].span.end);
    // What the preposition opens is not said ("of the claim during a call"): a content
    // that starts with it or right after it goes.
    let after = doc.tokens[v + 1].span.start;
    let next = doc.tokens.get(v + 2).map_or(usize::MAX, |t| t.span.start);
    c.content.retain(|x| x.start != after && x.start != next);
    Some(v + 1)
}

/// Another sense of a cue word, not a report: "the 120,000 who showed up", "Schilling
/// appeared on a show", "as Bush continued to interject" — a cue whose first word is
/// followed by a word that `lexicons/not_cues.tsv` lists with it (in the cue or after it).
/// Not when something is said all the same: a content before the cue ("“We are not done,”
/// she added to applause") or a "that" clause ("reported from documents that the bank had
/// lied"), or a reporting verb of the lexicon later in the cue ("continued to insist").
fn other_sense(cx: &Ctx, c: &Found) -> bool {
    let (doc, table) = (cx.doc, cx.table);
    let v = doc.token_at(c.cue.start);
    let said = c
        .content
        .iter()
        .any(|x| x.end <= c.cue.start || table.norm(doc.token_at(x.start)) == "that")
        || (v + 2..=last_token(doc, c.cue.end, v))
            .any(|t| cx.lex.phrases.longest_at(table, t, t + 1).is_some());
    !said && cx.lex.senses.longest_at(table, v, v + 2).is_some()
}

/// A preposition left at the end of a clause, not a content: "the hearing he was
/// formally called to in the past two weeks" (a content "to in the past two weeks"): a
/// preposition, then a time or the sentence's end, and at most six tokens. The claim goes
/// with it: its cue was no report. Not "said for at least a decade the mill had polluted
/// the river", "said to this day…", "asked for $5 million".
fn stranded(cx: &Ctx, c: &Found) -> bool {
    let (doc, table) = (cx.doc, cx.table);
    c.content.iter().any(|x| {
        let a = doc.token_at(x.start);
        let b = last_token(doc, x.end, a);
        x.start >= c.cue.end
            && a + 1 < table.len()
            && b - a < 6
            && matches!(table.norm(a), "to" | "for" | "with" | "about")
            && (matches!(
                table.norm(a + 1),
                "in" | "on" | "at" | "during" | "since" | "before" | "after"
            ) || matches!(table.norm(a + 1), "." | "," | ";" | "!" | "?"))
    })
}

/// A question put to someone, not a claim: "Do you think the games get too little
/// coverage?" — the source "you", in a sentence that ends with a question mark.
fn asked(cx: &Ctx, c: &Found) -> bool {
    let (doc, table) = (cx.doc, cx.table);
    let Some(src) = c.source.filter(|s| s.end > s.start) else {
        return false;
    };
    let first = doc.token_at(src.start);
    let sentence = &doc.sentences[table.sentence(doc.token_at(c.cue.start))];
    table.norm(first) == "you"
        && last_token(doc, src.end, first) == first
        && (sentence.first..sentence.last)
            .rev()
            .find(|&i| doc.tokens[i].kind != TokenKind::CloseQuote && table.norm(i) != ")")
            .is_some_and(|i| table.norm(i) == "?")
}

/// A supposition, not a claim: "Let's say you think a degree will cost $160,000", "let
/// us say the rate stays" — "say" right after "let's" or "let us".
fn supposes(cx: &Ctx, c: &Found) -> bool {
    let (doc, table) = (cx.doc, cx.table);
    let v = doc.token_at(c.cue.start);
    let at = |i: usize| if i <= v { table.norm(v - i) } else { "" };
    table.norm(v) == "say"
        && last_token(doc, c.cue.end, v) == v
        && (at(1) == "let's" || at(2) == "let" && matches!(at(1), "us" | "'s" | "’s" | "s"))
}

/// A naming, not a claim: "a stream called Heron Wash", "the village is
/// called Alder Creek" — a naming verb whose content is a name and nothing more.
fn names(cx: &Ctx, c: &Found) -> bool {
    const NAMING: &[&str] = &["called", "named", "dubbed", "titled", "nicknamed"];
    if c.content.len() != 1 {
        return false;
    }
    let (doc, table) = (cx.doc, cx.table);
    let c0 = doc.token_at(c.cue.start);
    let c1 = last_token(doc, c.cue.end, c0);
    // The cue after its auxiliaries: one naming verb, or "known as".
    let v = (c0..=c1)
        .find(|&i| !BE.contains(&table.norm(i)))
        .unwrap_or(c1);
    let naming = v == c1 && NAMING.contains(&table.norm(v))
        || v + 1 == c1 && table.norm(v) == "known" && table.norm(c1) == "as";
    if !naming {
        return false;
    }
    let x = c.content[0];
    if x.start < c.cue.end {
        return false;
    }
    let a = doc.token_at(x.start);
    let b = last_token(doc, x.end, a);
    // A name: capitalised words (with "of", "the", "and" inside), up to six tokens.
    b - a < 6
        && cx.is_upper_at(a)
        && (a..=b).all(|i| {
            is_word(cx, i) && (cx.is_upper_at(i) || matches!(table.norm(i), "of" | "the" | "and"))
                || doc.tokens[i].kind == TokenKind::Dash
        })
}

/// Completes or finds the claim's source (see the module documentation).
fn fix_source(cx: &Ctx, c: &mut Found) {
    let (doc, table) = (cx.doc, cx.table);
    let n = doc.tokens.len();
    // A preposition alone is no one ("by asking federal prosecutors to …").
    if let Some(s) = c.source {
        let s0 = doc.token_at(s.start);
        if last_token(doc, s.end, s0) == s0
            && matches!(
                table.norm(s0),
                "by" | "of" | "to" | "in" | "on" | "at" | "for" | "with" | "from" | "as"
            )
        {
            c.source = None;
        }
    }
    // "According to Yonhap, quoting KCNA, …": the source's own source is an aside, not
    // part of it; so is an adverbial ("said Chief Roe, on his first day as chief, …").
    if let Some(s) = c.source {
        let (s0, s1) = (doc.token_at(s.start), doc.token_at(s.end));
        if let Some(k) = (s0 + 1..s1.min(n).saturating_sub(1))
            .find(|&k| table.norm(k) == "," && ASIDES.contains(&table.norm(k + 1)))
        {
            c.source = Some(Span::new(s.start, doc.tokens[k - 1].span.end));
        }
    }
    // "Said Ellis: “…”": an inverted report before a colon, read as the source "Said" and
    // the cue "Ellis:", or as the cue "Said Ellis:"; the verb is the cue and the name the
    // source.
    let (s0, c0) = (
        doc.token_at(c.source.map_or(c.cue.start, |s| s.start)),
        doc.token_at(c.cue.start),
    );
    let c1 = last_token(doc, c.cue.end, c0);
    let verb = |t: usize| {
        table.first_upper(t)
            && matches!(
                table.norm(t),
                "said" | "says" | "added" | "adds" | "asked" | "wrote" | "writes" | "replied"
            )
    };
    let name = |a: usize, b: usize| b > a && (a..b).all(|t| table.first_upper(t));
    if table.norm(c1) == ":" && verb(s0) {
        let (v, n0) = match c.source {
            Some(s) if last_token(doc, s.end, s0) == s0 && c0 == s0 + 1 => (s, c0),
            None if c0 == s0 => (doc.tokens[c0].span, c0 + 1),
            _ => (c.cue, usize::MAX),
        };
        if n0 < c1 && name(n0, c1) {
            c.source = Some(Span::new(
                doc.tokens[n0].span.start,
                doc.tokens[c1 - 1].span.end,
            ));
            c.cue = v;
        }
    }
    if let Some(s) = c.source {
        let s0 = doc.token_at(s.start);
        let mut s1 = last_token(doc, s.end, s0);
        // A relative pronoun that ends the source opens a clause of its own ("…at Lakeside
        // University, whose figures the city disputes"): no word of the source.
        // (Not one that is the source's head: "many of whom", "those who".)
        // (In lowercase: "the WHO", "Doctor Who" and the consumer group "Which?" are names.)
        if s1 > s0
            && matches!(table.norm(s1), "whose" | "who" | "which" | "whom")
            && !table.first_upper(s1)
            && !matches!(
                table.norm(s1 - 1),
                "of" | "those" | "anyone" | "everyone" | "someone" | "one"
            )
        {
            s1 -= 1;
            c.source = Some(Span::new(s.start, doc.tokens[s1].span.end));
        }
        // "an explosion that Mayor Bill de Blasio described as", "a lawsuit in which
        // Democrats argued": the name after an object's "that" or "which" is who speaks,
        // when the source ends with that name (not "the chairs that POLITICO interviewed").
        // At most twelve tokens back.
        let name = |t: usize| {
            table.first_upper(t)
                || table.norm(t) == "."
                || crate::actors::PARTICLES.contains(&table.norm(t))
        };
        let that = (s1.saturating_sub(12).max(s0)..s1)
            .rev()
            .find(|&k| matches!(table.norm(k), "that" | "which") && !table.first_upper(k));
        if let Some(k) = that.filter(|&k| table.first_upper(k + 1) && (k + 1..=s1).all(name)) {
            c.source = Some(Span::new(
                doc.tokens[k + 1].span.start,
                doc.tokens[s1].span.end,
            ));
        }
    }
    let c0 = doc.token_at(c.cue.start);
    let c1 = last_token(doc, c.cue.end, c0);
    let first = doc.sentences[table.sentence(c0)].first;
    let lexical = |i: usize| cx.lex.phrases.longest_at(table, i, c1 + 1).is_some();
    // "Only 40 percent of voters agreed": a focus word before the source at
    // the start of its clause is part of it.
    if let Some(s) = c.source {
        let s0 = doc.token_at(s.start);
        if s0 > 0
            && matches!(table.norm(s0 - 1), "only" | "not" | "just" | "even")
            && cx.clause_start(s0 - 1, doc.sentences[table.sentence(s0)].first)
        {
            c.source = Some(Span::new(doc.tokens[s0 - 1].span.start, s.end));
        }
    }
    // "She was told by officials that …": a passive's agent says it, and its subject before
    // the cue is who heard it, not what was said.
    if let Some(s) = c.source.filter(|s| s.start >= c.cue.end) {
        if (c0..c1).any(|i| BE.contains(&table.norm(i))) {
            let last = doc.sentences[table.sentence(c0)].last;
            if let Some(((a, b), _)) = cx.report_agent(c1 + 1, last) {
                if cx.span(a, b) == s {
                    c.content.retain(|x| x.start >= s.end);
                }
            }
        }
    }
    // "Two deaths were reported on Monday": the subject of a passive of reporting is what
    // was reported, and no one is named as its source.
    if let Some(s) = c.source.filter(|s| s.end <= c.cue.start) {
        let participle = table.norm(c1);
        let passive = c1 > c0 && BE.contains(&table.norm(c1 - 1));
        let adverbial = c.content.iter().all(|x| {
            let k = doc.token_at(x.start);
            k > c1
                && matches!(
                    table.norm(k),
                    "on" | "in"
                        | "at"
                        | "from"
                        | "during"
                        | "after"
                        | "before"
                        | "near"
                        | "since"
                        | "overnight"
                        | "yesterday"
                        | "today"
                        | "earlier"
                        | "later"
                )
        });
        let by = c1 + 1 < n && table.norm(c1 + 1) == "by";
        if passive
            && matches!(
                participle,
                "reported" | "recorded" | "registered" | "confirmed"
            )
            && adverbial
            && !by
        {
            c.content = vec![s];
            c.source = None;
        }
    }
    match c.source {
        Some(s) if s.end <= c.cue.start => {
            let s1 = last_token(doc, s.end, doc.token_at(s.start));
            // "the influential US | daily wrote": a noun the tagger put at the
            // head of the cue belongs to the source.
            let mut k = c0;
            while k < c1
                && k == s1 + 1 + (k - c0)
                && k - c0 < 3
                && is_word(cx, k)
                && !lexical(k)
                && !AUX.contains(&table.norm(k))
                && noun_like(table.norm(k))
                && (k + 1..=c1).any(lexical)
            {
                k += 1;
            }
            if k > c0 {
                c.source = Some(cx.span(doc.token_at(s.start), k - 1));
                c.cue = cx.span(k, c1);
            }
            // "The officers were told by the chief that …": the agent says it.
            if (c0..c1).any(|i| BE.contains(&table.norm(i)))
                && c1 + 2 < n
                && table.norm(c1 + 1) == "by"
                && table.sentence(c1 + 2) == table.sentence(c0)
            {
                let last = doc.sentences[table.sentence(c0)].last;
                if let Some((a, b)) = cx.np_forward(c1 + 2, last, true) {
                    c.source = Some(cx.span(a, b));
                    let ends_before = c.content.iter().all(|x| x.end <= c.cue.start);
                    if ends_before || c.content.is_empty() {
                        c.content.clear();
                    } else {
                        let after = doc.tokens[b].span.end;
                        c.content.retain(|x| x.start >= after);
                    }
                }
            }
        }
        None if c0 > first => {
            // "X on Tuesday accused …": skip the adverbial to the subject.
            let mut k = c0 - 1;
            while k > first && c0 - k <= 4 && is_time_word(table.norm(k)) {
                k -= 1;
            }
            let mut skipped = k + 1 < c0 && !is_time_word(table.norm(k));
            // "The film ― which weaves together … ― explains": skip an aside between dashes
            // (at most 40 tokens back). Not before a passive ("X ― a surgeon ― has been called
            // a charlatan by …": X is what is said of).
            let dash = |j: usize| matches!(table.norm(j), "—" | "―" | "–" | "--");
            if k == c0 - 1 && dash(k) && !(c0..=c1).any(|i| BE.contains(&table.norm(i))) {
                let from = k.saturating_sub(40).max(first + 1);
                if let Some(d) = (from..k).rev().find(|&j| dash(j)) {
                    k = d - 1;
                    skipped = true;
                }
            }
            if skipped {
                if let Some((a, b)) = cx.np_backward(k, first) {
                    if cx.clause_start(a, first) && (cx.is_upper_at(a) || b > a) {
                        c.source = Some(cx.span(a, b));
                    }
                }
            }
        }
        _ => {}
    }
    trim_source_end(cx, c);
    source_edges(cx, c);
}

/// Words that open an aside after a source's comma ("According to Yonhap, quoting KCNA,",
/// "said Chief Roe, on his first day as chief,").
const ASIDES: &[&str] = &[
    "quoting", "citing", "on", "in", "at", "during", "after", "while", "when",
];

/// The edges of a source. A relative clause after "who" is no part of it. A contracted auxiliary is not part of it ("I've
/// suggested", "they’ve said": the source is the pronoun). An appositive's closing comma
/// before the cue is ("Dean, a medical doctor, then said"), as PolNeAR marks it; not one
/// that opens an aside ("Karen Janes, of Exeter, in an interview, said").
/// Dev: source exact +2, then +3 with "who"; train (ten times as large) +15, then +13.
fn source_edges(cx: &Ctx, c: &mut Found) {
    let Some(s) = c.source else { return };
    let (doc, table) = (cx.doc, cx.table);
    let a = doc.token_at(s.start);
    let b = last_token(doc, s.end, a);
    let w = table.norm(b);
    if b > a && table.norm(a) == "who" && table.first_lower(a) && s.end <= c.cue.start {
        // "Mr. Obama, who watched the ceremony, said": the relative pronoun is the source
        // (linking leads it to the name), its clause is not.
        c.source = Some(doc.tokens[a].span);
    } else if let Some(k) = w.rfind('\'').filter(|&k| k > 0) {
        if matches!(&w[k + 1..], "ve" | "re" | "ll" | "d" | "m") {
            let t = doc.tokens[b].span;
            if let Some(r) = t.slice(doc.text).rfind(['\'', '’']) {
                c.source = Some(Span::new(s.start, t.start + r));
            }
        }
    } else if b + 1 < doc.tokens.len()
        && table.norm(b + 1) == ","
        && doc.tokens[b + 1].span.end <= c.cue.start
        && !ASIDES.contains(&table.norm(b + 2))
        && (a + 1..b).any(|k| table.norm(k) == ",")
    {
        c.source = Some(Span::new(s.start, doc.tokens[b + 1].span.end));
    }
}

/// Adverbs a source does not end with ("World leaders and diplomats almost agreed").
const SOURCE_ADVERBS: &[&str] = &[
    "almost", "also", "again", "already", "earlier", "even", "further", "later", "now", "still",
    "then", "too", "yet",
];

/// Words of a clause of the source's own, before a time it keeps.
const OWN_CLAUSE: &[&str] = &[
    "released",
    "published",
    "issued",
    "conducted",
    "taken",
    "commissioned",
    "who",
    "which",
    "that",
    ",",
];

/// Words a source does not end with once an adverb is cut.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "many", "some", "most", "several", "all", "these", "those", "few", "more",
];

/// Words in "-ly" that are not adverbs ("the family said", "the daily wrote").
const LY_NOUNS: &[&str] = &[
    "anomaly",
    "assembly",
    "belly",
    "bully",
    "butterfly",
    "daily",
    "early",
    "elderly",
    "family",
    "folly",
    "homily",
    "italy",
    "jelly",
    "monopoly",
    "monthly",
    "quarterly",
    "rally",
    "reply",
    "supply",
    "tally",
    "weekly",
];

/// The end of a source that is not who speaks: an adverb ("Gingrich cynically
/// noted", "World leaders and diplomats almost agreed") or a time after a capitalised word,
/// mostly a name ("The Times on Saturday reported", "the Supreme Court this month"; also
/// "Residents this week said"). PolNeAR's sources leave both out, but keep a time after a
/// common noun ("a memorable ad in 2008"), in a clause
/// of the source's own ("a poll released last week", "Ms. Rice, who ran in 2008") and
/// relative clauses (", who served as …,"). Dev: source exact 1,212 → 1,220 right; train
/// (ten times as large) 10,581 → 10,596, none lost.
fn trim_source_end(cx: &Ctx, c: &mut Found) {
    let Some(s) = c.source else { return };
    let (doc, table) = (cx.doc, cx.table);
    let a = doc.token_at(s.start);
    let b0 = last_token(doc, s.end, a);
    let mut b = b0;
    // Not in a clause of the source's own: "a report released by the agency last month",
    // "Ms. Rice, who ran for the Senate in 2008".
    let released = |k: usize| OWN_CLAUSE.contains(&table.norm(k));
    loop {
        let w = table.norm(b);
        let adverb = SOURCE_ADVERBS.contains(&w)
            || (w.len() >= 5 && w.ends_with("ly") && !LY_NOUNS.contains(&w));
        // Not when a determiner would be left ("Many elderly say").
        if b > a && table.first_lower(b) && adverb && !DETERMINERS.contains(&table.norm(b - 1)) {
            b -= 1;
            continue;
        }
        if b > a + 1 && cx.is_upper_at(b - 2) && !(a..b).any(released) {
            let p = table.norm(b - 1);
            let year = w.len() == 4 && w.bytes().all(|x| x.is_ascii_digit());
            let time = (p == "on" && WEEKDAYS.contains(&w))
                || (p == "in" && year)
                || (matches!(p, "this" | "last" | "next")
                    && matches!(w, "week" | "month" | "year" | "weekend" | "morning"));
            if time {
                b -= 2;
                continue;
            }
        }
        break;
    }
    if b < b0 {
        c.source = Some(cx.span(a, b));
    }
}

/// The last token that ends at or before byte `end` (at least `a`).
fn last_token(doc: &Doc, end: usize, a: usize) -> usize {
    // The tokens that start before `end`, the last of them.
    let b = doc.token_at(end).saturating_sub(1);
    b.max(a)
}

/// The first token of the claim's cue or source after token `b`, if any: a
/// content never runs over them.
fn stop_of(doc: &Doc, c: &Found, b: usize) -> usize {
    let mut stop = usize::MAX;
    let end = doc.tokens[b].span.end;
    for s in std::iter::once(c.cue).chain(c.source) {
        if s.start >= end {
            stop = stop.min(doc.token_at(s.start));
        }
    }
    stop
}

/// A content that ends on token `b` mid-phrase (a word followed by a word of
/// its sentence) runs on to the next boundary; otherwise `b`.
fn extend_end(cx: &Ctx, b: usize, stop: usize) -> usize {
    let (doc, table) = (cx.doc, cx.table);
    let last = doc.sentences[table.sentence(b)].last.min(stop);
    if b + 1 >= last || !is_word(cx, b) || !is_word(cx, b + 1) {
        return b;
    }
    let dangling = DANGLING.contains(&table.norm(b));
    if !dangling && is_clause_word(table.norm(b + 1)) {
        return b;
    }
    let mut e = b;
    for k in b + 1..last.min(b + 1 + MAX_EXTEND) {
        crate::work::add(1);
        // A boundary (punctuation, a quotation mark), a clause word or
        // another cue: the content ends before it.
        if !is_word(cx, k)
            || k > b + 1 && is_clause_word(table.norm(k))
            || cx.lex.phrases.longest_at(table, k, last).is_some()
        {
            return e;
        }
        e = k;
    }
    // The sentence (or the claim's cue) ends the content; a walk cut by the
    // cap leaves it as it was.
    if e + 1 == last {
        e
    } else {
        b
    }
}

/// A lowercase word that can end a noun phrase: not a verb form or an
/// adverb by its ending ("unleashed", "started", "now", "further").
fn noun_like(w: &str) -> bool {
    const NOT: &[&str] = &[
        "now", "further", "best", "then", "also", "all", "both", "each", "went", "took", "made",
        "gave", "got", "came", "began", "kept", "put",
    ];
    let adverb = w.ends_with("ly") && !matches!(w, "daily" | "weekly" | "monthly");
    !adverb
        && !NOT.contains(&w)
        && !w.ends_with("ed")
        && !w.ends_with("ing")
        && !w.ends_with('s')
        && w.chars().all(|ch| ch.is_alphabetic())
}

/// A token that can be inside a phrase: a word, a number, a clitic.
fn is_word(cx: &Ctx, i: usize) -> bool {
    matches!(
        cx.doc.tokens[i].kind,
        TokenKind::Word | TokenKind::Number | TokenKind::Possessive | TokenKind::Negation
    )
}

/// The content a content-less claim has by its construction, if any.
fn find_content(cx: &Ctx, c: &Found) -> Option<(usize, usize)> {
    let (doc, table) = (cx.doc, cx.table);
    let n = doc.tokens.len();
    let c0 = doc.token_at(c.cue.start);
    let c1 = last_token(doc, c.cue.end, c0);
    // The claim's first and last token (cue and source together).
    let (first, last) = match c.source {
        Some(s) => {
            let s0 = doc.token_at(s.start);
            (s0.min(c0), last_token(doc, s.end, s0).max(c1))
        }
        None => (c0, c1),
    };
    let j = last + 1;
    // "He added:" — the content follows the colon (the cue's own, "said:", or after the
    // claim), here or in the next paragraph.
    if table.norm(c1) == ":" && c1 == last {
        return cx.content_after(j);
    }
    if j < n && table.norm(j) == ":" {
        return cx.content_after(j + 1);
    }
    let sentence = table.sentence(c1);
    let same = |i: usize| i < n && table.sentence(i) == sentence;
    let terminal = |i: usize| {
        doc.tokens[i].kind == TokenKind::Punct && matches!(table.norm(i), "." | "!" | "?")
    };
    if same(j) && !terminal(j) && doc.tokens[j].kind != TokenKind::CloseQuote {
        // "told a radio host on Monday that …": the content starts at "that".
        let that = (j..n.min(j + MAX_THAT))
            .take_while(|&k| same(k) && is_word(cx, k))
            .find(|&k| table.norm(k) == "that");
        let start = match that {
            Some(k) => k,
            None if table.norm(j) == "," => j + 1,
            None => j,
        };
        if start < n && same(start) {
            return cx.content_after(start);
        }
        return None;
    }
    // "…, sources said." — the content is the clause before the claim: a
    // quote, or a clause of three tokens or more ("Only | 40 percent of
    // voters agreed" has none).
    if first > doc.sentences[sentence].first {
        return cx
            .content_before(first - 1)
            .filter(|&(a, b)| b >= a + 2 || doc.tokens[a].kind == TokenKind::OpenQuote);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    /// The span of the first occurrence of `part` in `text`.
    fn at(text: &str, part: &str) -> Span {
        let s = text.find(part).expect(part);
        Span::new(s, s + part.len())
    }

    /// Refines one claim given as (source, cue, content) parts of `text`;
    /// returns its content parts, or `None` when the claim is dropped.
    fn refined(
        text: &str,
        source: Option<&str>,
        cue: &str,
        content: Option<&str>,
    ) -> Option<Vec<String>> {
        let doc = Doc::new(text);
        let table = TokenTable::new(&doc, true);
        let lex = CueLexicon::builtin();
        let mut claims = vec![Found {
            source: source.map(|s| at(text, s)),
            cue: at(text, cue),
            content: content.map(|c| at(text, c)).into_iter().collect(),
        }];
        refine(&doc, &table, &lex, None, &mut claims);
        claims.pop().map(|c| {
            c.content
                .iter()
                .map(|s| s.slice(text).to_string())
                .collect()
        })
    }

    #[test]
    fn a_preposition_alone_is_no_source() {
        let text = "Congress may act by asking prosecutors to charge him.";
        let doc = Doc::new(text);
        let table = TokenTable::new(&doc, true);
        let mut claims = vec![Found {
            source: Some(at(text, "by")),
            cue: at(text, "asking"),
            content: vec![at(text, "prosecutors to charge him")],
        }];
        refine(&doc, &table, &CueLexicon::builtin(), None, &mut claims);
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].source, None);
    }

    #[test]
    fn a_claim_without_content_gets_the_content_of_its_construction() {
        #[rustfmt::skip]
        let cases: &[(&str, Option<&str>, &str, Option<&str>)] = &[
            // After the cue.
            ("Ms. Ortiz said the vote was rigged.", Some("Ms. Ortiz"), "said",
             Some("the vote was rigged")),
            // A listener and an adverbial before "that".
            ("The governor told reporters on Friday that the dam would hold.",
             Some("The governor"), "told", Some("that the dam would hold")),
            // After a colon.
            ("The senator added: the plan is dead.", Some("The senator"), "added",
             Some("the plan is dead")),
            // Before a cue that ends the sentence.
            ("The river will crest on Sunday, officials said.", Some("officials"), "said",
             Some("The river will crest on Sunday")),
            // A quote before the cue.
            ("“We will rebuild,” the mayor said.", Some("the mayor"), "said",
             Some("“We will rebuild,”")),
            // Nothing said anywhere: the claim is dropped.
            ("He wrote.", Some("He"), "wrote", None),
            // A lone word before the source is no content.
            ("Only 40 percent of voters agreed.", Some("40 percent of voters"), "agreed", None),
        ];
        for &(text, source, cue, want) in cases {
            let got = refined(text, source, cue, None);
            let want = want.map(|w| vec![w.to_string()]);
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn a_content_cut_mid_phrase_runs_to_the_next_boundary() {
        #[rustfmt::skip]
        let cases: &[(&str, Option<&str>, &str, &str, &str)] = &[
            // Cut after a preposition.
            ("The coach said the ad blitz in Ohio was wasted.", Some("The coach"), "said",
             "the ad blitz in", "the ad blitz in Ohio was wasted"),
            // Cut after "that".
            ("A new poll shows that turnout will fall.", Some("A new poll"), "shows",
             "that", "that turnout will fall"),
            // Runs to a comma, not over it.
            ("She said the plan failed badly, and left.", Some("She"), "said",
             "the plan failed", "the plan failed badly"),
            // Stops before a clause word.
            ("She said the plan failed and then left.", Some("She"), "said",
             "the plan", "the plan failed"),
            // Stops before a date adverbial.
            ("Mr. Olsen said the deal holds on Tuesday.", Some("Mr. Olsen"), "said",
             "the deal", "the deal holds"),
            // Stops before the claim's own source.
            ("Prices will rise the minister said.", Some("the minister"), "said",
             "Prices will", "Prices will rise"),
            // A content that ends at a boundary stays as it is.
            ("She said the plan failed, and left.", Some("She"), "said",
             "the plan failed", "the plan failed"),
            // A content that ends at a word before a clause word stays as it is.
            ("She said the plan failed and left.", Some("She"), "said",
             "the plan failed", "the plan failed"),
        ];
        for &(text, source, cue, content, want) in cases {
            let got = refined(text, source, cue, Some(content));
            assert_eq!(got, Some(vec![want.to_string()]), "{text:?}");
        }
    }

    /// Refines one claim; returns (source, cue, contents) as text.
    fn whole(
        text: &str,
        source: Option<&str>,
        cue: &str,
        content: Option<&str>,
    ) -> (Option<String>, String, Vec<String>) {
        let doc = Doc::new(text);
        let table = TokenTable::new(&doc, true);
        let lex = CueLexicon::builtin();
        let mut claims = vec![Found {
            source: source.map(|s| at(text, s)),
            cue: at(text, cue),
            content: content.map(|c| at(text, c)).into_iter().collect(),
        }];
        refine(&doc, &table, &lex, None, &mut claims);
        let c = claims.pop().expect("the claim is kept");
        (
            c.source.map(|s| s.slice(text).to_string()),
            c.cue.slice(text).to_string(),
            c.content
                .iter()
                .map(|s| s.slice(text).to_string())
                .collect(),
        )
    }

    #[test]
    fn sources_are_whole_and_found_around_adverbials_and_agents() {
        type Case<'a> = (
            &'a str,
            Option<&'a str>,
            &'a str,
            &'a str,
            (Option<&'a str>, &'a str, &'a str),
        );
        #[rustfmt::skip]
        let cases: &[Case] = &[
            // A noun the tagger put into the cue goes back to the source.
            ("The influential US daily wrote that the deal was dead.",
             Some("The influential US"), "daily wrote", "that the deal was dead",
             (Some("The influential US daily"), "wrote", "that the deal was dead")),
            ("The regional weekly reported that the mill had closed.",
             Some("The regional"), "weekly reported", "that the mill had closed",
             (Some("The regional weekly"), "reported", "that the mill had closed")),
            // An adverb or a verb at the head of the cue stays there.
            ("The mayor now says the bridge is safe.",
             Some("The mayor"), "now says", "the bridge is safe",
             (Some("The mayor"), "now says", "the bridge is safe")),
            ("The chief went on to explain that the unit was closed.",
             Some("The chief"), "went on to explain", "that the unit was closed",
             (Some("The chief"), "went on to explain", "that the unit was closed")),
            // A time adverbial between the source and the cue.
            ("President Ana Ruiz on Tuesday accused the mining company of hiding the spill.",
             None, "accused", "the mining company of hiding the spill",
             (Some("President Ana Ruiz"), "accused", "the mining company of hiding the spill")),
            ("Senator Lee last week criticized the plan.", None, "criticized", "the plan",
             (Some("Senator Lee"), "criticized", "the plan")),
            // A passive with an agent: the agent is the source.
            ("The officers were told by the chief that the case was closed.",
             Some("The officers"), "were told", "that the case was closed",
             (Some("the chief"), "were told", "that the case was closed")),
            // A focus word before the source at the start of its clause.
            ("Only a third of the members agreed that the fee was fair.",
             Some("a third of the members"), "agreed", "that the fee was fair",
             (Some("Only a third of the members"), "agreed", "that the fee was fair")),
            // A passive without an agent keeps its source.
            ("The officers were told that the case was closed.",
             Some("The officers"), "were told", "that the case was closed",
             (Some("The officers"), "were told", "that the case was closed")),
            // An adverb or a time after a name at the end of the source is not who speaks.
            ("Ortiz cynically noted that the fund was empty.",
             Some("Ortiz cynically"), "noted", "that the fund was empty",
             (Some("Ortiz"), "noted", "that the fund was empty")),
            ("The Clarion on Saturday reported that the mill had closed.",
             Some("The Clarion on Saturday"), "reported", "that the mill had closed",
             (Some("The Clarion"), "reported", "that the mill had closed")),
            ("Council members almost unanimously agreed that the fee was fair.",
             Some("Council members almost unanimously"), "agreed", "that the fee was fair",
             (Some("Council members"), "agreed", "that the fee was fair")),
            // Kept: a noun in "-ly", a time in the source's own clause or after a common noun.
            ("The family said the boy was safe.",
             Some("The family"), "said", "the boy was safe",
             (Some("The family"), "said", "the boy was safe")),
            ("Many elderly say the clinic was closed.",
             Some("Many elderly"), "say", "the clinic was closed",
             (Some("Many elderly"), "say", "the clinic was closed")),
            ("A survey released by Dalton College last month found that rents rose.",
             Some("A survey released by Dalton College last month"), "found", "that rents rose",
             (Some("A survey released by Dalton College last month"), "found", "that rents rose")),
            ("A memorable campaign ad in 2008 claimed that taxes would fall.",
             Some("A memorable campaign ad in 2008"), "claimed", "that taxes would fall",
             (Some("A memorable campaign ad in 2008"), "claimed", "that taxes would fall")),
        ];
        for &(text, source, cue, content, (ws, wc, wx)) in cases {
            let got = whole(text, source, cue, Some(content));
            let want = (ws.map(String::from), wc.to_string(), vec![wx.to_string()]);
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn a_content_does_not_end_on_a_conjunction() {
        let text = "The union said the strike would go on and warned that talks had failed.";
        let got = whole(
            text,
            Some("The union"),
            "said",
            Some("the strike would go on and"),
        );
        assert_eq!(got.2, vec!["the strike would go on".to_string()]);
    }
}
