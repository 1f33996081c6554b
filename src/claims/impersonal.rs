//! Impersonal passives: "It is widely believed that …".

use super::cues::CueLexicon;
use super::rules::{Ctx, AUX, BE};
use super::Found;
use crate::text::{Doc, TokenTable};

/// Participles of an impersonal passive: "it is widely *believed* that …".
const IMPERSONAL: &[&str] = &[
    "believed",
    "thought",
    "assumed",
    "understood",
    "reported",
    "rumored",
    "rumoured",
    "feared",
    "alleged",
    "claimed",
    "expected",
    "accepted",
    "known",
    "said",
];

/// Claims of impersonal passives, which name no source: "It is widely
/// believed that …", "It was reported that …" (cue: the verb group after "it";
/// content: the clause after "that").
///
/// They are not part of [`find`], whose claims are features of the learned
/// layer; the analyzer adds them to either layer's claims.
pub fn impersonal(doc: &Doc, table: &TokenTable, lex: &CueLexicon) -> Vec<Found> {
    let n = doc.tokens.len();
    let norm = |i: usize| table.norm(i);
    // (first token of the cue group, its participle)
    let mut hits: Vec<(usize, usize)> = Vec::new();
    for i in 0..n.saturating_sub(3) {
        if norm(i) != "it" || !BE.contains(&norm(i + 1)) {
            continue;
        }
        // "it is (widely) believed that": auxiliaries and adverbs may stand between.
        let mut k = i + 1;
        while k < n && (AUX.contains(&norm(k)) || norm(k).ends_with("ly")) && k < i + 5 {
            k += 1;
        }
        if k + 1 < n
            && IMPERSONAL.contains(&norm(k))
            && norm(k + 1) == "that"
            && table.sentence(k + 1) == table.sentence(i)
        {
            hits.push((i, k));
        }
    }
    if hits.is_empty() {
        return Vec::new();
    }
    let cx = Ctx { doc, table, lex };
    let mut out = Vec::with_capacity(hits.len());
    for (h, &(i, k)) in hits.iter().enumerate() {
        let Some((a, mut b)) = cx.content_after(k + 2) else {
            continue;
        };
        // A second one in the same clause ends this one's content: "It is
        // believed that A, and it is thought that B".
        if let Some(&(next, _)) = hits.get(h + 1) {
            if next <= b {
                b = next.saturating_sub(1);
                while b > a && matches!(norm(b), "," | ";" | "and" | "but") {
                    b -= 1;
                }
                if next <= a {
                    continue;
                }
            }
        }
        out.push(Found {
            source: None,
            cue: cx.span(i + 1, k),
            content: vec![cx.span(a, b)],
        });
    }
    out
}

/// Adds the [`impersonal`] claims whose cue no claim of `claims` overlaps.
/// Content that another claim holds inside an added claim, before its own
/// cue or in another sentence, moves to the added claim ("It is widely
/// believed that the plan failed, which the council has long sought to…").
/// `claims` must be sorted by cue start and stay so.
pub fn add_impersonal(doc: &Doc, table: &TokenTable, lex: &CueLexicon, claims: &mut Vec<Found>) {
    let mut added = impersonal(doc, table, lex);
    added.retain(|c| {
        // Claims that share a cue sit together: a few before the first one
        // that starts after this cue are enough to look at.
        let j = claims.partition_point(|o| o.cue.start < c.cue.end);
        !claims[..j]
            .iter()
            .rev()
            .take(4)
            .any(|o| o.cue.overlaps(c.cue))
    });
    if added.is_empty() {
        return;
    }
    let sentence = |at: usize| doc.sentence_of(doc.token_at(at));
    for o in claims.iter_mut() {
        let cue = o.cue;
        o.content.retain(|s| {
            // The added claims do not overlap one another: only the last one
            // that starts before `s` ends can hold it.
            let p = added.partition_point(|c| c.cue.start < s.end);
            let Some(c) = p.checked_sub(1).map(|p| &added[p]) else {
                return true;
            };
            let inside = c.cue.overlaps(*s) || c.content.iter().any(|x| x.overlaps(*s));
            !(inside && (s.start < cue.start || sentence(s.start) != sentence(cue.start)))
        });
    }
    claims.extend(added);
    super::sort(claims);
}
