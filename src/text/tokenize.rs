//! The tokenizer: one forward pass over the characters.

use super::{Token, TokenKind};
use crate::hash::FxMap;
use crate::span::Span;
use std::sync::LazyLock;

/// How an abbreviation behaves at a possible sentence end: the marker of its line in
/// `abbreviations.txt`. A string rather than an enum, so that [`ABBREVIATIONS`] is a map of
/// the same type as the actor lexicon's `&str` to `&str` maps (one hash-table instance in
/// the wasm).
pub(super) type Abbrev = &'static str;

/// A title or name part: never ends a sentence.
pub(super) const TITLE: Abbrev = "!";
/// May end a sentence ("… in the U.S. The next day …").
pub(super) const PLAIN: Abbrev = "";
/// A US state ("Wis."): may end a sentence; a name before it and a comma is a place.
pub(super) const REGION: Abbrev = "@";

pub(super) static ABBREVIATIONS: LazyLock<FxMap<&'static str, Abbrev>> = LazyLock::new(|| {
    let mut map = FxMap::default();
    for line in
        crate::data::data_lines(include_str!(concat!(env!("OUT_DIR"), "/abbreviations.txt")))
    {
        match (line.strip_prefix('!'), line.strip_prefix('@')) {
            (Some(word), _) => map.insert(word, TITLE),
            (_, Some(word)) => map.insert(word, REGION),
            _ => map.insert(line, PLAIN),
        };
    }
    map
});

/// Whether `norm`, a token's lowercase form, is a US state's abbreviation ("wis.",
/// "n.y."): ASCII comparisons, no case tables.
pub(crate) fn is_region_abbrev(norm: &str) -> bool {
    const DOTTED: &[&str] = &[
        "n.y", "n.j", "n.h", "n.m", "n.c", "n.d", "s.c", "s.d", "r.i", "w.va", "d.c",
    ];
    let word = norm.strip_suffix('.').unwrap_or(norm);
    word.len() >= 2
        && (DOTTED.contains(&word)
            || ABBREVIATIONS
                .iter()
                .any(|(w, &a)| a == REGION && w.eq_ignore_ascii_case(word)))
}

/// Punctuation characters (everything else that is not whitespace belongs to words).
#[inline]
pub(crate) fn is_punct(c: char) -> bool {
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

#[inline(always)]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_other_word_char(c)
}

/// [`is_word_char`] outside ASCII.
fn is_other_word_char(c: char) -> bool {
    !matches!(c, '\u{feff}' | '\u{200b}') && !c.is_whitespace() && !is_punct(c) && !c.is_control()
}

/// A hyphen or dash character.
#[inline]
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―' | '‒' | '‐' | '‑')
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
}

impl<'a> Scanner<'a> {
    #[inline(always)]
    fn char_at(&self, i: usize) -> Option<char> {
        match self.bytes.get(i) {
            None => None,
            Some(&b) if b < 0x80 => Some(char::from(b)),
            Some(_) => self.text[i..].chars().next(),
        }
    }

    /// The character that ends at byte `i`.
    #[inline(always)]
    fn char_before(&self, i: usize) -> Option<char> {
        match i.checked_sub(1).map(|k| self.bytes[k]) {
            None => None,
            Some(b) if b < 0x80 => Some(char::from(b)),
            Some(_) => self.text[..i].chars().next_back(),
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
        // ASCII spaces and control characters (line feeds among them).
        let b = sc.bytes[i];
        if b <= b' ' || b == 0x7f {
            space_before = true;
            line_before |= b == b'\n';
            i += 1;
            continue;
        }
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
            // Split trailing possessive or negation clitics ("IRGC’s's" →
            // "IRGC", "’s", "'s"): at most a few, peeled from the end.
            let word = &text[start..end];
            let mut base_end = word.len();
            let mut clitics: [(usize, usize, TokenKind); 4] = [(0, 0, kind); 4];
            let mut n = 0;
            while n < clitics.len() {
                match split_clitic(&word[..base_end]) {
                    (b, Some(kind2)) => {
                        clitics[n] = (b, base_end, kind2);
                        n += 1;
                        base_end = b;
                    }
                    _ => break,
                }
            }
            if n > 0 {
                push(
                    &mut tokens,
                    Span::new(start, start + base_end),
                    kind,
                    space_before,
                    line_before,
                );
                for &(a, b, kind2) in clitics[..n].iter().rev() {
                    push(
                        &mut tokens,
                        Span::new(start + a, start + b),
                        kind2,
                        false,
                        false,
                    );
                }
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
                kind = quote_direction(sc.char_before(start));
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
                    kind = quote_direction(sc.char_before(start));
                }
            } else if c == '"' || c == '`' {
                if c == '`' && sc.char_at(end) == Some('`') {
                    end += 1;
                }
                kind = quote_direction(sc.char_before(start));
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
    loop {
        // ASCII letters and digits: the bulk of a word, byte by byte.
        while i < sc.bytes.len() && sc.bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let Some(c) = sc.char_at(i) else {
            break;
        };
        if is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        let prev = if i > start { sc.char_before(i) } else { None };
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
    if !matches!(word.as_bytes().last(), Some(b's' | b'S' | b't' | b'T')) {
        return (word.len(), None);
    }
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
