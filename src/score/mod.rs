//! Certainty scores and the article summary.
//!
//! **Sentence certainty.** Each sentence starts at 1. Every hedge cue in it
//! multiplies the score by 0.75 (a hedge right after a hedge, as in "unclear
//! whether", does not: one doubt), every weasel cue by 0.7, every condition by
//! 0.85, and a sentence holding any claim with a vague source is multiplied
//! by 0.85 once, giving `base`. Boosters
//! then win back part of what was lost: with `b` boosters,
//! `certainty = base + (1 − base) · (1 − 0.6^b) · 0.5`. A booster that is
//! negated ("not certain") is reported as a hedge, so it lowers the score.
//!
//! **Summary.** Counts per layer and kind; the share of claims with a named,
//! vague or no source (in [`crate::contract`]); hedges per 100 words counts
//! hedge and weasel cues over word and number tokens (the author's own: those
//! neither inside a quotation nor inside a claim's content); `certainty` is the mean
//! sentence certainty weighted by sentence length in words.

use crate::analysis::{
    Actor, Analysis, Attribution, Claim, Hedge, HedgeKind, SentenceScore, Summary,
};
use crate::claims::Found;
use crate::linking::Link;
use crate::text::{Doc, TokenKind};

/// The claims' contents as disjoint spans in text order: where the article reports what
/// someone said ("said the panel itself might be damaged").
fn reported(claims: &[Claim]) -> Vec<crate::span::Span> {
    let mut spans: Vec<crate::span::Span> = claims
        .iter()
        .flat_map(|c| c.content.iter().copied())
        .collect();
    crate::sort::sort_by_key(&mut spans, |s| s.start as u128);
    let mut out: Vec<crate::span::Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// Combines the stages' results into one [`Analysis`] with scores and
/// summary: each claim found with its link.
pub(crate) fn assemble(
    doc: &Doc,
    actors: Vec<Actor>,
    found: Vec<Found>,
    links: Vec<Link>,
    hedges: Vec<Hedge>,
) -> Analysis {
    let claims: Vec<Claim> = found
        .into_iter()
        .zip(links)
        .map(|(f, l)| Claim {
            source: f.source,
            cue: f.cue,
            content: f.content,
            actor: l.actor,
            form: l.form,
            attribution: l.attribution,
        })
        .collect();
    let mut sentences = Vec::with_capacity(doc.sentences.len());
    let mut hedge_i = 0;
    let mut claim_cues: Vec<(usize, Attribution)> = claims
        .iter()
        .map(|c| (c.cue.start, c.attribution))
        .collect();
    crate::sort::sort_by_key(&mut claim_cues, |c| c.0 as u128);
    let mut claim_i = 0;
    let mut weighted = 0.0f64;
    let mut total_words = 0usize;
    // Totals over the document: every token, so every cue, lies in exactly one sentence.
    let (mut hedge_n, mut weasel_n, mut cond_n, mut boost_n) = (0usize, 0usize, 0usize, 0usize);
    for s in &doc.sentences {
        let (mut h, mut w, mut c, mut b) = (0, 0, 0, 0);
        // Hedges right after a hedge ("unclear whether", "may possibly"): cues of their
        // own, but one doubt for the sentence's certainty.
        let mut joined = 0;
        while hedge_i < hedges.len() && hedges[hedge_i].span.start < s.span.end {
            let hedge = &hedges[hedge_i];
            if hedge.span.start >= s.span.start {
                let after_hedge = hedge_i > 0 && {
                    let prev = &hedges[hedge_i - 1];
                    prev.kind == HedgeKind::Hedge
                        && prev.span.start >= s.span.start
                        && prev.span.end <= hedge.span.start
                        && doc.text[prev.span.end..hedge.span.start].trim().is_empty()
                };
                match hedge.kind {
                    HedgeKind::Hedge => {
                        h += 1;
                        joined += u32::from(after_hedge);
                    }
                    HedgeKind::Weasel => w += 1,
                    HedgeKind::Condition => c += 1,
                    HedgeKind::Booster => b += 1,
                }
            }
            hedge_i += 1;
        }
        let mut vague = false;
        while claim_i < claim_cues.len() && claim_cues[claim_i].0 < s.span.end {
            if claim_cues[claim_i].0 >= s.span.start && claim_cues[claim_i].1 == Attribution::Vague
            {
                vague = true;
            }
            claim_i += 1;
        }
        hedge_n += h as usize;
        weasel_n += w as usize;
        cond_n += c as usize;
        boost_n += b as usize;
        let certainty = sentence_certainty(h - joined, w, c, b, vague);
        let words = doc.tokens[s.first..s.last]
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .count();
        weighted += f64::from(certainty) * words as f64;
        total_words += words;
        sentences.push(SentenceScore {
            span: s.span,
            certainty,
        });
    }
    let words = total_words;
    let attributed = |a: Attribution| claims.iter().filter(|c| c.attribution == a).count();
    let summary = Summary {
        words,
        sentences: sentences.len(),
        actors: actors.len(),
        claims: claims.len(),
        claims_named: attributed(Attribution::Named),
        claims_vague: attributed(Attribution::Vague),
        claims_none: attributed(Attribution::None),
        hedges: hedge_n,
        boosters: boost_n,
        weasels: weasel_n,
        conditions: cond_n,
        hedges_per_100_words: if words == 0 {
            0.0
        } else {
            100.0 * (hedge_n + weasel_n) as f32 / words as f32
        },
        quoted_cues: hedges.iter().filter(|h| h.quoted).count(),
        author_hedges_per_100_words: if words == 0 {
            0.0
        } else {
            let reported = reported(&claims);
            let mut r = 0;
            let own = hedges
                .iter()
                .filter(|h| {
                    // Hedges come in text order: one walk over the reported spans.
                    while r < reported.len() && reported[r].end <= h.span.start {
                        r += 1;
                    }
                    let in_claim = reported
                        .get(r)
                        .is_some_and(|c| c.start <= h.span.start && h.span.end <= c.end);
                    !h.quoted && !in_claim && matches!(h.kind, HedgeKind::Hedge | HedgeKind::Weasel)
                })
                .count();
            100.0 * own as f32 / words as f32
        },
        certainty: if total_words == 0 {
            1.0
        } else {
            (weighted / total_words as f64) as f32
        },
    };
    Analysis {
        sentences,
        actors,
        claims,
        hedges,
        summary,
    }
}

/// The certainty of one sentence from its cue counts.
///
/// Each sentence starts at 1. Every hedge cue in it multiplies the score by
/// 0.75, every weasel cue by 0.7, every condition by 0.85, and a sentence
/// holding any claim with a vague source is multiplied by 0.85 once, giving
/// `base`. Boosters then win back part of what was lost: with `b` boosters,
/// `certainty = base + (1 − base) · (1 − 0.6^b) · 0.5`. A booster that is
/// negated ("not certain") is reported as a hedge, so it lowers the score.
///
/// ```
/// use claimlens::sentence_certainty;
/// assert_eq!(sentence_certainty(0, 0, 0, 0, false), 1.0);
/// assert!(sentence_certainty(1, 0, 0, 0, false) < 1.0);
/// assert!(sentence_certainty(1, 0, 0, 1, false) > sentence_certainty(1, 0, 0, 0, false));
/// ```
pub fn sentence_certainty(
    hedges: u32,
    weasels: u32,
    conditions: u32,
    boosters: u32,
    vague: bool,
) -> f32 {
    let mut base =
        0.75f32.powi(hedges as i32) * 0.7f32.powi(weasels as i32) * 0.85f32.powi(conditions as i32);
    if vague {
        base *= 0.85;
    }
    let boost = (1.0 - 0.6f32.powi(boosters as i32)) * 0.5;
    (base + (1.0 - base) * boost).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    /// Each text's sentence certainties: a hedge right after a hedge is one doubt.
    #[test]
    fn a_hedge_right_after_a_hedge_is_one_doubt() {
        #[rustfmt::skip]
        let rows: &[(&str, &[f32])] = &[
            ("It is unclear whether the talks will resume.", &[0.75]),
            ("The talks may resume. The talks may possibly resume.", &[0.75, 0.75]),
            // Apart, two hedges are two doubts.
            ("The talks may resume, and it is unclear when.", &[0.5625]),
            ("The talks will resume.", &[1.0]),
        ];
        for &(text, want) in rows {
            let got: Vec<f32> = crate::analyze(text)
                .sentences
                .iter()
                .map(|s| s.certainty)
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
