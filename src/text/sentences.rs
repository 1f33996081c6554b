//! Sentences: token runs ended by terminal punctuation, abbreviations
//! followed by a sentence start, or line breaks.

use super::tokenize::{ABBREVIATIONS, TITLE};
use super::{Sentence, Token, TokenKind};
use crate::span::Span;

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
                Some(&a) => a != TITLE,
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
            let s = t.span.slice(text);
            if s.is_ascii() {
                for b in s.bytes() {
                    upper += usize::from(b.is_ascii_uppercase());
                    lower += usize::from(b.is_ascii_lowercase());
                }
                continue;
            }
            for c in s.chars() {
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

/// Characters that end a sentence.
#[inline]
fn is_terminal(s: &str) -> bool {
    matches!(
        s,
        "." | "!" | "?" | "…" | "..." | "。" | "！" | "？" | "?!" | "!?" | "\u{06D4}" | "\u{061F}"
    )
}
