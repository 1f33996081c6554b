//! The words for what was found: tooltip lines, kind labels, excerpts and the
//! Markdown report. Every reading view (the app, the widget) shows these.

use crate::model::{ActorView, View};
use claimlens::{Actor, Claim, Hedge, HedgeKind};

/// Longest claim content shown in a panel or tooltip, in characters.
pub const EXCERPT_CHARS: usize = 220;

/// The text on one line: runs of whitespace become one space, none at the ends.
#[inline(never)]
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The decimal digits of `n`.
pub(crate) fn decimal(n: usize, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    std::str::from_utf8(&buf[i..]).unwrap_or_default()
}

/// `x` rounded to `places` decimals ("64", "2.5"), written with integers: the float
/// formatting of `core::fmt` (`{:.1}`) is about 12 KB of wasm. A half rounds away from
/// zero; a value that is not finite is written as 0.
pub fn fixed(x: f64, places: u32) -> String {
    let scale = 10u64.pow(places.min(6));
    let n = if x.is_finite() {
        (x.abs() * scale as f64).round() as u64
    } else {
        0
    };
    let mut out = String::new();
    if x < 0.0 && n > 0 {
        out.push('-');
    }
    out.push_str(decimal((n / scale) as usize, &mut [0; 20]));
    if places > 0 {
        out.push('.');
        let frac = decimal((n % scale + scale) as usize, &mut [0; 20]).to_string();
        out.push_str(&frac[1..]);
    }
    out
}

/// The subkind worth showing beside the kind: not when it repeats the kind or
/// the actor's own name (an actor named "Parliament" of subkind "parliament"),
/// ignoring ASCII case.
pub fn shown_subkind<'a>(name: &str, kind: &str, subkind: Option<&'a str>) -> Option<&'a str> {
    subkind.filter(|s| !s.eq_ignore_ascii_case(kind) && !s.eq_ignore_ascii_case(name))
}

/// The actors panel's kind label: `organization · agency`.
pub fn kind_label(a: &ActorView) -> String {
    match shown_subkind(&a.name, &a.kind, a.subkind.as_deref()) {
        Some(sub) => [&a.kind, " · ", sub].concat(),
        None => a.kind.clone(),
    }
}

/// `actor: Ana Duarte (person, minister), 2 mentions`.
#[inline(never)]
pub(crate) fn actor_tip(a: &Actor) -> String {
    let kind = a.kind.as_str();
    let n = a.mentions.len();
    let mut s = ["actor: ", &a.name, " (", kind].concat();
    if let Some(sub) = shown_subkind(&a.name, kind, a.subkind.as_deref()) {
        s.push_str(", ");
        s.push_str(sub);
    }
    s.push_str("), ");
    s.push_str(decimal(n, &mut [0; 20]));
    s.push_str(if n == 1 { " mention" } else { " mentions" });
    s
}

/// The three lines of a claim: `claim cue: source Ana Duarte (named), cue “said”`.
#[inline(never)]
pub(crate) fn claim_tips(text: &str, c: &Claim) -> [String; 3] {
    let mut rest = match c.source {
        Some(s) => {
            let attribution = c.attribution.as_str();
            ["source ", &one_line(s.slice(text)), " (", attribution, ")"].concat()
        }
        None => "no source (unattributed)".to_string(),
    };
    rest.push_str(", cue “");
    rest.push_str(&one_line(c.cue.slice(text)));
    rest.push('”');
    ["claim source: ", "claim cue: ", "claim content: "].map(|part| [part, &rest].concat())
}

/// `hedge: modal verb`, and `, in a quotation` for a source's words.
#[inline(never)]
pub(crate) fn hedge_tip(h: &Hedge) -> String {
    let quoted = if h.quoted { ", in a quotation" } else { "" };
    [h.kind.as_str(), ": ", h.reason, quoted].concat()
}

/// What lowered or raised a sentence's certainty: its hedging cues (at most four named
/// of each direction, then a count) and a vague source, in the words of the strip's labels.
#[inline(never)]
pub(crate) fn sentence_why<'a>(
    text: &str,
    hedges: impl Iterator<Item = &'a Hedge> + Clone,
    vague: Option<&str>,
) -> String {
    let mut out = String::new();
    for raise in [false, true] {
        let (mut named, mut more) = (0, 0);
        let mut cue = |out: &mut String, words: &str, kind: &str| {
            if named == 4 {
                more += 1;
                return;
            }
            out.push_str(match (named, out.is_empty(), raise) {
                (0, true, false) => "lowered by ",
                (0, true, true) => "raised by ",
                (0, false, _) => "; raised by ",
                _ => ", ",
            });
            named += 1;
            out.push_str(kind);
            out.push('“');
            out.push_str(&excerpt(words, 40));
            out.push('”');
        };
        for h in hedges.clone() {
            if (h.kind == HedgeKind::Booster) == raise {
                let kind = [h.kind.as_str(), " "].concat();
                cue(&mut out, h.span.slice(text), &kind);
            }
        }
        if let (false, Some(v)) = (raise, vague) {
            cue(&mut out, v, "a vague source ");
        }
        if more > 0 {
            out.push_str(" and ");
            out.push_str(crate::words::decimal(more, &mut [0; 20]));
            out.push_str(" more");
        }
    }
    out
}

/// Most characters of context looked at on each side of a cue ([`around`]).
const SIDE_CHARS: usize = 80;

/// The words around `span` in its sentence (of `sentences`, in text order): up to `n`
/// whole words on each side, within [`SIDE_CHARS`] characters, each side on one line,
/// with an ellipsis where words are left out: (`"… said the panel itself "`, `" be damaged
/// by …"`). Bounded on each side, so that a text without spaces costs no more.
#[inline(never)]
pub fn around(
    text: &str,
    sentences: &[claimlens::SentenceScore],
    span: claimlens::Span,
    n: usize,
) -> (String, String) {
    let k = sentences.partition_point(|s| s.span.end <= span.start);
    let (lo, hi) = sentences.get(k).map_or((span.start, span.end), |s| {
        (s.span.start.min(span.start), s.span.end.max(span.end))
    });
    // Back to the start of the n-th whole word before the cue, on to the end of the n-th
    // whole word after it.
    let from = reach(
        text[lo..span.start]
            .char_indices()
            .rev()
            .map(|(i, ch)| (lo + i, ch)),
        n,
    )
    .unwrap_or(span.start);
    let to = reach(
        text[span.end..hi]
            .char_indices()
            .map(|(i, ch)| (span.end + i + ch.len_utf8(), ch)),
        n,
    )
    .unwrap_or(span.end);
    let space = |c: Option<char>| c.is_some_and(char::is_whitespace);
    let mut before = String::new();
    if text[lo..from].chars().rev().any(|c| !c.is_whitespace()) {
        before.push_str("… ");
    }
    before.push_str(&one_line(&text[from..span.start]));
    if from < span.start && space(text[..span.start].chars().next_back()) {
        before.push(' ');
    }
    let mut after = String::new();
    if span.end < to && space(text[span.end..].chars().next()) {
        after.push(' ');
    }
    after.push_str(&one_line(&text[span.end..to]));
    if text[to..hi].chars().any(|c| !c.is_whitespace()) {
        after.push_str(" …");
    }
    (before, after)
}

/// Walks away from a cue over `steps` (each character with the byte offset where a word
/// would begin or end at it, seen from the cue) and gives the far edge of the n-th whole
/// word, or of the last whole word when fewer lie within [`SIDE_CHARS`] characters (a word
/// running to the end of the steps is whole: it meets the sentence's edge).
fn reach(steps: impl Iterator<Item = (usize, char)>, n: usize) -> Option<usize> {
    let (mut whole, mut words, mut edge) = (None, 0, None);
    for (walked, (at, ch)) in steps.enumerate() {
        if walked == SIDE_CHARS {
            return whole;
        }
        if !ch.is_whitespace() {
            edge = Some(at);
        } else if let Some(w) = edge.take() {
            (whole, words) = (Some(w), words + 1);
            if words == n {
                return whole;
            }
        }
    }
    edge.or(whole)
}

/// `text` on one line, cut at a word boundary to at most `max_chars` characters (and an ellipsis).
#[inline(never)]
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let text = one_line(text);
    match text.char_indices().nth(max_chars) {
        None => text,
        Some((cut, _)) => {
            let head = &text[..cut];
            let head = match head.rfind(' ') {
                Some(sp) if sp > cut / 2 => &head[..sp],
                _ => head,
            };
            [head.trim_end(), "…"].concat()
        }
    }
}

/// Escapes text for Markdown: no markup, no HTML, no table breaks.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The Markdown report of a view: summary, actors, claims and hedging.
pub fn markdown(v: &View) -> String {
    use std::fmt::Write;
    let s = &v.summary;
    let mut out = String::new();
    let _ = writeln!(out, "# claimlens report\n");
    let _ = writeln!(
        out,
        "{} words, {} sentences. Certainty {}%, {} hedging cues per 100 words \
         ({} in the author's own words; {} cues inside quotations).\n",
        s.words,
        s.sentences,
        fixed(s.certainty * 100.0, 0),
        fixed(s.hedges_per_100_words, 1),
        fixed(s.author_hedges_per_100_words, 1),
        s.quoted_cues
    );
    let _ = writeln!(out, "## Actors ({})\n", v.actors.len());
    if !v.actors.is_empty() {
        let _ = writeln!(out, "| actor | kind | mentions | also written | claims |");
        let _ = writeln!(out, "|---|---|---:|---|---:|");
        let mut actors: Vec<_> = v.actors.iter().collect();
        // Most mentions first, then by id.
        claimlens::sort::sort_by_key(&mut actors, |a| {
            claimlens::sort::key2(u32::MAX as usize - a.mentions as usize, a.id as usize)
        });
        for a in actors {
            let kind = match &a.subkind {
                Some(sub) => format!("{} ({})", a.kind, md(sub)),
                None => a.kind.clone(),
            };
            let aliases: Vec<String> = a.aliases.iter().map(|x| md(x)).collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                md(&a.name),
                kind,
                a.mentions,
                aliases.join(", "),
                a.claims.len()
            );
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "## Claims ({}: {} named, {} vague, {} unattributed)\n",
        s.claims, s.claims_named, s.claims_vague, s.claims_none
    );
    for c in &v.claims {
        let source = c.source.as_deref().map_or("(no source)".to_string(), md);
        let _ = writeln!(
            out,
            "- **{}** ({}) — *{}*: {}",
            source,
            c.attribution,
            md(&c.cue),
            md(&c.content)
        );
    }
    if !v.claims.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "## Hedging\n\n| kind | count |\n|---|---:|\n| hedge | {} |\n| booster | {} |\n| weasel | {} |\n| condition | {} |\n",
        s.hedges, s.boosters, s.weasels, s.conditions
    );
    for h in &v.hedges {
        let _ = writeln!(out, "- {}: “{}” ({})", h.kind, md(&h.text), md(&h.reason));
    }
    out
}
