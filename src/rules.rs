//! The reader's own rules: words to add to the lexicons, and corrections of
//! what the analysis found ("Bombs" is no actor, "HRC" is Hillary Clinton,
//! Netflix is an organization). One JSON file, the same for the web app, the
//! JS API and the CLI (`--rules FILE`); see `docs/rules.md`.
//!
//! The additions go to the lexicons ([`crate::Analyzer::with_rules`]); a
//! pattern's matches in a text are added to them as phrases for that text; the
//! corrections are a stage of their own: each reads what the stage before it
//! produced (actors, claims, hedges) and returns a corrected copy, before
//! linking and scoring read it.

use crate::analysis::{Actor, ActorKind, Hedge, HedgeKind};
use crate::claims::Found;
use crate::error::Error;
use crate::hash::{FxMap, FxSet};
use crate::text::Doc;
use serde::{Deserialize, Serialize};

/// Longest phrase of a rule, in characters.
pub const MAX_RULE_CHARS: usize = 200;

/// Most rules of each list in one file.
pub const MAX_RULES: usize = 10_000;

/// Longest pattern of a rule, in characters.
pub const MAX_PATTERN_CHARS: usize = 500;

/// Most patterns in one file (each one is a scan of every text).
pub const MAX_PATTERNS: usize = 100;

/// Most distinct matches of one pattern taken from one text.
pub const MAX_PATTERN_MATCHES: usize = 1_000;

/// A reader's rules: additions to the lexicons and corrections.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Rules {
    /// Names to find as actors ("Zorblax Institute" as an organization).
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<RuleActor>>", optional))]
    pub actors: Vec<RuleActor>,
    /// Reporting cues ("murmured", "according to").
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<String>>", optional))]
    pub cues: Vec<String>,
    /// Hedging cues ("perchance" as a hedge).
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<RuleHedge>>", optional))]
    pub hedges: Vec<RuleHedge>,
    /// Highlights marked wrong: the text of a mark and its layer.
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<Wrong>>", optional))]
    pub wrong: Vec<Wrong>,
    /// Two actors that are one ("HRC" into "Hillary Clinton").
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<Merge>>", optional))]
    pub merge: Vec<Merge>,
    /// An actor's kind as the reader sets it.
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<RuleKind>>", optional))]
    pub kinds: Vec<RuleKind>,
    /// Regular expressions whose matches are found as actors, cues or hedges.
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<RulePattern>>", optional))]
    pub patterns: Vec<RulePattern>,
}

/// A regular expression whose matches in a text are taken as phrases of a list: an
/// actor of a kind, a reporting cue or a hedging cue of a kind. A match counts where it
/// covers whole words, like a phrase of the other lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RulePattern {
    /// The expression, in the syntax of the `regex-lite` crate (Perl-like, without
    /// Unicode classes: `\w` and `\b` are ASCII; `(?i)` ignores case), at most
    /// [`MAX_PATTERN_CHARS`] characters.
    pub pattern: String,
    /// What its matches are.
    #[serde(rename = "as")]
    #[cfg_attr(feature = "typescript", ts(rename = "as"))]
    pub what: PatternAs,
}

impl RulePattern {
    /// What is wrong with the pattern, if anything ("is not a valid pattern: found
    /// open group without closing ')' (at character 3)"): it is empty, longer than
    /// [`MAX_PATTERN_CHARS`], or does not compile.
    pub fn problem(&self) -> Option<String> {
        self.compiled().err()
    }

    /// The pattern compiled, or what is wrong with it ([`RulePattern::problem`]).
    #[cfg(feature = "patterns")]
    pub(crate) fn compiled(&self) -> Result<regex_lite::Regex, String> {
        if self.pattern.is_empty() {
            return Err("must not be empty".into());
        }
        if self.pattern.chars().count() > MAX_PATTERN_CHARS {
            return Err(format!("is longer than {MAX_PATTERN_CHARS} characters"));
        }
        compile(&self.pattern)
    }

    #[cfg(not(feature = "patterns"))]
    fn compiled(&self) -> Result<(), String> {
        Err(
            "is not run by this build (the core without its `patterns` feature; the CLI, the \
             web app and the JS API run patterns)"
                .into(),
        )
    }
}

/// What a pattern's matches are found as.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum PatternAs {
    /// An actor, a person.
    Person,
    /// An actor, an organization.
    Organization,
    /// An actor, a place.
    Place,
    /// An actor, a group.
    Group,
    /// A reporting cue.
    Cue,
    /// A hedge.
    Hedge,
    /// A booster.
    Booster,
    /// A weasel phrase.
    Weasel,
    /// A condition.
    Condition,
}

impl PatternAs {
    /// Every value, in the order of its declaration.
    pub const ALL: [PatternAs; 9] = [
        PatternAs::Person,
        PatternAs::Organization,
        PatternAs::Place,
        PatternAs::Group,
        PatternAs::Cue,
        PatternAs::Hedge,
        PatternAs::Booster,
        PatternAs::Weasel,
        PatternAs::Condition,
    ];

    /// Its name in a rules file.
    pub fn as_str(self) -> &'static str {
        match self {
            PatternAs::Person => "person",
            PatternAs::Organization => "organization",
            PatternAs::Place => "place",
            PatternAs::Group => "group",
            PatternAs::Cue => "cue",
            PatternAs::Hedge => "hedge",
            PatternAs::Booster => "booster",
            PatternAs::Weasel => "weasel",
            PatternAs::Condition => "condition",
        }
    }
}

/// `pattern` compiled, or why it cannot be: the regex-lite message (which has no
/// position) and the character (counted from 1) after the longest beginning of the
/// pattern without that error.
#[cfg(feature = "patterns")]
fn compile(pattern: &str) -> Result<regex_lite::Regex, String> {
    let build = |p: &str| {
        regex_lite::RegexBuilder::new(p)
            .size_limit(1 << 16)
            .nest_limit(64)
            .build()
    };
    let whole = build(pattern).map_err(|e| e.to_string());
    let Err(message) = whole else { return whole };
    // The longest beginning without that error ends just before the character at fault:
    // "(?i)folks (in" is fine up to "(?i)folks ", so the fault is the "(" at 11.
    let starts: Vec<usize> = pattern.char_indices().map(|(i, _)| i).collect();
    let at = (0..starts.len())
        .rev()
        .find(|&n| !build(&pattern[..starts[n]]).is_err_and(|e| e.to_string() == message))
        .map(|n| n + 1);
    Err(match at {
        Some(n) => format!("is not a valid pattern: {message} (at character {n})"),
        None => format!("is not a valid pattern: {message}"),
    })
}

/// The longest piece of text a pattern is run over at once ([`matches`]).
pub const PATTERN_WINDOW: usize = 512;

/// The pieces of `text` a pattern is run over: its lines, a line longer than
/// [`PATTERN_WINDOW`] bytes cut at the last space before that (or at a character boundary).
/// Each search stays inside one piece, so that a pattern whose leftmost match looks far
/// ahead (`.*zzz|officials`) costs at most the piece for each match: linear in the text.
#[cfg(feature = "patterns")]
fn windows(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').flat_map(|mut line| {
        std::iter::from_fn(move || {
            if line.is_empty() {
                return None;
            }
            let mut cut = line.len().min(PATTERN_WINDOW);
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            if cut < line.len() {
                if let Some(space) = line[..cut].rfind(' ').filter(|&i| i > PATTERN_WINDOW / 2) {
                    cut = space;
                }
            }
            let (piece, rest) = line.split_at(cut);
            line = rest;
            Some(piece)
        })
    })
}

/// The distinct matches of each pattern in `text` that can be phrases (with a letter or
/// digit, at most [`MAX_RULE_CHARS`] long, trimmed), at most [`MAX_PATTERN_MATCHES`] of
/// each pattern, in order of first match. A match lies within a line and within one
/// piece of at most [`PATTERN_WINDOW`] bytes of it.
#[cfg(feature = "patterns")]
pub(crate) fn matches<'t>(
    patterns: &[(regex_lite::Regex, PatternAs)],
    text: &'t str,
) -> Vec<(&'t str, PatternAs)> {
    let mut out = Vec::new();
    for (re, what) in patterns {
        // A map to `true` rather than a set: the hash-table code of the lexicons' maps.
        let mut seen: FxMap<&str, bool> = FxMap::default();
        'pattern: for piece in windows(text) {
            for m in re.find_iter(piece) {
                let s = m.as_str().trim();
                if s.chars().any(char::is_alphanumeric)
                    && s.chars().count() <= MAX_RULE_CHARS
                    && seen.insert(s, true).is_none()
                {
                    out.push((s, *what));
                    if seen.len() == MAX_PATTERN_MATCHES {
                        break 'pattern;
                    }
                }
            }
        }
    }
    out
}

/// A name to find as an actor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RuleActor {
    /// The name as written ("Zorblax Institute"); case does not matter.
    pub name: String,
    /// Its kind.
    pub kind: ActorKind,
}

/// A hedging cue to find.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RuleHedge {
    /// The phrase ("perchance").
    pub phrase: String,
    /// Its kind.
    pub kind: HedgeKind,
}

/// The layer of a highlight marked wrong.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Layer {
    /// An actor's mention: the text is no actor (or, when it is an
    /// actor's name, the actor is none).
    Actor,
    /// A claim's cue: the word is no reporting cue here.
    Claim,
    /// A hedging cue.
    Hedge,
}

/// A highlight marked wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Wrong {
    /// The layer of the mark.
    pub layer: Layer,
    /// The text of the mark (an actor's mention, a claim's cue, a hedge).
    pub text: String,
}

/// Two actors that are one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Merge {
    /// A name or mention of the actor that joins the other ("HRC").
    pub actor: String,
    /// A name or mention of the actor it joins ("Hillary Clinton").
    pub into: String,
}

/// An actor's kind, set by the reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RuleKind {
    /// A name or mention of the actor.
    pub actor: String,
    /// Its kind.
    pub kind: ActorKind,
}

impl Rules {
    /// Whether there is no rule at all.
    pub fn is_empty(&self) -> bool {
        *self == Rules::default()
    }

    /// Reads a rules file (JSON) and checks it ([`Rules::check`]).
    pub fn from_json(json: &str) -> Result<Rules, Error> {
        let rules: Rules = serde_json::from_str(json).map_err(|e| Error::Rules {
            path: String::new(),
            message: e.to_string(),
        })?;
        rules.check()?;
        Ok(rules)
    }

    /// Checks every phrase: it holds a letter or digit, is at most
    /// [`MAX_RULE_CHARS`] long, and each list holds at most [`MAX_RULES`];
    /// and every pattern: it compiles and is at most [`MAX_PATTERN_CHARS`]
    /// long, at most [`MAX_PATTERNS`] of them. The error names the rule
    /// ("hedges[2].phrase").
    pub fn check(&self) -> Result<(), Error> {
        self.checked().map(drop)
    }

    /// [`Rules::check`], giving the patterns compiled (each compiled once).
    pub(crate) fn checked(&self) -> Result<Vec<Compiled>, Error> {
        fn bad<T>(path: String, message: &str) -> Result<T, Error> {
            Err(Error::Rules {
                path,
                message: message.to_string(),
            })
        }
        let phrase = |path: &dyn Fn() -> String, s: &str| {
            if !s.chars().any(char::is_alphanumeric) {
                return bad(path(), "must contain a letter or digit");
            }
            if s.chars().count() > MAX_RULE_CHARS {
                return bad(
                    path(),
                    &format!("is longer than {MAX_RULE_CHARS} characters"),
                );
            }
            Ok(())
        };
        let lists = [
            ("actors", self.actors.len()),
            ("cues", self.cues.len()),
            ("hedges", self.hedges.len()),
            ("wrong", self.wrong.len()),
            ("merge", self.merge.len()),
            ("kinds", self.kinds.len()),
        ];
        if self.patterns.len() > MAX_PATTERNS {
            return bad(
                "patterns".to_string(),
                &format!("holds more than {MAX_PATTERNS} patterns"),
            );
        }
        for (name, n) in lists {
            if n > MAX_RULES {
                return bad(
                    name.to_string(),
                    &format!("holds more than {MAX_RULES} rules"),
                );
            }
        }
        for (i, r) in self.actors.iter().enumerate() {
            phrase(&|| format!("actors[{i}].name"), &r.name)?;
        }
        for (i, r) in self.cues.iter().enumerate() {
            phrase(&|| format!("cues[{i}]"), r)?;
        }
        for (i, r) in self.hedges.iter().enumerate() {
            phrase(&|| format!("hedges[{i}].phrase"), &r.phrase)?;
            if r.phrase.contains(['[', ']']) {
                return bad(format!("hedges[{i}].phrase"), "must not contain '[' or ']'");
            }
        }
        for (i, r) in self.wrong.iter().enumerate() {
            phrase(&|| format!("wrong[{i}].text"), &r.text)?;
        }
        for (i, r) in self.merge.iter().enumerate() {
            phrase(&|| format!("merge[{i}].actor"), &r.actor)?;
            phrase(&|| format!("merge[{i}].into"), &r.into)?;
        }
        for (i, r) in self.kinds.iter().enumerate() {
            phrase(&|| format!("kinds[{i}].actor"), &r.actor)?;
        }
        let mut compiled = Vec::with_capacity(self.patterns.len());
        for (i, r) in self.patterns.iter().enumerate() {
            match r.compiled() {
                Ok(re) => compiled.push(re),
                Err(e) => return bad(format!("patterns[{i}].pattern"), &e),
            }
        }
        Ok(compiled)
    }
}

/// A pattern compiled ([`RulePattern::compiled`]); nothing without the `patterns` feature.
#[cfg(feature = "patterns")]
pub(crate) type Compiled = regex_lite::Regex;
#[cfg(not(feature = "patterns"))]
pub(crate) type Compiled = ();

/// The corrections of a [`Rules`], each text as a key ([`key`]).
#[derive(Clone, Debug, Default)]
pub(crate) struct Corrections {
    not_actors: FxSet<String>,
    not_cues: FxSet<String>,
    not_hedges: FxSet<String>,
    merge: Vec<(String, String)>,
    kinds: Vec<(String, ActorKind)>,
}

/// How a rule's text and a mark's text are compared: as the actors stage
/// groups names (lowercase, words separated by one space, without a leading
/// "the", periods or a trailing possessive).
fn key(s: &str) -> String {
    crate::actors::key_of(s.trim())
}

/// The root of `i` in a union of actors.
/// The root of `i` in a union of actors, halving the path on the way (so a
/// long chain of merges stays near-linear).
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

impl Corrections {
    #[cfg(feature = "rules")]
    pub(crate) fn new(rules: &Rules) -> Self {
        let wrong = |layer: Layer| {
            rules
                .wrong
                .iter()
                .filter(|w| w.layer == layer)
                .map(|w| key(&w.text))
                .collect()
        };
        Corrections {
            not_actors: wrong(Layer::Actor),
            not_cues: wrong(Layer::Claim),
            not_hedges: wrong(Layer::Hedge),
            merge: rules
                .merge
                .iter()
                .map(|m| (key(&m.actor), key(&m.into)))
                .collect(),
            kinds: rules
                .kinds
                .iter()
                .map(|k| (key(&k.actor), k.kind))
                .collect(),
        }
    }

    /// Adds the corrections of `other` to these.
    #[cfg(feature = "rules")]
    pub(crate) fn extend(&mut self, other: Corrections) {
        self.not_actors.extend(other.not_actors);
        self.not_cues.extend(other.not_cues);
        self.not_hedges.extend(other.not_hedges);
        self.merge.extend(other.merge);
        self.kinds.extend(other.kinds);
    }

    #[cfg(feature = "rules")]
    pub(crate) fn is_empty(&self) -> bool {
        self.not_actors.is_empty()
            && self.not_cues.is_empty()
            && self.not_hedges.is_empty()
            && self.merge.is_empty()
            && self.kinds.is_empty()
    }

    /// The actors corrected: mentions marked wrong dropped (an actor whose
    /// name is marked wrong, or left without mentions, is dropped), merged
    /// actors made one (with the name and kind of the one joined), kinds
    /// set; numbered again in order of first mention. An actor is found by
    /// its name or any of its mentions (the first actor that has it).
    pub(crate) fn actors(&self, doc: &Doc, actors: &[Actor]) -> Vec<Actor> {
        let mut kept: Vec<Actor> = Vec::with_capacity(actors.len());
        for a in actors {
            if self.not_actors.contains(&key(&a.name)) {
                continue;
            }
            let mut a = a.clone();
            a.mentions
                .retain(|m| !self.not_actors.contains(&key(m.slice(doc.text))));
            // An alias marked wrong is not one: linking finds sources by aliases too.
            a.aliases.retain(|x| !self.not_actors.contains(&key(x)));
            if !a.mentions.is_empty() {
                kept.push(a);
            }
        }
        let mut index: FxMap<String, usize> = FxMap::default();
        for (i, a) in kept.iter().enumerate() {
            index.entry(key(&a.name)).or_insert(i);
            for m in &a.mentions {
                index.entry(key(m.slice(doc.text))).or_insert(i);
            }
        }
        let mut parent: Vec<usize> = (0..kept.len()).collect();
        for (from, into) in &self.merge {
            if let (Some(&f), Some(&t)) = (index.get(from), index.get(into)) {
                let (f, t) = (root(&mut parent, f), root(&mut parent, t));
                if f != t {
                    parent[f] = t;
                }
            }
        }
        for (k, kind) in &self.kinds {
            if let Some(&i) = index.get(k) {
                let r = root(&mut parent, i);
                kept[r].kind = *kind;
            }
        }
        let mut joined: Vec<Vec<Actor>> = vec![Vec::new(); kept.len()];
        let mut out: Vec<Option<Actor>> = Vec::with_capacity(kept.len());
        for (i, a) in kept.into_iter().enumerate() {
            let r = root(&mut parent, i);
            if r == i {
                out.push(Some(a));
            } else {
                joined[r].push(a);
                out.push(None);
            }
        }
        let mut actors: Vec<Actor> = Vec::with_capacity(out.len());
        for (slot, more) in out.into_iter().zip(joined) {
            let Some(mut keep) = slot else { continue };
            let mut known: FxSet<String> = FxSet::default();
            if !more.is_empty() {
                known.insert(key(&keep.name));
                known.extend(keep.aliases.iter().map(|x| key(x)));
            }
            for gone in more {
                keep.mentions.extend(gone.mentions);
                for alias in std::iter::once(gone.name).chain(gone.aliases) {
                    if known.insert(key(&alias)) {
                        keep.aliases.push(alias);
                    }
                }
            }
            crate::sort::sort_by_key(&mut keep.mentions, |m| crate::sort::key2(m.start, m.end));
            keep.mentions.dedup();
            actors.push(keep);
        }
        crate::sort::sort_by_key(&mut actors, |a| {
            a.mentions.first().map_or(0, |m| m.start) as u128
        });
        for (i, a) in actors.iter_mut().enumerate() {
            a.id = i;
        }
        actors
    }

    /// The claims without those whose cue is marked wrong.
    pub(crate) fn claims(&self, doc: &Doc, found: Vec<Found>) -> Vec<Found> {
        if self.not_cues.is_empty() {
            return found;
        }
        found
            .into_iter()
            .filter(|f| !self.not_cues.contains(&key(f.cue.slice(doc.text))))
            .collect()
    }

    /// The hedging cues without those marked wrong.
    pub(crate) fn hedges(&self, doc: &Doc, hedges: Vec<Hedge>) -> Vec<Hedge> {
        if self.not_hedges.is_empty() {
            return hedges;
        }
        hedges
            .into_iter()
            .filter(|h| !self.not_hedges.contains(&key(h.span.slice(doc.text))))
            .collect()
    }
}

#[cfg(all(test, feature = "rules"))]
mod tests {
    use super::*;

    #[test]
    fn windows_are_lines_cut_at_spaces_and_cover_the_text() {
        let long = "word ".repeat(300);
        let text = format!("first line\n{long}\n\n{}é\nlast", "x".repeat(1000));
        let pieces: Vec<&str> = windows(&text).collect();
        assert!(
            pieces.iter().all(|p| p.len() <= PATTERN_WINDOW),
            "{pieces:?}"
        );
        assert_eq!(pieces[0], "first line");
        // Cut at a space, past the middle of a window.
        assert!(pieces[1].ends_with("word") && pieces[2].starts_with(' '));
        assert_eq!(pieces.last(), Some(&"last"));
        let lines: String = pieces.concat();
        assert_eq!(lines, text.replace('\n', ""));
    }
}
