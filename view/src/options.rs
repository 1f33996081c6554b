//! The options of `analyze`, checked and turned into an [`Analyzer`]: shared by the
//! JS API (which reads a JavaScript object into an [`Options`]) and the Python module
//! (which reads keyword arguments), so both accept and refuse the same things.

use claimlens::{ActorKind, Analyzer, HedgeKind, Layer, Layers, Rules};

/// Longest user lexicon entry, in characters.
pub const MAX_PHRASE_CHARS: usize = claimlens::MAX_RULE_CHARS;

/// An actor to add to the built-in lexicon.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct UserActor {
    /// The name as it appears in text ("Zorblax Institute").
    pub name: String,
    /// Its kind.
    pub kind: ActorKind,
    /// A finer type ("think tank"), if any.
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub subkind: Option<String>,
}

/// A hedging cue to add to the built-in lexicon.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct UserHedge {
    /// The phrase ("arguably"); square brackets mark the part that is the
    /// cue ("it is [rumoured]").
    pub phrase: String,
    /// Its kind.
    pub kind: HedgeKind,
}

/// The options of `analyze` and `analyzeView`.
#[derive(Clone, Debug, PartialEq, Default)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "AnalyzeOptions")
)]
pub struct Options {
    /// Which layers to run.
    #[cfg_attr(feature = "typescript", ts(as = "Option<Layers>", optional))]
    pub layers: Layers,
    /// Extra actors ("Zorblax Institute" as an organization).
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<UserActor>>", optional))]
    pub actors: Vec<UserActor>,
    /// Extra reporting cues ("murmured", "according to").
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<String>>", optional))]
    pub cues: Vec<String>,
    /// Extra hedging cues.
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<UserHedge>>", optional))]
    pub hedges: Vec<UserHedge>,
    /// A reader's rules file as the web app exports it and the CLI reads it
    /// (`--rules FILE`; `docs/rules.md`): its additions join `actors`, `cues`
    /// and `hedges`; its corrections (`wrong`, `merge`, `kinds`) are kept here.
    #[cfg_attr(feature = "typescript", ts(as = "Option<Rules>", optional))]
    pub rules: Rules,
}

impl Options {
    /// True when these options give the built-in analyzer.
    pub fn is_default(&self) -> bool {
        *self == Options::default()
    }

    /// Builds the analyzer these options describe.
    pub fn build(&self) -> Analyzer {
        let mut a = Analyzer::new().with_layers(self.layers);
        for x in &self.actors {
            a.add_actor(&x.name, x.kind, x.subkind.as_deref());
        }
        for c in &self.cues {
            a.add_cue(c);
        }
        for h in &self.hedges {
            a.add_hedge(&h.phrase, h.kind);
        }
        // The corrections (a reader puts a rules file's additions in the lists
        // above); checked when read, so the error cannot happen.
        #[cfg(feature = "rules")]
        if !self.rules.is_empty() {
            a = a.clone().with_rules(&self.rules).unwrap_or(a);
        }
        a
    }
}

/// `s` in double quotes for a message, with quotes, backslashes and control characters
/// escaped as Rust's `{:?}` would (without its code: Debug formatting of `str` pulls
/// Unicode tables into the wasm).
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                out.push_str("\\u{");
                out.push_str(&format!("{:x}", c as u32));
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Checks a lexicon phrase found at `path` and returns it trimmed.
///
/// It must hold a letter or digit and be at most [`MAX_PHRASE_CHARS`] long.
pub fn phrase(path: &str, s: &str) -> Result<String, String> {
    let t = s.trim();
    if !t.chars().any(char::is_alphanumeric) {
        return Err(format!(
            "{path} must contain a letter or digit (got {})",
            quote(s)
        ));
    }
    if t.chars().count() > MAX_PHRASE_CHARS {
        return Err(format!(
            "{path} is longer than {MAX_PHRASE_CHARS} characters"
        ));
    }
    Ok(t.to_string())
}

/// Checks a user hedge phrase: a [`phrase`] without `[` or `]` (the built-in
/// lexicon uses them to mark a phrase's head).
pub fn hedge_phrase(path: &str, s: &str) -> Result<String, String> {
    if s.contains(['[', ']']) {
        return Err(format!(
            "{path} must not contain '[' or ']' (got {})",
            quote(s)
        ));
    }
    phrase(path, s)
}

/// Parses an actor kind at `path`: exactly `person`, `organization`, `place` or `group`.
pub fn actor_kind(path: &str, s: &str) -> Result<ActorKind, String> {
    match s {
        "person" => Ok(ActorKind::Person),
        "organization" => Ok(ActorKind::Organization),
        "place" => Ok(ActorKind::Place),
        "group" => Ok(ActorKind::Group),
        _ => Err(format!(
            "{path} must be \"person\", \"organization\", \"place\" or \"group\" (got {})",
            quote(s)
        )),
    }
}

/// Parses the layer of a highlight marked wrong at `path`: exactly `actor`, `claim` or `hedge`.
pub fn layer(path: &str, s: &str) -> Result<Layer, String> {
    match s {
        "actor" => Ok(Layer::Actor),
        "claim" => Ok(Layer::Claim),
        "hedge" => Ok(Layer::Hedge),
        _ => Err(format!(
            "{path} must be \"actor\", \"claim\" or \"hedge\" (got {})",
            quote(s)
        )),
    }
}

/// Parses a hedge kind at `path`: exactly `hedge`, `booster`, `weasel` or `condition`.
pub fn hedge_kind(path: &str, s: &str) -> Result<HedgeKind, String> {
    match s {
        "hedge" => Ok(HedgeKind::Hedge),
        "booster" => Ok(HedgeKind::Booster),
        "weasel" => Ok(HedgeKind::Weasel),
        "condition" => Ok(HedgeKind::Condition),
        _ => Err(format!(
            "{path} must be \"hedge\", \"booster\", \"weasel\" or \"condition\" (got {})",
            quote(s)
        )),
    }
}

/// Parses what a pattern's matches are, at `path`: an actor kind, `cue` or a hedge kind.
pub fn pattern_as(path: &str, s: &str) -> Result<claimlens::PatternAs, String> {
    claimlens::PatternAs::ALL
        .into_iter()
        .find(|k| k.as_str() == s)
        .ok_or_else(|| {
            format!(
                "{path} must be \"person\", \"organization\", \"place\", \"group\", \"cue\", \
                 \"hedge\", \"booster\", \"weasel\" or \"condition\" (got {})",
                quote(s)
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_options_are_default() {
        assert!(Options::default().is_default());
        let mut o = Options::default();
        o.layers.hedges = false;
        assert!(!o.is_default());
        let o = Options {
            cues: vec!["insisted".into()],
            ..Options::default()
        };
        assert!(!o.is_default());
    }

    #[test]
    fn phrases_are_trimmed_and_checked() {
        assert_eq!(phrase("p", "  mumbled ").unwrap(), "mumbled");
        assert_eq!(phrase("p", "7 sources").unwrap(), "7 sources");
        for bad in ["", "   ", "…!?", "\u{200d}"] {
            let e = phrase("options.cues[3]", bad).unwrap_err();
            assert!(e.starts_with("options.cues[3] must contain"), "{e}");
        }
        let long = "a".repeat(MAX_PHRASE_CHARS + 1);
        assert!(phrase("p", &long).unwrap_err().contains("longer than"));
        assert!(phrase("p", &"é".repeat(MAX_PHRASE_CHARS)).is_ok());
        assert!(hedge_phrase("h", "[may] be").unwrap_err().contains("'['"));
        assert_eq!(hedge_phrase("h", "arguably").unwrap(), "arguably");
    }

    #[test]
    fn quote_escapes_like_debug() {
        for s in [
            "plain",
            "say \"hi\"",
            "back\\slash",
            "tab\tnew\nline\r",
            "bell\u{7}",
            "café 東京 😀",
            "",
        ] {
            assert_eq!(quote(s), format!("{s:?}"), "{s}");
        }
    }

    #[test]
    fn kinds_are_exact_names() {
        assert_eq!(actor_kind("k", "place").unwrap(), ActorKind::Place);
        assert_eq!(hedge_kind("k", "weasel").unwrap(), HedgeKind::Weasel);
        for bad in ["Person", "per", "", "robot"] {
            let e = actor_kind("options.actors[0].kind", bad).unwrap_err();
            assert!(e.starts_with("options.actors[0].kind must be"), "{e}");
        }
        assert!(hedge_kind("k", "Hedge").is_err());
    }

    #[test]
    fn built_analyzer_uses_the_options() {
        let text = "The Quorvash Collective murmured that the plan was perchance late.";
        let base = Options::default().build().analyze(text);
        assert!(!base
            .actors
            .iter()
            .any(|a| a.subkind.as_deref() == Some("think tank")));
        assert!(!base.claims.iter().any(|c| c.cue.slice(text) == "murmured"));
        assert!(!base
            .hedges
            .iter()
            .any(|h| h.span.slice(text) == "perchance"));
        let o = Options {
            actors: vec![UserActor {
                name: "Quorvash Collective".into(),
                kind: ActorKind::Organization,
                subkind: Some("think tank".into()),
            }],
            cues: vec!["murmured".into()],
            hedges: vec![UserHedge {
                phrase: "perchance".into(),
                kind: HedgeKind::Hedge,
            }],
            ..Options::default()
        };
        let a = o.build().analyze(text);
        let actor = a.actors.iter().find(|a| a.name == "Quorvash Collective");
        assert_eq!(actor.and_then(|a| a.subkind.as_deref()), Some("think tank"));
        assert!(a.claims.iter().any(|c| c.cue.slice(text) == "murmured"));
        assert!(a.hedges.iter().any(|h| h.span.slice(text) == "perchance"));

        let off = Options {
            layers: Layers {
                actors: false,
                claims: false,
                hedges: false,
            },
            ..o
        };
        let a = off.build().analyze(text);
        assert!(a.actors.is_empty() && a.claims.is_empty() && a.hedges.is_empty());
        assert_eq!(a.sentences.len(), 1);
    }
}
