//! Segmentation: text → tokens → sentences, with byte spans.
//!
//! The tokenizer is a single forward pass over the characters. It keeps
//! abbreviations ("U.S.", "Gen.", "Inc."), initials ("J. Smith"), decimals
//! ("1,000.5"), hyphenated words and dates in one token, splits possessives
//! ("IRGC’s" → "IRGC" + "’s") and negations ("couldn't" → "could" + "n't"),
//! and tells opening from closing quotes by their neighbours.

mod norm;
mod sentences;
mod shape;
mod table;
mod tokenize;

pub use norm::lowercase;
pub(crate) use norm::{lower, normalize, token_hash};
pub(crate) use sentences::split_sentences;
pub(crate) use shape::{prefix, shape_into, suffix};
pub(crate) use table::{TokenTable, NONE};
pub(crate) use tokenize::{is_dash, is_region_abbrev, tokenize};

use crate::span::Span;

/// What a token is.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with digits, inner hyphens, apostrophes or periods).
    Word,
    /// Starts with a digit: numbers, dates, scores.
    Number,
    /// The possessive clitic `'s` / `’s` (or a bare `'` after a plural).
    Possessive,
    /// The negation clitic `n't`.
    Negation,
    /// An opening quotation mark.
    OpenQuote,
    /// A closing quotation mark.
    CloseQuote,
    /// A dash: `-`, `--`, `–`, `—`, `―`.
    Dash,
    /// Any other punctuation.
    Punct,
}

/// One token with its byte span.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// Whitespace precedes the token.
    pub space_before: bool,
    /// A line break precedes the token.
    pub line_before: bool,
    /// The token is an abbreviation that ends with a period.
    pub abbrev: bool,
}

/// A sentence: a span and the tokens it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Index of the first token.
    pub first: usize,
    /// One past the index of the last token.
    pub last: usize,
    /// Paragraph number (0-based); a line break starts a new paragraph.
    pub paragraph: usize,
    /// Written in capitals (a headline such as "SOCCER - SHEARER NAMED").
    pub caps: bool,
}

/// The days of the week: a time adverbial next to a cue ("said Tuesday that", "X on Tuesday
/// accused") or a name ("debuts on Netflix Friday").
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A segmented text.
#[derive(Clone, Debug)]
pub struct Doc<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens, in order.
    pub tokens: Vec<Token>,
    /// Its sentences, in order; every token belongs to exactly one.
    pub sentences: Vec<Sentence>,
}

impl<'a> Doc<'a> {
    /// Tokenizes and splits `text`.
    ///
    /// ```
    /// let doc = claimlens::Doc::new("Gen. Smith met U.S. officials. They left.");
    /// assert_eq!(doc.sentences.len(), 2);
    /// assert_eq!(doc.sentence_text(0), "Gen. Smith met U.S. officials.");
    /// ```
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        Doc {
            text,
            tokens,
            sentences,
        }
    }

    /// The text of token `i`.
    #[inline]
    pub fn tok(&self, i: usize) -> &'a str {
        self.tokens[i].span.slice(self.text)
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &'a str {
        self.sentences[i].span.slice(self.text)
    }

    /// Index of the sentence that holds token `t`.
    pub fn sentence_of(&self, t: usize) -> usize {
        self.sentences.partition_point(|s| s.last <= t)
    }

    /// Index of the first token that starts at or after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }
}
