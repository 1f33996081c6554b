//! The readable report of `claimlens analyze`.

use claimlens::{Analysis, Attribution, HedgeKind};
use std::io::{self, Write};

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
}

/// Characters from the text that a terminal may act on rather than show:
/// C0 and C1 controls, DEL, and the bidirectional formatting characters
/// (which can reorder what a reader sees).
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// One line of text, safe for a terminal: runs of whitespace folded, every
/// unsafe character ([`is_unsafe`]) written as an escape (`\x1b`,
/// `\u{202e}`), and text longer than `max` characters shortened.
pub(crate) fn clip(s: &str, max: usize) -> String {
    let mut folded = String::with_capacity(s.len().min(1 << 16));
    for w in s.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        for c in w.chars() {
            if !is_unsafe(c) {
                folded.push(c);
            } else if u32::from(c) < 0x100 {
                folded.push_str(&format!("\\x{:02x}", u32::from(c)));
            } else {
                folded.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
        }
        if folded.len() > 4 * max + 64 {
            break;
        }
    }
    if folded.chars().count() <= max {
        folded
    } else {
        let cut: String = folded.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

pub(crate) fn report(
    out: &mut impl Write,
    text: &str,
    a: &Analysis,
    colour: bool,
) -> io::Result<()> {
    let st = Style { on: colour };
    let s = &a.summary;
    writeln!(
        out,
        "{}  {} sentences · {} words · certainty {:.2}",
        st.bold("claimlens"),
        s.sentences,
        s.words,
        s.certainty
    )?;
    if text.trim().is_empty() {
        writeln!(out, "\n(empty text: nothing to analyse)")?;
        return Ok(());
    }
    writeln!(out, "\n{} ({})", st.bold("ACTORS"), a.actors.len())?;
    let mut actors: Vec<_> = a.actors.iter().collect();
    actors.sort_by_key(|x| std::cmp::Reverse(x.mentions.len()));
    for x in actors {
        let kind = match &x.subkind {
            Some(sub) => format!("{}/{}", x.kind.as_str(), clip(sub, 40)),
            None => x.kind.as_str().to_string(),
        };
        let aliases = if x.aliases.is_empty() {
            String::new()
        } else {
            let aliases: Vec<String> = x.aliases.iter().map(|a| clip(a, 60)).collect();
            format!("  also: {}", aliases.join(", "))
        };
        writeln!(
            out,
            "  {:<34} {:<22} ×{}{}",
            st.paint("36", &clip(&x.name, 80)),
            st.dim(&kind),
            x.mentions.len(),
            aliases
        )?;
    }
    writeln!(
        out,
        "\n{} ({})  named {} · vague {} · none {}",
        st.bold("CLAIMS"),
        s.claims,
        s.claims_named,
        s.claims_vague,
        s.claims_none
    )?;
    for c in &a.claims {
        let tag = match c.attribution {
            Attribution::Named => st.paint("32", "named"),
            Attribution::Vague => st.paint("33", "vague"),
            Attribution::None => st.paint("31", "none "),
        };
        let source = c
            .source
            .map_or("—".to_string(), |sp| clip(sp.slice(text), 40));
        let content: Vec<String> = c
            .content
            .iter()
            .map(|sp| clip(sp.slice(text), 90))
            .collect();
        writeln!(
            out,
            "  [{tag}] {} {} {}",
            st.paint("36", &source),
            st.paint("1;35", &clip(c.cue.slice(text), 30)),
            if content.is_empty() {
                st.dim("(no content)")
            } else {
                content.join(" … ")
            }
        )?;
    }
    writeln!(
        out,
        "\n{}  hedges {} · boosters {} · weasels {} · conditions {} · {:.1} hedges per 100 words \
         ({:.1} the author's own; {} cues in quotations)",
        st.bold("HEDGING"),
        s.hedges,
        s.boosters,
        s.weasels,
        s.conditions,
        s.hedges_per_100_words,
        s.author_hedges_per_100_words,
        s.quoted_cues
    )?;
    for h in &a.hedges {
        let code = match h.kind {
            HedgeKind::Hedge => "33",
            HedgeKind::Booster => "34",
            HedgeKind::Weasel => "35",
            HedgeKind::Condition => "36",
        };
        writeln!(
            out,
            "  {:<10} {:<28} {}",
            st.paint(code, h.kind.as_str()),
            clip(h.span.slice(text), 28),
            st.dim(h.reason)
        )?;
    }
    writeln!(out, "\n{}", st.bold("CERTAINTY BY SENTENCE"))?;
    for (i, sen) in a.sentences.iter().enumerate() {
        let filled = (sen.certainty * 10.0).round() as usize;
        let bar = format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled.min(10)));
        writeln!(
            out,
            "  {:>3} {} {:.2}  {}",
            i + 1,
            bar,
            sen.certainty,
            st.dim(&clip(sen.span.slice(text), 70))
        )?;
    }
    Ok(())
}
