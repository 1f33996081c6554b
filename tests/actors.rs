//! Table-driven tests of the actors layer, on sentences written for these tests.

use claimlens::{analyze, ActorKind, Analysis, Analyzer, Attribution};

/// The actor whose canonical name is `name`.
fn actor<'a>(a: &'a Analysis, name: &str) -> Option<&'a claimlens::Actor> {
    a.actors.iter().find(|x| x.name == name)
}

/// The surface forms of an actor's mentions.
fn forms(text: &str, a: &Analysis, name: &str) -> Vec<String> {
    actor(a, name)
        .map(|x| {
            x.mentions
                .iter()
                .map(|m| m.slice(text).to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn entities_group_all_their_forms() {
    // (text, canonical name, kind, expected mention surfaces in order)
    let cases: &[(&str, &str, ActorKind, &[&str])] = &[
        (
            "The Northern Rivers Defence Force (NRDF) said on Monday that the NRDF’s units had withdrawn. Later the NRDF denied it.",
            "Northern Rivers Defence Force",
            ActorKind::Organization,
            &["Northern Rivers Defence Force", "NRDF", "NRDF", "NRDF"],
        ),
        (
            "The Islamic Revolutionary Guard Corps (IRGC) has confirmed the launch. The IRGC’s navy was not involved.",
            "Islamic Revolutionary Guard Corps",
            ActorKind::Organization,
            &["Islamic Revolutionary Guard Corps", "IRGC", "IRGC"],
        ),
        (
            "Members of the State Duma met on Friday. The Duma’s speaker said the vote would wait.",
            "State Duma",
            ActorKind::Organization,
            &["State Duma", "Duma"],
        ),
        (
            "Iran's foreign minister arrived in Oman. Officials in Iran welcomed the visit.",
            "Iran",
            ActorKind::Place,
            &["Iran", "Iran"],
        ),
        (
            "Prime Minister Helena Varga flew to Brussels on Tuesday. Varga met the commission president there.",
            "Helena Varga",
            ActorKind::Person,
            &["Helena Varga", "Varga"],
        ),
        (
            "Officials in the United States and U.S. diplomats abroad disagreed.",
            "United States",
            ActorKind::Place,
            &["United States", "U.S."],
        ),
    ];
    for (text, name, kind, want) in cases {
        let a = analyze(text);
        let x = actor(&a, name).unwrap_or_else(|| {
            panic!(
                "no actor {name:?} in {text:?}; found {:?}",
                a.actors.iter().map(|x| &x.name).collect::<Vec<_>>()
            )
        });
        assert_eq!(x.kind, *kind, "kind of {name} in {text:?}");
        assert_eq!(
            forms(text, &a, name),
            *want,
            "mentions of {name} in {text:?}"
        );
    }
}

#[test]
fn subkinds_come_from_the_lexicon_and_name_heads() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "According to Sepahnews, the drills ended.",
            "Sepahnews",
            "media",
        ),
        (
            "The State Duma voted on Friday.",
            "State Duma",
            "parliament",
        ),
        ("Talks were held in Moscow.", "Moscow", "city"),
        ("Hezbollah fired rockets overnight.", "Hezbollah", "militia"),
        (
            "The United Nations called for calm.",
            "United Nations",
            "international",
        ),
        ("Syria rejected the claim.", "Syria", "country"),
    ];
    for (text, name, sub) in cases {
        let a = analyze(text);
        let x = actor(&a, name).unwrap_or_else(|| panic!("no actor {name:?} in {text:?}"));
        assert_eq!(
            x.subkind.as_deref(),
            Some(*sub),
            "subkind of {name} in {text:?}"
        );
    }
}

#[test]
fn groups_are_unnamed_collective_sources() {
    // (text, group mention surface, affiliation)
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("Analysts suggest the talks may fail.", "Analysts", None),
        (
            "Russian officials declined to comment.",
            "Russian officials",
            Some("Russia"),
        ),
        ("Some experts doubt the figures.", "experts", None),
        (
            "Senior Israeli officials met on Sunday.",
            "Senior Israeli officials",
            Some("Israel"),
        ),
        ("Western diplomats were briefed.", "Western diplomats", None),
    ];
    for (text, surface, affiliation) in cases {
        let a = analyze(text);
        let g = a
            .actors
            .iter()
            .find(|x| x.kind == ActorKind::Group)
            .unwrap_or_else(|| panic!("no group in {text:?}"));
        assert_eq!(
            g.mentions[0].slice(text),
            *surface,
            "group mention in {text:?}"
        );
        assert_eq!(
            g.affiliation.as_deref(),
            *affiliation,
            "affiliation in {text:?}"
        );
    }
}

#[test]
fn communities_named_by_their_members_are_groups() {
    // Whatever the tagger read them as (a place, a person).
    let text = "Latinos and Hispanics in Ohio said the plan was unfair. Muslims in the city \
                gathered on Friday.";
    let a = analyze(text);
    for name in ["Latinos", "Hispanics", "Muslims"] {
        let kinds: Vec<ActorKind> = a
            .actors
            .iter()
            .filter(|x| x.mentions.iter().any(|m| m.slice(text) == name))
            .map(|x| x.kind)
            .collect();
        assert_eq!(kinds, [ActorKind::Group], "{name}");
    }
}

#[test]
fn capitalisation_alone_does_not_make_an_actor() {
    let cases: &[(&str, &[&str])] = &[
        ("However, the plan was dropped.", &["However"]),
        ("Meanwhile the markets fell.", &["Meanwhile"]),
        // An office is no actor.
        (
            "Originally from Ohio, Ruiz served as the Director of Media and Communications of \
             a tennis event.",
            &["Director of Media and Communications"],
        ),
        ("Historically, such talks have failed.", &["Historically"]),
        (
            "The Decision Was Announced Late On Friday.",
            &["Decision", "Announced"],
        ),
        ("May brought heavy rain to the valley.", &["May"]),
    ];
    for (text, not_actors) in cases {
        let a = analyze(text);
        for m in a.actors.iter().flat_map(|x| &x.mentions) {
            let s = m.slice(text);
            assert!(
                !not_actors.contains(&s),
                "{s:?} should not be an actor in {text:?}"
            );
        }
    }
}

#[test]
fn possessives_are_not_part_of_mentions() {
    let cases: &[(&str, &str)] = &[
        ("The IRGC’s statement was brief.", "IRGC"),
        ("Israel's army said it was ready.", "Israel"),
        ("Russia’s lower house debated it.", "Russia"),
    ];
    for (text, surface) in cases {
        let a = analyze(text);
        let found: Vec<&str> = a
            .actors
            .iter()
            .flat_map(|x| &x.mentions)
            .map(|m| m.slice(text))
            .collect();
        assert!(
            found.contains(surface),
            "{surface:?} not found in {text:?}: {found:?}"
        );
        assert!(
            found
                .iter()
                .all(|f| !f.ends_with('s') || !f.contains('’') && !f.contains('\'')),
            "a possessive ending inside a mention in {text:?}: {found:?}"
        );
    }
}

#[test]
fn a_name_used_for_a_person_and_a_place_makes_two_actors() {
    let text = "The director Neil Jordan presented his new film in Venice on Monday.\n\
                Jordan said the film had taken ten years to make.\n\
                The king of Jordan is expected to visit Italy next month.";
    let a = analyze(text);
    let person = actor(&a, "Neil Jordan").expect("the director");
    assert_eq!(person.kind, ActorKind::Person);
    assert_eq!(forms(text, &a, "Neil Jordan"), ["Neil Jordan", "Jordan"]);
    let place = actor(&a, "Jordan").expect("the country");
    assert_eq!(place.kind, ActorKind::Place);
    assert_eq!(forms(text, &a, "Jordan"), ["Jordan"]);
}

#[test]
fn user_added_actors_are_found_and_typed() {
    let mut an = Analyzer::new();
    an.add_actor("Quillon Dynamics", ActorKind::Organization, Some("company"));
    an.add_actor("Port Evander", ActorKind::Place, Some("city"));
    let text = "Quillon Dynamics will open a plant near Port Evander, the company said.";
    let a = an.analyze(text);
    let q = actor(&a, "Quillon Dynamics").expect("user actor found");
    assert_eq!(q.kind, ActorKind::Organization);
    assert_eq!(q.subkind.as_deref(), Some("company"));
    let p = actor(&a, "Port Evander").expect("user place found");
    assert_eq!(p.kind, ActorKind::Place);
    // The built-in analyzer is not changed by a caller's additions.
    assert!(actor(&analyze(text), "Quillon Dynamics").is_none_or(|x| x.subkind.is_none()));
}

#[test]
fn claim_sources_link_to_actors_with_the_right_attribution() {
    // (text, source surface, linked actor name or None, attribution)
    let cases: &[(&str, &str, Option<&str>, Attribution)] = &[
        (
            "According to Sepahnews, the drills ended on time.",
            "Sepahnews",
            Some("Sepahnews"),
            Attribution::Named,
        ),
        (
            "Analysts suggest that the deal may collapse.",
            "Analysts",
            Some("Analysts"),
            Attribution::Vague,
        ),
        (
            "Helena Varga arrived late. She said that the vote would go ahead.",
            "She",
            Some("Helena Varga"),
            Attribution::Named,
        ),
        (
            "The ceasefire held, according to a statement by the State Duma.",
            "a statement by the State Duma",
            Some("State Duma"),
            Attribution::Named,
        ),
    ];
    for (text, source, linked, attribution) in cases {
        let a = analyze(text);
        let c = a
            .claims
            .iter()
            .find(|c| c.source.map(|s| s.slice(text)) == Some(*source))
            .unwrap_or_else(|| {
                panic!(
                    "no claim with source {source:?} in {text:?}: {:?}",
                    a.claims
                        .iter()
                        .map(|c| c.source.map(|s| s.slice(text)))
                        .collect::<Vec<_>>()
                )
            });
        assert_eq!(c.attribution, *attribution, "attribution in {text:?}");
        let name = c.actor.map(|id| a.actors[id].name.as_str());
        assert_eq!(name, *linked, "linked actor in {text:?}");
    }
}

#[test]
fn a_definite_statement_refers_back_to_the_last_named_source() {
    let text =
        "According to Sepahnews, the drills ended. The statement stressed that no one was hurt.";
    let a = analyze(text);
    let c = a
        .claims
        .iter()
        .find(|c| c.source.map(|s| s.slice(text)) == Some("The statement"))
        .expect("nominal claim found");
    assert_eq!(c.attribution, Attribution::Named);
    assert_eq!(
        c.actor.map(|id| a.actors[id].name.as_str()),
        Some("Sepahnews")
    );
}

#[test]
fn acronyms_with_non_ascii_letters_do_not_break_grouping() {
    let text = "The Union Europa (ÉU) said on Monday that the ÉU would meet.";
    let a = analyze(text);
    for m in a.actors.iter().flat_map(|x| &x.mentions) {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
    }
}

#[test]
fn without_the_actor_layer_claims_point_at_no_actor() {
    let an = Analyzer::new().with_layers(claimlens::Layers {
        actors: false,
        claims: true,
        hedges: true,
    });
    let a = an.analyze("According to Sepahnews, the drills ended. Analysts said it may resume.");
    assert!(a.actors.is_empty());
    assert!(!a.claims.is_empty(), "claims still found");
    assert!(a.claims.iter().all(|c| c.actor.is_none()));
    assert!(a.claims.iter().any(|c| c.attribution == Attribution::Named));
    // The actors layer does not run, but a group noun still makes a source vague.
    let text = "Analysts said it may resume. Sepahnews reported that the drills ended.";
    let a = an.analyze(text);
    let by_cue = |cue: &str| {
        a.claims
            .iter()
            .find(|c| c.cue.slice(text) == cue)
            .map(|c| c.attribution)
    };
    assert_eq!(by_cue("said"), Some(Attribution::Vague), "{:?}", a.claims);
    assert_eq!(
        by_cue("reported"),
        Some(Attribution::Named),
        "{:?}",
        a.claims
    );
}

/// A doubled possessive ("The IRGC’s's forces.") is peeled off in full: the
/// mention is "IRGC", not "IRGC’s".
#[test]
fn doubled_possessives_are_not_part_of_a_mention() {
    for text in [
        "The IRGC’s's forces.",
        "The IRGC's’s forces said it may act.",
    ] {
        let a = analyze(text);
        let mentions: Vec<&str> = a
            .actors
            .iter()
            .flat_map(|x| &x.mentions)
            .map(|m| m.slice(text))
            .collect();
        assert_eq!(mentions, ["IRGC"], "{text}");
    }
}

/// A place inside a longer source says where, not who: the claim goes to the person or
/// organisation named in it; a source that is only a place keeps the place.
#[test]
fn a_place_inside_a_source_is_not_its_speaker() {
    let cases: &[(&str, &str)] = &[
        (
            "\"We are ready,\" said Marta Ilves, the port's director, at a briefing in Tallinn.",
            "Marta Ilves",
        ),
        (
            "\"Cuts are coming,\" said the Baltic Freight Association in Riga.",
            "Baltic Freight Association",
        ),
        ("Moscow said the talks had failed.", "Moscow"),
    ];
    for &(text, want) in cases {
        let a = claimlens::analyze(text);
        let got: Vec<&str> = a
            .claims
            .iter()
            .filter_map(|c| c.actor.map(|i| a.actors[i].name.as_str()))
            .collect();
        assert_eq!(got, [want], "{text}");
    }
}
