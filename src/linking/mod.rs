//! Linking: each claim's source to the actor it names, and its attribution
//! (named, vague or none).
//!
//! It reads the claims stage's spans and the actors stage's actors and
//! edits neither: it returns one [`Link`] per claim.

use crate::actors::ActorLexicon;
use crate::analysis::{Actor, ActorKind, Attribution, Form};
use crate::claims::Found;
use crate::hash::FxMap;
use crate::span::Span;
use crate::text::{normalize, Doc, TokenTable};

const PRONOUNS_PERSON: &[&str] = &[
    "he", "she", "him", "her", "his", "i", "me", "my", "we", "us", "our", "you", "your", "who",
];
const PRONOUNS_THING: &[&str] = &["it", "its", "they", "them", "their", "which", "who"];

/// Which actor a claim's source names, and how the claim is attributed.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Link {
    /// The actor the source refers to.
    pub actor: Option<usize>,
    /// Named, vague or no source.
    pub attribution: Attribution,
    /// How the source refers to the actor: `None` without one, or when the
    /// source is the actor's statement ("the statement said").
    pub form: Option<Form>,
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
    // Each mention's sentence, and whether it is the sentence's first mention
    // (most often its subject).
    let mut prev = usize::MAX;
    let mut place: Vec<(usize, bool)> = all
        .iter()
        .map(|(m, _)| {
            let s = doc.sentences.partition_point(|s| s.span.end <= m.start);
            let first = s != prev;
            prev = s;
            (s, first)
        })
        .collect();
    // A name that only qualifies the subject's head is not the subject:
    // "Trump campaign spokesman Jason Miller told…" is Miller's sentence.
    for k in 0..all.len().saturating_sub(1) {
        let (m, next) = (all[k].0, all[k + 1].0);
        if place[k].1 && place[k + 1].0 == place[k].0 && next.start > m.end {
            let between = &doc.text[m.end..next.start];
            let last = between.split_whitespace().next_back().unwrap_or("");
            if between.len() <= 40
                && !between.contains([',', ';', ':', '(', '"', '“', '”'])
                && lex.is_title(&role(last))
            {
                place[k].1 = false;
                place[k + 1].1 = true;
            }
        }
    }
    // Whether each mention is inside a quotation that is a claim's content:
    // the quoted speaker's words, not the writer's, so a weaker antecedent
    // for a pronoun outside ("…KPA…," said KCNA. "…," it added).
    let mut quotes: Vec<Span> = claims
        .iter()
        .flat_map(|c| c.content.iter().copied())
        .filter(|s| s.slice(doc.text).starts_with(['"', '“']))
        .collect();
    crate::sort::sort_by_key(&mut quotes, |s| s.start as u128);
    let quoted: Vec<bool> = all
        .iter()
        .map(|(m, _)| {
            let k = quotes.partition_point(|q| q.start <= m.start);
            quotes[k.saturating_sub(64)..k]
                .iter()
                .any(|q| q.contains(*m))
        })
        .collect();
    // Each actor's gendered pronouns after its mentions: (male, female).
    let mut gender = vec![(0, 0); actors.map_or(0, <[Actor]>::len)];
    for &(m, id) in &all {
        let (he, she) = crate::actors::pronouns_after(doc, table, doc.token_at(m.end));
        gender[id].0 += he;
        gender[id].1 += she;
    }
    let mut names: FxMap<String, Vec<usize>> = FxMap::default();
    for a in actors
        .unwrap_or_default()
        .iter()
        .filter(|a| a.kind != ActorKind::Group)
    {
        for n in std::iter::once(&a.name).chain(&a.aliases) {
            let n = normalize(n);
            let surname = n
                .rsplit_once(' ')
                .filter(|_| a.kind == ActorKind::Person)
                .map(|s| s.1.to_string());
            for key in std::iter::once(n).chain(surname) {
                let ids = names.entry(key).or_default();
                if !ids.contains(&a.id) {
                    ids.push(a.id);
                }
            }
        }
    }
    // Each actor's sex by its given name ("Brian Fallon" a man), for pronouns.
    let sex = actors
        .unwrap_or_default()
        .iter()
        .map(|a| {
            (a.kind == ActorKind::Person)
                .then(|| lex.sex_of_name(&a.name))
                .flatten()
        })
        .collect();
    let cx = Context {
        sex,
        roles: std::cell::OnceCell::new(),
        quoted,
        quotes,
        named_in: std::cell::Cell::new(0),
        first_wanted: std::cell::Cell::new([(0, None); 4]),
        owner: std::cell::Cell::new(None),
        gender,
        names,
        doc,
        table,
        lex,
        actors: actors.unwrap_or_default(),
        run: actors.is_some(),
        all,
        place,
    };
    // The actor of the latest claim with a named source, for anaphoric
    // nominal sources ("The statement emphasized…" after "According to X")
    // and pronouns ("X said… He added").
    let mut last_named: Option<usize> = None;
    let mut links: Vec<Link> = claims
        .iter()
        .map(|c| {
            let l = cx.link(c, last_named);
            let actor = l.actor.or_else(|| cx.owner.take());
            if l.attribution == Attribution::Named && actor.is_some() {
                last_named = actor;
                cx.named_in
                    .set(doc.sentences.partition_point(|s| s.span.end <= c.cue.start));
            }
            l
        })
        .collect();
    // "I" and "we" inside a quotation are its speaker: the actor of a nearby
    // claim whose content holds the source ("'I doubt it,' Ortiz said").
    for (i, c) in claims.iter().enumerate() {
        let Some(src) = c
            .source
            .filter(|s| first_person(&normalize(s.slice(doc.text))))
        else {
            continue;
        };
        let speaker = (i.saturating_sub(4)..(i + 5).min(claims.len()))
            .filter(|&j| j != i && links[j].actor.is_some())
            .find(|&j| claims[j].content.iter().any(|s| s.contains(src)));
        if let Some(j) = speaker {
            links[i] = Link {
                form: Some(Form::Pronoun),
                ..links[j]
            };
        }
    }
    links
}

/// The char boundary at or before byte `i` of `text` (its end when past it).
fn boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A title or role word in one form: lowercase, abbreviations written out
/// ("Sen." → "senator"), and the words of one role as one ("congressman",
/// "Rep." → "representative").
fn role(word: &str) -> String {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    match w.as_str() {
        "sen" => "senator",
        "rep" | "congressman" | "congresswoman" => "representative",
        "gov" => "governor",
        "gen" => "general",
        "lt" => "lieutenant",
        "col" => "colonel",
        "capt" => "captain",
        "sgt" => "sergeant",
        "adm" => "admiral",
        "prof" => "professor",
        "dr" => "doctor",
        "rev" => "reverend",
        "spokesman" | "spokeswoman" => "spokesperson",
        "chairman" | "chairwoman" => "chair",
        _ => return w,
    }
    .to_string()
}

/// Calls `found` with each title or role ([`role`]) written around the
/// mention `m`: capitalised titles right before it ("Texas Sen. Ted Cruz",
/// "former Senator Jo Ames"), the last word of an apposition before it ("the
/// Texas senator, Ted Cruz"), and the titles in an apposition after it ("Jeff
/// Rathke, the State Department spokesperson,"). Words further away are not
/// its roles ("Senator from Texas says he will not let Clinton win": Clinton
/// is no senator).
fn roles_around(text: &str, m: Span, lex: &ActorLexicon, found: &mut dyn FnMut(String)) {
    let mut title = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if lex.is_title(&w.to_ascii_lowercase()) {
            found(role(w));
        }
    };
    // Titles written as part of the name ("Sen. Ted Cruz").
    for w in m.slice(text).split_whitespace().take(3) {
        title(w);
    }
    let before = &text[boundary(text, m.start.saturating_sub(48))..m.start];
    let before = before
        .rsplit(['\n', ';', '(', ')', '"', '“', '”'])
        .next()
        .unwrap_or("");
    if let Some(appos) = before.trim_end().strip_suffix(',') {
        // "the Texas senator, Ted Cruz": the apposition's last word, after "the" or "a".
        let words: Vec<&str> = appos
            .rsplit(',')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        let tail = &words[words.len().saturating_sub(4)..];
        if tail[..tail.len().saturating_sub(1)].iter().any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "the" | "a" | "an" | "former"
            )
        }) {
            if let Some(last) = tail.last() {
                title(last);
            }
        }
    } else {
        for w in before.split_whitespace().rev().take(4) {
            let bare = w.trim_end_matches('.');
            // A lowercase word, a comma, or a sentence's last word ("…met the President.").
            if !w.starts_with(char::is_uppercase)
                || w.ends_with(',')
                || bare.len() < w.len()
                    && !bare.contains('.')
                    && !lex.is_title(&bare.to_ascii_lowercase())
            {
                break;
            }
            title(w);
        }
    }
    let after = &text[m.end..boundary(text, m.end + 64)];
    if let Some(appos) = after.strip_prefix(',') {
        let appos = appos.split([',', ';', '\n', '(']).next().unwrap_or("");
        let mut words = appos.split_whitespace().take(8);
        let first = words.next().unwrap_or("").to_ascii_lowercase();
        if matches!(
            first.as_str(),
            "the" | "a" | "an" | "former" | "then" | "its" | "his" | "her" | "their"
        ) {
            words.for_each(&mut title);
        }
    }
}

/// "I", "we" and their other forms.
fn first_person(norm: &str) -> bool {
    matches!(norm, "i" | "we" | "me" | "my" | "us" | "our")
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
    /// Each mention's sentence and whether it is the first mention there.
    place: Vec<(usize, bool)>,
    /// The actors of each lowercase name, alias and person's surname.
    names: FxMap<String, Vec<usize>>,
    /// Each actor's gendered pronouns after its mentions: (male, female).
    gender: Vec<(u32, u32)>,
    /// Each person's sex by the given name of its name, when the name tells.
    sex: Vec<Option<bool>>,
    /// Each person's titles and roles ([`role`]), written right before one of
    /// its names or in an apposition after it: read on first need ([`Context::roles`]).
    roles: std::cell::OnceCell<Vec<Vec<String>>>,
    /// Whether each mention is inside a quoted claim content.
    quoted: Vec<bool>,
    /// The quoted claim contents, by start.
    quotes: Vec<Span>,
    /// The sentence of the latest claim with a named source.
    named_in: std::cell::Cell<usize>,
    /// For "I", "we" and "you" (by whether the pronoun may mean a person and a thing): how far
    /// [`Context::salient`] has looked for the first mention of an actor it may mean, and that
    /// mention's index once found.
    first_wanted: std::cell::Cell<[(usize, Option<usize>); 4]>,
    /// The owner of the last source linked to no one because it is someone's ("Johnson's
    /// doctor"): the pronouns after it may still mean the owner ("He released a letter").
    owner: std::cell::Cell<Option<usize>>,
}

/// People named by whose they are ("Pagliano's lawyer", "Trump's son"), besides titles.
const RELATIONS: &[&str] = &[
    "lawyer",
    "lawyers",
    "attorneys",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "father",
    "mother",
    "friend",
    "friends",
    "doctor",
    "physician",
    "counsel",
    "deputy",
    "assistant",
    "biographer",
    "spokesperson",
    "nephew",
    "niece",
    "cousin",
    "partner",
];

/// Nouns of those who belong to a body or stand with someone: "members of the council",
/// "allies of the governor" speak for themselves.
const MEMBERS: &[&str] = &[
    "member",
    "members",
    "allies",
    "ally",
    "supporters",
    "critics",
    "associates",
    "colleagues",
    "relatives",
];

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
    /// Each person's roles, read once from around its mentions (at most 16 each), the
    /// first time a role noun needs them ("the senator said").
    fn roles(&self) -> &[Vec<String>] {
        self.roles.get_or_init(|| {
            let mut roles = vec![Vec::new(); self.actors.len()];
            for &(m, id) in &self.all {
                if self.actors[id].kind == ActorKind::Person {
                    let have: &mut Vec<String> = &mut roles[id];
                    roles_around(self.doc.text, m, self.lex, &mut |r| {
                        if have.len() < 16 && !have.contains(&r) {
                            have.push(r);
                        }
                    });
                }
            }
            roles
        })
    }

    /// True when the source span `src` holds a group noun of the lexicon.
    fn has_group_noun(&self, src: Span) -> bool {
        let (doc, table) = (self.doc, self.table);
        let first = doc.token_at(src.start);
        let end = doc.token_at(src.end);
        (first..end).any(|i| self.lex.group_at(table, i, end))
    }

    fn link(&self, c: &Found, last_named: Option<usize>) -> Link {
        let (doc, actors, all) = (self.doc, self.actors, &self.all[..]);
        let link = |actor: Option<usize>, attribution: Attribution| Link {
            actor,
            attribution,
            form: actor.map(|_| Form::Name),
        };
        let refer = |actor: Option<usize>, form: Option<Form>| Link {
            actor,
            attribution: match actor {
                Some(id) if actors[id].kind == ActorKind::Group => Attribution::Vague,
                _ => Attribution::Named,
            },
            form: actor.and(form),
        };
        // No one the article names: someone unnamed, or named without a name of their own.
        let unnamed = |vague: bool| {
            link(
                None,
                if vague {
                    Attribution::Vague
                } else {
                    Attribution::Named
                },
            )
        };
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
        // A name at the start of the source followed by a comma is its head
        // ("Jeff Rathke, the State Department spokesperson,").
        // So is a name after a title or role and before a comma ("Rep. Adam
        // Schiff, the top Democrat on the House Intelligence Committee,"), and the author
        // of a work ("an analysis by Lily Batchelder, … at New York University,").
        let appositive = inside.first().filter(|(m, id)| {
            let before = doc.text[src.start..m.start].trim();
            actors[*id].kind != ActorKind::Group
                && (before.len() <= 3
                    || actors[*id].kind == ActorKind::Person
                        && before.len() <= 40
                        && !before.contains([',', ';', '(', '"', '“'])
                        && before
                            .split_whitespace()
                            .next_back()
                            .is_some_and(|w| w == "by" || self.lex.is_title(&role(w))))
                && doc.text[m.end..].trim_start().starts_with(',')
                && m.end < src.end
        });
        let named = appositive
            .or_else(|| {
                inside.iter().rev().find(|(_, id)| {
                    !matches!(actors[*id].kind, ActorKind::Group | ActorKind::Place)
                })
            })
            .or_else(|| {
                // Not a place the source comes from or is in ("Senator from Texas says",
                // "Officials in Dayton, Ohio, said": a preposition up to eight tokens before).
                let s0 = doc.token_at(src.start);
                inside.iter().rev().find(|(m, id)| {
                    let t = doc.token_at(m.start);
                    actors[*id].kind == ActorKind::Place
                        && !(t.saturating_sub(8).max(s0)..t)
                            .any(|k| matches!(self.table.norm(k), "from" | "in" | "at" | "near"))
                })
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
        ) || norm == "people"
            // "Twelve percent", "40% of voters": a share of people, unnamed.
            || norm.split_whitespace().take(3).any(|w| {
                let w = w.trim_end_matches(',');
                matches!(w, "percent" | "cent") || w.ends_with(['%', '％'])
            });
        // "Pagliano's lawyer has said": the one who speaks is the lawyer, not Pagliano.
        let possessed = named.filter(|(m, _)| {
            let rest = &doc.text[m.end..src.end];
            let Some(rest) = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("’s")) else {
                return false;
            };
            let mut words = rest.split_whitespace();
            match (words.next(), words.next(), words.next()) {
                (Some(_), None, _) => true,
                (Some(w), Some(_), None) => !first_upper(w),
                _ => false,
            }
        });
        // (An organisation's or a country's spokesman or minister speaks for it: "Apple's
        // spokesman" stays Apple's claim.)
        let possessed = possessed.filter(|(_, id)| actors[*id].kind == ActorKind::Person);
        // "Mr. Grassley and Mr. Leahy say": two people speak, and the claim is neither's
        // alone (the who-said-what table lists it under both names as written).
        // So do those in a list ("Mary Jones, John Smith and Tom Bell", "Chuck Grassley, the
        // committee chairman, and Patrick Leahy"): people from the first, each after a comma
        // or an "and", the last after an "and".
        let people: Vec<&(Span, usize)> = inside
            .iter()
            .copied()
            .filter(|(_, id)| actors[*id].kind == ActorKind::Person)
            .collect();
        // Between two of them, after a parenthesis ("(D-Ohio)") or an apposition between
        // commas: a comma, or "and" first ("and Governor", not "a farmer and Trump's").
        let joined = |mid: &str| -> Option<bool> {
            let mut m = mid.trim();
            if m.starts_with('(') {
                m = m[m.find(')')? + 1..].trim_start();
            }
            if m == "," {
                return Some(false);
            }
            if let Some(r) = m.strip_prefix(',') {
                m = r.rsplit(',').next().unwrap_or(r).trim_start();
            }
            // (And at most three words from "and" to the name: "and his House counterpart".)
            (matches!(m.split_whitespace().next(), Some("and" | "&"))
                && m.split_whitespace().count() <= 4)
                .then_some(true)
        };
        let mut pair = false;
        for w in people.windows(2) {
            let (&(a, x), &(b, y)) = (w[0], w[1]);
            match joined(&doc.text[a.end..b.start.max(a.end)]) {
                Some(true) if x != y => {
                    pair = true;
                    break;
                }
                Some(false) if x != y => {}
                _ => break,
            }
        }
        if pair {
            return link(None, Attribution::Named);
        }
        // "An aide to Senator Ruiz", "a lawyer for Tom Bell", "friends of Maria Lopez": the
        // one who speaks is the aide. Members of a body speak for themselves, not for it
        // ("a member of the House Intelligence Committee", "members of the city council").
        // Without a name, the words up to the first preposition ("members of").
        let related = named.map_or_else(
            || {
                let end = text.split_whitespace().take(4).find_map(|w| {
                    matches!(w, "of" | "to" | "for")
                        .then(|| w.as_ptr() as usize - text.as_ptr() as usize + w.len())
                });
                end.map(|e| &text[..e])
            },
            // The relation heads the source: no name and no apposition before it
            // ("Rep. Jim Clyburn (D-S.C.), a member of House Democratic leadership" is
            // Clyburn).
            |(m, _)| {
                let before = &doc.text[src.start..m.start];
                (m.start > src.start
                    && !before.contains([',', '(', ';', '—'])
                    && inside.iter().all(|(x, id)| {
                        x.start >= m.start
                            || matches!(actors[*id].kind, ActorKind::Group | ActorKind::Place)
                    }))
                .then_some(before)
            },
        );
        if let Some((noun, member)) = related.and_then(|before| self.relation_before(before)) {
            let id = named.map(|&&(_, id)| id);
            let person = id.is_some_and(|id| actors[id].kind == ActorKind::Person);
            if member || person || id.is_none() {
                let bare = first_word == noun;
                // "A former aide to Senator Ruiz, Tom Bell,": the aide is named after a comma.
                let aide = named.and_then(|&&(m, _)| {
                    inside.iter().find(|(x, y)| {
                        x.start > m.end
                            && Some(*y) != id
                            && actors[*y].kind == ActorKind::Person
                            && doc.text[m.end..x.start].trim() == ","
                    })
                });
                if let Some(&&(_, p)) = aide {
                    return link(Some(p), Attribution::Named);
                }
                // "Critics of the mayor": the group that speaks.
                if let Some(&&(_, g)) =
                    group.filter(|(g, _)| named.is_none_or(|(m, _)| g.start < m.start))
                {
                    return link(Some(g), Attribution::Vague);
                }
                if let Some(owner) = id.filter(|_| person) {
                    if let Some(p) = self.holder(lo, src, &noun, owner) {
                        return refer(Some(p), Some(Form::Nominal));
                    }
                }
                return unnamed(indefinite || bare || member || id.is_none());
            }
        }
        if let Some(&&(_, owner)) = possessed {
            let head = src
                .slice(doc.text)
                .split_whitespace()
                .next_back()
                .unwrap_or("")
                .to_ascii_lowercase();
            if self.lex.is_title(&head) || RELATIONS.contains(&head.as_str()) {
                return match self.holder(lo, src, &head, owner) {
                    Some(p) => refer(Some(p), Some(Form::Nominal)),
                    // "one of Mr. Obama's climate advisers": unnamed.
                    None => unnamed(indefinite),
                };
            }
        }
        if let Some(&&(m, id)) = named.filter(|_| group.is_none() || !indefinite) {
            // A place or an organisation that only qualifies a role ("the
            // California congressman", "the Senate majority leader"): the person
            // who holds that role, when the article named one.
            let head = src
                .slice(doc.text)
                .split_whitespace()
                .next_back()
                .unwrap_or("");
            let head = head
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase();
            let qualifies = actors[id].kind != ActorKind::Person
                && m.end < src.end
                && doc.text[m.end..src.end].split_whitespace().count() <= 3
                && src.slice(doc.text)[..m.start - src.start]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| w.eq_ignore_ascii_case("the"))
                && self.lex.is_title(&head);
            if let Some(p) = qualifies
                .then(|| self.nominal(lo, src, &head, false))
                .flatten()
            {
                return refer(Some(p), Some(Form::Nominal));
            }
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
            // Whether an actor may be what the pronoun means. "He" is not a
            // person followed by "she" more than by "he".
            let (male, female) = (
                matches!(norm.as_str(), "he" | "him" | "his"),
                matches!(norm.as_str(), "she" | "her"),
            );
            let wanted = |a: &Actor| match a.kind {
                ActorKind::Place => false,
                ActorKind::Person => {
                    let (he, she) = self.gender[a.id];
                    let sex = self.sex[a.id];
                    person
                        && !(male && (she > he || sex == Some(true))
                            || female && (he > she || sex == Some(false)))
                }
                _ => thing,
            };
            let actor = if norm == "who" {
                // A relative pronoun: the nearest earlier mention.
                all[..lo]
                    .iter()
                    .rev()
                    .take(64)
                    .find(|(m, id)| m.end <= src.start && wanted(&actors[*id]))
                    .map(|&(_, id)| id)
            } else {
                let flat = first_person(&norm) || norm == "you";
                self.salient(
                    lo,
                    src,
                    &wanted,
                    flat.then_some(usize::from(person) * 2 + usize::from(thing)),
                    last_named,
                )
            };
            return refer(actor, Some(Form::Pronoun));
        }
        let mut words = norm.split_whitespace();
        let (det, head) = (words.next().unwrap_or(""), words.next_back().unwrap_or(""));
        if matches!(det, "the" | "this" | "that" | "its" | "their")
            && STATEMENT_NOUNS.contains(&head)
        {
            if let Some(id) = last_named {
                return refer(Some(id), None);
            }
        }
        if matches!(det, "the" | "this" | "that") {
            if let Some(id) = self.nominal(lo, src, head, norm.split_whitespace().count() == 2) {
                return refer(Some(id), Some(Form::Nominal));
            }
        }
        if let Some(id) = self.by_name(text) {
            return link(Some(id), Attribution::Named);
        }
        // A capital that only opens a sentence or a headline is no name: "Lawmaker urges
        // inquiry", "Officials say" (a title is someone definite: "President says").
        // (At the start of a sentence only: "King said" after "Rep. Steve King" is a name.)
        let first = doc.token_at(src.start);
        let one_role = !norm.contains(' ')
            && doc.sentences[self.table.sentence(first)].first == first
            && self.lex.is_group_noun(&format!("{norm}s"));
        unnamed(
            indefinite
                || !has_name(text)
                    && (!first_upper_word(text) || one_role || self.has_group_noun(src)),
        )
    }
}

impl Context<'_, '_> {
    /// Who holds the role `noun` of `owner` ("Smith's lawyer", "an aide to Ruiz"): a person
    /// the article tied to that role, else no one, and the pronouns after the source may
    /// still mean the owner ("He released a letter").
    fn holder(&self, lo: usize, src: Span, noun: &str, owner: usize) -> Option<usize> {
        let p = self.nominal(lo, src, noun, false).filter(|&p| p != owner);
        if p.is_none() {
            self.owner.set(Some(owner));
        }
        p
    }

    /// The noun of a relation or a membership that the words `before` a name end with, and
    /// whether it is a membership: "an aide to (Senator)", "a lawyer for", "friends of (the)",
    /// "a member of the". Between the preposition and the name at most four words ("the",
    /// titles, modifiers).
    fn relation_before(&self, before: &str) -> Option<(String, bool)> {
        // ("a lawyer for former President", "an aide to Texas Gov.", "supporters of
        // Republican candidate".)
        let mut words = before.split_whitespace().rev().map(role);
        words
            .by_ref()
            .take(5)
            .find(|w| matches!(w.as_str(), "to" | "for" | "of"))?;
        let noun = words.next()?;
        let member = MEMBERS.contains(&noun.as_str());
        (member || RELATIONS.contains(&noun.as_str())).then_some((noun, member))
    }

    /// The actor a definite noun phrase ending in `head` refers back to, the
    /// nearest earlier one of the last 64 mentions that fits: an organisation
    /// whose name starts or ends with the noun when the phrase is two words
    /// ("the Church" → "Church of Scientology", "the association" → "Baltic
    /// Freight Association"); an actor of a subkind the noun names ("the
    /// newspaper" → a media organisation, `lexicons/nominals.tsv`); a person
    /// written with the noun as a title or role ("the mayor" → "Mayor Bill de
    /// Blasio", "the spokesperson" → "Jeff Rathke, the State Department
    /// spokesperson").
    fn nominal(&self, lo: usize, src: Span, head: &str, short: bool) -> Option<usize> {
        let subkinds = self.lex.nominal(head);
        let title = self.lex.is_title(head);
        self.all[..lo]
            .iter()
            .rev()
            .take(64)
            .find(|(m, id)| {
                let a = &self.actors[*id];
                if m.end > src.start {
                    return false;
                }
                let word = |w: Option<&str>| {
                    w.is_some_and(|w| w.len() > 2 && w.eq_ignore_ascii_case(head))
                };
                match a.kind {
                    ActorKind::Organization
                        if short
                            && (word(a.name.split(' ').next())
                                || word(a.name.rsplit(' ').next())) =>
                    {
                        true
                    }
                    ActorKind::Person if title => self.roles()[*id].contains(&role(head)),
                    _ => subkinds
                        .zip(a.subkind.as_deref())
                        .is_some_and(|(list, sub)| list.split('|').any(|s| s == sub)),
                }
            })
            .map(|&(_, id)| id)
    }

    /// The actor a named source without a mention names: one whose name or
    /// alias is the source's words, or a person whose surname they are
    /// ("Santorum" where the tagger missed the name).
    fn by_name(&self, text: &str) -> Option<usize> {
        let key = normalize(text.trim_matches(|c: char| !c.is_alphanumeric()));
        let key = key.strip_prefix("the ").unwrap_or(&key);
        if !first_upper(text.trim_start()) {
            return None;
        }
        match self.names.get(key).map(Vec::as_slice) {
            Some(&[id]) => Some(id),
            _ => None,
        }
    }

    /// The most salient earlier actor of a wanted kind for a pronoun source
    /// at `src` (`lo` mentions start before it), among the last 128
    /// mentions: each mention counts more the nearer its sentence and when it
    /// is the first of its sentence (usually the subject), and the source of
    /// the previous named claim gets a bonus ("X said… He added"). For the
    /// speaker's own "I" (`flat_kind`), distance does not count: the person the
    /// article is about or interviews is the one mentioned most.
    fn salient(
        &self,
        lo: usize,
        src: Span,
        wanted: &dyn Fn(&Actor) -> bool,
        flat_kind: Option<usize>,
        last_named: Option<usize>,
    ) -> Option<usize> {
        let flat = flat_kind.is_some();
        let here = self
            .doc
            .sentences
            .partition_point(|s| s.span.end <= src.start);
        let mut scores: Vec<(usize, f32)> = Vec::new();
        // Whether the pronoun is itself inside a quotation.
        let k = self.quotes.partition_point(|q| q.start <= src.start);
        let src_quoted = self.quotes[k.saturating_sub(64)..k]
            .iter()
            .any(|q| q.contains(src));
        // The first actor of the wanted kind in the document: whom an
        // interview or a first-person piece is by.
        // The search resumes where the last one for the same kind of pronoun stopped (the
        // first match stays the first for every later pronoun), so that all of them together
        // read the mentions once: a text of a million "I said …" is not quadratic.
        if let Some(key) = flat_kind {
            let mut memo = self.first_wanted.get();
            let (from, found) = memo[key];
            let first = match found {
                Some(k) => Some(k),
                None if from < lo => {
                    let hit = self.all[from..lo]
                        .iter()
                        .inspect(|_| crate::work::add(1))
                        .position(|(_, id)| wanted(&self.actors[*id]))
                        .map(|p| from + p);
                    memo[key] = (lo, hit);
                    self.first_wanted.set(memo);
                    hit
                }
                None => None,
            };
            if let Some(k) = first.filter(|&k| k < lo) {
                scores.push((self.all[k].1, 3.0));
            }
        }
        for k in (lo.saturating_sub(128)..lo).rev() {
            let (m, id) = self.all[k];
            if m.end > src.start || !wanted(&self.actors[id]) {
                continue;
            }
            let (s, first) = self.place[k];
            let mut w = (1.0 + f32::from(u8::from(first)))
                / if flat { 1.0 } else { 1.0 + (here - s) as f32 };
            if self.quoted[k] && !src_quoted {
                w *= 0.25;
            }
            match scores.iter_mut().find(|e| e.0 == id) {
                Some(e) => e.1 += w,
                None => scores.push((id, w)),
            }
        }
        // The speaker of the latest claim, more so when it was in this
        // sentence or the one before ("Jason Miller told The Post… However, he
        // could not explain…", where Trump has many more mentions).
        let bonus = if here <= self.named_in.get() + 1 {
            2.0
        } else {
            1.0
        };
        if let Some(e) = scores.iter_mut().find(|e| Some(e.0) == last_named) {
            e.1 += bonus;
        }
        scores
            .iter()
            .fold(None, |best: Option<(usize, f32)>, &e| match best {
                Some(b) if b.1 >= e.1 => Some(b),
                _ => Some(e),
            })
            .map(|e| e.0)
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
