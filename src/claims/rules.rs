//! Claims layer: who said what — source, reporting cue and content.
//!
//! A cue from `lexicons/cues.tsv` anchors each claim. Around it a few token
//! patterns find the source noun phrase and the content:
//!
//! * forward speech: "X (has) said (that) …", "X told reporters …";
//! * inverted speech: "“…,” X said", "“…,” said X", "…, officials said";
//! * split quotes: "“…,” she said, “…”" (two content spans);
//! * "according to X, …" and "…, according to X";
//! * participles: "…, saying that …" (the source is the clause subject);
//! * passives: "it was reported that …" (no source), "it was claimed by X that …" and
//!   "she was told by X that …" (the agent X is the source);
//! * "in the words of X, “…”" and "“…,” in the words of X" (with a quotation only).
//!
//! Quotes are paired once per document, so a quoted content may run over
//! several sentences or paragraphs. Everything is a bounded walk around the
//! cue, so [`find`] is linear in the number of tokens.

use super::cues::{CueKind, CueLexicon};
use super::Found;
use crate::lexicon::PhraseSet;
use crate::span::Span;
use crate::text::WEEKDAYS;
use crate::text::{Doc, TokenKind, TokenTable, NONE};
use std::sync::LazyLock;

/// The longest content that runs to the end of its sentence, in tokens (a
/// longer sentence is cut there: it keeps a sentence with many cues linear).
const MAX_CONTENT_TOKENS: usize = 300;

/// Auxiliaries and adverbs that join a cue on its left ("has also said").
pub(super) const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "did",
    "does",
    "do",
    "not",
    "n't",
    "never",
    "already",
    "previously",
    "repeatedly",
    "recently",
    "publicly",
    "privately",
    "later",
    "once",
    "just",
    "often",
    "frequently",
    "again",
    "first",
    "initially",
    "openly",
    "explicitly",
    "flatly",
    "reportedly",
    "even",
    "still",
    "quickly",
    "then",
    "strongly",
    "sharply",
];

pub(super) const BE: &[&str] = &["is", "are", "was", "were", "be", "been"];

/// Pronouns (and relatives) that are a whole source on their own.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "i", "we", "you", "it", "who", "which", "that", "one",
];

/// Words that cannot be inside a source noun phrase.
const STOP: &[&str] = &[
    // prepositions (of/for/at/by/in are handled separately)
    "on",
    "to",
    "with",
    "from",
    "into",
    "during",
    "after",
    "before",
    "since",
    "about",
    "over",
    "under",
    "than",
    "through",
    "without",
    "against",
    "among",
    "like",
    "as",
    "upon",
    "while",
    "per",
    "via",
    // conjunctions and subordinators
    "but",
    "or",
    "nor",
    "so",
    "because",
    "when",
    "if",
    "although",
    "though",
    "whereas",
    "where",
    "whether",
    "yet",
    "and",
    "unless",
    "until",
    "once",
    "what",
    "how",
    "why",
    // verbs and auxiliaries
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "should",
    "must",
    "not",
    "n't",
    "said",
    "says",
    "told",
    "also",
    "there",
    "here",
    // adverbs and time words
    "now",
    "then",
    "however",
    "still",
    "even",
    "just",
    "only",
    "later",
    "earlier",
    "today",
    "yesterday",
    "tomorrow",
    "meanwhile",
    "instead",
    "again",
    "already",
    "never",
    "always",
    "ago",
    // (and the weekdays, `text::WEEKDAYS`, added to STOP_SET)
    "week",
    "night",
    "morning",
    "afternoon",
    "evening",
    "year",
    "month",
    "this",
    "last",
    "next",
    "him",
    "her",
    "them",
    "me",
    "us",
    "his",
    "its",
    "their",
    "our",
    "my",
    "your",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "it",
    "who",
    "which",
    "that",
    "whom",
    "whose",
];

/// [`STOP`] and the weekdays as a phrase set of one-token phrases: a noun
/// phrase asks for every word it passes, and the token table has each
/// token's hash.
static STOP_SET: LazyLock<PhraseSet<usize>> = LazyLock::new(|| {
    let mut set = PhraseSet::new();
    for w in STOP.iter().chain(WEEKDAYS) {
        set.insert(w, 0);
    }
    set
});

/// Prepositions allowed inside a source noun phrase ("spokesman for the campaign").
const NP_PREPS: &[&str] = &["of", "for", "at", "by", "in", "from"];

/// Prepositions: a noun phrase right after one is their object.
const PREPS: &[&str] = &[
    "in", "on", "with", "during", "after", "before", "at", "from", "to", "by", "for", "of",
    "about", "into", "over", "under", "through", "since", "like", "as", "without", "against",
];

/// Passive cues whose grammatical subject is not the speaker.
const PASSIVE_AGENTLESS: &[&str] = &[
    "characterized",
    "described",
    "called",
    "criticized",
    "praised",
    "accused",
    "blamed",
    "asked",
    "told",
    "urged",
    "quoted",
    "cited",
    "labeled",
    "dubbed",
    "branded",
    "portrayed",
    "deemed",
    "attacked",
    "questioned",
    "rejected",
    "dismissed",
    "endorsed",
    "encouraged",
    "ordered",
    "thanked",
    "credited",
    "mocked",
    "denounced",
    "condemned",
    "defended",
];

/// Sentence adverbs that stand before the content and are not part of it.
const DISCOURSE: &[&str] = &[
    "meanwhile",
    "however",
    "moreover",
    "still",
    "indeed",
    "instead",
    "nevertheless",
    "furthermore",
    "separately",
    "also",
    "now",
    "then",
    "later",
    "earlier",
];

/// Determiners: a reporting verb right after one is an adjective ("the said company").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your",
];

/// Words after "according to" that are not a source ("according to plan").
const NOT_SOURCES: &[&str] = &[
    "plan",
    "plans",
    "schedule",
    "script",
    "form",
    "tradition",
    "expectations",
    "protocol",
    "rules",
    "custom",
];

/// Words that may follow a reporting verb before its content ("said Tuesday that"), besides
/// [`WEEKDAYS`].
const AFTER_CUE_SKIP: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "later",
    "earlier",
    "recently",
    "previously",
    "repeatedly",
    "again",
    "also",
    "publicly",
    "privately",
    "flatly",
    "bluntly",
    "simply",
    "then",
    "last",
    "this",
    "week",
    "month",
    "year",
    "morning",
    "night",
    "afternoon",
    "evening",
    "on",
];

/// Words that open a clause after "that" besides [`DETERMINERS`] ("that they would …").
const CLAUSE_OPENERS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "there", "some", "many", "most", "all", "no",
    "both", "each", "every", "several", "few", "more", "none",
];

/// Objects that can follow a "tell" verb.
const LISTENER_PRONOUNS: &[&str] = &["me", "him", "her", "us", "them", "you", "reporters"];

pub(super) struct Ctx<'a, 'd> {
    pub(super) doc: &'a Doc<'d>,
    pub(super) table: &'a TokenTable,
    pub(super) lex: &'a CueLexicon,
}

impl Ctx<'_, '_> {
    #[inline]
    fn n(&self, i: usize) -> &str {
        self.table.norm(i)
    }

    #[inline]
    fn kind(&self, i: usize) -> TokenKind {
        self.doc.tokens[i].kind
    }

    #[inline]
    fn is(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.n(i))
    }

    /// `self.is(i, STOP)`.
    #[inline]
    fn is_stop(&self, i: usize) -> bool {
        STOP_SET.longest_at(self.table, i, i + 1).is_some()
    }

    #[inline]
    fn is_upper(&self, i: usize) -> bool {
        self.table.first_upper(i)
    }

    /// True when token `i` starts with a capital letter.
    pub(super) fn is_upper_at(&self, i: usize) -> bool {
        self.is_upper(i)
    }

    fn is_terminal(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::Punct && matches!(self.n(i), "." | "!" | "?" | "..." | "…")
    }

    fn is_open(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::OpenQuote && self.table.partner(i) != NONE
    }

    fn is_close(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::CloseQuote && self.table.partner(i) != NONE
    }

    fn sent(&self, i: usize) -> &crate::text::Sentence {
        &self.doc.sentences[self.table.sentence(i)]
    }

    pub(super) fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.doc.tokens[a].span.start, self.doc.tokens[b].span.end)
    }

    /// A word that can be part of a noun phrase.
    fn np_word(&self, i: usize) -> bool {
        match self.kind(i) {
            TokenKind::Word => {
                !self.is_stop(i) && (self.is_upper(i) || !self.lex.phrases.contains_word(self.n(i)))
            }
            TokenKind::Number | TokenKind::Possessive => true,
            TokenKind::Punct => self.n(i) == "&",
            _ => false,
        }
    }

    /// The noun phrase that ends at token `k` (inclusive), not before `lo`.
    pub(super) fn np_backward(&self, k: usize, lo: usize) -> Option<(usize, usize)> {
        self.np_backward_within(k, lo, 1)
    }

    /// [`Ctx::np_backward`], following at most `relatives` relative clauses
    /// ("officials who met him") back to their heads: bounded, so that a chain
    /// of "who" clauses costs neither stack nor quadratic time.
    fn np_backward_within(&self, k: usize, lo: usize, relatives: u32) -> Option<(usize, usize)> {
        if k < lo || k >= self.table.len() {
            return None;
        }
        if self.is(k, PRONOUNS) {
            return Some((k, k));
        }
        let paren_end = self.n(k) == ")" && k > lo;
        if !paren_end
            && (self.kind(k) != TokenKind::Word && self.kind(k) != TokenKind::Number
                || !self.np_word(k))
        {
            return None;
        }
        let mut s = k + 1;
        while s > lo {
            let j = s - 1;
            crate::work::add(1);
            if self.n(j) == ")" {
                // A parenthesis inside the name: "Rep. Jane Roe (D-Ore.)".
                let mut q = j;
                while q > lo && j - q < 8 && self.n(q) != "(" {
                    q -= 1;
                }
                if self.n(q) == "(" && q > lo && self.np_word(q - 1) {
                    s = q;
                    continue;
                }
                break;
            }
            let joins = self.np_word(j)
                || self.is(j, NP_PREPS) && j > lo && self.np_word(j - 1)
                || self.is(j, &["on", "to"])
                    && j > lo
                    && self.is_upper(j - 1)
                    && self.is_upper(s)
                    && self.np_word(j - 1)
                || self.n(j) == "and"
                    && j > lo
                    && self.is_upper(j - 1)
                    && self.is_upper(s)
                    && self.np_word(j - 1);
            if !joins {
                break;
            }
            s = j;
            if k - s > 12 {
                break;
            }
        }
        if s > k {
            return None;
        }
        // A possessive determiner opens the phrase ("his advisers").
        if s > lo && self.is(s - 1, &["his", "her", "their", "its", "our", "my", "your"]) {
            s -= 1;
        }
        // Do not start on a preposition or a possessive clitic.
        while s < k && (self.is(s, NP_PREPS) || self.kind(s) == TokenKind::Possessive) {
            s += 1;
        }
        // A restrictive relative clause belongs to its head ("officials who met him said").
        if relatives > 0
            && s >= lo + 2
            && self.is(s - 1, &["who", "that", "which"])
            && self.kind(s - 2) == TokenKind::Word
            && self.np_word(s - 2)
        {
            if let Some((s2, _)) = self.np_backward_within(s - 2, lo, relatives - 1) {
                if !self.is(s2, PRONOUNS) {
                    return Some((s2, k));
                }
            }
        }
        // After a preposition the phrase began as its object ("In an interview Smith said"):
        // keep the trailing capitalised name.
        if s > lo && self.is(s - 1, PREPS) {
            let mut t = k;
            while t > s && (self.is_upper(t - 1) || self.kind(t - 1) == TokenKind::Possessive) {
                t -= 1;
            }
            if t > s && self.is_upper(t) {
                s = t;
            }
        }
        Some((s, k))
    }

    /// The noun phrase that starts at token `s`, not reaching `hi` (exclusive).
    pub(super) fn np_forward(
        &self,
        s: usize,
        hi: usize,
        allow_lower_start: bool,
    ) -> Option<(usize, usize)> {
        if s >= hi {
            return None;
        }
        if self.is(s, &["he", "she", "they", "i", "we", "you", "it"]) {
            return Some((s, s));
        }
        if !self.np_word(s) || self.kind(s) == TokenKind::Possessive {
            return None;
        }
        if !allow_lower_start && !self.is_upper(s) && !self.is(s, DETERMINERS) {
            return None;
        }
        let mut e = s;
        while e + 1 < hi && e - s < 14 {
            let j = e + 1;
            if self.np_word(j) {
                e = j;
            } else if j + 1 < hi
                && (self.is(j, NP_PREPS) && self.np_word(j + 1)
                    || self.n(j) == "and" && self.is_upper(e) && self.is_upper(j + 1))
            {
                e = j + 1;
            } else {
                break;
            }
        }
        Some((s, e))
    }

    /// True when a phrase starting at `s` starts a clause.
    pub(super) fn clause_start(&self, s: usize, first: usize) -> bool {
        // At or before the sentence's first token (a phrase taken back across a line
        // break): a clause start, and no token before it to read.
        s <= first
            || matches!(
                self.kind(s - 1),
                TokenKind::CloseQuote | TokenKind::OpenQuote | TokenKind::Dash
            )
            || matches!(self.n(s - 1), ":" | ";" | "(")
            || self.n(s - 1) == "," && s >= first + 2 && self.kind(s - 2) == TokenKind::CloseQuote
    }

    /// The source that ends at token `b` (inclusive), before a cue; "Jane Roe, a
    /// lawyer for the city," (with its appositive) when `b` is a comma.
    fn source_before(&self, b: usize, first: usize) -> Option<(usize, usize)> {
        if self.n(b) != "," {
            return self.np_backward(b, first);
        }
        let mut q = b;
        let mut commas = 0;
        while q > first && b - q < 40 {
            q -= 1;
            crate::work::add(1);
            let w = self.n(q);
            if self.is_terminal(q)
                || matches!(self.kind(q), TokenKind::OpenQuote | TokenKind::CloseQuote)
            {
                return None;
            }
            if w != "," {
                continue;
            }
            commas += 1;
            if commas > 3 {
                return None;
            }
            if q == first {
                return None;
            }
            if let Some((s, e)) = self.np_backward(q - 1, first) {
                if e == q - 1
                    && (self.is_upper(s) || self.is(s, DETERMINERS))
                    && self.clause_start(s, first)
                {
                    // "Smith, speaking in Ohio, said": the participle phrase is not the source.
                    let descriptive = self.is(q + 1, DETERMINERS)
                        || self.is_upper(q + 1)
                        || self.is(q + 1, &["who", "which", "whose", "now", "then", "also"])
                        || self.kind(q + 1) == TokenKind::Number;
                    // The annotators keep the closing comma of an appositive.
                    return Some(if descriptive { (s, b) } else { (s, e) });
                }
            }
        }
        None
    }

    /// Extends a source after a cue over its appositive ("said Jane Roe, a lawyer for the city.").
    fn extend_appositive(&self, e: usize, last: usize) -> usize {
        if e + 2 >= last || self.n(e + 1) != "," || self.is_open(e + 2) {
            return e;
        }
        let mut j = e + 2;
        let mut end = e;
        while j < last {
            crate::work::add(1);
            if self.is_terminal(j)
                || self.kind(j) == TokenKind::OpenQuote
                || self.lex.phrases.longest_at(self.table, j, last).is_some()
            {
                break;
            }
            if self.n(j) != "," {
                end = j;
            }
            j += 1;
        }
        if j < last && !self.is_terminal(j) {
            // Something else follows ("…, adding that …"): keep only the first appositive.
            let mut k = e + 2;
            while k < end && self.n(k) != "," {
                k += 1;
            }
            end = if k < end { k - 1 } else { end };
            while end > e && self.n(end) == "," {
                end -= 1;
            }
        }
        end
    }

    /// The noun phrase that opens a sentence (its likely subject).
    fn sentence_subject(&self, first: usize, last: usize) -> Option<(usize, usize)> {
        let mut s = first;
        while s < last
            && (self.kind(s) == TokenKind::OpenQuote || self.is(s, &["but", "and", "yet", "so"]))
        {
            s += 1;
        }
        if s < last && self.is(s, &["he", "she", "they", "it", "we", "i"]) {
            return Some((s, s));
        }
        let (a, e) = self.np_forward(s, last, false)?;
        // Without parts of speech, stop before the first word that looks like a verb.
        let mut end = a;
        while end < e {
            let next = end + 1;
            crate::work::add(1);
            let w = self.n(next);
            if !self.is_upper(next)
                && (w.ends_with("ed") || self.lex.phrases.contains_word(w))
                && self.kind(next) == TokenKind::Word
            {
                break;
            }
            if self.is_upper(a)
                && !self.is(a, DETERMINERS)
                && !self.is_upper(next)
                && self.kind(next) != TokenKind::Possessive
                && !self.is(next, NP_PREPS)
            {
                break;
            }
            end = next;
        }
        (end < e || e + 1 < last && self.kind(e + 1) == TokenKind::Word).then_some((a, end))
    }

    /// The content that ends at token `e` (inclusive): a quote, or from the sentence start.
    pub(super) fn content_before(&self, e: usize) -> Option<(usize, usize)> {
        let mut e = e;
        let first = self.sent(e).first;
        while e > first && matches!(self.n(e), "," | "—" | "-" | "--" | "–") {
            e -= 1;
        }
        if self.is_close(e) {
            let p = self.table.partner(e) as usize;
            if p < e {
                return Some((p, e));
            }
        }
        if matches!(self.n(e), "," | "—" | "-" | "--" | "–") {
            return None;
        }
        // Start of the sentence, after a discourse adverb ("Meanwhile, …").
        let mut s = first;
        if s + 2 <= e && self.n(s + 1) == "," && self.is(s, DISCOURSE) {
            s += 2;
        }
        (s <= e).then_some((s, e))
    }

    /// The content that starts at token `s`: a quote, or to the end of the sentence.
    pub(super) fn content_after(&self, s: usize) -> Option<(usize, usize)> {
        if s >= self.table.len() {
            return None;
        }
        let sent_last = self.sent(s).last;
        if self.is_open(s) {
            let p = self.table.partner(s) as usize;
            // A quote that ends its sentence (or runs over several).
            let after = p + 1;
            let ends = after >= self.table.len()
                || self.table.sentence(after) != self.table.sentence(s)
                || self.is_terminal(after)
                || matches!(self.n(after), "," | ")" | ";");
            if p > s && ends {
                return Some((s, p));
            }
        }
        if self.is_terminal(s) || self.kind(s) == TokenKind::CloseQuote {
            return None;
        }
        // A lone particle is not a content ("readers wrote in").
        if s + 1 < self.table.len()
            && self.is_terminal(s + 1)
            && (self.is_stop(s) || self.is(s, PREPS))
        {
            return None;
        }
        // To the end of the sentence, without the final period (unless a quote closes after it),
        // or to the next attribution: "…, saying …", "… and said …", "…, according to …".
        // Bounded, so that a sentence with many cues stays linear.
        let sent_last = sent_last.min(s + MAX_CONTENT_TOKENS);
        let mut e = sent_last - 1;
        let mut depth = 0i32;
        for j in s + 1..sent_last {
            crate::work::add(1);
            match self.kind(j) {
                TokenKind::OpenQuote => depth += 1,
                TokenKind::CloseQuote => depth -= 1,
                _ => {}
            }
            if depth > 0 || !matches!(self.n(j - 1), "," | "and" | "but") {
                continue;
            }
            if self.n(j - 1) == "," && self.n(j) == "but"
                || self
                    .lex
                    .phrases
                    .longest_at(self.table, j, sent_last)
                    .is_some()
            {
                e = j - 1;
                while e > s && matches!(self.n(e), "," | "and" | "but") {
                    e -= 1;
                }
                return Some((s, e));
            }
        }
        if e > s && self.kind(e) == TokenKind::CloseQuote {
            return Some((s, e));
        }
        while e > s && (self.is_terminal(e) || matches!(self.n(e), "," | ";" | ":")) {
            e -= 1;
        }
        if self.is_terminal(e) {
            return None;
        }
        Some((s, e))
    }

    /// The agent of a passive report and the "that" its content starts with: "(it was
    /// claimed) by the ministry that …", "(she was told) by officials on Monday that …".
    /// `k` is the token after the cue. Not a relative clause on the agent ("by a group that
    /// had lobbied", "by a car that swerved"): "that" must open a clause of its own.
    pub(super) fn report_agent(&self, k: usize, last: usize) -> Option<((usize, usize), usize)> {
        crate::work::add(1);
        if k + 3 >= last || self.n(k) != "by" {
            return None;
        }
        let (a, b) = self.np_forward(k + 1, last, true)?;
        let mut t = b + 1;
        while t < last && t - b <= 4 && (self.is(t, AFTER_CUE_SKIP) || self.is(t, WEEKDAYS)) {
            crate::work::add(1);
            t += 1;
        }
        if t + 1 >= last || self.n(t) != "that" {
            return None;
        }
        // A clause: a determiner, a pronoun, a name or a number, or a word and an auxiliary
        // ("that prices would rise"); not "that had lobbied", "that heard the case".
        let next = t + 1;
        let clause = self.is(next, DETERMINERS)
            || self.is(next, CLAUSE_OPENERS)
            || self.is_upper(next)
            || self.kind(next) == TokenKind::Number
            || next + 1 < last && self.kind(next) == TokenKind::Word && self.is(next + 1, AUX);
        clause.then_some(((a, b), t))
    }

    /// A second quote after an inverted attribution: "“…,” she said, “…”" or "… she said. “…”".
    fn second_quote(&self, after: usize) -> Option<(usize, usize)> {
        let j = after;
        if j + 1 >= self.table.len() {
            return None;
        }
        if matches!(self.n(j), "," | ":" | "." | ";") && self.is_open(j + 1) {
            let p = self.table.partner(j + 1) as usize;
            if p > j + 1 {
                return Some((j + 1, p));
            }
        }
        None
    }
}

/// Finds the claims of a document, in text order of their cues.
///
/// `actor` is left `None` and `attribution` is provisional: the analyzer links
/// sources to actors afterwards.
pub fn find(doc: &Doc, table: &TokenTable, lex: &CueLexicon) -> Vec<Found> {
    find_with(doc, table, lex, true)
}

/// [`find`] as the shipped claims model was trained on it, the learned tagger's
/// input in training: without "in the words of X" and passive agents ("it was
/// claimed by X that"), which came after it. Retraining the model from the same
/// corpus then gives the same bytes.
#[cfg(feature = "training")]
pub fn find_as_trained(doc: &Doc, table: &TokenTable, lex: &CueLexicon) -> Vec<Found> {
    find_with(doc, table, lex, false)
}

/// The rules' claims; `later` adds the constructions the model was not trained
/// with ([`find_as_trained`]).
fn find_with(doc: &Doc, table: &TokenTable, lex: &CueLexicon, later: bool) -> Vec<Found> {
    let mut claims = Vec::new();
    if doc.tokens.is_empty() || lex.phrases.is_empty() {
        return claims;
    }
    let cx = Ctx { doc, table, lex };
    for si in 0..doc.sentences.len() {
        let (first, last) = (doc.sentences[si].first, doc.sentences[si].last);
        let mut subject: Option<(usize, usize)> = None;
        let mut i = first;
        while i < last {
            if let Some(c) = punct_cue(&cx, i, first, later) {
                claims.push(c);
                i += 1;
                continue;
            }
            let found = lex
                .phrases
                .longest_at(table, i, last)
                .filter(|(_, &k)| later || k != CueKind::Words)
                .map(|(n, &k)| (n, k))
                .or_else(|| (later && reports_verb(&cx, i, first)).then_some((1, CueKind::Verb)));
            let Some((len, kind)) = found else {
                i += 1;
                continue;
            };
            if let Some(c) = claim_at(&cx, (i, len, kind), first, last, &mut subject, later) {
                // A trailing "according to X" attributes the whole clause before it,
                // reporting verb included: it replaces a claim found inside that clause.
                if kind == CueKind::Prep && i > first {
                    let start = c.content.first().map_or(usize::MAX, |s| s.start);
                    while claims
                        .last()
                        .is_some_and(|p: &Found| p.cue.start >= start && p.cue.end <= c.cue.start)
                    {
                        claims.pop();
                    }
                }
                claims.push(c);
            }
            i += len;
        }
    }
    crate::sort::sort_by_key(&mut claims, |c| c.cue.start as u128);
    drop_nested(doc.text, claims)
}

/// The last words of capitalised labels before a colon that name no speaker ("VIDEO:",
/// "The Latest:", "BREAKING:"), in a transcript or a headline.
#[rustfmt::skip]
const NOT_SPEAKERS: &[&str] = &[
    "video", "audio", "correction", "clarification", "update", "note", "notice",
    "related", "breaking", "photos", "latest", "byline", "busted", "boom", "revealed",
    "bombshell", "look", "wow", "exclusive",
];

/// The speakers of a transcript: a paragraph that opens (after a quotation mark) with one to
/// three words in capitals and a colon ("WALLACE: Let's start …", "JAKE TAPPER: …"). A text
/// where twice a speaker's label comes right after one other speaker's (A, B, A) is read as a
/// transcript: each label is a source, its colon the cue, and its paragraph the content. A turn
/// that opens with a quotation mark also takes the paragraphs after it that open with one and
/// have no label (one long answer), except the last turn. A heading ("CORRECTION:"), "VIDEO:"
/// and a list of fields given once are no speakers (fields repeated record after record would
/// be; not seen in the corpora). The text's first paragraph is the headline rule's
/// ([`punct_cue`]). Added after the tagger and the refinements (which read sentences, not
/// paragraphs); the claims model was trained without it. On PolNeAR dev one text is a
/// transcript (ten claims); on train, four (one of them not annotated).
pub(super) fn transcript(doc: &Doc, table: &TokenTable, lex: &CueLexicon, claims: &mut Vec<Found>) {
    let cx = &Ctx { doc, table, lex };
    let toks = &cx.doc.tokens;
    let n = toks.len();
    let pars: Vec<usize> = (1..n).filter(|&k| toks[k].line_before).collect();
    // The label of the paragraph starting at token `p`: its first word and its colon.
    let label = |p: usize| -> Option<(usize, usize)> {
        let s = p + usize::from(toks[p].kind == TokenKind::OpenQuote);
        let mut k = s;
        while k < n
            && k - s < 3
            && toks[k].kind == TokenKind::Word
            && !cx.table.any_lower(k)
            && (k == s || !toks[k].line_before)
        {
            k += 1;
        }
        (k > s && k < n && cx.n(k) == ":" && !toks[k].line_before).then_some((s, k))
    };
    let labels: Vec<(usize, (usize, usize))> = (0..pars.len())
        .filter_map(|j| Some((j, label(pars[j])?)))
        .filter(|&(_, (_, c))| !cx.is(c - 1, NOT_SPEAKERS))
        .collect();
    // A dialogue: twice a speaker answered in turn, known by the label's last word ("KATE
    // BOULDUAN", someone, then "BOULDUAN"); not a heading nor a list of fields ("AMT: …").
    let name = |l: &(usize, (usize, usize))| table.hash(l.1 .1 - 1);
    let turn = |w: &[_]| name(&w[0]) == name(&w[2]) && name(&w[0]) != name(&w[1]);
    if labels.windows(3).filter(|w| turn(w)).count() < 2 {
        return;
    }
    // Paragraph `j`'s words from token `a`, without a closing quotation mark at its end.
    let words = |j: usize, a: usize| -> Option<Span> {
        let mut e = pars.get(j + 1).map_or(n, |&q| q) - 1;
        if toks[e].kind == TokenKind::CloseQuote {
            e -= 1;
        }
        (a <= e).then(|| cx.span(a, e))
    };
    for (li, &(j, (s, c))) in labels.iter().enumerate() {
        let Some(first) = words(j, c + 1) else {
            continue;
        };
        let mut content = vec![first];
        // The last turn goes on no further: what follows the transcript is the writer's ("Follow
        // Pam Key on Twitter", quoted like a turn's paragraphs).
        let mut k = j + 1;
        let quoted = toks[pars[j]].kind == TokenKind::OpenQuote && li + 1 < labels.len();
        while quoted
            && k < pars.len()
            && toks[pars[k]].kind == TokenKind::OpenQuote
            && pars[k] + 1 < n
            && cx.n(pars[k] + 1) != "("
            && label(pars[k]).is_none()
        {
            content.extend(words(k, pars[k] + 1));
            k += 1;
        }
        claims.push(Found {
            source: Some(cx.span(s, c - 1)),
            cue: cx.span(c, c),
            content,
        });
    }
}

/// Drops claims whose cue lies inside another claim's quoted content (a
/// quotation that reports speech in turn is part of the outer claim).
fn drop_nested(text: &str, claims: Vec<Found>) -> Vec<Found> {
    let mut quotes: Vec<Span> = claims
        .iter()
        .flat_map(|c| c.content.iter().copied())
        .filter(|s| s.slice(text).starts_with(['"', '“', '«', '`', '\'', '‘']))
        .collect();
    crate::sort::sort_by_key(&mut quotes, |s| s.start as u128);
    let mut qi = 0;
    let mut reach = 0usize; // furthest end among quotes starting before the cue
    let mut out = Vec::with_capacity(claims.len());
    for c in claims {
        while qi < quotes.len() && quotes[qi].start < c.cue.start {
            reach = reach.max(quotes[qi].end);
            qi += 1;
        }
        if c.cue.end <= reach {
            continue;
        }
        out.push(c);
    }
    out
}

/// "reports" is a reporting verb after a capitalised word or he/she ("Bloomberg reports that …",
/// "McCrummen reports:"), a noun after anything else ("pointed to reports that", "The
/// reports", "Initial reports": a capital that starts a sentence). Not in `cues.tsv`: the
/// lexicon's words are features of the claims model and limits of the rules' noun phrases
/// ("Media reports said"), both as the model was trained; and the model was trained without
/// it ([`find_as_trained`]).
/// Nor before a verb ("The Pentagon reports were leaked", "Mueller reports show").
fn reports_verb(cx: &Ctx, i: usize, first: usize) -> bool {
    cx.n(i) == "reports"
        && i > first
        && (cx.is_upper(i - 1) && !cx.is(i - 1, REPORTS_NOUN) || cx.is(i - 1, &["he", "she"]))
        && !(i + 1 < cx.table.len()
            && (cx.is(i + 1, AUX) || cx.lex.phrases.contains_word(cx.n(i + 1))))
}

/// Words before "reports" that make it a noun (or not a report: "It reports earnings") though
/// they start with a capital.
const REPORTS_NOUN: &[&str] = &[
    "it",
    "the",
    "these",
    "recent",
    "new",
    "initial",
    "early",
    "earlier",
    "media",
    "news",
    "press",
    "other",
    "some",
    "several",
    "many",
    "such",
    "local",
    "conflicting",
    "unconfirmed",
];

fn claim_at(
    cx: &Ctx,
    (i, len, kind): (usize, usize, CueKind),
    first: usize,
    last: usize,
    subject: &mut Option<(usize, usize)>,
    later: bool,
) -> Option<Found> {
    let mut c0 = i;
    let mut c1 = i + len; // exclusive
                          // A preposition before its source: "according to X", "in the words of X".
    let prep = matches!(kind, CueKind::Prep | CueKind::Words);
    if !prep && c0 > first && cx.is(c0 - 1, DETERMINERS) {
        return None;
    }
    let mut passive = false;
    if !prep {
        while c0 > first && cx.is(c0 - 1, AUX) {
            if cx.is(c0 - 1, BE) {
                passive = true;
            }
            c0 -= 1;
        }
        // A trailing colon belongs to the cue ("said:").
        if c1 < last && cx.n(c1) == ":" {
            c1 += 1;
        }
    }
    let mut source = None;
    let mut content: Vec<(usize, usize)> = Vec::new();
    match kind {
        CueKind::Prep => {
            let (s, e) = cx.np_forward(c1, last, true)?;
            if cx.is(e, NOT_SOURCES) || cx.is(s, NOT_SOURCES) {
                return None;
            }
            source = Some((s, e));
            let initial = (first..c0).all(|k| {
                cx.kind(k) == TokenKind::OpenQuote || cx.is(k, &["but", "and", "yet", "so", "also"])
            });
            if initial {
                // "According to X(, an appositive), content."
                let mut k = e + 1;
                if k < last && cx.n(k) == "," {
                    k += 1;
                    if k < last && (cx.is(k, &["a", "an", "the"]) || cx.is_upper(k)) {
                        if let Some(k2) = appositive_end(cx, k, last) {
                            k = k2 + 2;
                        }
                    }
                }
                // "According to Yonhap, quoting KCNA, content": the source's own source
                // is an aside.
                if later && k < last && cx.is(k, &["quoting", "citing"]) {
                    let mut j = k + 1;
                    let mut depth = 0i32;
                    while j < last && j - k < 24 {
                        crate::work::add(1);
                        match cx.n(j) {
                            "(" => depth += 1,
                            ")" => depth -= 1,
                            "," if depth <= 0 => break,
                            _ => {}
                        }
                        j += 1;
                    }
                    if j + 1 < last && cx.n(j) == "," {
                        k = j + 1;
                    }
                }
                if let Some(c) = cx.content_after(k) {
                    content.push(c);
                }
            } else if let Some(c) = c0.checked_sub(1).and_then(|b| cx.content_before(b)) {
                content.push(c);
            }
        }
        CueKind::Words => {
            // "In the words of X, “…”", "… was, in the words of X, “…” of …", "“…,” in the
            // words of X.": the words are a quotation, or this is no claim ("in the words of
            // the song, love is all you need" says whose words only by allusion).
            let (s, e) = cx.np_forward(c1, last, true)?;
            if e + 2 < last && cx.n(e + 1) == "," {
                let mut src_end = e;
                let mut k = e + 2;
                // A name or a title in apposition: "the Crown prosecutor, Jane Roe, “…”".
                if !cx.is_open(k) && (cx.is(k, &["a", "an", "the"]) || cx.is_upper(k)) {
                    if let Some(k2) = appositive_end(cx, k, last) {
                        src_end = k2;
                        k = k2 + 2;
                    }
                }
                if k < last && cx.is_open(k) {
                    source = Some((s, src_end));
                    content.extend(cx.content_after(k));
                }
            }
            if content.is_empty()
                && c0 > first
                && (cx.n(c0 - 1) == "," || cx.is_close(c0 - 1))
                && (e + 1 >= last || cx.is_terminal(e + 1) || matches!(cx.n(e + 1), "," | ";"))
            {
                let before = cx.content_before(c0 - 1);
                if let Some((a, b)) = before.filter(|&(a, _)| cx.is_open(a)) {
                    source = Some((s, e));
                    content.push((a, b));
                }
            }
        }
        CueKind::Verb | CueKind::Tell | CueKind::Ing => {
            let b = c0.checked_sub(1).filter(|&b| b >= first);
            let after_boundary = b.is_none_or(|b| {
                matches!(cx.n(b), "," | ";") || cx.kind(b) == TokenKind::CloseQuote
            });
            // "“…,” said X." — source after the cue.
            let inverted_after = if kind != CueKind::Ing && b.is_some() && after_boundary {
                cx.np_forward(c1, last, false).filter(|&(_, e)| {
                    e + 1 >= last || cx.is_terminal(e + 1) || matches!(cx.n(e + 1), "," | ";" | "(")
                })
            } else {
                None
            };
            if let Some((s, e)) = inverted_after {
                let e2 = cx.extend_appositive(e, last);
                source = Some((s, e2));
                if let Some(c) = cx.content_before(b.unwrap_or(first)) {
                    content.push(c);
                }
                if let Some(q) = cx.second_quote(e2 + 1) {
                    content.push(q);
                }
            } else if kind == CueKind::Ing && b.is_some_and(|b| cx.n(b) == ",")
                || b.is_some_and(|b| cx.n(b) == "and")
            {
                // "…, saying that …" / "… and said that …": the clause subject speaks.
                source = subject.or_else(|| cx.sentence_subject(first, last));
                if let Some(c) = cx.content_after(skip_after_cue(cx, c1, last, kind)) {
                    content.push(c);
                }
            } else {
                let np = b.and_then(|b| cx.source_before(b, first));
                if np.is_none() && kind != CueKind::Ing && b.is_some() && !passive {
                    // "…, officials said" needs a source; a bare verb is not a cue.
                    return None;
                }
                // "It was claimed by the ministry that …", "She was told by officials that
                // …": the agent says it.
                // Not an evaluation's agent ("was criticized by groups that the mayor funds").
                let agentless = cx.is(c1 - 1, PASSIVE_AGENTLESS) && cx.n(c1 - 1) != "told";
                let agent = if later && passive && np.is_some() && !agentless {
                    cx.report_agent(c1, last)
                } else {
                    None
                };
                if let Some((by, that)) = agent {
                    source = Some(by);
                    content.extend(cx.content_after(that));
                } else if let Some((s, e)) = np {
                    if passive && s == e && cx.n(s) == "it" {
                        source = None;
                    } else if passive && cx.is(c1 - 1, PASSIVE_AGENTLESS) {
                        // "The plan has long been characterized by …": the subject is
                        // what is spoken about, not who speaks.
                        return None;
                    } else {
                        source = Some((s, e));
                    }
                    let pre = s.checked_sub(1).filter(|&p| p >= first);
                    let k = skip_after_cue(cx, c1, last, kind);
                    let nothing_after = k >= last
                        || cx.is_terminal(k)
                        || (matches!(cx.n(k), "," | ";") && !(k + 1 < last && cx.is_open(k + 1)));
                    let quoted_before = pre.is_some_and(|p| {
                        matches!(cx.n(p), "," | ";" | "—" | "--" | "–")
                            || cx.kind(p) == TokenKind::CloseQuote
                    });
                    let split = k < last && k > c1 && cx.is_open(k) && cx.n(k - 1) == ",";
                    // "“…,” she said at the rally in Ohio": a quote right before the
                    // source is the content unless "that" or a new quote follows.
                    let quote_first = pre.is_some_and(|p| cx.is_close(p))
                        && k < last
                        && cx.n(k) != "that"
                        && !cx.is_open(k);
                    if quoted_before && (nothing_after || split || quote_first) {
                        if let Some(c) = cx.content_before(pre.unwrap_or(first)) {
                            content.push(c);
                        }
                        let k2 = if split { k - 1 } else { c1.max(k) };
                        if content
                            .first()
                            .is_some_and(|&(a, _)| cx.kind(a) == TokenKind::OpenQuote)
                        {
                            if let Some(q) = cx.second_quote(k2) {
                                content.push(q);
                            }
                        }
                    } else if let Some(c) = cx.content_after(k) {
                        content.push(c);
                    } else if k < cx.table.len() && cx.is_terminal(k) {
                        // "She said: “…”" across a sentence end.
                        if let Some(q) = cx.second_quote(k) {
                            content.push(q);
                        }
                    }
                } else if let Some(c) = cx.content_after(skip_after_cue(cx, c1, last, kind)) {
                    content.push(c);
                }
            }
        }
    }
    if content.is_empty() {
        return None;
    }
    if let Some(s) = source {
        if subject.is_none() && !prep {
            *subject = Some(s);
        }
    }
    let source_span = source.map(|(s, e)| cx.span(s, e));
    Some(Found {
        source: source_span,
        cue: cx.span(c0, c1 - 1),
        content: content.into_iter().map(|(s, e)| cx.span(s, e)).collect(),
    })
}

/// Skips what may stand between a cue and its content: a listener after a
/// "tell" verb, time words, a comma before a quote, and keeps "that".
fn skip_after_cue(cx: &Ctx, c1: usize, last: usize, kind: CueKind) -> usize {
    let mut k = c1;
    if kind == CueKind::Tell && k < last {
        if cx.is(k, LISTENER_PRONOUNS) {
            k += 1;
        } else if let Some((_, e)) = cx.np_forward(k, last, false) {
            // Only a short listener ("CNN", "the Associated Press").
            if e - k < 5 {
                k = e + 1;
            }
        }
    }
    let mut guard = 0;
    while k < last && guard < 4 && (cx.is(k, AFTER_CUE_SKIP) || cx.is(k, WEEKDAYS)) {
        k += 1;
        guard += 1;
    }
    if k + 1 < last && cx.n(k) == "," && cx.is_open(k + 1) {
        k += 1;
    }
    // "said during a rally in Ohio that …", "told a local station on Friday that …":
    // the content starts at "that".
    if k < last && (cx.is(k, PREPS) || kind == CueKind::Tell || cx.is(k, &["via"])) {
        let mut j = k;
        while j < last && j - k < 16 {
            let w = cx.n(j);
            if w == "that" {
                return j;
            }
            if cx.is_terminal(j)
                || matches!(w, ";" | ":")
                || cx.kind(j) == TokenKind::OpenQuote && j > k
                || cx.lex.phrases.longest_at(cx.table, j, last).is_some()
                || cx.is(j, BE)
            {
                break;
            }
            j += 1;
        }
    }
    k
}

/// The end of an appositive that starts at `k` ("an Iranian outlet,"): the token
/// before the next comma, when that comma comes soon and no verb intervenes.
fn appositive_end(cx: &Ctx, k: usize, last: usize) -> Option<usize> {
    let mut j = k;
    while j < last && j - k < 12 {
        let w = cx.n(j);
        if w == "," {
            return (j > k).then_some(j - 1);
        }
        if cx.kind(j) == TokenKind::Punct && w != "&" && w != "." || cx.is(j, BE) || cx.is(j, AUX) {
            return None;
        }
        j += 1;
    }
    None
}

/// Punctuation cues: a headline or transcript colon ("Smith: Taxes Will Rise") and a
/// signature dash after a quote ("“…” ― Jane Roe").
fn punct_cue(cx: &Ctx, i: usize, first: usize, later: bool) -> Option<Found> {
    let w = cx.n(i);
    let claim = |source: (usize, usize), content: (usize, usize)| Found {
        source: Some(cx.span(source.0, source.1)),
        cue: cx.span(i, i),
        content: vec![cx.span(content.0, content.1)],
    };
    if w == ":" {
        let mut s = first;
        if s < i && cx.kind(s) == TokenKind::OpenQuote {
            s += 1;
        }
        // Only in a headline: the first sentence of the text.
        if first != 0
            || s >= i
            || i - s > 5
            || !cx.is_upper(s)
            || !(s..i).all(|k| cx.np_word(k))
            || later && cx.is(i - 1, NOT_SPEAKERS)
            || i + 1 >= cx.table.len()
            || cx.kind(i + 1) == TokenKind::Number
        {
            return None;
        }
        let content = cx.content_after(i + 1)?;
        return Some(claim((s, i - 1), content));
    }
    if cx.kind(i) == TokenKind::Dash && matches!(w, "―" | "—") && i > 0 {
        let mut q = i - 1;
        if matches!(cx.n(q), "." | ",") && q > 0 {
            q -= 1;
        }
        if !cx.is_close(q) || i + 1 >= cx.table.len() || !cx.is_upper(i + 1) {
            return None;
        }
        let p = cx.table.partner(q) as usize;
        let toks = &cx.doc.tokens;
        let mut e = i + 1;
        while e + 1 < toks.len()
            && e - i < 8
            && !toks[e + 1].line_before
            && matches!(toks[e + 1].kind, TokenKind::Word | TokenKind::Number)
        {
            e += 1;
        }
        let end_ok = e + 1 >= toks.len() || toks[e + 1].line_before || cx.is_terminal(e + 1);
        if p < q && end_ok {
            return Some(claim((i + 1, e), (p, q)));
        }
    }
    None
}

#[cfg(test)]
mod stop_tests {
    use super::*;

    /// The phrase set finds exactly the words of the list and the weekdays:
    /// each is one token.
    #[test]
    fn stop_set_is_the_stop_list() {
        for w in STOP.iter().chain(WEEKDAYS) {
            assert_eq!(crate::lexicon::phrase_tokens(w).len(), 1, "{w}");
        }
        let text = format!(
            "{} {} Stop words , x gazelle",
            STOP.join(" "),
            WEEKDAYS.join(" ")
        );
        let doc = Doc::new(&text);
        let table = TokenTable::new(&doc, false);
        let lex = CueLexicon::default();
        let cx = Ctx {
            doc: &doc,
            table: &table,
            lex: &lex,
        };
        for i in 0..table.len() {
            assert_eq!(
                cx.is_stop(i),
                cx.is(i, STOP) || cx.is(i, WEEKDAYS),
                "{}",
                table.norm(i)
            );
        }
        assert!(cx.is_stop(0) && !cx.is_stop(table.len() - 1));
    }
}
