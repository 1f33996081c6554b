//! Known actors, group nouns, demonyms and organisation heads, compiled once.

use crate::analysis::ActorKind;
use crate::data::tsv_rows;
use crate::hash::{FxMap, FxSet};
use crate::lexicon::PhraseSet;
use crate::model::Tagger;
use crate::text::{normalize, TokenTable};
use std::sync::{Arc, LazyLock};

/// One known actor from the lexicon.
#[derive(Clone, Debug)]
pub(super) struct Entry {
    pub(super) name: String,
    pub(super) kind: ActorKind,
    pub(super) subkind: Option<String>,
}

/// Known actors and group words, compiled once.
#[derive(Clone, Debug)]
pub(crate) struct ActorLexicon {
    pub(super) known: PhraseSet<usize>,
    pub(super) entries: Vec<Entry>,
    /// Acronym forms that must match case exactly ("WHO" but not "who").
    pub(super) exact_case: FxSet<String>,
    pub(super) demonyms: FxMap<String, String>,
    pub(super) groups: PhraseSet<&'static str>,
    pub(super) org_heads: FxMap<&'static str, &'static str>,
    /// Titles before a person's name, lowercase without periods: `true` when
    /// the name after one is a person whatever the tagger said ("Mr", "Sen"),
    /// `false` when the word also starts other names ("General").
    pub(super) titles: FxMap<&'static str, bool>,
    /// Whether a title is a woman's (true) or a man's (false), for those that
    /// are either (`titles.tsv`, third column).
    pub(super) title_sex: FxMap<&'static str, bool>,
    /// Whether a given name is a woman's (true) or a man's (false), for those
    /// that are almost always one (`lexicons/given_sex.txt` and `first_names.txt`).
    pub(super) given_sex: FxMap<&'static str, bool>,
    /// States, provinces and nations (`lexicons/regions.txt`): a name before a comma and
    /// one of them is a place.
    pub(super) regions: PhraseSet<()>,
    /// Given names, lowercase (`lexicons/first_names.txt`), each mapped to `true`: a map of
    /// the same type as `titles`, so that the wasm holds one hash-table instance for both.
    pub(super) first_names: FxMap<&'static str, bool>,
    /// Nouns that refer back to an actor of some subkinds ("the newspaper" →
    /// "media"), with those subkinds separated by "|".
    nominals: FxMap<&'static str, &'static str>,
    pub(super) tagger: Option<Arc<Tagger>>,
}

static TAGGER: LazyLock<Option<Arc<Tagger>>> = LazyLock::new(|| {
    let bytes = include_bytes!("../../models/actors.bin");
    Tagger::from_bytes(bytes).ok().map(Arc::new)
});

pub(super) fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && s.chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-' || c == '&')
}

impl ActorLexicon {
    /// The built-in lexicon and model.
    pub(crate) fn builtin() -> Self {
        Self::with_tagger(TAGGER.clone())
    }

    /// The built-in lexicon without the learned model (used to train it).
    #[cfg(feature = "training")]
    pub(crate) fn builtin_without_model() -> Self {
        Self::with_tagger(None)
    }

    fn with_tagger(tagger: Option<Arc<Tagger>>) -> Self {
        let mut lex = ActorLexicon {
            known: PhraseSet::new(),
            entries: Vec::new(),
            exact_case: FxSet::default(),
            demonyms: FxMap::default(),
            groups: PhraseSet::new(),
            org_heads: FxMap::default(),
            titles: FxMap::default(),
            title_sex: FxMap::default(),
            given_sex: FxMap::default(),
            regions: PhraseSet::new(),
            first_names: include_str!(concat!(env!("OUT_DIR"), "/first_names.txt"))
                .split_whitespace()
                .map(|name| (name, true))
                .collect(),
            nominals: FxMap::default(),
            tagger,
        };
        for row in tsv_rows(include_str!(concat!(env!("OUT_DIR"), "/actors.tsv"))) {
            let kind = row.get(1).and_then(|k| ActorKind::parse(k));
            if let (Some(name), Some(kind)) = (row.first(), kind) {
                let aliases: Vec<&str> = row
                    .get(3)
                    .map(|a| {
                        a.split('|')
                            .map(str::trim)
                            .filter(|a| !a.is_empty())
                            .collect()
                    })
                    .unwrap_or_default();
                lex.add_with_aliases(name, kind, row.get(2).copied(), &aliases);
            }
        }
        for region in
            crate::data::data_lines(include_str!(concat!(env!("OUT_DIR"), "/regions.txt")))
        {
            lex.regions.insert(region, ());
        }
        for row in tsv_rows(include_str!(concat!(env!("OUT_DIR"), "/demonyms.tsv"))) {
            if let [demonym, state, ..] = row[..] {
                lex.demonyms.insert(normalize(demonym), state.to_string());
            }
        }
        for row in tsv_rows(include_str!(concat!(env!("OUT_DIR"), "/groups.tsv"))) {
            if let [head, sub, ..] = row[..] {
                // Leaked once: the built-in lexicon lives for the whole program.
                let sub: &'static str = Box::leak(sub.to_string().into_boxed_str());
                lex.groups.insert(head, sub);
            }
        }
        for row in tsv_rows(include_str!(concat!(env!("OUT_DIR"), "/org_heads.tsv"))) {
            if let [head, sub, ..] = row[..] {
                let head: &'static str = Box::leak(head.to_string().into_boxed_str());
                let sub: &'static str = Box::leak(sub.to_string().into_boxed_str());
                lex.org_heads.insert(head, sub);
            }
        }
        for row in tsv_rows(include_str!(concat!(env!("OUT_DIR"), "/titles.tsv"))) {
            if let [word, strength, ..] = row[..] {
                lex.titles.insert(word, strength == "strong");
            }
            if let [word, _, sex, ..] = row[..] {
                lex.title_sex.insert(word, sex == "f");
            }
        }
        // Women's names ("f"), men's ("m"), either ("x"); the other given names are men's.
        let mut either = Vec::new();
        for line in include_str!(concat!(env!("OUT_DIR"), "/given_sex.txt")).lines() {
            let mut words = line.split_whitespace();
            let tag = words.next();
            for name in words {
                match tag {
                    Some("x") => either.push(name),
                    t => {
                        lex.given_sex.insert(name, t == Some("f"));
                    }
                }
            }
        }
        for &name in lex.first_names.keys() {
            if !either.contains(&name) {
                lex.given_sex.entry(name).or_insert(false);
            }
        }
        for row in tsv_rows(include_str!(concat!(env!("OUT_DIR"), "/nominals.tsv"))) {
            if let [noun, subkinds, ..] = row[..] {
                lex.nominals.insert(noun, subkinds);
            }
        }
        lex
    }

    /// Whether `word` (lowercase, without periods) is a title written before
    /// a person's name ("mayor", "gen").
    pub(crate) fn is_title(&self, word: &str) -> bool {
        self.titles.contains_key(word)
    }

    /// The subkinds of the actors a common noun after "the" may refer back
    /// to: "newspaper" → "media", "government" → "government|country".
    pub(crate) fn nominal(&self, noun: &str) -> Option<&'static str> {
        self.nominals.get(noun).copied()
    }

    /// Whether a person's name says a woman (true) or a man (false) by its
    /// given name (`lexicons/given_sex.txt`): "Brian Fallon" a man.
    pub(crate) fn sex_of_name(&self, name: &str) -> Option<bool> {
        let first = name.split_whitespace().next()?.to_ascii_lowercase();
        self.given_sex.get(first.as_str()).copied()
    }

    /// Whether the actor layer has a learned tagger.
    pub(crate) fn has_tagger(&self) -> bool {
        self.tagger.is_some()
    }

    /// True when a group noun of the lexicon ("analysts", "officials")
    /// starts at token `i` of `table` and ends before token `limit`.
    pub(crate) fn group_at(&self, table: &TokenTable, i: usize, limit: usize) -> bool {
        self.groups.longest_at(table, i, limit).is_some()
    }

    /// True when `word` (normalised) is a one-word group noun of the lexicon ("officials").
    pub(crate) fn is_group_noun(&self, word: &str) -> bool {
        self.groups.contains_word(word)
    }

    /// Adds a named actor.
    pub(crate) fn add(&mut self, name: &str, kind: ActorKind, subkind: Option<&str>) {
        self.add_with_aliases(name, kind, subkind, &[]);
    }

    fn add_with_aliases(
        &mut self,
        name: &str,
        kind: ActorKind,
        subkind: Option<&str>,
        aliases: &[&str],
    ) {
        let idx = self.entries.len();
        self.entries.push(Entry {
            name: name.to_string(),
            kind,
            subkind: subkind.filter(|s| !s.is_empty()).map(str::to_string),
        });
        for form in std::iter::once(name).chain(aliases.iter().copied()) {
            self.known.insert(form, idx);
            if is_acronym(form) {
                self.exact_case.insert(form.to_string());
            }
            // "The Guardian" is also found as "Guardian".
            if let Some(rest) = form.strip_prefix("The ") {
                self.known.insert(rest, idx);
            }
        }
    }
}
