//! Linking: each claim's source to the actor it names, and its attribution
//! (named, vague or none).
//!
//! It reads the claims stage's spans and the actors stage's actors and
//! edits neither: it returns one [`Link`] per claim.

use crate::actors::ActorLexicon;
use crate::analysis::{Actor, ActorKind, Attribution};
use crate::claims::Found;
use crate::span::Span;
use crate::text::{normalize, Doc, TokenTable};

const PRONOUNS_PERSON: &[&str] = &["he", "she", "him", "her", "i", "we", "you", "who"];
const PRONOUNS_THING: &[&str] = &["it", "they", "which", "who"];

/// Which actor a claim's source names, and how the claim is attributed.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Link {
    /// The actor the source refers to.
    pub actor: Option<usize>,
    /// Named, vague or no source.
    pub attribution: Attribution,
}

/// Links each claim's source to an actor and gives its attribution, one
/// [`Link`] per claim.
///
/// A source is linked to the actor with a mention inside it (the last one,
/// which is usually the head: "a statement by the State Duma" → State Duma);
/// a pronoun is linked to the nearest earlier person (he, she) or
/// organization or group (it, they). Attribution is `none` without a source,
/// `vague` when the source is a group or an indefinite phrase ("a source",
/// "some", "many"), and `named` otherwise.
///
/// `actors` is `None` when the actors layer did not run: no source is then
/// linked, and a source is a group when it holds a group noun of `lex`
/// ("analysts", "officials").
pub(crate) fn link(
    doc: &Doc,
    table: &TokenTable,
    lex: &ActorLexicon,
    actors: Option<&[Actor]>,
    claims: &[Found],
) -> Vec<Link> {
    // All mentions in text order with their actor.
    let mut all: Vec<(Span, usize)> = actors
        .unwrap_or_default()
        .iter()
        .flat_map(|a| a.mentions.iter().map(move |&m| (m, a.id)))
        .collect();
    // (start, end, id), with start and end under 2^48 and ids under 2^32.
    crate::sort::sort_by_key(&mut all, |&(m, id)| {
        (m.start as u128) << 80 | (m.end as u128) << 32 | id as u128
    });
    let cx = Context {
        doc,
        table,
        lex,
        actors: actors.unwrap_or_default(),
        run: actors.is_some(),
        all,
    };
    // The actor of the latest claim with a named source, for anaphoric
    // nominal sources ("The statement emphasized…" after "According to X").
    let mut last_named: Option<usize> = None;
    claims
        .iter()
        .map(|c| {
            let l = cx.link(c, last_named);
            if l.attribution == Attribution::Named && l.actor.is_some() {
                last_named = l.actor;
            }
            l
        })
        .collect()
}

/// What linking reads.
struct Context<'a, 'd> {
    doc: &'a Doc<'d>,
    table: &'a TokenTable,
    lex: &'a ActorLexicon,
    actors: &'a [Actor],
    /// Whether the actors layer ran.
    run: bool,
    /// Every mention in text order, with its actor.
    all: Vec<(Span, usize)>,
}

/// Nouns of statements: a definite one ("the statement") refers back to a source.
const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "report",
    "remarks",
    "declaration",
    "announcement",
    "communique",
    "communiqué",
    "release",
    "letter",
    "post",
    "message",
    "article",
    "comments",
    "note",
    "bulletin",
    "broadcast",
    "readout",
    "ruling",
    "verdict",
    "memo",
];

impl Context<'_, '_> {
    /// True when the source span `src` holds a group noun of the lexicon.
    fn has_group_noun(&self, src: Span) -> bool {
        let (doc, table) = (self.doc, self.table);
        let first = doc.token_at(src.start);
        let end = doc.token_at(src.end);
        (first..end).any(|i| self.lex.group_at(table, i, end))
    }

    fn link(&self, c: &Found, last_named: Option<usize>) -> Link {
        let (doc, actors, all) = (self.doc, self.actors, &self.all[..]);
        let link = |actor: Option<usize>, attribution: Attribution| Link { actor, attribution };
        let Some(src) = c.source else {
            return link(None, Attribution::None);
        };
        let lo = all.partition_point(|(m, _)| m.start < src.start);
        let hi = all.partition_point(|(m, _)| m.start < src.end);
        let inside: Vec<&(Span, usize)> = all[lo..hi]
            .iter()
            .filter(|(m, _)| src.contains(*m))
            .collect();
        // Prefer a named actor inside the source; a group only when there is no name.
        // A place inside a longer source is where, not who ("Tomas Berglund, the chair, at a
        // news conference in Lisbon"): the last person or organisation first, a place only alone.
        let named = inside
            .iter()
            .rev()
            .find(|(_, id)| !matches!(actors[*id].kind, ActorKind::Group | ActorKind::Place))
            .or_else(|| {
                inside
                    .iter()
                    .rev()
                    .find(|(_, id)| actors[*id].kind == ActorKind::Place)
            });
        let group = inside
            .iter()
            .rev()
            .find(|(_, id)| actors[*id].kind == ActorKind::Group);
        let text = src.slice(doc.text);
        let norm = normalize(text.trim());
        let first_word = norm.split_whitespace().next().unwrap_or("");
        let indefinite = matches!(
            first_word,
            "a" | "an" | "some" | "many" | "several" | "one" | "sources" | "others" | "most"
        ) || norm == "people";
        if let Some(&&(_, id)) = named.filter(|_| group.is_none() || !indefinite) {
            return link(Some(id), Attribution::Named);
        }
        if let Some(&&(_, id)) = group {
            return link(Some(id), Attribution::Vague);
        }
        // Without actors, a capitalised word stands for a name and a group noun
        // for a group, with the same preference as above.
        if !self.run {
            let group = self.has_group_noun(src);
            let name = has_name(text) || !group && first_upper_word(text);
            if name && (!group || !indefinite) {
                return link(None, Attribution::Named);
            }
            if group {
                return link(None, Attribution::Vague);
            }
        }
        let person = PRONOUNS_PERSON.contains(&norm.as_str());
        let thing = PRONOUNS_THING.contains(&norm.as_str());
        if person || thing {
            let wanted = |k: ActorKind| {
                if person && !thing {
                    k == ActorKind::Person
                } else if thing && !person {
                    k != ActorKind::Person && k != ActorKind::Place
                } else {
                    k != ActorKind::Place
                }
            };
            // The nearest earlier mention of the wanted kind, within a window.
            let actor = all[..lo]
                .iter()
                .rev()
                .take(64)
                .find(|(m, id)| m.end <= src.start && wanted(actors[*id].kind))
                .map(|&(_, id)| id);
            let attribution = match actor {
                Some(id) if actors[id].kind == ActorKind::Group => Attribution::Vague,
                _ => Attribution::Named,
            };
            return link(actor, attribution);
        }
        let mut words = norm.split_whitespace();
        let (det, head) = (words.next().unwrap_or(""), words.next_back().unwrap_or(""));
        if matches!(det, "the" | "this" | "that" | "its" | "their")
            && STATEMENT_NOUNS.contains(&head)
        {
            if let Some(id) = last_named {
                return link(Some(id), Attribution::Named);
            }
        }
        // "The association" after "the Baltic Freight Association": the nearest
        // earlier organisation whose name ends with that noun.
        if matches!(det, "the" | "this" | "that") && norm.split_whitespace().count() == 2 {
            let found = all[..lo].iter().rev().take(64).find(|(m, id)| {
                let a = &actors[*id];
                m.end <= src.start
                    && a.kind == ActorKind::Organization
                    && a.name
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| w.len() > 2 && w.eq_ignore_ascii_case(head))
            });
            if let Some(&(_, id)) = found {
                return link(Some(id), Attribution::Named);
            }
        }
        let vague = indefinite || !has_name(text) && !first_upper_word(text);
        link(
            None,
            if vague {
                Attribution::Vague
            } else {
                Attribution::Named
            },
        )
    }
}

/// A capitalised word after the first: a name inside a source.
fn has_name(text: &str) -> bool {
    text.split_whitespace()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn first_upper_word(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    first_upper(first)
        && !matches!(
            first,
            "The" | "A" | "An" | "Some" | "Many" | "Several" | "This" | "That" | "These" | "Those"
        )
}

fn first_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}
