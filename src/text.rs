//! Segmentation: text → tokens → sentences, with byte spans.
//!
//! The tokenizer is a single forward pass over the characters. It keeps
//! abbreviations ("U.S.", "Gen.", "Inc."), initials ("J. Smith"), decimals
//! ("1,000.5"), hyphenated words and dates in one token, splits possessives
//! ("IRGC’s" → "IRGC" + "’s") and negations ("couldn't" → "could" + "n't"),
//! and tells opening from closing quotes by their neighbours.

use crate::span::Span;
use std::collections::HashMap;
use std::sync::LazyLock;

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

/// How an abbreviation behaves at a possible sentence end.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Abbrev {
    /// A title or name part: never ends a sentence.
    Title,
    /// May end a sentence ("… in the U.S. The next day …").
    Plain,
}

static ABBREVIATIONS: LazyLock<HashMap<&'static str, Abbrev>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in
        crate::lexicon::data_lines(include_str!(concat!(env!("OUT_DIR"), "/abbreviations.txt")))
    {
        match line.strip_prefix('!') {
            Some(word) => map.insert(word, Abbrev::Title),
            None => map.insert(line, Abbrev::Plain),
        };
    }
    map
});

/// Words that, capitalised after an abbreviation, show that a new sentence began.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "However",
    "Meanwhile",
    "After",
    "As",
    "If",
    "When",
    "While",
    "Some",
    "Many",
    "Officials",
    "Analysts",
    "According",
];

/// Punctuation characters (everything else that is not whitespace belongs to words).
#[inline]
pub fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    matches!(
        c,
        '‘' | '’'
            | '‚'
            | '‛'
            | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '–'
            | '—'
            | '―'
            | '‐'
            | '‑'
            | '‒'
            | '…'
            | '·'
            | '•'
            | '¡'
            | '¿'
            | '§'
            | '¶'
            | '†'
            | '‡'
            | '′'
            | '″'
            | '。'
            | '、'
            | '，'
            | '！'
            | '？'
            | '；'
            | '：'
            | '「'
            | '」'
            | '『'
            | '』'
            | '（'
            | '）'
            | '【'
            | '】'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '\u{060C}'
            | '\u{061B}'
            | '\u{061F}'
            | '\u{06D4}'
    )
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(c, '\u{feff}' | '\u{200b}') && !c.is_whitespace() && !is_punct(c) && !c.is_control()
}

#[inline]
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―' | '‒' | '‐' | '‑')
}

/// Characters that end a sentence.
#[inline]
fn is_terminal(s: &str) -> bool {
    matches!(
        s,
        "." | "!" | "?" | "…" | "..." | "。" | "！" | "？" | "?!" | "!?" | "\u{06D4}" | "\u{061F}"
    )
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
}

impl<'a> Scanner<'a> {
    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        if i >= self.bytes.len() {
            return None;
        }
        let b = self.bytes[i];
        if b < 0x80 {
            Some(b as char)
        } else {
            self.text[i..].chars().next()
        }
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let sc = Scanner {
        text,
        bytes: text.as_bytes(),
    };
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    let mut space_before = false;
    let mut line_before = false;
    let n = text.len();
    while i < n {
        let c = sc.char_at(i).unwrap_or(' ');
        let clen = c.len_utf8();
        // Byte-order marks and zero-width spaces separate like whitespace.
        if c.is_whitespace() || c.is_control() || matches!(c, '\u{feff}' | '\u{200b}') {
            space_before = true;
            if c == '\n' || c == '\u{2029}' || c == '\u{2028}' {
                line_before = true;
            }
            i += clen;
            continue;
        }
        let start = i;
        let push = |tokens: &mut Vec<Token>, span: Span, kind: TokenKind, sb: bool, lb: bool| {
            tokens.push(Token {
                span,
                kind,
                space_before: sb,
                line_before: lb,
                abbrev: false,
            });
        };
        if is_word_char(c) {
            let (end, kind, abbrev) = scan_word(&sc, start);
            // Split a trailing possessive or negation clitic.
            let word = &text[start..end];
            let (base_end, clitic) = split_clitic(word);
            if let Some(kind2) = clitic {
                push(
                    &mut tokens,
                    Span::new(start, start + base_end),
                    kind,
                    space_before,
                    line_before,
                );
                push(
                    &mut tokens,
                    Span::new(start + base_end, end),
                    kind2,
                    false,
                    false,
                );
            } else {
                tokens.push(Token {
                    span: Span::new(start, end),
                    kind,
                    space_before,
                    line_before,
                    abbrev,
                });
            }
            i = end;
        } else {
            // Punctuation.
            let mut end = start + clen;
            let kind;
            if c == '.' {
                while sc.char_at(end) == Some('.') {
                    end += 1;
                }
                kind = TokenKind::Punct;
            } else if is_dash(c) {
                while sc.char_at(end).is_some_and(is_dash) {
                    end += sc.char_at(end).map_or(1, char::len_utf8);
                }
                kind = TokenKind::Dash;
            } else if matches!(c, '“' | '‘' | '«' | '„' | '‹' | '「' | '『') {
                kind = TokenKind::OpenQuote;
            } else if matches!(c, '”' | '»' | '›' | '」' | '』') {
                kind = TokenKind::CloseQuote;
            } else if c == '\'' && sc.char_at(end) == Some('\'') {
                // Two straight apostrophes: the closing half of a ``PTB-style'' quote.
                end += 1;
                kind = quote_direction(text[..start].chars().next_back());
            } else if c == '’' || c == '\'' {
                // A bare apostrophe after a plural is a possessive ("the ministers' talks").
                let prev_word = tokens.last().is_some_and(|t: &Token| {
                    !space_before && t.kind == TokenKind::Word && t.span.end == start
                });
                let next = sc.char_at(end);
                let next_is_word = next.is_some_and(is_word_char);
                if prev_word && text[..start].ends_with('s') && !next_is_word {
                    kind = TokenKind::Possessive;
                } else if c == '’' {
                    kind = if prev_word || !space_before && !tokens.is_empty() && !next_is_word {
                        TokenKind::CloseQuote
                    } else {
                        TokenKind::OpenQuote
                    };
                } else {
                    kind = quote_direction(text[..start].chars().next_back());
                }
            } else if c == '"' || c == '`' {
                if c == '`' && sc.char_at(end) == Some('`') {
                    end += 1;
                }
                kind = quote_direction(text[..start].chars().next_back());
            } else if c == '!' || c == '?' {
                while matches!(sc.char_at(end), Some('!' | '?')) {
                    end += 1;
                }
                kind = TokenKind::Punct;
            } else {
                kind = TokenKind::Punct;
            }
            push(
                &mut tokens,
                Span::new(start, end),
                kind,
                space_before,
                line_before,
            );
            i = end;
        }
        space_before = false;
        line_before = false;
    }
    tokens
}

/// A straight quote opens after whitespace, an opening bracket or a dash, and closes otherwise.
fn quote_direction(prev: Option<char>) -> TokenKind {
    match prev {
        None => TokenKind::OpenQuote,
        Some(p) if p.is_whitespace() || matches!(p, '(' | '[' | '{') || is_dash(p) => {
            TokenKind::OpenQuote
        }
        _ => TokenKind::CloseQuote,
    }
}

/// Scans a word or number starting at `start`; returns its end, kind and
/// whether it absorbed an abbreviation period.
fn scan_word(sc: &Scanner, start: usize) -> (usize, TokenKind, bool) {
    let first = sc.char_at(start).unwrap_or('a');
    let kind = if first.is_ascii_digit() {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    let mut i = start;
    let mut has_inner_period = false;
    while let Some(c) = sc.char_at(i) {
        if is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        let prev = sc.text[start..i].chars().next_back();
        let next = sc.char_at(i + c.len_utf8());
        let next_word = next.is_some_and(|n| n.is_alphanumeric());
        let joins = match c {
            '.' => next_word && prev.is_some_and(|p| p.is_alphanumeric()),
            ',' => {
                prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
            }
            '-' | '‐' | '‑' => next_word && prev.is_some_and(|p| p.is_alphanumeric()),
            '&' => prev.is_some_and(|p| p.is_uppercase()) && next.is_some_and(|n| n.is_uppercase()),
            '\'' | '’' => next_word && prev.is_some_and(|p| p.is_alphabetic()),
            '/' | ':' => {
                kind == TokenKind::Number
                    && prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit())
            }
            _ => false,
        };
        if !joins {
            break;
        }
        if c == '.' {
            has_inner_period = true;
        }
        i += c.len_utf8();
    }
    // A final period that belongs to the word.
    let mut abbrev = false;
    if sc.char_at(i) == Some('.') && kind == TokenKind::Word {
        let word = &sc.text[start..i];
        let single_upper = {
            let mut cs = word.chars();
            matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
        };
        let after = sc.char_at(i + 1);
        // "U.S." or "A.L." (inner periods between single letters), known abbreviations, initials.
        if (has_inner_period && word.split('.').all(|p| p.chars().count() <= 2))
            || ABBREVIATIONS.contains_key(word)
            || single_upper
        {
            // Not when the period is followed by another period ("etc..").
            if after != Some('.') {
                abbrev = true;
                i += 1;
            }
        }
    }
    (i, kind, abbrev)
}

/// Finds a trailing possessive `'s` or negation `n't` in a word.
fn split_clitic(word: &str) -> (usize, Option<TokenKind>) {
    for apo in ["'", "’"] {
        for (suffix, kind) in [("s", TokenKind::Possessive), ("S", TokenKind::Possessive)] {
            let clitic_len = apo.len() + suffix.len();
            if word.len() > clitic_len
                && word.ends_with(suffix)
                && word[..word.len() - suffix.len()].ends_with(apo)
            {
                return (word.len() - clitic_len, Some(kind));
            }
        }
        for t in ["t", "T"] {
            let n = if t == "t" { "n" } else { "N" };
            let clitic_len = n.len() + apo.len() + t.len();
            if word.len() > clitic_len
                && word.ends_with(t)
                && word[..word.len() - t.len()].ends_with(apo)
                && word[..word.len() - t.len() - apo.len()].ends_with(n)
            {
                return (word.len() - clitic_len, Some(TokenKind::Negation));
            }
        }
    }
    (word.len(), None)
}

fn starts_lowercase(text: &str, t: &Token) -> bool {
    t.span
        .slice(text)
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Splits tokens into sentences.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    if tokens.is_empty() {
        return sentences;
    }
    let mut first = 0;
    let mut paragraph = 0;
    let mut k = 0;
    while k < tokens.len() {
        let t = &tokens[k];
        let s = t.span.slice(text);
        let mut boundary_after = None;
        let ends = if t.kind == TokenKind::Punct && is_terminal(s) {
            true
        } else if t.abbrev {
            let word = &s[..s.len() - 1];
            let plain = match ABBREVIATIONS.get(word) {
                Some(Abbrev::Title) => false,
                Some(Abbrev::Plain) => true,
                None => word.contains('.'),
            };
            plain
                && tokens.get(k + 1).is_some_and(|n| {
                    n.line_before || SENTENCE_STARTERS.contains(&n.span.slice(text))
                })
        } else {
            false
        };
        if ends {
            // Absorb closing quotes and brackets.
            let mut j = k + 1;
            while j < tokens.len()
                && !tokens[j].space_before
                && (tokens[j].kind == TokenKind::CloseQuote
                    || matches!(tokens[j].span.slice(text), ")" | "]" | "’" | "'"))
            {
                j += 1;
            }
            let next = tokens.get(j);
            let ok = match next {
                None => true,
                Some(n) => {
                    n.line_before
                        || (n.space_before || is_cjk_terminal(s)) && !starts_lowercase(text, n)
                }
            };
            if ok {
                boundary_after = Some(j);
            }
        }
        // A line break ends the sentence unless the next line continues in lowercase.
        if boundary_after.is_none() {
            if let Some(n) = tokens.get(k + 1) {
                if n.line_before && (!starts_lowercase(text, n) || blank_line_between(text, t, n)) {
                    boundary_after = Some(k + 1);
                }
            }
        }
        if let Some(j) = boundary_after {
            sentences.push(make_sentence(text, tokens, first, j, paragraph));
            if tokens.get(j).is_some_and(|n| n.line_before) {
                paragraph += 1;
            }
            first = j;
            k = j;
        } else {
            k += 1;
        }
    }
    if first < tokens.len() {
        sentences.push(make_sentence(text, tokens, first, tokens.len(), paragraph));
    }
    sentences
}

fn is_cjk_terminal(s: &str) -> bool {
    matches!(s, "。" | "！" | "？")
}

fn blank_line_between(text: &str, a: &Token, b: &Token) -> bool {
    text[a.span.end..b.span.start].matches('\n').count() >= 2
}

fn make_sentence(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    paragraph: usize,
) -> Sentence {
    let span = Span::new(tokens[first].span.start, tokens[last - 1].span.end);
    let (mut upper, mut lower, mut words) = (0usize, 0usize, 0usize);
    for t in &tokens[first..last] {
        if t.kind == TokenKind::Word {
            words += 1;
            for c in t.span.slice(text).chars() {
                if c.is_uppercase() {
                    upper += 1;
                } else if c.is_lowercase() {
                    lower += 1;
                }
            }
        }
    }
    Sentence {
        span,
        first,
        last,
        paragraph,
        caps: words >= 2 && upper >= 4 * lower.max(1) && upper > 3,
    }
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
