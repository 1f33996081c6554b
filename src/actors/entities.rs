//! Entities: mentions grouped into actors (aliases, acronym definitions,
//! other case, short forms), each with one kind and a canonical name.

use super::lexicon::{is_acronym, ActorLexicon};
use super::mentions::Mention;
use crate::analysis::{Actor, ActorKind};
use crate::hash::{FxMap, FxSet};
use crate::span::Span;
use crate::text::{normalize, Doc, TokenTable};

/// The grouping key of a surface form: lowercase, without a leading "the"
/// and periods, its words separated by one space.
fn key_of(s: &str) -> String {
    let lower = normalize(s);
    let rest = lower.strip_prefix("the ").unwrap_or(&lower);
    let mut key = String::with_capacity(rest.len());
    let mut space = false;
    let mut add = |c: char| {
        if c == '.' {
            return;
        }
        if c.is_whitespace() {
            space = !key.is_empty();
            return;
        }
        if space {
            key.push(' ');
            space = false;
        }
        key.push(c);
    };
    if rest.is_ascii() {
        rest.bytes().for_each(|b| add(char::from(b)));
    } else {
        rest.chars().for_each(add);
    }
    key
}

/// Whether the key `long` holds more words than `short` and ends with them
/// (keys hold words separated by one space, [`key_of`]).
fn ends_with_words(long: &str, short: &str) -> bool {
    long.len() > short.len() && long.ends_with(short) && {
        long.as_bytes()[long.len() - short.len() - 1] == b' '
    }
}

/// Whether the key `long` holds more words than `short` and starts with them.
fn starts_with_words(long: &str, short: &str) -> bool {
    long.len() > short.len() && long.starts_with(short) && long.as_bytes()[short.len()] == b' '
}

/// True when `acronym` ("IRGC") abbreviates `long` ("Islamic Revolutionary Guard Corps").
fn defines_acronym(long: &str, acronym: &str) -> bool {
    if !is_acronym(acronym) {
        return false;
    }
    let letters: String = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let init = initials(long);
    let n = letters.chars().count();
    letters == init
        || (n >= 2
            && init.chars().next() == letters.chars().next()
            && n <= init.chars().count() + 1)
}

/// Initials of the capitalised words of a name ("Islamic Revolutionary Guard Corps" → "irgc").
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

struct Entity {
    kind_votes: [usize; 4],
    /// The kind of the first (longest) mention: it breaks a tie in the votes.
    first_kind: Option<ActorKind>,
    lex_kind: Option<ActorKind>,
    subkind: Option<String>,
    name: Option<String>,
    forms: Vec<String>,
    form_set: FxSet<String>,
    keys: FxSet<String>,
    mentions: Vec<Span>,
    affiliation: Option<String>,
}

pub(super) fn group(
    doc: &Doc,
    table: &TokenTable,
    lex: &ActorLexicon,
    mentions: Vec<Mention>,
) -> Vec<Actor> {
    let mut entities: Vec<Entity> = Vec::new();
    // The entity of each name's key, by kind.
    let mut by_key: FxMap<String, [Option<usize>; 4]> = FxMap::default();
    let mut by_entry: FxMap<usize, usize> = FxMap::default();
    // Longest names first, so short forms find their long form.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    crate::sort::sort_by_key(&mut order, |&k| {
        let m = &mentions[k];
        crate::sort::key2(usize::MAX - (m.last - m.first), m.span.start)
    });
    // Acronym definitions: "Long Name (LN)" → LN joins the long name.
    let mut defined_by: FxMap<usize, usize> = FxMap::default();
    let ending_at: FxMap<usize, usize> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind != ActorKind::Group)
        .map(|(k, m)| (m.last, k))
        .collect();
    for (k, m) in mentions.iter().enumerate() {
        if m.first >= 2
            && doc.tok(m.first - 1) == "("
            && m.last < doc.tokens.len()
            && doc.tok(m.last) == ")"
            && m.last - m.first == 1
        {
            let acronym = m.span.slice(doc.text);
            if let Some(&prev) = ending_at.get(&(m.first - 1)) {
                if defines_acronym(mentions[prev].span.slice(doc.text), acronym) {
                    defined_by.insert(k, prev);
                }
            }
        }
    }
    let mut index = LongFormIndex::default();
    let mut assigned: Vec<Option<usize>> = vec![None; mentions.len()];
    for &k in &order {
        let m = &mentions[k];
        let surface = m.span.slice(doc.text);
        let key = key_of(surface);
        // Mentions of different kinds stay apart: the tagger's kind for a
        // mention in its context beats one kind for every mention of a name.
        let same_kind = |t: &usize| entity_kind(&entities[*t]) == m.kind;
        let mut target = None;
        if let Some(e) = m.entry {
            target = by_entry.get(&e).copied().filter(same_kind);
        }
        let kind = m.kind as usize;
        if target.is_none() {
            target = by_key.get(&key).and_then(|k| k[kind]);
        }
        if target.is_none() {
            if let Some(&long) = defined_by.get(&k) {
                target = assigned[long].filter(same_kind);
            }
        }
        if target.is_none() && m.kind != ActorKind::Group {
            target = index.find_long_form(&entities, m, &key, surface);
        }
        let t = match target {
            Some(t) => t,
            None => {
                entities.push(Entity {
                    kind_votes: [0; 4],
                    first_kind: None,
                    lex_kind: None,
                    subkind: None,
                    name: None,
                    forms: Vec::new(),
                    form_set: FxSet::default(),
                    keys: FxSet::default(),
                    mentions: Vec::new(),
                    affiliation: None,
                });
                entities.len() - 1
            }
        };
        assigned[k] = Some(t);
        let ent = &mut entities[t];
        ent.kind_votes[m.kind as usize] += m.last - m.first;
        ent.first_kind.get_or_insert(m.kind);
        if let Some(e) = m.entry {
            by_entry.insert(e, t);
            let entry = &lex.entries[e];
            ent.lex_kind = Some(entry.kind);
            ent.name = Some(entry.name.clone());
            if entry.subkind.is_some() {
                ent.subkind = entry.subkind.clone();
            }
        }
        if ent.subkind.is_none() {
            ent.subkind = m.subkind.map(str::to_string);
        }
        if m.kind == ActorKind::Group && ent.affiliation.is_none() {
            ent.affiliation =
                (m.first..m.last).find_map(|i| lex.demonyms.get(table.norm(i)).cloned());
        }
        match by_key.get_mut(&key) {
            Some(k) => {
                k[kind].get_or_insert(t);
            }
            None => {
                let mut k = [None; 4];
                k[kind] = Some(t);
                by_key.insert(key.clone(), k);
            }
        }
        if !ent.keys.contains(&key) {
            index.add_key(&key, t);
            ent.keys.insert(key);
        }
        if ent.form_set.insert(surface.to_string()) {
            index.add_form(surface, t);
            ent.forms.push(surface.to_string());
        }
        ent.mentions.push(m.span);
    }
    let mut actors: Vec<Actor> = entities
        .into_iter()
        .map(|mut e| {
            crate::sort::sort_by_key(&mut e.mentions, |m| crate::sort::key2(m.start, m.end));
            e.mentions.dedup();
            let kind = entity_kind(&e);
            let name = e.name.clone().unwrap_or_else(|| canonical_name(&e.forms));
            let subkind = e.subkind.clone().or_else(|| {
                if kind == ActorKind::Organization {
                    name.split_whitespace()
                        .last()
                        .and_then(|w| lex.org_heads.get(w))
                        .map(|s| s.to_string())
                } else {
                    None
                }
            });
            let name_key = key_of(&name);
            let mut aliases: Vec<String> = Vec::new();
            let mut alias_keys: Vec<String> = Vec::new();
            for f in &e.forms {
                let stripped = f
                    .strip_prefix("the ")
                    .or(f.strip_prefix("The "))
                    .unwrap_or(f);
                let key = key_of(stripped);
                if key != name_key && !alias_keys.contains(&key) {
                    aliases.push(stripped.to_string());
                    alias_keys.push(key);
                }
            }
            Actor {
                id: 0,
                name,
                kind,
                subkind,
                mentions: e.mentions,
                aliases,
                affiliation: e.affiliation,
            }
        })
        .collect();
    crate::sort::sort_by_key(&mut actors, |a| {
        a.mentions.first().map_or(0, |m| m.start) as u128
    });
    for (i, a) in actors.iter_mut().enumerate() {
        a.id = i;
    }
    actors
}

fn entity_kind(e: &Entity) -> ActorKind {
    if let Some(k) = e.lex_kind {
        return k;
    }
    let kinds = [
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::Place,
        ActorKind::Group,
    ];
    let mut best = e.first_kind.unwrap_or(kinds[0]);
    let mut votes = e.kind_votes[best as usize];
    for k in kinds {
        if e.kind_votes[k as usize] > votes {
            votes = e.kind_votes[k as usize];
            best = k;
        }
    }
    best
}

/// The best display name: the longest form that is not written in capitals
/// (unless all are), without a leading "the".
fn canonical_name(forms: &[String]) -> String {
    let mut best: Option<&String> = None;
    for f in forms {
        let caps = f.chars().filter(|c| c.is_lowercase()).count() == 0 && f.chars().count() > 5;
        let better = match best {
            None => true,
            Some(b) => {
                let bcaps =
                    b.chars().filter(|c| c.is_lowercase()).count() == 0 && b.chars().count() > 5;
                (bcaps && !caps) || (bcaps == caps && f.len() > b.len())
            }
        };
        if better {
            best = Some(f);
        }
    }
    let name = best.cloned().unwrap_or_default();
    name.strip_prefix("the ")
        .or(name.strip_prefix("The "))
        .map(str::to_string)
        .unwrap_or(name)
}

/// Entities by the first and last word of their keys and by the initials of
/// their forms, so that a short form finds its long form without a scan.
#[derive(Default)]
struct LongFormIndex {
    by_first: FxMap<String, Vec<usize>>,
    by_last: FxMap<String, Vec<usize>>,
    by_initials: FxMap<String, Vec<usize>>,
}

/// Most entities one index key lists: a short form shared by more entities
/// than this is ambiguous anyway, and the bound keeps grouping linear.
const MAX_CANDIDATES: usize = 16;

fn push_unique(map: &mut FxMap<String, Vec<usize>>, key: &str, t: usize) {
    match map.get_mut(key) {
        Some(v) => {
            if v.len() < MAX_CANDIDATES && !v.contains(&t) {
                v.push(t);
            }
        }
        None => {
            map.insert(key.to_string(), vec![t]);
        }
    }
}

impl LongFormIndex {
    fn add_key(&mut self, key: &str, t: usize) {
        let mut words = key.split(' ');
        if let (Some(first), Some(last)) = (words.next(), key.rsplit(' ').next()) {
            if first.len() < key.len() {
                push_unique(&mut self.by_first, first, t);
                push_unique(&mut self.by_last, last, t);
            }
        }
    }

    fn add_form(&mut self, form: &str, t: usize) {
        let init = initials(form);
        if init.chars().count() >= 2 {
            push_unique(&mut self.by_initials, &init, t);
        }
    }

    /// A longer entity this short form refers to: a person's surname or first
    /// name, an organization's or place's final word(s), or an acronym of its name.
    /// An ambiguous short form (two candidates) stays on its own.
    fn find_long_form(
        &self,
        entities: &[Entity],
        m: &Mention,
        key: &str,
        surface: &str,
    ) -> Option<usize> {
        fn get<'m>(map: &'m FxMap<String, Vec<usize>>, w: &str) -> &'m [usize] {
            map.get(w).map_or(&[], |v| v.as_slice())
        }
        let none: &[usize] = &[];
        let acronym = is_acronym(surface);
        let acr_key = if acronym {
            key.replace(['-', '&', ' '], "")
        } else {
            String::new()
        };
        let (first, last) = (
            key.split(' ').next().unwrap_or(key),
            key.rsplit(' ').next().unwrap_or(key),
        );
        let candidates = get(&self.by_last, last)
            .iter()
            .chain(get(&self.by_first, first))
            .chain(if acronym {
                get(&self.by_initials, &acr_key)
            } else {
                none
            });
        let mut found = None;
        for &t in candidates {
            crate::work::add(1);
            if found == Some(t) {
                continue;
            }
            let e = &entities[t];
            let kind = entity_kind(e);
            if kind == ActorKind::Group {
                continue;
            }
            if acronym {
                crate::work::add(e.forms.len());
            }
            let hit = (acronym && e.forms.iter().any(|f| initials(f) == acr_key))
                || e.keys
                    .iter()
                    .take(MAX_CANDIDATES)
                    .any(|k| match (kind, m.kind) {
                        (ActorKind::Person, ActorKind::Person) => {
                            ends_with_words(k, key) || starts_with_words(k, key)
                        }
                        (ActorKind::Organization, ActorKind::Organization)
                        | (ActorKind::Place, ActorKind::Place) => ends_with_words(k, key),
                        _ => false,
                    });
            if hit {
                if found.is_some() {
                    return None;
                }
                found = Some(t);
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    //! The one-pass key and the word-sequence checks against the code they replaced.
    use super::*;
    use proptest::prelude::*;

    fn old_key_of(s: &str) -> String {
        let lower = normalize(s);
        let lower = lower.strip_prefix("the ").unwrap_or(&lower);
        lower
            .chars()
            .filter(|&c| c != '.')
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn old_ends(long: &str, short: &str) -> bool {
        let (kw, w): (Vec<&str>, Vec<&str>) =
            (long.split(' ').collect(), short.split(' ').collect());
        kw.len() > w.len() && kw.ends_with(&w)
    }

    fn old_starts(long: &str, short: &str) -> bool {
        let (kw, w): (Vec<&str>, Vec<&str>) =
            (long.split(' ').collect(), short.split(' ').collect());
        kw.len() > w.len() && kw.starts_with(&w)
    }

    #[test]
    fn keys() {
        assert_eq!(
            key_of("The  U.S. State\u{a0}Department "),
            "us state department"
        );
        assert_eq!(key_of("the"), "the");
        assert_eq!(key_of(". ."), "");
        assert!(ends_with_words(
            "islamic revolutionary guard corps",
            "guard corps"
        ));
        assert!(!ends_with_words(
            "islamic revolutionary guard corps",
            "ard corps"
        ));
        assert!(starts_with_words("jane roe", "jane"));
        assert!(!starts_with_words("jane roe", "jane roe"));
    }

    const ALPHABET: &[char] = &[
        'a', 'b', 'T', 'h', 'e', 't', 'H', 'E', ' ', ' ', '.', '\u{a0}', '\n', '’', 'İ', 'é', '-',
    ];

    proptest! {
        #[test]
        fn keys_and_word_checks_equal_the_old_code(
            a in prop::collection::vec(prop::sample::select(ALPHABET), 0..16),
            b in prop::collection::vec(prop::sample::select(ALPHABET), 0..8),
        ) {
            let (a, b): (String, String) = (a.into_iter().collect(), b.into_iter().collect());
            prop_assert_eq!(key_of(&a), old_key_of(&a));
            let (ka, kb) = (key_of(&a), key_of(&b));
            prop_assert_eq!(ends_with_words(&ka, &kb), old_ends(&ka, &kb));
            prop_assert_eq!(starts_with_words(&ka, &kb), old_starts(&ka, &kb));
            // Keys made of the first or last words of the other.
            let words: Vec<&str> = ka.split(' ').collect();
            for n in 0..=words.len() {
                let (head, tail) = (words[..n].join(" "), words[n..].join(" "));
                prop_assert_eq!(ends_with_words(&ka, &tail), old_ends(&ka, &tail));
                prop_assert_eq!(starts_with_words(&ka, &head), old_starts(&ka, &head));
            }
        }
    }
}
