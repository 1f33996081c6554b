//! The analyzer: the compiled lexicons and models, and the pipeline that
//! runs the stages in order.

use crate::analysis::{ActorKind, Analysis, HedgeKind};
use crate::error::Error;
use crate::model::Tagger;
use crate::text::{Doc, TokenTable};
use crate::{actors, claims, hedges, linking, score};
use std::sync::{Arc, LazyLock};

/// Which layers to run; a layer that is off does not run (each defaults to true).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Layers {
    /// Actors: people, organizations, places and groups. Without them,
    /// claims keep their attribution (named, vague, none) but point at no actor.
    #[cfg_attr(feature = "typescript", ts(as = "Option<bool>", optional))]
    pub actors: bool,
    /// Claims: who said what.
    #[cfg_attr(feature = "typescript", ts(as = "Option<bool>", optional))]
    pub claims: bool,
    /// Hedging cues: hedges, boosters, weasels, conditions.
    #[cfg_attr(feature = "typescript", ts(as = "Option<bool>", optional))]
    pub hedges: bool,
}

impl Default for Layers {
    fn default() -> Self {
        Layers {
            actors: true,
            claims: true,
            hedges: true,
        }
    }
}

/// An analyzer: the compiled lexicons and models, plus any entries a caller added.
///
/// Building one parses the lexicon files; [`analyze`] uses a shared built-in
/// instance built once on first use.
#[derive(Clone, Debug)]
pub struct Analyzer {
    actors: actors::ActorLexicon,
    cues: claims::CueLexicon,
    claims_tagger: Option<Arc<Tagger>>,
    hedges: hedges::HedgeLexicon,
    layers: Layers,
    /// The reader's corrections, if any ([`Analyzer::with_rules`]).
    #[cfg(feature = "rules")]
    corrections: Option<Arc<crate::rules::Corrections>>,
    /// The reader's patterns, compiled ([`Analyzer::with_rules`]).
    #[cfg(feature = "patterns")]
    patterns: Vec<(regex_lite::Regex, crate::rules::PatternAs)>,
}

impl Default for Analyzer {
    fn default() -> Self {
        BUILTIN.clone()
    }
}

static BUILTIN: LazyLock<Analyzer> = LazyLock::new(|| Analyzer {
    actors: actors::ActorLexicon::builtin(),
    cues: claims::CueLexicon::builtin(),
    claims_tagger: claims::builtin_tagger(),
    hedges: hedges::HedgeLexicon::builtin(),
    layers: Layers::default(),
    #[cfg(feature = "rules")]
    corrections: None,
    #[cfg(feature = "patterns")]
    patterns: Vec::new(),
});

impl Analyzer {
    /// An analyzer with the built-in lexicons and models.
    pub fn new() -> Self {
        Self::default()
    }

    /// Chooses the layers to run; a layer that is off does not run at all.
    pub fn with_layers(mut self, layers: Layers) -> Self {
        self.layers = layers;
        self
    }

    /// Uses another claims model (the bytes of a file written by
    /// `claimlens train claims`) instead of the built-in one; `None` runs
    /// the hand-written rules alone. A file that is not a model, or a model
    /// whose labels are not those of the claims tagger (an actor model, say),
    /// is refused.
    pub fn with_claims_model(mut self, model: Option<&[u8]>) -> Result<Self, Error> {
        self.claims_tagger = match model {
            None => None,
            Some(bytes) => {
                let t = Tagger::from_bytes(bytes)?;
                if !t.labels().iter().eq(claims::LABELS.iter()) {
                    return Err(Error::WrongModel {
                        expected: claims::LABELS.iter().map(|s| s.to_string()).collect(),
                        found: t.labels().to_vec(),
                    });
                }
                Some(Arc::new(t))
            }
        };
        Ok(self)
    }

    /// Adds a named actor ("Sepahnews" as an organization with subkind "media").
    ///
    /// ```
    /// let mut a = claimlens::Analyzer::new();
    /// a.add_actor("Zorblax Institute", claimlens::ActorKind::Organization, Some("think tank"));
    /// let r = a.analyze("the Zorblax Institute said nothing.");
    /// assert!(r.actors.iter().any(|x| x.name == "Zorblax Institute"));
    /// ```
    pub fn add_actor(&mut self, name: &str, kind: ActorKind, subkind: Option<&str>) {
        self.actors.add(name, kind, subkind);
    }

    /// Adds a reporting cue ("insisted", "according to").
    pub fn add_cue(&mut self, phrase: &str) {
        self.cues.add(phrase);
    }

    /// Adds a hedging cue of the given kind.
    pub fn add_hedge(&mut self, phrase: &str, kind: HedgeKind) {
        self.hedges.add(phrase, kind);
    }

    /// Adds a reader's rules: their actors, cues and hedges go to the
    /// lexicons, their patterns' matches in a text go to them for that text
    /// (the first [`MAX_PATTERN_MATCHES`](crate::rules::MAX_PATTERN_MATCHES)
    /// distinct matches of each), and their corrections (highlights marked
    /// wrong, actors merged, kinds set) are applied to every analysis; a
    /// second call adds to the first. Invalid rules
    /// ([`Rules::check`](crate::Rules::check)) are refused.
    ///
    /// ```
    /// let rules = claimlens::Rules {
    ///     cues: vec!["murmured".into()],
    ///     wrong: vec![claimlens::Wrong { layer: claimlens::Layer::Actor, text: "Bombs".into() }],
    ///     ..Default::default()
    /// };
    /// let a = claimlens::Analyzer::new().with_rules(&rules).unwrap();
    /// let r = a.analyze("Bombs fell. Ms Ortiz murmured that the vote was rigged.");
    /// assert!(r.claims.iter().any(|c| c.content.len() == 1));
    /// assert!(!r.actors.iter().any(|x| x.name == "Bombs"));
    /// ```
    #[cfg(feature = "rules")]
    pub fn with_rules(mut self, rules: &crate::Rules) -> Result<Self, Error> {
        let compiled = rules.checked()?;
        for a in &rules.actors {
            self.add_actor(&a.name, a.kind, None);
        }
        for c in &rules.cues {
            self.add_cue(c);
        }
        for h in &rules.hedges {
            self.add_hedge(&h.phrase, h.kind);
        }
        #[cfg(feature = "patterns")]
        if self.patterns.len() + rules.patterns.len() > crate::rules::MAX_PATTERNS {
            return Err(Error::Rules {
                path: "patterns".into(),
                message: format!(
                    "holds more than {} patterns with the rules added before",
                    crate::rules::MAX_PATTERNS
                ),
            });
        }
        #[cfg(feature = "patterns")]
        self.patterns.extend(
            compiled
                .into_iter()
                .zip(rules.patterns.iter().map(|p| p.what)),
        );
        // Without patterns, `checked` refuses a file that has any.
        #[cfg(not(feature = "patterns"))]
        let _ = compiled;
        // A second call's corrections add to the first's.
        let mut c = self
            .corrections
            .take()
            .map(|a| (*a).clone())
            .unwrap_or_default();
        c.extend(crate::rules::Corrections::new(rules));
        self.corrections = (!c.is_empty()).then(|| Arc::new(c));
        Ok(self)
    }

    /// Adds `phrase` to the list a pattern's matches go to.
    #[cfg(feature = "patterns")]
    fn add_pattern_match(&mut self, phrase: &str, what: crate::rules::PatternAs) {
        use crate::rules::PatternAs as P;
        match what {
            P::Person => self.add_actor(phrase, ActorKind::Person, None),
            P::Organization => self.add_actor(phrase, ActorKind::Organization, None),
            P::Place => self.add_actor(phrase, ActorKind::Place, None),
            P::Group => self.add_actor(phrase, ActorKind::Group, None),
            P::Cue => self.add_cue(phrase),
            P::Hedge => self.add_hedge(phrase, HedgeKind::Hedge),
            P::Booster => self.add_hedge(phrase, HedgeKind::Booster),
            P::Weasel => self.add_hedge(phrase, HedgeKind::Weasel),
            P::Condition => self.add_hedge(phrase, HedgeKind::Condition),
        }
    }

    /// Analyses one text: the stages in order (text, actors, claims,
    /// linking, hedges, scores), each reading what the earlier ones produced.
    pub fn analyze(&self, text: &str) -> Analysis {
        #[cfg(feature = "patterns")]
        if !self.patterns.is_empty() {
            let found = crate::rules::matches(&self.patterns, text);
            if !found.is_empty() {
                // The matches as phrases of the lexicons, for this text only.
                let mut with = self.clone();
                with.patterns = Vec::new();
                for (phrase, what) in found {
                    with.add_pattern_match(phrase, what);
                }
                return with.analyze(text);
            }
        }
        let layers = self.layers;
        let doc = Doc::new(text);
        // The taggers' keys only when a tagger runs.
        let tagging = layers.actors && self.actors.has_tagger()
            || layers.claims && self.claims_tagger.is_some();
        let table = TokenTable::new(&doc, tagging);
        #[cfg(feature = "rules")]
        let fix = self.corrections.as_deref();
        #[cfg(not(feature = "rules"))]
        let fix: Option<&crate::rules::Corrections> = None;
        let mut actors = if layers.actors {
            actors::find(&doc, &table, &self.actors)
        } else {
            Vec::new()
        };
        if let Some(fix) = fix {
            actors = fix.actors(&doc, &actors);
        }
        let (found, links) = if layers.claims {
            let mut found = claims::find(&doc, &table, &self.cues, self.claims_tagger.as_deref());
            claims::whole_names(&mut found, &actors);
            if let Some(fix) = fix {
                found = fix.claims(&doc, found);
            }
            let run = layers.actors.then_some(&actors[..]);
            let links = linking::link(&doc, &table, &self.actors, run, &found);
            (found, links)
        } else {
            (Vec::new(), Vec::new())
        };
        let mut hedges = if layers.hedges {
            hedges::find(&doc, &table, &self.hedges)
        } else {
            Vec::new()
        };
        if let Some(fix) = fix {
            hedges = fix.hedges(&doc, hedges);
        }
        score::assemble(&doc, actors, found, links, hedges)
    }
}

/// Analyses `text` with the built-in analyzer.
pub fn analyze(text: &str) -> Analysis {
    BUILTIN.analyze(text)
}

#[cfg(test)]
mod tests {
    /// Hostile shapes (see `examples/worstcase.rs`): each repeated `n` and
    /// `4n` times. The steps of the scans that walk from a cue, a mention or a
    /// claim ([`crate::work`]) must grow like the text: at most 4.5 times for
    /// 4 times the text, where a scan that runs back to the sentence start for
    /// every claim would grow 16 times.
    #[test]
    fn scans_do_linear_work_on_hostile_text() {
        let shapes = [
            ",I said",
            ", he said ",
            "Officials said that ",
            "According to Reuters, ",
            "\u{201c}No,\u{201d} said the minister. ",
            "\u{201c}The ",
            "\"a\" ",
            "\u{201c}He said \u{2018}she said \u{201c}",
            "\u{201c}and then the minister said ",
            "((",
            "Alpha Beta Gamma (ABG) ",
            "The IRGC\u{2019}s\u{2019}s ",
            "Aa Bb Cc Dd ",
            "the ministry, ",
            "It is widely believed that ",
            "and warned that ",
            "Smith: ",
            "Mr. ",
            "Russian officials ",
            "Jane Roe, a lawyer for the city, said ",
            "said Jane Roe, a lawyer, ",
            "ABC ",
            "I said: NATO acts. ",
        ];
        for unit in shapes {
            let steps = |n: usize| {
                let text = unit.repeat(n);
                crate::work::take();
                std::hint::black_box(crate::analyze(&text));
                crate::work::take()
            };
            let (small, large) = (steps(400), steps(1600));
            assert!(
                large <= 9 * small / 2 + 1000,
                "{unit:?}: {small} steps for 400 units, {large} for 1600"
            );
        }
        // A speaker's label, then one long sentence of names in capitals: the label is
        // looked for once, not once per name.
        let steps = |n: usize| {
            let text = format!("WALLACE: {}.", "NATO GERMANY FRANCE ".repeat(n));
            crate::work::take();
            std::hint::black_box(crate::analyze(&text));
            crate::work::take()
        };
        let (small, large) = (steps(400), steps(1600));
        assert!(
            large <= 9 * small / 2 + 1000,
            "a label and names in capitals: {small} steps for 400 units, {large} for 1600"
        );
    }
}
