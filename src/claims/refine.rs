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
//! Every walk is bounded ([`MAX_EXTEND`], [`MAX_THAT`]) and stays inside
//! the sentence, so the pass is linear in the number of tokens.

use super::cues::CueLexicon;
use super::rules::Ctx;
use super::Found;
use crate::text::{Doc, TokenKind, TokenTable};

/// The most tokens a content end moves right.
const MAX_EXTEND: usize = 60;
/// How far after a cue a "that" is looked for ("told a radio host on Monday that …").
const MAX_THAT: usize = 8;

/// Words before which a content that stops mid-phrase also stops: they
/// start a clause or an adverbial that is not part of what was said.
const CLAUSE_WORDS: &[&str] = &[
    "and",
    "but",
    "which",
    "who",
    "while",
    "because",
    "when",
    "after",
    "before",
    "during",
    "as",
    "on",
    "in",
    "at",
    "last",
    "this",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Function words a content cannot end with ("…ad blitz in", "…shows that").
const DANGLING: &[&str] = &[
    "that", "the", "a", "an", "of", "in", "on", "to", "for", "with", "by", "at", "from", "and",
    "or", "but", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
    "about", "what", "whether", "if", "is", "are", "was", "were", "be", "been", "not", "as",
];

/// Repairs or drops the content-less claims and completes contents cut
/// mid-phrase. Claims stay in their order.
pub(super) fn refine(doc: &Doc, table: &TokenTable, lex: &CueLexicon, claims: &mut Vec<Found>) {
    if doc.tokens.is_empty() {
        return;
    }
    let cx = Ctx { doc, table, lex };
    claims.retain_mut(|c| {
        if c.content.is_empty() {
            if let Some((a, b)) = find_content(&cx, c) {
                c.content.push(cx.span(a, b));
            }
        } else {
            for k in 0..c.content.len() {
                let s = c.content[k];
                let a = doc.token_at(s.start);
                let b = last_token(doc, s.end, a);
                let stop = stop_of(doc, c, b);
                let e = extend_end(&cx, b, stop);
                if e != b {
                    c.content[k] = cx.span(a, e);
                }
            }
        }
        !c.content.is_empty()
    });
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
    if !dangling && CLAUSE_WORDS.contains(&table.norm(b + 1)) {
        return b;
    }
    let mut e = b;
    for k in b + 1..last.min(b + 1 + MAX_EXTEND) {
        crate::work::add(1);
        // A boundary (punctuation, a quotation mark), a clause word or
        // another cue: the content ends before it.
        if !is_word(cx, k)
            || k > b + 1
                && (CLAUSE_WORDS.contains(&table.norm(k))
                    || cx.lex.phrases.longest_at(table, k, last).is_some())
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
    // "He added:" — the content follows the colon, here or in the next paragraph.
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
    // "…, sources said." — the content is the clause before the claim.
    if first > doc.sentences[sentence].first {
        return cx.content_before(first - 1);
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
        refine(&doc, &table, &lex, &mut claims);
        claims.pop().map(|c| {
            c.content
                .iter()
                .map(|s| s.slice(text).to_string())
                .collect()
        })
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
}
