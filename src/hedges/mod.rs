//! Hedging layer: hedges, boosters, weasel phrases and conditions in context.
//!
//! The cues live in `lexicons/hedges.tsv` (`phrase<TAB>kind<TAB>reason[<TAB>rule]`),
//! parsed once into a [`PhraseSet`]. [`find`] is one left-to-right pass over the
//! tokens of each sentence: at every token it takes the longest cue phrase that
//! starts there, checks the entry's context rule on the neighbouring tokens, and
//! emits the cue (or the part of it marked with `[...]` in the lexicon).
//!
//! Context decides what a cue word means:
//! - "May" the month ("on May 20") and "May" the name ("Theresa May") are not
//!   modals: a capitalised cue word in mid-sentence is skipped;
//! - a negated booster ("not certain", "isn't clear") is a hedge;
//! - "could not" states inability, and "could not possibly" expresses
//!   certainty: a booster, not a hedge;
//! - "if" is a condition, except after a verb of asking or telling
//!   ("declined to say if"), where it opens a question, like "whether".

mod lexicon;
#[cfg(test)]
mod tests;

pub(crate) use lexicon::HedgeLexicon;

use crate::analysis::{Hedge, HedgeKind};
use crate::span::Span;
use crate::text::{Doc, TokenKind, TokenTable};
use lexicon::Rule;

/// Negation words.
const NEGATIONS: &[&str] = &[
    "not", "n't", "never", "no", "hardly", "cannot", "barely", "scarcely",
];
/// Words that may stand between a negation and the cue it negates ("not yet confirmed").
const NEGATION_GAP: &[&str] = &[
    "entirely",
    "fully",
    "completely",
    "totally",
    "quite",
    "very",
    "so",
    "really",
    "yet",
    "always",
    "altogether",
    "be",
    "been",
    "being",
    "officially",
    "independently",
    "immediately",
    "absolutely",
    "too",
    "all",
    "that",
    "100",
    "%",
    "percent",
];
/// Vague quantities that open a weasel phrase ("some experts say").
const WEASEL_QUANTITIES: &[&str] = &["some", "many", "several", "most", "numerous", "various"];
/// Verbs of saying and thinking that close a weasel phrase.
const WEASEL_VERBS: &[&str] = &[
    "say",
    "said",
    "argue",
    "argued",
    "claim",
    "claimed",
    "believe",
    "believed",
    "contend",
    "contended",
    "suggest",
    "suggested",
    "maintain",
    "maintained",
    "insist",
    "insisted",
    "think",
    "thought",
    "fear",
    "feared",
    "worry",
    "worried",
    "suspect",
    "suspected",
    "warn",
    "warned",
    "speculate",
    "speculated",
    "note",
    "noted",
];
/// The verbs of [`WEASEL_VERBS`] that are themselves hedges ("many [believe]").
const WEASEL_BELIEF: &[&str] = &[
    "believe",
    "believed",
    "think",
    "thought",
    "suspect",
    "suspected",
    "speculate",
    "speculated",
    "suggest",
    "suggested",
    "fear",
    "feared",
];
/// Modals that "not possibly" may follow.
const MODALS: &[&str] = &["could", "can", "would", "might", "may", "will", "should"];
/// Forms of "be" (and "remain"), for passives and predicative adjectives.
const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "am", "remain", "remains",
    "remained", "seems", "seemed", "appear", "appears", "appeared", "become", "became", "becomes",
];
/// Adverbs between a form of "be" and a participle ("is widely considered").
const BE_ADVERBS: &[&str] = &[
    "widely",
    "generally",
    "often",
    "also",
    "now",
    "still",
    "long",
    "usually",
    "commonly",
    "sometimes",
    "not",
    "once",
    "largely",
    "mostly",
    "broadly",
    "increasingly",
    "universally",
    "traditionally",
    "frequently",
    "n't",
    "already",
    "originally",
    "previously",
];
/// Subject pronouns.
const PRONOUNS: &[&str] = &["i", "we", "they", "he", "she", "you", "it", "who"];
/// Determiners and possessives, before which a cue word is a noun.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "of",
    "military", "economic", "full", "all", "school", "second", "first", "no", "any",
];
/// Verbs after which "if" opens a question rather than a condition.
const QUESTION_VERBS: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "know",
    "knows",
    "knew",
    "known",
    "ask",
    "asks",
    "asked",
    "asking",
    "wonder",
    "wonders",
    "wondered",
    "wondering",
    "see",
    "determine",
    "decide",
    "decided",
    "check",
    "checked",
    "sure",
    "clear",
    "unclear",
    "tell",
    "told",
    "disclose",
    "disclosed",
    "confirm",
    "confirmed",
    "question",
    "questioned",
    "doubt",
    "doubts",
    "investigate",
    "investigating",
    "examine",
    "examining",
    "unknown",
    "establish",
];
/// Nouns for roles that "potential" labels rather than hedges ("potential buyers").
const ROLE_NOUNS: &[&str] = &[
    "buyer",
    "buyers",
    "purchaser",
    "purchasers",
    "bidder",
    "bidders",
    "suitor",
    "suitors",
    "investor",
    "investors",
    "customer",
    "customers",
    "client",
    "clients",
    "partner",
    "partners",
    "acquirer",
    "acquirers",
    "candidate",
    "candidates",
    "users",
    "voters",
    "recruits",
    "terms",
    "employers",
    "members",
    "donors",
    "applicants",
    "subscribers",
    "to",
    "for",
];
/// Words before "possible" that make it a superlative or a degree, not a hedge.
const NOT_BEFORE_POSSIBLE: &[&str] = &[
    "as", "all", "every", "highest", "lowest", "best", "worst", "maximum", "minimum", "most",
    "least", "fastest", "greatest", "largest", "smallest", "if", "where", "wherever", "whenever",
    "when", "it", "is", "was", "be", "been", "are", "were", "made", "make", "makes", "making",
];
/// Words after "appear" that make it a verb of appearance ("appears to", "appears likely").
const APPEAR_NEXT: &[&str] = &[
    "to",
    "that",
    "likely",
    "unlikely",
    "certain",
    "increasingly",
    "ready",
    "set",
    "poised",
    "determined",
    "intent",
    "unable",
    "willing",
    "reluctant",
    "eager",
    "doubtful",
    "confident",
    "close",
    "headed",
];

#[inline]
/// The document's direct quotations: (opening, closing) quotation marks, as token
/// indices, in order (the token table pairs double quotes; they do not nest).
fn quotations(table: &TokenTable) -> Vec<(u32, u32)> {
    (0..table.len())
        .filter_map(|i| {
            let p = table.partner(i);
            (p != crate::text::NONE && p as usize > i).then_some((i as u32, p))
        })
        .collect()
}

/// Whether token `i` lies inside one of `quotations`.
fn inside(quotations: &[(u32, u32)], i: usize) -> bool {
    let k = quotations.partition_point(|&(open, _)| (open as usize) < i);
    k > 0 && i < quotations[k - 1].1 as usize
}

fn is_in(word: Option<&str>, set: &[&str]) -> bool {
    word.is_some_and(|w| set.contains(&w))
}

/// The view of one sentence the rules look at.
struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    table: &'d TokenTable,
    first: usize,
    last: usize,
    /// The sentence is written in capitals (a headline).
    caps: bool,
}

impl Ctx<'_, '_> {
    /// The normalised token `i`, if it lies in the sentence.
    #[inline]
    fn word(&self, i: isize) -> Option<&str> {
        if i < self.first as isize || i >= self.last as isize {
            None
        } else {
            Some(self.table.norm(i as usize))
        }
    }

    /// Token `i` starts a clause: the sentence's first token, or after an
    /// opening quote, a colon or a dash.
    fn starts_clause(&self, i: usize) -> bool {
        if i <= self.first {
            return true;
        }
        let prev = &self.doc.tokens[i - 1];
        matches!(prev.kind, TokenKind::OpenQuote | TokenKind::Dash)
            || matches!(self.doc.tok(i - 1), ":" | ";" | "(" | "\"" | "'")
    }

    /// Token `i` is capitalised in mid-sentence (a name or a title).
    fn capitalised_inside(&self, i: usize) -> bool {
        if !self.table.first_upper(i) || self.starts_clause(i) {
            return false;
        }
        // A sentence in capitals (a headline) keeps its cue words.
        !self.caps && self.table.any_lower(i)
    }

    /// The negation before token `i`, skipping a few gap words ("not yet confirmed").
    fn negation_before(&self, i: usize) -> Option<usize> {
        let mut j = i as isize - 1;
        for _ in 0..3 {
            let w = self.word(j)?;
            if NEGATIONS.contains(&w) {
                return Some(j as usize);
            }
            if !NEGATION_GAP.contains(&w) {
                return None;
            }
            j -= 1;
        }
        None
    }

    /// The modal at `i` is in a clause of purpose ("so they could use the money",
    /// "so that she may rest"): what it makes possible, not a doubt.
    fn purpose(&self, i: usize) -> bool {
        let at = i as isize;
        (1..=4).any(|back| {
            let so = at - back - 1;
            is_in(self.word(so), &["so"])
                && so > self.first as isize
                && self.doc.tokens[so as usize - 1].kind == TokenKind::Word
                && (so + 1..at).all(|k| {
                    self.doc.tokens[k as usize].kind == TokenKind::Word
                        && !is_in(self.word(k), MODALS)
                })
        })
    }

    /// "If I may" (asking leave, "If I may, sir"): neither a condition nor a
    /// hedge. `i` is "if" or the modal.
    fn asking_leave(&self, i: usize) -> bool {
        let at = i as isize;
        let (iff, modal) = match self.word(at) {
            Some("if") => (at, at + 2),
            _ => (at - 2, at),
        };
        is_in(self.word(iff), &["if"])
            && is_in(self.word(iff + 1), &["i", "we"])
            && is_in(self.word(modal), &["may", "might"])
            && (modal + 1 >= self.last as isize
                || is_in(
                    self.word(modal + 1),
                    &[",", ".", "say", "ask", "add", "interrupt"],
                ))
    }

    /// A weasel phrase built of a vague quantity, a plural noun and a verb
    /// of saying or thinking ("Some experts said", "Many lawmakers say", "most
    /// economists believe"), that the lexicon's fixed phrases do not list:
    /// the token after its end.
    fn weasel_at(&self, i: usize) -> Option<usize> {
        if !is_in(self.word(i as isize), WEASEL_QUANTITIES) || self.capitalised_inside(i) {
            return None;
        }
        // Not "some of the" partitives of a named group ("some of the senators said" stays).
        (i + 2..(i + 5).min(self.last)).find_map(|v| {
            let noun = self.table.norm(v - 1);
            let plural = noun.len() > 3 && noun.ends_with('s') && !noun.ends_with("ss")
                || matches!(noun, "people" | "others");
            let words = (i + 1..v).all(|k| self.doc.tokens[k].kind == TokenKind::Word);
            // Not a passive ("some roads said to be closed").
            let passive = is_in(self.word(v as isize + 1), &["to", "by"]);
            (words && plural && !passive && is_in(self.word(v as isize), WEASEL_VERBS))
                .then_some(v + 1)
        })
    }

    /// Token `i` follows a form of "be", maybe with an adverb between.
    fn after_be(&self, i: usize) -> bool {
        let i = i as isize;
        is_in(self.word(i - 1), BE)
            || is_in(self.word(i - 1), BE_ADVERBS) && is_in(self.word(i - 2), BE)
    }

    /// Whether the entry found at token `i` is a cue in this context.
    fn accepts(&self, rule: Rule, i: usize, len: usize) -> bool {
        let at = i as isize;
        let prev = self.word(at - 1);
        let next = self.word(at + 1);
        let next_is_word = i + 1 < self.last && self.doc.tokens[i + 1].kind == TokenKind::Word;
        match rule {
            Rule::Always | Rule::Possibly | Rule::Negated => true,
            Rule::Month => {
                // A capitalised "May" in mid-sentence was dropped already; at the
                // start of a sentence, a date or a name's verb shows the month or the name.
                let t = self.doc.tok(i);
                if t.starts_with('M') {
                    let next_tok = self.doc.tokens.get(i + 1);
                    let date = next_tok.is_some_and(|n| n.kind == TokenKind::Number);
                    let name = next_tok.is_some_and(|n| n.kind == TokenKind::Possessive)
                        || is_in(
                            next,
                            &[
                                "said",
                                "says",
                                "told",
                                "added",
                                "has",
                                "had",
                                "was",
                                "is",
                                "and",
                                ",",
                                "announced",
                                "insisted",
                                "replied",
                                "wrote",
                                "and",
                            ],
                        );
                    !(date || name)
                } else {
                    true
                }
            }
            Rule::Ability => !is_in(next, NEGATIONS),
            Rule::Noun => !is_in(prev, DETERMINERS),
            Rule::Verb => !is_in(next, &["over", "and", "or", ","]),
            Rule::Believe => !is_in(next, &["in", "me"]),
            // "to suggest" proposes, unless after a verb of seeming ("seem to suggest").
            Rule::Suggest => {
                prev != Some("to")
                    || next == Some("that")
                    || is_in(
                        self.word(at - 2),
                        &[
                            "seem",
                            "seems",
                            "seemed",
                            "appear",
                            "appears",
                            "appeared",
                            "continue",
                            "continues",
                            "continued",
                            "tend",
                            "tends",
                        ],
                    )
            }
            // "for as long as 18 years" is a duration, "by providing that" a means.
            Rule::Condition => {
                let number =
                    self.doc.tokens.get(i + len).map(|t| t.kind) == Some(TokenKind::Number);
                !(is_in(prev, &["for", "by"]) || len == 3 && number)
            }
            Rule::Think => {
                !is_in(
                    next,
                    &["so", "of", "about", "twice", "again", "tank", "tanks"],
                ) && self.negation_before(i).is_none()
                    && (!self.starts_clause(i) || is_in(prev, PRONOUNS))
                    // An interviewer's question ("Do you think…?") hedges nothing.
                    && !(prev == Some("you") && is_in(self.word(at - 2), &["do", "did"]))
            }
            Rule::Thought => !is_in(prev, DETERMINERS) && !is_in(next, &["of", "about"]),
            Rule::Expected => {
                if is_in(
                    prev,
                    &[
                        "as", "than", "had", "been", "the", "an", "a", "its", "their",
                    ],
                ) {
                    return false;
                }
                is_in(next, &["to", "that"])
                    || is_in(prev, PRONOUNS)
                    || is_in(prev, &["is", "are", "was", "were", "'s", "be"]) && next_is_word
            }
            Rule::That => next == Some("that"),
            Rule::Appear => is_in(next, APPEAR_NEXT) || prev == Some("it"),
            Rule::Possible => {
                next == Some("that")
                    || !is_in(prev, NOT_BEFORE_POSSIBLE)
                        && !prev.is_some_and(|w| w.ends_with("est"))
                        && next_is_word
                        && !is_in(
                            next,
                            &[
                                "to", "for", "only", "at", "in", "on", "when", "with", "through",
                            ],
                        )
            }
            Rule::Potential => next_is_word && !is_in(next, ROLE_NOUNS),
            Rule::Subject => is_in(prev, PRONOUNS) || next == Some("that"),
            Rule::If => {
                prev != Some("as") && !(next == Some("anything") && self.word(at + 2) == Some(","))
            }
            Rule::Unknown => {
                self.after_be(i)
                    || is_in(
                        next,
                        &[
                            "to", "whether", "if", "why", "how", "what", "who", "when", "where",
                        ],
                    )
            }
            Rule::Opinion => {
                next_is_word
                    && !is_in(
                        next,
                        &["in", "for", "at", "but", "from", "and", "or", "during"],
                    )
                    && !next.is_some_and(|w| w.ends_with("ing"))
            }
            // "To be sure," opening a sentence concedes a point: no booster.
            Rule::Predicate
                if prev == Some("be")
                    && self.word(at - 2) == Some("to")
                    && self.starts_clause(i - 2) =>
            {
                false
            }
            Rule::Predicate => {
                self.after_be(i)
                    || is_in(prev, &["make", "made", "makes", "making", "not", "n't"])
                    || is_in(
                        next,
                        &["that", "whether", "if", "how", "what", "who", "why"],
                    )
            }
        }
    }
}

/// Finds the epistemic cues of a document, in text order.
///
/// `table` is the document's token table ([`TokenTable`]).
/// The cues do not overlap and their spans lie on token boundaries.
pub(crate) fn find(doc: &Doc, table: &TokenTable, lex: &HedgeLexicon) -> Vec<Hedge> {
    let mut out: Vec<Hedge> = Vec::new();
    let quotations = quotations(table);
    for sentence in &doc.sentences {
        let cx = Ctx {
            doc,
            table,
            first: sentence.first,
            last: sentence.last.min(table.len()),
            caps: sentence.caps,
        };
        let mut i = cx.first;
        while i < cx.last {
            let Some((len, entry)) = lex.phrases.longest_at(table, i, cx.last) else {
                if let Some(end) = cx.weasel_at(i) {
                    // A verb of belief is the cue itself, as in the lexicon's "some
                    // [believe]"; a verb of saying marks the whole phrase.
                    let verb = end - 1;
                    let from = if is_in(Some(table.norm(verb)), WEASEL_BELIEF) {
                        verb
                    } else {
                        i
                    };
                    let span = Span::new(doc.tokens[from].span.start, doc.tokens[verb].span.end);
                    out.push(Hedge {
                        span,
                        kind: HedgeKind::Weasel,
                        reason: "weasel phrase",
                        quoted: inside(&quotations, i),
                    });
                    i = end;
                    continue;
                }
                i += 1;
                continue;
            };
            let entry = *entry;
            let (h0, hlen) = if entry.head_len == 0 {
                (i, len)
            } else {
                (i + entry.head, entry.head_len)
            };
            // A one-word cue capitalised inside a sentence is a name or a title.
            let modal = is_in(Some(table.norm(h0)), &["could", "may", "might"]);
            if len == 1 && cx.capitalised_inside(i)
                || !cx.accepts(entry.rule, h0, hlen)
                || modal && cx.purpose(h0)
                || hlen == 1 && cx.asking_leave(h0)
            {
                i += 1;
                continue;
            }
            let mut start = h0;
            let end = h0 + hlen;
            let mut kind = entry.kind;
            let mut reason = entry.reason;
            let floor = cx
                .first
                .max(out.last().map_or(0, |h| doc.token_at(h.span.end)));
            let negation = cx.negation_before(i).filter(|&j| j >= floor);
            match (entry.rule, negation) {
                (Rule::Possibly, Some(j)) => {
                    // "could not possibly": certainty, not doubt.
                    kind = HedgeKind::Booster;
                    reason = "negated possibility";
                    start = if j > floor && is_in(cx.word(j as isize - 1), MODALS) {
                        j - 1
                    } else {
                        j
                    };
                }
                (_, Some(j)) if entry.kind == HedgeKind::Booster => {
                    kind = HedgeKind::Hedge;
                    reason = "negated booster";
                    // "isn't clear": take the auxiliary the clitic hangs on.
                    start = if table.norm(j) == "n't" && j > floor {
                        j - 1
                    } else {
                        j
                    };
                }
                (Rule::If, _) if is_in(cx.word(h0 as isize - 1), QUESTION_VERBS) => {
                    kind = HedgeKind::Hedge;
                    reason = "open question";
                }
                (Rule::Negated, None) => {
                    i += len;
                    continue;
                }
                _ => {}
            }
            let span = Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end);
            out.push(Hedge {
                span,
                kind,
                reason,
                quoted: inside(&quotations, start),
            });
            i += len;
        }
    }
    out
}
