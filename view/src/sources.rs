//! Who said what: the claims grouped by who makes them, for a table a reader scans
//! first ("the ministry: 6 claims, 2 quoted; analysts: 3, vague; no source: 4").
//!
//! A row is one actor (every claim linked to it, whatever words named it), or one
//! source written the same way that is not linked to an actor ("analysts", "officials",
//! compared without case and a leading "the"), or the claims without a source. Rows come
//! in order of their number of claims, then of their first claim. Built in one pass with
//! a hash map: linear in the number of claims.

use crate::model::{ClaimView, SourceRow};
use claimlens::{Analysis, Attribution};

/// Opening quotation marks: content that starts with one (or right after one) is a
/// direct quotation.
const OPENING: &[char] = &['"', '“', '„', '«', '‹', '‘', '「', '『', '»'];

/// Opening marks of two characters: typewriter quotes in newswire style (``…'' and
/// ''…'', as the New York Times wires them).
const OPENING_PAIRS: &[&str] = &["''", "``"];

/// True when the claim's content is a direct quotation: it starts with an opening
/// quotation mark, or one stands right before it on its line (at most two spaces between).
pub(crate) fn is_quote(text: &str, content: &[claimlens::Span]) -> bool {
    let Some(first) = content.first() else {
        return false;
    };
    let opens = |s: &str| s.starts_with(OPENING) || OPENING_PAIRS.iter().any(|p| s.starts_with(p));
    if opens(first.slice(text).trim_start()) {
        return true;
    }
    // On the same line: a straight quote that closes the paragraph before is no opening.
    // (Eight bytes back at most: two spaces and a mark of three bytes or two characters.)
    let mut from = first.start.saturating_sub(8);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..first.start];
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let gap = line.len() - line.trim_end().len();
    let line = line.trim_end();
    // A pair of typewriter marks opens only with no space after it: ''…'' closes with the
    // same marks, and a content after "'' " follows a closing one ("``no.'' Taxes will rise").
    gap <= 2 && line.ends_with(OPENING)
        || gap == 0 && OPENING_PAIRS.iter().any(|p| line.ends_with(p))
}

/// True when the claim is a turn of an interview's transcript: a speaker's label in capitals
/// opens its paragraph ("WALLACE: …", "“JAKE TAPPER: …"), its colon the cue, and what follows
/// is the speaker's own words, a direct quotation as much as one in quotation marks.
pub(crate) fn is_turn(text: &str, c: &claimlens::Claim) -> bool {
    let Some(s) = c.source else {
        return false;
    };
    // At most an opening mark (three bytes) between the paragraph's start and the label.
    let mut from = s.start.saturating_sub(4);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let rest = text[from..s.start].trim_end_matches(OPENING);
    c.cue.slice(text) == ":"
        && !s.slice(text).chars().any(char::is_lowercase)
        && (rest.ends_with('\n') || rest.is_empty() && from == 0)
}

/// The key a source is grouped by when it is not linked to an actor.
fn source_key(source: &str) -> String {
    // The core's lowercasing (the standard library's table would add 11.7 KB to the wasm).
    let lower = claimlens::lowercase(source.trim());
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ")
}

/// Finds a row by its key: the actor's id, or the written source's [`source_key`] in a
/// small open-addressing table (FNV-1a, linear probing, at most half full), so that
/// grouping stays linear in the number of claims without a generic hash map's code.
struct Index {
    by_actor: Vec<Option<u32>>,
    slots: Vec<Option<(String, u32)>>,
    nobody: Option<u32>,
}

impl Index {
    fn new(actors: usize, claims: usize) -> Self {
        let size = (2 * claims + 2).next_power_of_two();
        Index {
            by_actor: vec![None; actors],
            slots: vec![None; size],
            nobody: None,
        }
    }

    /// The row of `key` (in `slot`), made by `make` the first time.
    fn source(&mut self, key: String, make: impl FnOnce() -> u32) -> u32 {
        let mask = self.slots.len() - 1;
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in key.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        let mut i = h as usize & mask;
        loop {
            match &self.slots[i] {
                Some((k, row)) if *k == key => return *row,
                Some(_) => i = (i + 1) & mask,
                None => {
                    let row = make();
                    self.slots[i] = Some((key, row));
                    return row;
                }
            }
        }
    }
}

/// The rows of the who-said-what table.
pub(crate) fn rows(analysis: &Analysis, claims: &[ClaimView]) -> Vec<SourceRow> {
    let mut index = Index::new(analysis.actors.len(), claims.len());
    let mut rows: Vec<SourceRow> = Vec::new();
    for (c, view) in analysis.claims.iter().zip(claims) {
        let mut make = |label: String, actor: Option<u32>| {
            rows.push(SourceRow {
                label,
                actor,
                attribution: c.attribution.as_str().into(),
                ..SourceRow::default()
            });
            rows.len() as u32 - 1
        };
        let linked = view
            .actor
            .and_then(|a| Some((a, analysis.actors.get(a as usize)?)));
        let i = match (linked, &view.source) {
            (Some((a, actor)), _) => {
                let slot = &mut index.by_actor[a as usize];
                *slot.get_or_insert_with(|| make(actor.name.clone(), Some(a)))
            }
            (None, Some(s)) => index.source(source_key(s), || make(s.clone(), None)),
            (None, None) => *index
                .nobody
                .get_or_insert_with(|| make("no source".to_string(), None)),
        } as usize;
        let row = &mut rows[i];
        row.claims.push(view.id);
        if view.quote {
            row.quotes += 1;
        } else if !c.content.is_empty() {
            row.paraphrases += 1;
        }
        match c.attribution {
            Attribution::Named => row.named += 1,
            Attribution::Vague => row.vague += 1,
            Attribution::None => row.none += 1,
        }
    }
    // Most claims first; ties in order of the first claim (rows were made in that
    // order): a counting sort by number of claims, linear and without a sort's code.
    let most = rows.iter().map(|r| r.claims.len()).max().unwrap_or(0);
    let mut by_count: Vec<Vec<SourceRow>> = (0..=most).map(|_| Vec::new()).collect();
    for r in rows {
        by_count[r.claims.len()].push(r);
    }
    by_count.into_iter().rev().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_keys_ignore_case_spacing_and_a_leading_the() {
        for (a, b) in [
            ("Analysts", "analysts"),
            ("the  Ministry", "The ministry"),
            ("Officials ", "officials"),
        ] {
            assert_eq!(source_key(a), source_key(b), "{a} / {b}");
        }
        assert_ne!(source_key("officials"), source_key("the analysts"));
        assert_eq!(source_key("The"), "the");
    }

    #[test]
    fn quotes_start_with_or_after_an_opening_mark() {
        let text = "He said “we will win” and that they would. «Non», dit-il. She said: \"Go.\"";
        let span = |s: &str| {
            let i = text.find(s).unwrap();
            vec![claimlens::Span::new(i, i + s.len())]
        };
        assert!(is_quote(text, &span("we will win")));
        assert!(is_quote(text, &span("“we will win”")));
        assert!(is_quote(text, &span("Non")));
        assert!(is_quote(text, &span("Go.")));
        assert!(!is_quote(text, &span("they would")));
        assert!(!is_quote(text, &[]));
        // Newswire typewriter quotes, opening the content or right before it.
        let text = "He said ''we will win'' and ``they know it.''";
        let span = |s: &str| {
            let i = text.find(s).unwrap();
            vec![claimlens::Span::new(i, i + s.len())]
        };
        assert!(is_quote(text, &span("we will win")));
        assert!(is_quote(text, &span("''we will win''")));
        assert!(is_quote(text, &span("they know it.")));
        let text = "He said ``no.'' Taxes will rise, the mayor said.";
        let i = text.find("Taxes").unwrap();
        assert!(!is_quote(text, &[claimlens::Span::new(i, i + 15)]));
        // A straight quote closing the paragraph before opens nothing.
        let text = "He said, \"We will win.\"\n\nThe truth, the senator said, was that…";
        let i = text.find("The truth").unwrap();
        assert!(!is_quote(text, &[claimlens::Span::new(i, i + 9)]));
    }

    #[test]
    fn a_transcript_turn_is_a_quotation() {
        let text = "WALLACE: Will you run?\n\n“PENCE: No.\n\nThe Latest: rain. Ms. Roe: yes.";
        let turn = |source: &str, content: &str| {
            let at = |w: &str| {
                let i = text.find(w).unwrap();
                claimlens::Span::new(i, i + w.len())
            };
            let s = at(source);
            let c = claimlens::Claim {
                source: Some(s),
                cue: claimlens::Span::new(s.end, s.end + 1),
                content: vec![at(content)],
                actor: None,
                form: None,
                attribution: claimlens::Attribution::Named,
            };
            is_turn(text, &c)
        };
        assert!(turn("WALLACE", "Will you run?"));
        assert!(turn("PENCE", "No."));
        // Not a headline's label in mixed case, nor a label inside a line.
        assert!(!turn("The Latest", "rain."));
        assert!(!turn("Ms. Roe", "yes."));
    }
}
