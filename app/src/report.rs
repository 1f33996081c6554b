//! Words for what was found: tooltip lines and the Markdown report.

use crate::view::{role, Overview};

/// The tooltip lines for a run with these annotations, e.g.
/// `hedge: modal verb` or `claim: source Sepahnews (named), cue “according to”`.
pub fn describe(
    actor: Option<u32>,
    claim: Option<u32>,
    claim_role: u8,
    hedge: Option<u32>,
    ov: &Overview,
) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(a) = actor.and_then(|a| ov.actors.get(a as usize)) {
        let kind = match &a.subkind {
            Some(sub) => format!("{}, {}", a.kind, sub),
            None => a.kind.clone(),
        };
        let times = if a.mentions == 1 {
            "mention"
        } else {
            "mentions"
        };
        lines.push(format!(
            "actor: {} ({kind}), {} {times}",
            a.name, a.mentions
        ));
    }
    if let Some(c) = claim.and_then(|c| ov.claims.get(c as usize)) {
        let part = match claim_role {
            role::SOURCE => "claim source",
            role::CUE => "claim cue",
            _ => "claim content",
        };
        let source = match &c.source {
            Some(s) => format!("source {} ({})", one_line(s), c.attribution),
            None => "no source (unattributed)".to_string(),
        };
        lines.push(format!("{part}: {source}, cue “{}”", one_line(&c.cue)));
    }
    if let Some(h) = hedge.and_then(|h| ov.hedges.get(h as usize)) {
        lines.push(format!("{}: {}", h.kind, h.reason));
    }
    lines
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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

/// The Markdown report of an analysis: summary, actors, claims and hedging.
pub fn markdown(ov: &Overview) -> String {
    use std::fmt::Write;
    let s = &ov.summary;
    let mut out = String::new();
    let _ = writeln!(out, "# claimlens report\n");
    let _ = writeln!(
        out,
        "{} words, {} sentences. Certainty {:.0}%, {:.1} hedging cues per 100 words.\n",
        s.words,
        s.sentences,
        s.certainty * 100.0,
        s.density
    );
    let _ = writeln!(out, "## Actors ({})\n", ov.actors.len());
    if !ov.actors.is_empty() {
        let _ = writeln!(out, "| actor | kind | mentions | also written | claims |");
        let _ = writeln!(out, "|---|---|---:|---|---:|");
        let mut actors: Vec<_> = ov.actors.iter().collect();
        actors.sort_by_key(|a| (std::cmp::Reverse(a.mentions), a.id));
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
        s.claims, s.named, s.vague, s.unattributed
    );
    for c in &ov.claims {
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
    if !ov.claims.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "## Hedging\n\n| kind | count |\n|---|---:|\n| hedge | {} |\n| booster | {} |\n| weasel | {} |\n| condition | {} |\n",
        s.hedges, s.boosters, s.weasels, s.conditions
    );
    for h in &ov.hedges {
        let _ = writeln!(out, "- {}: “{}” ({})", h.kind, md(&h.text), md(&h.reason));
    }
    out
}
