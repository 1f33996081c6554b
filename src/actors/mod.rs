//! Actors layer: people, organizations, places and unnamed groups, each one
//! entity with all its mentions.
//!
//! Mentions come from three sources, in this order of trust:
//! 1. the lexicon of known actors (`lexicons/actors.tsv`, plus entries added
//!    at run time) — gives kind, subkind and aliases ("IRGC" → "Islamic
//!    Revolutionary Guard Corps");
//! 2. a learned tagger ([`crate::model`], `models/actors.bin`, Viterbi
//!    decoding) over word,
//!    shape, affix, context, gazetteer and document features — finds names the
//!    lexicon does not know and tells a capitalised name from a capitalised
//!    sentence start or headline. It reads a document twice: the second pass
//!    adds features from how the first pass tagged each capitalised word, here
//!    and elsewhere in the document ([`DocTags`],
//!    [`SentenceFeatures::doc_features`]), so that "Vantelli" typed as a
//!    company in one sentence pulls a bare "Vantelli" elsewhere the same way.
//!    The second pass reuses the first pass's emission scores and decodes
//!    again only the sentences with a word that the first pass tagged
//!    otherwise elsewhere. One model serves both passes: it is trained on
//!    every sentence twice, without the document features and with features
//!    from a jackknifed first pass ([`crate::train::train_actors`]);
//! 3. group nouns (`lexicons/groups.tsv`): "analysts", "Russian officials".
//!
//! Mentions are then grouped into entities: lexicon aliases, acronym
//! definitions ("Long Name (LN)"), the same name in other case, with "the" or a
//! possessive, titles (`lexicons/titles.tsv`: "Mr Key", "Professor Burrows",
//! "NASA Administrator Charles Bolden"), and short forms (a person's surname,
//! first name or name without middle names; an organization's final words,
//! "the Duma" → "State Duma", or a company's first ones, "Magna" → "Magna
//! International Inc"). A short form two entities could take joins the one
//! mentioned most often before it, of those the one mentioned last. One name is one entity whatever kind the tagger
//! gave each mention, and the entity's kind is voted over the article (the
//! tagger's kinds, a title before a name, an organisation's word ending it,
//! "he"/"she" after it), except that a known actor keeps its kind ("Jordan"
//! the country beside the film director Neil Jordan) and so does a name in a
//! sentence in capitals ("NEW YORK" the team in a results table). A
//! possessive ending is never part of a mention ("the IRGC’s" → "IRGC").
//! Last, the names, aliases and surnames of the actors found are looked for
//! again where the tagger missed them ("Warhol" in a sentence it read
//! otherwise).
//!
//! **Demonyms.** "Iranian strikes" is not a mention of Iran (the name is not
//! there), but a demonym that modifies a group noun becomes part of that group
//! mention ("Russian officials"), and the group's `affiliation` names the
//! state ([`crate::Actor::affiliation`]).

mod entities;
mod features;
mod lexicon;
mod mentions;

pub(crate) use features::DocContext;
#[cfg(feature = "training")]
pub(crate) use features::{features, features2, DocTags, LABELS};
pub(crate) use lexicon::ActorLexicon;

use crate::analysis::{Actor, ActorKind};
use crate::hash::IdMap;
use crate::span::Span;
use crate::text::{Doc, Sentence, TokenKind, TokenTable, WEEKDAYS};
use entities::group;
pub(crate) use entities::key_of;
use mentions::{group_mentions, merge_lexicon_mentions, model_kind, tag_doc, Mention};

/// The gendered pronouns ("he", "his", "she", "her"…) among the ten tokens
/// from token `i` in its sentence, before another capitalised word: (male,
/// female). After a name, they are the name's ("Byron fell ill; his…"): a
/// name they follow is a person, and "she" does not mean a name followed by
/// "he".
pub(crate) fn pronouns_after(doc: &Doc, table: &TokenTable, i: usize) -> (u32, u32) {
    let last = doc
        .sentences
        .get(doc.sentences.partition_point(|s| s.last <= i))
        .map_or(i, |s| s.last);
    pronouns_between(table, i, last)
}

/// [`pronouns_after`] where the sentence of token `i` ends before token `last`.
fn pronouns_between(table: &TokenTable, i: usize, last: usize) -> (u32, u32) {
    let end = last.min(i + 10);
    let mut counts = (0, 0);
    for t in i..end {
        match table.norm(t) {
            "he" | "him" | "his" | "himself" => counts.0 += 1,
            "she" | "her" | "hers" | "herself" => counts.1 += 1,
            _ if table.first_upper(t) => break,
            _ => {}
        }
    }
    counts
}

/// Words that open a sentence before a name without being part of it.
const SENTENCE_OPENERS: &[&str] = &[
    "unlike",
    "like",
    "despite",
    "after",
    "before",
    "with",
    "without",
    "for",
    "as",
    "when",
    "while",
    "although",
    "though",
    "since",
    "because",
    "if",
    "unless",
    "during",
    "but",
    "and",
    "meanwhile",
    "however",
    "even",
    "only",
    "also",
    "then",
    "later",
    "finally",
    "eventually",
    "instead",
    "perhaps",
    "indeed",
    "today",
    "yesterday",
    "under",
    "against",
    "dear",
    "thanks",
    "ask",
    "tell",
    "says",
    "what",
    "why",
    "how",
    "where",
    "whether",
    "in",
    "at",
    "on",
    "from",
    "by",
    "about",
    "among",
    "amid",
    "behind",
    "besides",
    "toward",
    "towards",
    "upon",
    "into",
    "over",
    "through",
    "throughout",
    "within",
    "until",
    "following",
    "including",
    "around",
    "across",
    "between",
    "whereas",
    "yet",
    "so",
    "thus",
    "still",
    "now",
    "once",
    // Imperatives of a byline's footer ("Follow him on Twitter", "Reach her at…").
    "follow",
    "reach",
    "contact",
    "email",
    "subscribe",
];

/// The last word of the name of a law or a document: never an actor.
const DOCUMENTS: &[&str] = &[
    "amendment",
    "amendments",
    "act",
    "constitution",
    "treaty",
    "accord",
    "accords",
    "agreement",
    "protocol",
    "doctrine",
];

/// The last word of a byline's role, never a person's name.
const BYLINE_ROLES: &[&str] = &[
    "writer",
    "correspondent",
    "reporter",
    "editor",
    "columnist",
    "contributor",
    "staff",
];

/// Words that are never a name alone ("Let’s", "Won’t Be"), among them sentence
/// adverbs that open a sentence in capitals ("Unfortunately, …", "Furthermore, …").
const NOT_NAMES: &[&str] = &[
    // An ethnicity alone ("an African American or Hispanic, man or woman").
    "hispanic",
    "latino",
    "latina",
    "let",
    "be",
    "was",
    "is",
    "are",
    "will",
    "wo",
    "can",
    "do",
    "does",
    "furthermore",
    "moreover",
    "nevertheless",
    "nonetheless",
    "regardless",
    "obviously",
    "unfortunately",
    "fortunately",
    "interestingly",
    "interesting",
    "likely",
    "apparently",
    "clearly",
    "ironically",
    "notably",
    "similarly",
    "additionally",
    "consequently",
    "ultimately",
    "essentially",
    "basically",
    "certainly",
    "hopefully",
    "sadly",
    "honestly",
    "frankly",
    "importantly",
    "specifically",
    "thankfully",
    "luckily",
    "undoubtedly",
    "admittedly",
    "seriously",
    "absolutely",
    "anyway",
    "besides",
    "therefore",
    "indeed",
    "instead",
    "overall",
    "otherwise",
    "finally",
    "meh",
    "who",
    "upon",
    "photos",
    // Common acronyms of things, and eras.
    "dna",
    "rna",
    "hiv",
    "gdp",
    "ceo",
    "cfo",
    "tv",
    "gps",
    "dvd",
    "suv",
    "ad",
    "ptsd",
    "mba",
    "lgbt",
    "lgbtq",
    // Letters after a name: a barrister's rank or an honour ("Mark Tedeschi, QC,").
    "qc",
    "kc",
    "sc",
    "obe",
    "mbe",
    "cbe",
    // Headings and words of a headline in capitals.
    "clarification",
    "latest",
    "letters",
    "lose",
    "he",
    "she",
    "they",
    "we",
];

/// Verbs that a headline in title case puts after a name ("Donald Trump Is Right",
/// "Clinton Tweets Support"); not "will", "won", "said" nor "says", which are words of names
/// (George Will, Won Sei-hoon, Edward Said).
const HEADLINE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "tells", "told", "tweets", "tweeted",
    "slams", "blasts", "calls", "wins", "does", "did", "should", "must", "wants", "admits",
    "denies", "warns", "urges",
];

/// Words in lowercase that may stand inside a name ("Stratford upon Avon", "Letters from
/// Iwo Jima"); shorter ones ("of", "the", "for", "and", "de", "van") are never cut at.
const NAME_PARTICLES: &[&str] = &[
    "upon", "from", "with", "under", "over", "into", "della", "dello", "delle", "degli", "sans",
    "para", "pour", "bint", "avec", "dans", "sobre", "contra",
];

/// Whether token `t` is a common word in lowercase of four letters or more, which
/// separates two names inside a tagger's span rather than joins them.
fn common_word(doc: &Doc, table: &TokenTable, t: usize) -> bool {
    let w = doc.tok(t);
    doc.tokens[t].kind == TokenKind::Word
        && w.len() >= 4
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !NAME_PARTICLES.contains(&table.norm(t))
}

/// Words that qualify a title ("Senior Fellow", "Deputy Chief"): with titles only, no name.
const TITLE_MODIFIERS: &[&str] = &[
    "senior",
    "junior",
    "deputy",
    "assistant",
    "associate",
    "acting",
    "former",
    "fellow",
    "executive",
    "vice",
    "interim",
    "general",
    "chief",
];

/// Words of the compass, which open names of regions ("East Timor", "Northern Ireland").
const COMPASS: &[&str] = &[
    "east",
    "west",
    "north",
    "south",
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Adverbs that are never a name alone when not in capitals ("Originally from Linz", "Here
/// and there"); in capitals they may be an acronym ("NOW", the National Organization for
/// Women).
const ADVERBS: &[&str] = &[
    "originally",
    "initially",
    "previously",
    "recently",
    "currently",
    "subsequently",
    "allegedly",
    "reportedly",
    "supposedly",
    "presumably",
    "arguably",
    "evidently",
    "around",
    "here",
    "there",
    "hence",
    "thus",
    "given",
    "yet",
    "still",
    "now",
    "again",
];

/// The tagger's span `first..end` of sentence `s`, tidied: without a leading
/// article, a sentence-opening word ("Unlike Obama"), a trailing weekday
/// ("Netflix Friday") or a headline's verb and what follows it ("Donald Trump Is
/// Right"); a transcript's speaker label ("WALLACE:") is a person;
/// `None` for what is not a name: a byline's role ("Staff Writer"), a lone
/// function word, a lone word in capitals in parentheses that defines no
/// name before them ("(CROSSTALK)"), or a run-in header in capitals and the
/// sentence's first word ("THE BORROWING Back when…").
fn clean(
    doc: &Doc,
    table: &TokenTable,
    lex: &ActorLexicon,
    ctx: &DocContext,
    s: &Sentence,
    (mut first, mut end): (usize, usize),
    mut kind: ActorKind,
) -> Option<(usize, usize, ActorKind)> {
    if end - first >= 2
        && (table.norm(first) == "the"
            || first == s.first && SENTENCE_OPENERS.contains(&table.norm(first)))
    {
        first += 1;
    }
    while end - first >= 2 && WEEKDAYS.contains(&table.norm(end - 1)) {
        end -= 1;
    }
    // A bracket the name does not close is no part of it: "Hogan & Hartson (now Hogan
    // Lovells)" is "Hogan & Hartson".
    if let Some(open) = (first + 1..end).find(|&t| table.norm(t) == "(") {
        if !(open + 1..end).any(|t| table.norm(t) == ")") {
            end = open;
        }
    }
    // A headline's verb in capitals is no word of a name: it goes from the start ("Says We
    // Should…") and ends the name before it ("Donald Trump Is Right"), and what is left is no
    // name when the article writes all its words in lowercase too ("All Bets Are Off").
    let verb = |t: usize| {
        table.first_upper(t) && table.any_lower(t) && HEADLINE_VERBS.contains(&table.norm(t))
    };
    if end - first >= 2 && verb(first) {
        first += 1;
    }
    if let Some(cut) = (first + 1..end).find(|&t| verb(t)) {
        end = cut;
        if (first..end).all(|t| ctx.seen_lower(table, t)) {
            return None;
        }
    }
    // "Senate Majority Leader Mitch McConnell": the chamber, then a role.
    if end - first >= 2
        && end < doc.tokens.len()
        && matches!(table.norm(end - 1), "majority" | "minority")
        && matches!(table.norm(end), "leader" | "whip")
    {
        end -= 1;
    }
    let word =
        Span::new(doc.tokens[first].span.start, doc.tokens[end - 1].span.end).slice(doc.text);
    let caps = word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase);
    // (Only a mention that opens its sentence can be a label: a label is looked for once per
    // such mention, not for every mention of a long sentence, which would take quadratic time.)
    let label = caps
        && first <= s.first + 1
        && speaker_label(doc, table, s, Some(&ctx.speakers)) == Some((first, end));
    if label {
        kind = ActorKind::Person;
    }
    let lone = end - first == 1;
    // A title alone is no name ("…, Senator.").
    let title = lone
        && lex
            .titles
            .contains_key(table.norm(first).trim_end_matches('.'));
    // A run-in section header in capitals, then the sentence's first word
    // ("THE BORROWING Back when he wrote…"): no name.
    let all_caps = |i: usize| {
        doc.tokens[i].kind == TokenKind::Word && !table.any_lower(i) && table.first_upper(i)
    };
    let header = !s.caps
        && end - first >= 2
        && table.any_lower(end - 1)
        && table.first_upper(end - 1)
        && (s.first..end - 1).all(all_caps)
        && (first..end - 1).map(|i| doc.tok(i).len()).sum::<usize>() >= 5;
    // A word written like an acronym's name but not in capitals ("Who" opening a
    // question, not the WHO).
    let acronym_word =
        lone && table.any_lower(first) && lex.exact_case.contains(&word.to_ascii_uppercase());
    // A US politician's party and state ("Sen. Rob Portman (R-Ohio)", "D-Va"): no actor.
    let party =
        matches!(word.as_bytes(), [b'D' | b'R' | b'I', b'-', c, ..] if c.is_ascii_uppercase());
    // A word that is a whole line by itself: a section heading ("Biography"); not one
    // in capitals (the newspapers of a press digest: "KOMPAS").
    let heading = lone && s.last - s.first == 1 && table.any_lower(first);
    // Titles and their modifiers alone are an office, not who holds it ("Vice President",
    // "Senior Fellow").
    // (With a modifier: "Earl King" is a name of two titles.)
    let modifier = |t: usize| TITLE_MODIFIERS.contains(&table.norm(t).trim_end_matches('.'));
    let office = !lone
        && (first..end).all(|t| {
            let w = table.norm(t).trim_end_matches('.');
            lex.titles.contains_key(w) || modifier(t)
        })
        && (first..end).any(modifier);
    // A compass word alone before a name or "and" is an adjective ("East European",
    // "Eastern and Northern European heritage").
    // (Not "the North" of Korea news, nor "the West".)
    let compass = lone
        && COMPASS.contains(&table.norm(first))
        && !(first > s.first && table.norm(first - 1) == "the")
        && end < s.last
        && (table.norm(end) == "and"
            || table.first_upper(end)
                && ["an", "ese", "ish", "ic"]
                    .iter()
                    .any(|e| table.norm(end).ends_with(e)));
    // A law is no actor ("the 1994 Crime Bill", "Farm Bill"; "Bill" after a given name is
    // a name: "John Bill"), nor "Bill" alone after a capitalised word that is neither a
    // given name nor a title ("Crime Bill" of which the tagger took "Bill", then read as
    // Bill Clinton's given name).
    // (Not after the word that opens the sentence: "When Bill was governor".)
    let given = |t: usize| lex.first_names.contains_key(table.norm(t));
    let law = matches!(doc.tok(end - 1), "Bill" | "Act")
        && if lone {
            first > s.first + 1
                && table.first_upper(first - 1)
                && !given(first - 1)
                && !lex.is_title(table.norm(first - 1))
        } else {
            !given(end - 2)
        };
    let junk = title
        || office
        || law
        || compass
        || header
        || heading
        || acronym_word
        || party
        || kind == ActorKind::Person && BYLINE_ROLES.contains(&table.norm(end - 1))
        || lone && NOT_NAMES.contains(&table.norm(first))
        || lone && !caps && ADVERBS.contains(&table.norm(first))
        // A lone word that opens the sentence ("After", "[28] Also"), not in capitals;
        // after a word it may be a name ("She told Today on Monday"). At most four tokens
        // looked at before it, so that the check stays linear.
        || lone
            && !caps
            && SENTENCE_OPENERS.contains(&table.norm(first))
            && first <= s.first + 4
            && (s.first..first).all(|t| doc.tokens[t].kind != TokenKind::Word)
        || lone
            && caps
            && word.chars().count() >= 5
            && first > 0
            && doc.tok(first - 1) == "("
            && !(first > 1 && table.first_upper(first - 2));
    (!junk).then_some((first, end, kind))
}

/// Labels in capitals before a colon that are not speakers ("NOTE:", "Q:").
const NOT_SPEAKERS: &[&str] = &[
    "note",
    "update",
    "updated",
    "editor",
    "breaking",
    "exclusive",
    "watch",
    "read",
    "more",
    "related",
    "photo",
    "video",
    "source",
    "sources",
    "correction",
    "clarification",
    "q",
    "a",
    "transcript",
    "advertisement",
    "warning",
    "live",
    "opinion",
    "analysis",
    "ps",
    "pps",
    "re",
    "fw",
    "fwd",
    "subject",
    "to",
    "from",
    "cc",
    "date",
    "sent",
];

/// A transcript's speaker label at the start of sentence `s` ("WALLACE:",
/// "“PENCE:"): one to three words in capitals before a colon and speech, as
/// the token range of the name; or before a short turn when the label's last word is one of
/// the text's `speakers` ("PENCE: No.").
pub(super) fn speaker_label(
    doc: &Doc,
    table: &TokenTable,
    s: &Sentence,
    speakers: Option<&IdMap<u32>>,
) -> Option<(usize, usize)> {
    let first = if table.opens(s.first) {
        s.first + 1
    } else {
        s.first
    };
    let mut end = first;
    while end < s.last.min(first + 3)
        && doc.tokens[end].kind == TokenKind::Word
        && doc.tok(end).chars().count() >= 2
        && !doc.tok(end).chars().any(char::is_lowercase)
        && !NOT_SPEAKERS.contains(&table.norm(end))
    {
        end += 1;
    }
    // What follows reads as speech (three lowercase words), not a data
    // sheet's field ("ISSUER: City of Dale").
    let speech = || {
        (end + 1..s.last)
            .inspect(|_| crate::work::add(1))
            .filter(|&i| table.first_lower(i))
            .nth(2)
            .is_some()
            || speakers.is_some_and(|k| k.contains_key(&table.hash(end - 1)))
    };
    (end > first && end < s.last && doc.tok(end) == ":" && speech()).then_some((first, end))
}

/// The particles of family names ("Charles de Gaulle", "Poterin du Motel").
pub(crate) const PARTICLES: &[&str] = &[
    "de", "du", "des", "van", "von", "der", "den", "da", "di", "del", "della",
];

/// A person's given name and epithet. "Hillary Clinton" is one name when the
/// tagger found only "Clinton"; "Peter the Great", "Ivan the Terrible" are one
/// person, not a person and a place "Great": after a person's name or a
/// lone given name, "the" and one capitalised word that no known actor starts,
/// then no other capitalised word.
fn join_person_words(
    doc: &Doc,
    table: &TokenTable,
    lex: &ActorLexicon,
    s: &Sentence,
    model: &mut Vec<Mention>,
) {
    // Not in a headline in title case, whose spans run on ("Clinton Speaks Directly…").
    let headline = s.first == 0 && entities::title_case(table, s);
    let mut k = 0;
    while k < model.len() {
        // A given name the tagger left out before a person's name ("Hillary Clinton"
        // tagged as "Clinton"), in no other mention.
        let m = &model[k];
        let g = m.first.wrapping_sub(1);
        if m.kind == ActorKind::Person
            && !headline
            && m.first > s.first
            && table.first_upper(g)
            && lex.first_names.contains_key(table.norm(g))
            && (k == 0 || model[k - 1].last <= g)
        {
            start_at(doc, &mut model[k], g);
        }
        // A name after a title and a particle is a person's, the particle in it ("Mlle. du
        // Motel", not an organisation "Motel").
        let m = &model[k];
        let p = m.first.wrapping_sub(1);
        if m.entry.is_none()
            && m.first >= s.first + 2
            && PARTICLES.contains(&table.norm(p))
            && (k == 0 || model[k - 1].last <= p)
            && lex.titles.get(table.norm(p - 1).trim_end_matches('.')) == Some(&true)
        {
            start_at(doc, &mut model[k], p).kind = ActorKind::Person;
        }
        let m = &model[k];
        let e = m.last + 1;
        let person = m.kind == ActorKind::Person
            || m.last - m.first == 1 && lex.first_names.contains_key(table.norm(m.first));
        // "Peter the Great"; "Poterin du Motel" (a particle and a surname).
        let joins = person
            && m.entry.is_none()
            && e < s.last
            && (table.norm(m.last) == "the" || PARTICLES.contains(&table.norm(m.last)))
            && doc.tokens[e].kind == TokenKind::Word
            && table.first_upper(e)
            && table.any_lower(e)
            && !(e + 1 < s.last && table.first_upper(e + 1));
        // The word after may be a mention of its own, not a known actor's.
        let next = model.get(k + 1).filter(|n| n.first <= e);
        if !joins || next.is_some_and(|n| n.first != e || n.last != e + 1 || n.entry.is_some()) {
            k += 1;
            continue;
        }
        extend(doc, model, k, e + 1).kind = ActorKind::Person;
        k += 1;
    }
}

/// Joins an organisation whose name ends with a head word of a body (Commission,
/// Council, Institute, Association, Court…) and the capitalised words after "on" or
/// "for" that complete it ("Commission on Presidential Debates", "Institute for
/// International Economics"), which the tagger reads as two names or one and a stray
/// word; not a weekday or a month ("the Council on Friday"). `model` is sorted and without overlaps; so is the result.
fn join_on_names(
    doc: &Doc,
    table: &TokenTable,
    lex: &ActorLexicon,
    s: &Sentence,
    model: &mut Vec<Mention>,
) {
    let mut k = 0;
    let mut joined = 0;
    while k < model.len() && joined < MAX_JOINS {
        let m = &model[k];
        let head = doc.tok(m.last - 1);
        // "Center for American Progress": a center for something is a body, whatever
        // the tagger called the word.
        let center =
            matches!(head, "Center" | "Centre") && m.last < s.last && table.norm(m.last) == "for";
        let joins = (m.kind == ActorKind::Organization || center && m.entry.is_none())
            && m.last + 1 < s.last
            && matches!(table.norm(m.last), "on" | "for")
            && (center
                || lex.org_heads.get(head).is_some_and(|&sub| {
                    matches!(
                        sub,
                        "agency" | "council" | "institute" | "association" | "court"
                    )
                }))
            && table.first_upper(m.last + 1)
            && table.any_lower(m.last + 1)
            && !WEEKDAYS.contains(&table.norm(m.last + 1));
        if !joins {
            k += 1;
            continue;
        }
        let mut end = m.last + 1;
        while end < s.last
            && doc.tokens[end].kind == TokenKind::Word
            && table.first_upper(end)
            && table.any_lower(end)
        {
            end += 1;
        }
        // Not a date ("on May 3"); the words after must be free, or whole names of
        // their own.
        let date = end < s.last && table.norm(end).starts_with(|c: char| c.is_ascii_digit());
        let free = !date
            && model[k + 1..]
                .iter()
                .take_while(|n| n.first < end)
                .all(|n| n.last <= end && n.entry.is_none());
        if !free {
            k += 1;
            continue;
        }
        joined += 1;
        let m = extend(doc, model, k, end);
        m.entry = None;
        m.kind = ActorKind::Organization;
        k += 1;
    }
}

/// Most names joined in one sentence by [`join_on_names`] or [`join_one_body`]: each join
/// shifts the mentions after it, and real sentences hold a few.
const MAX_JOINS: usize = 64;

/// Last words of an agency's name whose first part, joined by "and", the tagger reads
/// as a name of its own ("Immigration and Customs Enforcement", "Department of Health
/// and Human Services").
const AND_HEADS: &[&str] = &[
    "Enforcement",
    "Services",
    "Service",
    "Administration",
    "Prevention",
    "Protection",
    "Development",
    "Naturalization",
];

/// Joins two organisations that are one name: "X and Y" where Y ends with an agency's
/// word ([`AND_HEADS`]) and neither is a known actor, a chamber's committee ("House
/// Ways and Means Committee", "Senate Homeland Security and Governmental Affairs
/// Committee"), and "People's" before a body
/// ("the Korean People's Army"). `model` is sorted and without overlaps; so is the result.
fn join_one_body(doc: &Doc, table: &TokenTable, model: &mut Vec<Mention>) {
    let mut k = 0;
    // Each join shifts the mentions after it: at most [`MAX_JOINS`] a sentence keeps a
    // sentence of a megabyte linear.
    let mut joins = 0;
    while k + 1 < model.len() && joins < MAX_JOINS {
        let (m, n) = (&model[k], &model[k + 1]);
        let free = m.entry.is_none()
            && n.entry.is_none()
            && m.kind != ActorKind::Person
            && n.kind == ActorKind::Organization;
        let and = free
            && n.first == m.last + 1
            && table.norm(m.last) == "and"
            && AND_HEADS.contains(&doc.tok(n.last - 1));
        // "House Oversight and Government Reform Committee": a committee of a chamber.
        // The tagger may leave the words before "and" out ("House | Oversight and |
        // Government Reform Committee"): capitalised words, at most three.
        let committee = free
            && n.first > m.last
            && n.first - m.last <= 4
            && table.norm(n.first - 1) == "and"
            && (m.last..n.first - 1)
                .all(|i| doc.tokens[i].kind == TokenKind::Word && table.first_upper(i))
            && n.first - 1 - m.first >= 2
            && matches!(doc.tok(m.first), "House" | "Senate")
            && matches!(
                doc.tok(n.last - 1),
                "Committee" | "Subcommittee" | "Commission"
            )
            // Not two bodies: "House Freedom Caucus and Senate Appropriations Committee",
            // "Senate Democrats and House Intelligence Committee".
            && !matches!(doc.tok(n.first), "House" | "Senate")
            && !matches!(
                doc.tok(n.first - 2),
                "Caucus" | "Committee" | "Democrats" | "Republicans" | "Commission" | "Office"
            );
        let peoples = free
            && n.first == m.last + 1
            && doc.tok(m.last - 1) == "People"
            && doc.tokens[m.last].kind == TokenKind::Possessive;
        if and || committee || peoples {
            joins += 1;
            let end = model[k + 1].last;
            let m = extend(doc, model, k, end);
            m.kind = ActorKind::Organization;
            m.subkind = None;
        } else {
            k += 1;
        }
    }
}

/// Extends mention `k` of `model` (sorted, without overlaps) to end before token `end`,
/// dropping the mentions after it that start before `end`.
fn extend<'m, 'l>(
    doc: &Doc,
    model: &'m mut Vec<Mention<'l>>,
    k: usize,
    end: usize,
) -> &'m mut Mention<'l> {
    while model.get(k + 1).is_some_and(|n| n.first < end) {
        model.remove(k + 1);
    }
    let m = &mut model[k];
    m.last = end;
    m.span = Span::new(m.span.start, doc.tokens[end - 1].span.end);
    m
}

/// Makes mention `m` start at token `first`, before it (the tokens between are in no other
/// mention).
fn start_at<'m, 'l>(doc: &Doc, m: &'m mut Mention<'l>, first: usize) -> &'m mut Mention<'l> {
    m.first = first;
    m.span = Span::new(doc.tokens[first].span.start, m.span.end);
    m
}

/// Finds the actors of a document.
pub(crate) fn find(doc: &Doc, table: &TokenTable, lex: &ActorLexicon) -> Vec<Actor> {
    let ctx = DocContext::new(doc, table, lex);
    let mut mentions: Vec<Mention> = Vec::new();
    let tagged = lex.tagger.as_ref().map(|t| tag_doc(doc, table, &ctx, t));
    for (si, s) in doc.sentences.iter().enumerate() {
        // Model spans.
        let mut model: Vec<Mention> = Vec::new();
        if let (Some(tagger), Some(tagged)) = (&lex.tagger, &tagged) {
            let labels = &tagged[si];
            let names = tagger.labels();
            let mut k = 0;
            while k < labels.len() {
                let l = &names[labels[k]];
                if let Some(ty) = l.strip_prefix("B-") {
                    let mut e = k + 1;
                    while e < labels.len() && names[labels[e]].strip_prefix("I-") == Some(ty) {
                        e += 1;
                    }
                    if let Some(kind) = model_kind(ty) {
                        // A possessive inside a span separates two names:
                        // "the IRGC’s Air Force" → "IRGC" and "Air Force"; so does a
                        // common word in lowercase ("a Bloomberg interview Trump gave").
                        let Some((mut first, end, kind)) =
                            clean(doc, table, lex, &ctx, s, (s.first + k, s.first + e), kind)
                        else {
                            k = e;
                            continue;
                        };
                        let start = first;
                        for cut in (first..end)
                            .filter(|&t| {
                                doc.tokens[t].kind == TokenKind::Possessive
                                    || t > start && t + 1 < end && common_word(doc, table, t)
                            })
                            .chain(std::iter::once(end))
                        {
                            // What follows a common word is a name only from a capital
                            // (not "in Philadelphia" after "First Union bank"), and of two
                            // words or more: one word alone ("Trump" after "a Reuters
                            // interview") has no kind of its own, and is found again as a
                            // name the article gives in full.
                            let after_word = first > start
                                && doc.tokens[first - 1].kind != TokenKind::Possessive;
                            if cut > first
                                && (!after_word || table.first_upper(first) && cut - first >= 2)
                            {
                                model.push(Mention {
                                    span: Span::new(
                                        doc.tokens[first].span.start,
                                        doc.tokens[cut - 1].span.end,
                                    ),
                                    first,
                                    last: cut,
                                    kind,
                                    subkind: None,
                                    entry: None,
                                });
                            }
                            first = cut + 1;
                        }
                    }
                    k = e;
                } else {
                    k += 1;
                }
            }
        }
        // Lexicon spans (found once by DocContext).
        let lo = ctx.known.partition_point(|k| k.0 < s.first);
        let hi = ctx.known.partition_point(|k| k.0 < s.last);
        let lexm: Vec<Mention> = ctx.known[lo..hi]
            .iter()
            .map(|&(i, len, e)| {
                let entry = &lex.entries[e];
                Mention {
                    span: Span::new(doc.tokens[i].span.start, doc.tokens[i + len - 1].span.end),
                    first: i,
                    last: i + len,
                    kind: entry.kind,
                    subkind: entry.subkind.as_deref(),
                    entry: Some(e),
                }
            })
            .collect();
        // A speaker label the tagger missed is a person too.
        if let Some((first, last)) = speaker_label(doc, table, s, Some(&ctx.speakers)) {
            if !model.iter().any(|m| m.first < last && first < m.last) {
                model.push(Mention {
                    span: Span::new(doc.tokens[first].span.start, doc.tokens[last - 1].span.end),
                    first,
                    last,
                    kind: ActorKind::Person,
                    subkind: None,
                    entry: None,
                });
            }
        }
        let mut model = merge_lexicon_mentions(model, lexm);
        join_on_names(doc, table, lex, s, &mut model);
        join_one_body(doc, table, &mut model);
        join_person_words(doc, table, lex, s, &mut model);
        // Group mentions. A name that is a group noun and nothing more is the group
        // ("Hispanics", "Democrats" read as a place or an organisation).
        model.retain(|m| {
            m.entry.is_some()
                || lex
                    .groups
                    .longest_at(table, m.first, m.last)
                    .is_none_or(|(n, _)| n != m.last - m.first)
        });
        for g in group_mentions(doc, table, lex, s, &model) {
            model.push(g);
        }
        crate::sort::sort_by_key(&mut model, |m| {
            crate::sort::key2(m.span.start, usize::MAX - m.span.end)
        });
        mentions.extend(model);
    }
    let (mut actors, votes) = group(doc, table, lex, mentions);
    propagate(doc, table, lex, &ctx, &mut actors, votes);
    // A capitalised word named once that the article also writes in lowercase, and no
    // known actor, is a common noun in a heading or for emphasis ("Peace", "Terrorism"),
    // not a name; not after "the" ("control of the House") nor in capitals ("AL-RAM"
    // beside "al-Ram").
    actors.retain(|a| {
        // A law or a document is no actor ("the Fifth Amendment", "the Constitution", "the
        // Affordable Care Act"); "ACT" in capitals may be a place.
        // A known actor (the lexicon's, the reader's) keeps its name: "Reform Accord".
        let last = a.name.rsplit(' ').next().unwrap_or("");
        if last.bytes().skip(1).any(|b| b.is_ascii_lowercase())
            && DOCUMENTS.contains(&last.to_ascii_lowercase().as_str())
            && a.mentions.iter().all(|m| {
                let first = doc.token_at(m.start);
                // Not a known name that is the whole mention ("Paris" in "Paris Agreement" is not).
                ctx.known
                    .binary_search_by_key(&first, |k| k.0)
                    .map_or(true, |i| first + ctx.known[i].1 < doc.token_at(m.end))
            })
        {
            return false;
        }
        // A name of several words written only in capitals, each of its words written in
        // lowercase elsewhere in the article, and no known actor: the words of a heading
        // ("FELLOW DOCTORS DO"), not a name ("NEW YORK" is one: "york" is never lowercase).
        let common = |t: usize| matches!(table.norm(t), "of" | "the" | "and" | "&");
        let heading_words = a.kind != ActorKind::Group
            && a.mentions.iter().all(|m| {
                let (first, last) = (doc.token_at(m.start), doc.token_at(m.end));
                // Not a speaker's label ("BILL BURNS: The bill burns…").
                last - first >= 2
                    && doc
                        .tokens
                        .get(last)
                        .is_none_or(|t| t.span.slice(doc.text) != ":")
                    && ctx.known.binary_search_by_key(&first, |k| k.0).is_err()
                    && (first..last).all(|t| {
                        common(t)
                            || !table.any_lower(t)
                                && table.first_upper(t)
                                && ctx.seen_lower(table, t)
                    })
            });
        if heading_words {
            return false;
        }
        // An office is no actor ("Director of Media and Communications", "Secretary of
        // State"): an office word, then "of", in every mention, and no known actor. (A
        // title of rank names a person: "Duke of Edinburgh".)
        let office = a.kind != ActorKind::Group
            && a.mentions.iter().all(|m| {
                let mut i = doc.token_at(m.start);
                if table.norm(i) == "the" {
                    i += 1;
                }
                i + 1 < doc.token_at(m.end)
                    && OFFICES.contains(&table.norm(i))
                    && table.norm(i + 1) == "of"
                    && ctx.known.binary_search_by_key(&i, |k| k.0).is_err()
            });
        if office {
            return false;
        }
        let [m] = a.mentions[..] else {
            return true;
        };
        let i = doc.token_at(m.start);
        let known = ctx.known.binary_search_by_key(&i, |k| k.0).is_ok();
        a.kind == ActorKind::Group
            || known
            || doc.tokens[i].span.end != m.end
            || !table.any_lower(i)
            || i > 0 && table.norm(i - 1) == "the"
            || !ctx.seen_lower(table, i)
    });
    number(&mut actors);
    actors
}

/// Words of offices: "Director of …" names a post, not who holds it.
const OFFICES: &[&str] = &[
    "director",
    "secretary",
    "minister",
    "president",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "commissioner",
    "administrator",
    "ambassador",
    "governor",
    "manager",
    "head",
];

/// Adds the occurrences of an actor's names that the tagger missed ("Warhol"
/// tagged in one sentence and not in another): a name, an alias or a
/// person's surname (unless two actors share it: then the one the article
/// wrote it alone for, if only one), written with a capital,
/// standing between words that are not capitalised (so not part of a longer
/// name) and outside every mention; at a sentence start, only a name of two
/// words or a word the article never writes in lowercase. One scan of the
/// document. The words around the occurrences found add to the kind votes of
/// an actor whose kind was voted (`votes`, by actor): "Theodorus of
/// Tabennese", tagged once as a person, is found again "in Tabennese", "at
/// Tabennese", a place.
fn propagate(
    doc: &Doc,
    table: &TokenTable,
    lex: &ActorLexicon,
    ctx: &DocContext,
    actors: &mut [Actor],
    mut votes: Vec<Option<[usize; 4]>>,
) {
    // Each form as the hash of its tokens' hashes (no strings built): the
    // mentions' token sequences of up to six tokens that start with a
    // capital, and each person's last word; a form of two actors is neither's.
    const AMBIGUOUS: usize = usize::MAX;
    // A one-word form in capitals ("WHO") is found again in capitals only.
    let key = |from: usize, to: usize| {
        let mut h = (to - from) as u64;
        for t in from..to {
            h = (h.rotate_left(23) ^ table.hash(t)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
        if to - from == 1 && !table.any_lower(from) {
            h ^= 0x2545_f491_4f6c_dd1d;
        }
        h
    };
    // 64-bit keys on every target: as a 32-bit `usize` (wasm) two forms of a
    // long text could share a key ("March" was found as Marco Bellini's given
    // name in a 1 MB text).
    // With each form, whether an actor's mention is that form as a whole (not only a
    // surname in it): the article wrote "L'Enfant" alone for Pierre L'Enfant, and Marie
    // L'Enfant's surname does not make it ambiguous; two actors' whole mentions do.
    let mut forms: crate::hash::FxMap<u64, (usize, bool)> = Default::default();
    let mut lengths = [false; 7];
    let mut covered = vec![false; doc.tokens.len()];
    for a in actors.iter() {
        for m in &a.mentions {
            let (first, last) = (doc.token_at(m.start), doc.token_at(m.end));
            covered[first..last].fill(true);
            if a.kind == ActorKind::Group || last - first > 6 {
                continue;
            }
            // Not the place after "of" ("Theodorus of Tabennese").
            let surname =
                (a.kind == ActorKind::Person && last - first >= 2 && table.norm(last - 2) != "of")
                    .then_some((last - 1, last));
            for ((from, to), whole) in
                std::iter::once(((first, last), true)).chain(surname.map(|s| (s, false)))
            {
                if !table.first_upper(from) {
                    continue;
                }
                let k = key(from, to);
                match forms.get(&k).copied() {
                    Some((id, was)) if id == a.id => {
                        forms.insert(k, (id, was || whole));
                    }
                    // A whole mention over another's surname; a surname under another's
                    // whole mention changes nothing.
                    Some((_, false)) if whole => {
                        forms.insert(k, (a.id, true));
                    }
                    Some((_, true)) if !whole => {}
                    Some((_, was)) => {
                        forms.insert(k, (AMBIGUOUS, was || whole));
                    }
                    None => {
                        forms.insert(k, (a.id, whole));
                        lengths[to - from] = true;
                    }
                }
            }
        }
    }
    let mut added = vec![false; actors.len()];
    for s in &doc.sentences {
        let mut i = s.first;
        while i < s.last {
            let start = i == s.first || table.opens(i - 1) && i == s.first + 1;
            let found =
                (!covered[i] && table.first_upper(i) && (start || !table.first_upper(i - 1)))
                    .then(|| {
                        (1..lengths.len())
                            .rev()
                            .filter(|&n| lengths[n] && i + n <= s.last)
                            .find_map(|n| {
                                forms
                                    .get(&key(i, i + n))
                                    .filter(|&&(id, _)| id != AMBIGUOUS)
                                    .map(|&(id, _)| (n, id))
                            })
                    })
                    .flatten()
                    .filter(|&(n, _)| {
                        !(covered[i..i + n].contains(&true)
                            || start && n == 1 && ctx.seen_lower(table, i)
                            || i + n < s.last && table.first_upper(i + n))
                    });
            match found {
                Some((n, id)) => {
                    if let Some(v) = &mut votes[id] {
                        entities::context_votes(table, lex, (i, i + n), s.caps, false, v);
                    }
                    actors[id].mentions.push(Span::new(
                        doc.tokens[i].span.start,
                        doc.tokens[i + n - 1].span.end,
                    ));
                    added[id] = true;
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    for ((a, _), v) in actors
        .iter_mut()
        .zip(added)
        .zip(votes)
        .filter(|((_, added), _)| *added)
    {
        crate::sort::sort_by_key(&mut a.mentions, |m| crate::sort::key2(m.start, m.end));
        // A tie keeps the kind; an organisation whose name gave it a subkind keeps its kind.
        if let Some(v) = v.filter(|_| a.subkind.is_none()) {
            a.kind = entities::voted_kind(&v, Some(a.kind));
        }
    }
}

/// Orders the actors by their first mention and numbers them in that order.
fn number(actors: &mut Vec<Actor>) {
    crate::sort::sort_by_key(actors, |a| {
        a.mentions.first().map_or(0, |m| m.start) as u128
    });
    for (i, a) in actors.iter_mut().enumerate() {
        a.id = i;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Bill" alone is no mention after a capitalised word that is neither a given name nor
    /// a title ("Crime Bill", of which the tagger may take only "Bill"); it is one after the
    /// sentence's first word or a title.
    #[test]
    fn bill_alone_after_a_law_name_is_no_mention() {
        let lex = ActorLexicon::builtin();
        // A text and the token of "Bill" tagged alone as a person; whether it stays.
        #[rustfmt::skip]
        let rows: &[(&str, usize, bool)] = &[
            ("He signed the 1994 Crime Bill , which failed .", 5, false),
            ("The Farm Bill passed .", 2, false),
            ("When Bill was governor , he spoke .", 1, true),
            ("Former President Bill spoke .", 2, true),
            ("Then Hillary and Bill spoke .", 3, true),
        ];
        for &(text, t, stays) in rows {
            let doc = Doc::new(text);
            let table = TokenTable::new(&doc, false);
            let ctx = DocContext::new(&doc, &table, &lex);
            let s = &doc.sentences[0];
            let got = clean(&doc, &table, &lex, &ctx, s, (t, t + 1), ActorKind::Person);
            assert_eq!(got.is_some(), stays, "{text:?}");
        }
    }

    /// A chamber's committee named with "and" is one mention, also where the tagger left
    /// the words before "and" out of every mention; two bodies stay two.
    #[test]
    fn a_committee_named_with_and_is_one_body() {
        /// A text, the tagger's mentions as token ranges, the mentions after the join.
        type Row<'a> = (&'a str, &'a [(usize, usize)], &'a [&'a str]);
        #[rustfmt::skip]
        let rows: &[Row] = &[
            ("The House Oversight and Government Reform Committee voted .",
             &[(1, 2), (4, 7)], &["House Oversight and Government Reform Committee"]),
            ("The House Oversight and Government Reform Committee voted .",
             &[(1, 3), (4, 7)], &["House Oversight and Government Reform Committee"]),
            ("The House Freedom Caucus and Senate Appropriations Committee voted .",
             &[(1, 4), (5, 8)], &["House Freedom Caucus", "Senate Appropriations Committee"]),
            ("The House and Senate Intelligence Committee met .",
             &[(1, 2), (3, 6)], &["House", "Senate Intelligence Committee"]),
        ];
        for &(text, tagged, want) in rows {
            let doc = Doc::new(text);
            let table = TokenTable::new(&doc, false);
            let mut model: Vec<Mention> = tagged
                .iter()
                .map(|&(first, last)| Mention {
                    span: Span::new(doc.tokens[first].span.start, doc.tokens[last - 1].span.end),
                    first,
                    last,
                    kind: ActorKind::Organization,
                    subkind: None,
                    entry: None,
                })
                .collect();
            join_one_body(&doc, &table, &mut model);
            let got: Vec<&str> = model.iter().map(|m| m.span.slice(text)).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    /// The occurrences of a name found again vote for its kind: a name that
    /// the tagger left a person in its one mention is a place when it is
    /// found again "in", "at" and "near" it; a known kind (no votes) stays.
    #[test]
    fn occurrences_found_again_vote_for_the_kind() {
        let text = "Tabennesi, he wrote, was his home. He lived in Tabennesi and taught at \
                    Tabennesi. Pilgrims went to Tabennesi, and near Tabennesi there were caves.";
        let doc = Doc::new(text);
        let table = TokenTable::new(&doc, false);
        let lex = ActorLexicon::builtin_without_model();
        let ctx = DocContext::new(&doc, &table, &lex);
        let actor = Actor {
            id: 0,
            name: "Tabennesi".into(),
            kind: ActorKind::Person,
            subkind: None,
            mentions: vec![Span::new(0, 9)],
            aliases: Vec::new(),
            affiliation: None,
        };
        for (votes, kind) in [
            // Two votes for a person (the pronoun after it), one for an organisation.
            (Some([2, 1, 0, 0]), ActorKind::Place),
            (None, ActorKind::Person),
        ] {
            let mut actors = vec![actor.clone()];
            propagate(&doc, &table, &lex, &ctx, &mut actors, vec![votes]);
            assert_eq!(actors[0].mentions.len(), 5);
            assert_eq!(actors[0].kind, kind, "{votes:?}");
        }
    }

    /// A name the article wrote alone for one actor is found again for that actor,
    /// though another actor's surname is the same word; where both actors were
    /// written with that word alone, it is found again for neither.
    #[test]
    fn a_name_written_alone_wins_over_another_actors_surname() {
        let text = "Pierre Moreau drew the quay. Moreau was an engineer. His father, Paul \
                    Moreau, made clocks. Moreau sold them in Lyon. After the war, Moreau \
                    planned the market.";
        let doc = Doc::new(text);
        let table = TokenTable::new(&doc, false);
        let lex = ActorLexicon::builtin_without_model();
        let ctx = DocContext::new(&doc, &table, &lex);
        // The `nth` "Moreau" (or other part) of the text.
        let at = |part: &str, nth: usize| {
            let start = text.match_indices(part).nth(nth).expect("in the text").0;
            Span::new(start, start + part.len())
        };
        let person = |id: usize, name: &str, mentions: Vec<Span>| Actor {
            id,
            name: name.into(),
            kind: ActorKind::Person,
            subkind: None,
            mentions,
            aliases: Vec::new(),
            affiliation: None,
        };
        let pierre = person(
            0,
            "Pierre Moreau",
            vec![at("Pierre Moreau", 0), at("Moreau", 1)],
        );
        let paul = person(1, "Paul Moreau", vec![at("Paul Moreau", 0)]);
        let mut actors = vec![pierre.clone(), paul.clone()];
        propagate(&doc, &table, &lex, &ctx, &mut actors, vec![None, None]);
        assert_eq!(actors[0].mentions[2..], [at("Moreau", 3), at("Moreau", 4)]);
        assert_eq!(actors[1].mentions.len(), 1);
        // The same with Paul's surname seen first.
        let mut actors = vec![
            Actor {
                id: 0,
                ..paul.clone()
            },
            Actor {
                id: 1,
                ..pierre.clone()
            },
        ];
        propagate(&doc, &table, &lex, &ctx, &mut actors, vec![None, None]);
        assert_eq!(actors[1].mentions[2..], [at("Moreau", 3), at("Moreau", 4)]);
        assert_eq!(actors[0].mentions.len(), 1);
        // Paul written alone too ("Moreau sold them"): the last "Moreau" is nobody's.
        let paul = Actor {
            mentions: vec![at("Paul Moreau", 0), at("Moreau", 3)],
            ..paul
        };
        let mut actors = vec![pierre, paul];
        propagate(&doc, &table, &lex, &ctx, &mut actors, vec![None, None]);
        assert_eq!(actors[0].mentions.len(), 2);
        assert_eq!(actors[1].mentions.len(), 2);
    }
}
