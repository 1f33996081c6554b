//! One actor per real entity, and claim sources that point at it: table-driven
//! tests on short articles written for these tests (names invented).
//!
//! Each case says which surface forms must be one actor, which must be
//! different actors, the kind of an actor, and which actor each claim source
//! must point at (with the form of the source: a name, a nominal or a pronoun).

use claimlens::{analyze, ActorKind, Analysis, Attribution, Form};

/// The actor holding a mention whose text is `form` (its `nth` occurrence).
fn actor_of(text: &str, a: &Analysis, form: &str, nth: usize) -> Option<usize> {
    let start = text.match_indices(form).nth(nth)?.0;
    a.actors
        .iter()
        .find(|x| {
            x.mentions
                .iter()
                .any(|m| m.start == start && m.slice(text) == form)
        })
        .map(|x| x.id)
}

/// A mention's text and which occurrence of that text it is.
type At = (&'static str, usize);

/// What a case expects.
struct Case {
    text: &'static str,
    /// Forms (text, occurrence) that must all be mentions of one actor.
    same: &'static [&'static [At]],
    /// Pairs of forms that must be mentions of two different actors.
    apart: &'static [(At, At)],
    /// A form and the kind of its actor.
    kinds: &'static [(At, ActorKind)],
    /// A form and a kind its actor must not have.
    not_kinds: &'static [(At, ActorKind)],
    /// A claim source's text, the form (text, occurrence) of the actor it
    /// must point at, and how the source refers to it.
    sources: &'static [(&'static str, At, Form)],
    /// Texts that must be no actor's mention.
    not_actors: &'static [&'static str],
    /// Texts that must be no claim's source.
    not_sources: &'static [&'static str],
    /// Claim sources that must point at no actor.
    unlinked: &'static [&'static str],
    /// Claim sources that must point at no actor and be vague (someone unnamed).
    vague: &'static [&'static str],
}

const NONE: Case = Case {
    text: "",
    same: &[],
    apart: &[],
    kinds: &[],
    not_kinds: &[],
    sources: &[],
    not_actors: &[],
    not_sources: &[],
    unlinked: &[],
    vague: &[],
};

const CASES: &[Case] = &[
    // A name the tagger reads as a place in most of its mentions is a person
    // when it is the one who acts, a verb in the past right after it
    // ("Ammonius forgave", "Ammonius became ill").
    Case {
        text: "The monk Theodoric stayed with Ammonius in the desert. Theodoric became a \
               favourite of Ammonius and lived with Ammonius for years. Finally, Ammonius \
               called on him to preach. Ammonius gave Theodoric control of the house. Ammonius \
               refused to name a successor. Ammonius became very ill. Ammonius recovered, and \
               Ammonius forgave Theodoric. In 348 Ammonius died.",
        kinds: &[(("Ammonius", 0), ActorKind::Person)],
        ..NONE
    },
    // The place after "of" in a person's name is not the person's surname:
    // "in Sketisi" is the place, not Ezekiel.
    Case {
        text: "Ezekiel of Sketisi\n\nEzekiel of Sketisi (c. 300 – 370), also known as Abba \
               Ezekiel, was a monk. A brother stayed with the abbot in Sketisi while travelling. \
               Although denied passage to Sketisi by a monk, Ezekiel persisted. He was welcomed \
               on his arrival, and joined the community at Sketisi around 328. He remained a \
               prominent figure at Sketisi for years. Later he rushed to Sketisi to placate the \
               rebels.",
        kinds: &[(("Ezekiel of Sketisi", 1), ActorKind::Person), (("Sketisi", 3), ActorKind::Place)],
        apart: &[(("Ezekiel of Sketisi", 1), ("Sketisi", 3))],
        ..NONE
    },
    // A town before a comma and a state, province or nation is a place
    // (lexicons/regions.txt); a person named with a given name is not.
    Case {
        text: "Students from Castlemere, Ontario, and Dunvale, Scotland, arrived on Monday. \
               Leading scores: 68 Harry Milling, Scotland; 69 Peter Oakes, England.",
        kinds: &[
            (("Dunvale", 0), ActorKind::Place),
            (("Castlemere", 0), ActorKind::Place),
            (("Harry Milling", 0), ActorKind::Person),
        ],
        ..NONE
    },
    // The heads of names: sites of two words ("Space Center"), natural features and
    // roads are places; schools and churches organisations (lexicons/org_heads.tsv).
    Case {
        text: "Visitors flocked to the Halvorsen Space Center on Tuesday, and the Dunmore \
               Science Center opened a new wing. The ship crossed the Brannock Sea and reached \
               the Kessel Ice Shelf. He went to Brantwood School, then joined the Lutheran \
               Church.",
        kinds: &[
            (("Halvorsen Space Center", 0), ActorKind::Place),
            (("Dunmore Science Center", 0), ActorKind::Place),
            (("Kessel Ice Shelf", 0), ActorKind::Place),
            (("Brannock Sea", 0), ActorKind::Place),
            (("Brantwood School", 0), ActorKind::Organization),
            (("Lutheran Church", 0), ActorKind::Organization),
        ],
        ..NONE
    },
    // Honorifics of monks ("Apa", "Abba") are titles: the name after one is a person.
    Case {
        text: "Apa Serenus led the monks for twenty years, and Abba Dorotheos wrote to him often.",
        kinds: &[
            (("Apa Serenus", 0), ActorKind::Person),
            (("Abba Dorotheos", 0), ActorKind::Person),
        ],
        ..NONE
    },
    // An acronym's name is found in capitals only: "Who" opening a question is not the
    // WHO, "Give Us" not the US; "Upon" and "Photos" opening a sentence are no names.
    Case {
        text: "Keep the Returns, Trump; Just Give Us a Few Figures.\n\nWho else is involved in \
               this project? The WHO said so on Monday. Who plays in that one? Upon hearing \
               of it, Hal Orrin left. Photos released of the scene showed the crane.",
        not_actors: &["Who", "Us", "Upon", "Photos"],
        ..NONE
    },
    // A politician's party and state are no actor; a word of a heading named once and
    // written in lowercase elsewhere is a common noun ("Peace", "Terrorism"), but not
    // after "the" ("control of the House").
    Case {
        text: "Sen. Rob Portman (R-Ohio) and Rep. Gerry Connolly (D-Va.) spoke on Monday. \
               Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday that the vote would \
               wait.\n\nWar and Peace.\n\nVeto Power Impedes Peace Efforts: The council has \
               failed to keep the peace in Syria, diplomats said.\n\nTerrorism.\n\nThe \
               agency has no clear definition of terrorism. Republicans took control of the \
               House in 1994. The old house on Elm Street was sold.",
        not_actors: &["R-Ohio", "D-Va", "R-Ky", "Peace", "Terrorism", "Senate Majority"],
        kinds: &[(("House", 0), ActorKind::Organization)],
        ..NONE
    },
    // A given name alone is a person's, a state's name alone a place.
    Case {
        text: "Officials asked about election security after hackers targeted data systems in \
               at least two states, Illinois and Arizona. Johnson did not identify a location. \
               Later, Melania arrived with Adam and Eva.",
        kinds: &[
            (("Illinois", 0), ActorKind::Place),
            (("Adam", 0), ActorKind::Person),
            (("Eva", 0), ActorKind::Person),
        ],
        ..NONE
    },
    // A word that is a line by itself is a section heading, not a name; a newspaper's
    // name in capitals heading a press digest stays one.
    Case {
        text: "Theodoric of Mardin\n\nBiography\n\nTheodoric was born in Mardin in 1120 and \
               studied in Edessa.\n\nLEDGER\n\nThe mayor said the budget would pass.",
        not_actors: &["Biography"],
        kinds: &[(("LEDGER", 0), ActorKind::Organization)],
        ..NONE
    },
    // An epithet is part of the person's name: "Peter the Great" is one person, and
    // "Great" no place; "the Great Barrier Reef" stays a place.
    Case {
        text: "Gordon was a close friend of Tsar Peter the Great. The ship sailed past the \
               Great Barrier Reef. In 1703 Peter the Great founded a city.",
        same: &[&[("Tsar Peter the Great", 0), ("Peter the Great", 1)]],
        not_actors: &["Great"],
        kinds: &[
            (("Peter the Great", 1), ActorKind::Person),
            (("Great Barrier Reef", 0), ActorKind::Place),
        ],
        ..NONE
    },
    // A given name the tagger left out joins the name after it.
    Case {
        text: "But the candidates' plans don't hold out much cause for hope. Hillary Clinton \
               wants to make in-state tuition free. Clinton said so on Monday.",
        same: &[&[("Hillary Clinton", 0), ("Clinton", 1)]],
        kinds: &[(("Hillary Clinton", 0), ActorKind::Person)],
        ..NONE
    },
    // An adverb opening a sentence is not part of the name after it.
    Case {
        text: "Brother Anselmius founded the house at Delvinec in 1320. Later Anselmius forgave \
               the monks who had left. Anselmius became ill in the winter, and Anselmius died in \
               1341.",
        not_actors: &["Later Anselmius"],
        same: &[&[("Brother Anselmius", 0), ("Anselmius", 1), ("Anselmius", 2)]],
        ..NONE
    },
    // A town before a comma and a US state's abbreviation is a place, whatever the
    // tagger read ("Millbrook Falls, Wis." and "Dunmore, N.C.").
    Case {
        text: "The advice comes from Hal Orrin, a planner whose office is Millbrook Falls, \
               Wis. Officials said Dunmore, N.C., lost its mill in 1990.",
        kinds: &[
            (("Millbrook Falls", 0), ActorKind::Place),
            (("Dunmore", 0), ActorKind::Place),
        ],
        ..NONE
    },
    // A run-in section header in capitals makes no actor of itself and the
    // sentence's first word.
    Case {
        text: "Lena Moss saves a third of her pay.\n\nTHE SPENDING Later she bought a car. \
               \n\nTHE MANY CAVEATS Plenty of families cannot save at all, Moss said.",
        not_actors: &["SPENDING Later", "CAVEATS Plenty", "Later", "Plenty"],
        ..NONE
    },
    // A body's name completed by "on" or "for" is one organisation; a weekday after
    // "on" is a date, not part of the name.
    Case {
        text: "The Commission on Presidential Debates said the stage was ready. Analysts at \
               the Brenner Institute for Coastal Studies agreed. The Arvel Council on Monday \
               approved the plan.",
        kinds: &[
            (("Commission on Presidential Debates", 0), ActorKind::Organization),
            (("Brenner Institute for Coastal Studies", 0), ActorKind::Organization),
        ],
        not_actors: &["Debates", "Coastal Studies", "Arvel Council on Monday"],
        ..NONE
    },
    // A sentence adverb opening a sentence is no name.
    Case {
        text: "Unfortunately, the levy failed, Ada Wren said on Monday. Furthermore, it cost \
               the port a year. Regardless, the board met again. Obviously, nobody voted.",
        not_actors: &["Unfortunately", "Furthermore", "Regardless", "Obviously"],
        ..NONE
    },
    // A two-word name written in the other order is the same person.
    Case {
        text: "Tanabe Riko wrote the novel in 1893. Critics praised it at once. Years later \
               Riko Tanabe said she had written it in a month.",
        same: &[&[("Tanabe Riko", 0), ("Riko Tanabe", 0)]],
        ..NONE
    },
    // A dateline the lexicon does not know is a place, and a headline read
    // as one long name is no actor.
    Case {
        text: "Marta Kessel Goes After Dorian Pell As The New Ferris Wade.\n\nASHFORD \u{2015} If \
               it worked against Ferris Wade, it might just work against Dorian Pell. Pell said \
               on Monday that he would run.",
        kinds: &[(("ASHFORD", 0), ActorKind::Place)],
        not_actors: &["Marta Kessel Goes After Dorian Pell As The New Ferris Wade"],
        ..NONE
    },
    // A focus word opening a sentence is not part of the name after it
    // ("Only Varga" was a second actor).
    Case {
        text: "Tomas Varga wrote the memo. Only Varga knew what it said. Tomas later said he \
               regretted it, and Varga resigned.",
        same: &[&[("Tomas Varga", 0), ("Varga", 1), ("Varga", 2)]],
        not_actors: &["Only Varga"],
        ..NONE
    },
    // A university's first words name it.
    Case {
        text: "Students at Brennick University walked out on Monday. Brennick security \
               closed the library.",
        same: &[&[("Brennick University", 0), ("Brennick", 1)]],
        ..NONE
    },
    // A given name opens a person's name whatever the tagger said (it read
    // "Eunice Marlow" as an organisation, and "Marlow" apart).
    Case {
        text: "Eunice Marlow runs the shelter. Marlow said donations had fallen.",
        same: &[&[("Eunice Marlow", 0), ("Marlow", 1)]],
        kinds: &[(("Eunice Marlow", 0), ActorKind::Person)],
        ..NONE
    },
    // A building's word at the head of a name makes a place; the region after a place and a comma is a place.
    Case {
        text: "The Kessler Aviation Museum opened a new hall on Friday. Visitors to the \
               Kessler Aviation Museum in Tarrowby, Elsmark, can now see twelve aircraft.",
        kinds: &[
            (("Kessler Aviation Museum", 0), ActorKind::Place),
            (("Elsmark", 0), ActorKind::Place),
        ],
        ..NONE
    },
    // What only a person does: born, died.
    Case {
        text: "Ondrea Vask wrote six novels about the coast. Vask was born in a fishing village \
               and left it at nineteen. Vask's father kept a boat there. Vask died in 1998.",
        same: &[&[("Ondrea Vask", 0), ("Vask", 1), ("Vask", 3)]],
        kinds: &[(("Ondrea Vask", 0), ActorKind::Person)],
        ..NONE
    },
    // Full name, title + surname, surname, possessive: one person.
    Case {
        text:
            "Senator Maria Delgado said on Tuesday that the bill would pass. Ms Delgado has pushed \
               the measure for a year. Delgado's office released the figures on Monday.",
        same: &[&[("Maria Delgado", 0), ("Ms Delgado", 0), ("Delgado", 2)]],
        kinds: &[(("Maria Delgado", 0), ActorKind::Person)],
        sources: &[("Senator Maria Delgado", ("Maria Delgado", 0), Form::Name)],
        ..NONE
    },
    // A middle initial and a title the tagger alone might read otherwise.
    Case {
        text:
            "Professor Eugene A. Whitcombe studies river deltas. Eugene Whitcombe said the delta \
               was sinking. Professor Whitcombe added that the data were new.",
        same: &[&[
            ("Eugene A. Whitcombe", 0),
            ("Eugene Whitcombe", 0),
            ("Whitcombe", 2),
        ]],
        kinds: &[(("Whitcombe", 2), ActorKind::Person)],
        ..NONE
    },
    // Two people who share a surname stay apart; a bare surname joins the
    // one the article mentioned most often before it, of those the one mentioned last.
    Case {
        text: "Maria Delgado chairs the committee. Her colleague Tom Delgado, no relation, \
               disagreed with the plan. Delgado said the votes were not there.",
        apart: &[(("Maria Delgado", 0), ("Tom Delgado", 0))],
        same: &[&[("Tom Delgado", 0), ("Delgado", 2)]],
        sources: &[("Delgado", ("Tom Delgado", 0), Form::Name)],
        ..NONE
    },
    // The article's subject, named in the headline and the lead, keeps the bare surname
    // (and the titled one) after a relative is named once in passing.
    Case {
        text: "Dana Whitlock endorses the mayor.\n\nSen. Dana Whitlock said on Friday that she \
               would back the mayor. Critics had mocked her father, Ezra Whitlock, in July. \
               Senator Whitlock said the past was past. Whitlock said she had made up her mind.",
        apart: &[(("Dana Whitlock", 0), ("Ezra Whitlock", 0))],
        same: &[&[
            ("Dana Whitlock", 0),
            ("Dana Whitlock", 1),
            ("Whitlock", 3),
            ("Whitlock", 4),
        ]],
        sources: &[("Whitlock", ("Dana Whitlock", 0), Form::Name)],
        ..NONE
    },
    // A dateline: the place is a place, the agency a media organisation,
    // neither a claim's source; the byline's role is not a person.
    Case {
        text:
            "MOSCOW, Nov 3 (Reuters) - The ministry said on Sunday that the talks would resume.\n\
               By Jane Porter, Staff Writer",
        kinds: &[
            (("MOSCOW", 0), ActorKind::Place),
            (("Reuters", 0), ActorKind::Organization),
        ],
        not_actors: &["Staff Writer", "Writer"],
        not_sources: &["MOSCOW", "Reuters", "MOSCOW, Nov 3 (Reuters)"],
        ..NONE
    },
    // A pronoun source across a sentence boundary.
    Case {
        text: "Carla Benitez, the finance minister, presented the budget on Monday. She said the \
               deficit would shrink next year.",
        sources: &[("She", ("Carla Benitez", 0), Form::Pronoun)],
        ..NONE
    },
    // "She" is not the man mentioned last when the article wrote "her" after
    // the woman's name.
    Case {
        text:
            "Anna Lindqvist, who leads the union, said her members were ready. Peter Brandt, the \
               owner of the mill, disagreed. She said the strike would go ahead on Friday.",
        sources: &[("She", ("Anna Lindqvist", 0), Form::Pronoun)],
        ..NONE
    },
    // Nominal sources: a media organisation's noun, and a role written
    // before a name.
    Case {
        text: "The Lakeside Herald reported that the council had approved the budget. The \
               newspaper said aides had lobbied for weeks. Mayor Ruth Okafor welcomed the vote. \
               The mayor said the city would hire forty teachers.",
        sources: &[
            ("The newspaper", ("Lakeside Herald", 0), Form::Nominal),
            ("The mayor", ("Ruth Okafor", 0), Form::Nominal),
        ],
        ..NONE
    },
    // "Mrs. Smith" after "Mr. Smith" is one woman however often she is named, and
    // a text that ends with "Center" is read without a fault.
    Case {
        text: "Mr. Smith said it. Mrs. Smith said it. Mrs. Smith said so. Mrs. Smith said no.",
        same: &[&[("Smith", 1), ("Smith", 2), ("Smith", 3)]],
        apart: &[(("Smith", 0), ("Smith", 1))],
        ..NONE
    },
    Case {
        text: "The Smith Center",
        ..NONE
    },
    // One body's name in one piece: "Center for …", "People's Army", and an
    // agency named with "and".
    Case {
        text: "Lena Marsh, a scholar at the Center for Rural Progress, said the plan was weak. \
               The Korean People's Army fired shells. Officials at Immigration and Customs \
               Enforcement declined to comment.",
        kinds: &[
            (("Center for Rural Progress", 0), ActorKind::Organization),
            (("Korean People's Army", 0), ActorKind::Organization),
            (("Immigration and Customs Enforcement", 0), ActorKind::Organization),
        ],
        not_actors: &["Center", "Rural Progress", "Army", "Customs Enforcement"],
        ..NONE
    },
    // A state and its government are one actor: "the State of Vermont" … "Vermont".
    Case {
        text: "The State of Vermont sued the mill on Monday. Lawyers for Vermont said the \
               river was poisoned.",
        same: &[&[("State of Vermont", 0), ("Vermont", 1)]],
        ..NONE
    },
    // A chamber's committee named with "and" is one body; two bodies joined by "and"
    // stay two.
    Case {
        text: "The House Oversight and Government Reform Committee voted 19-15. The Justice \
               Department and Senate Judiciary Committee disagreed. The House Freedom Caucus \
               and Senate Appropriations Committee disagreed too. The House Oversight and \
               Government Reform Committee met again.",
        kinds: &[
            (
                ("House Oversight and Government Reform Committee", 0),
                ActorKind::Organization,
            ),
            (
                ("House Oversight and Government Reform Committee", 1),
                ActorKind::Organization,
            ),
        ],
        apart: &[
            (("Justice Department", 0), ("Senate Judiciary Committee", 0)),
            (("House Freedom Caucus", 0), ("Senate Appropriations Committee", 0)),
        ],
        not_actors: &["House Oversight", "Government Reform Committee"],
        ..NONE
    },
    // A pronoun after a quotation: the quoted names are the speaker's words,
    // weaker antecedents than the agency that spoke.
    Case {
        text: "\"The Harbor Authority failed. The Harbor Authority lied, and the Harbor \
               Authority must resign,\" said the Coastal News Agency. \"Nobody is safe,\" it \
               added.",
        sources: &[("it", ("Coastal News Agency", 0), Form::Pronoun)],
        ..NONE
    },
    // "he" after a spokesman's statement is the spokesman, though the
    // candidate he speaks for is named far more often; the candidate's name
    // before "campaign spokesman" only qualifies him.
    Case {
        text: "Dana Holt wants lower taxes. Holt said so in March, and Holt repeated it in \
               April. Holt has promised a plan.\n\nHolt campaign spokesman Tom Reyes told the \
               Tribune that the plan would cover renters. However, he could not explain how.\n\n\
               \"We don't have the details yet,\" he said.",
        sources: &[
            ("he", ("Tom Reyes", 0), Form::Pronoun),
            ("he", ("Tom Reyes", 0), Form::Pronoun),
        ],
        ..NONE
    },
    // A name after a title, then an apposition: the name is the source's
    // head, not the committee; a state that qualifies a role is not the source.
    Case {
        text: "Rep. Mark Devlin, the top Democrat on the Budget Committee, called on the agency \
               to resign. The cuts were reckless, the Ohio congressman said.",
        sources: &[
            (
                "Rep. Mark Devlin, the top Democrat on the Budget Committee,",
                ("Mark Devlin", 0),
                Form::Name,
            ),
            ("the Ohio congressman", ("Mark Devlin", 0), Form::Nominal),
        ],
        ..NONE
    },
    // Someone's lawyer or doctor is not that someone, and "one of X's advisers"
    // no named source; a pronoun after such a source may still mean its owner.
    Case {
        text: "Governor Tom Brandt praised Mayor Paul Cole on Monday. Brandt said the city was \
               safe. Cole's doctor is calling the mayor extremely fit. He said he runs every \
               day.\n\nNadia Rahal is running for mayor. Rahal's lawyer said the filing was late. One of Ms. Rahal's advisers said \
               the plan was ready.",
        sources: &[("He", ("Paul Cole", 0), Form::Pronoun)],
        unlinked: &["Cole's doctor", "Rahal's lawyer", "One of Ms. Rahal's advisers"],
        ..NONE
    },
    // Someone related to a person or a member of a body speaks for themselves: an aide
    // to X, a lawyer for X, members of X are unnamed sources, not X; a name before such an
    // apposition is the source.
    Case {
        text: "Governor Ann Ruiz met Tom Bell in Dayton on Monday. An aide to Governor Ruiz \
               said the vote would be delayed. A lawyer for Tom Bell said his client was \
               innocent. Members of the city council said they would oppose the plan. A \
               member of the Budget Committee said the report was ready. Rep. Jim Holt, a \
               member of the Budget Committee, said the cuts were fair. Friends of Tom Bell \
               said he had left the country.",
        vague: &[
            "An aide to Governor Ruiz",
            "A lawyer for Tom Bell",
            "Members of the city council",
            "A member of the Budget Committee",
            "Friends of Tom Bell",
        ],
        sources: &[(
            "Rep. Jim Holt, a member of the Budget Committee,",
            ("Jim Holt", 0),
            Form::Name,
        )],
        ..NONE
    },
    // A headline's role noun is someone unnamed, whatever its capital; a member of a
    // panel is not the panel.
    Case {
        text: "Lawmaker urges inquiry into port contracts\n\nMember of House panel says the \
               deal must be reviewed\n\nThe House voted on Monday.",
        vague: &["Lawmaker", "Member of House panel"],
        ..NONE
    },
    // A title alone names someone definite.
    Case {
        text: "Governor vows to fight the ruling\n\nGovernor Jane Doe said on Monday that the \
               state would appeal.",
        unlinked: &["Governor"],
        not_sources: &[],
        ..NONE
    },
    // A platform is a company, not a place, even after "on".
    Case {
        text: "Maria Lopez posted the photo on Instagram on Monday.\n\nGetty/Instagram.",
        kinds: &[(("Instagram", 0), ActorKind::Organization)],
        ..NONE
    },
    // Known short forms: the DPRK is North Korea, the KPA its army.
    Case {
        text: "North Korea fired shells on Friday. Commanders of the Korean People's Army \
               said the units were ready. The DPRK warned the South, and the KPA moved \
               troops.",
        same: &[
            &[("North Korea", 0), ("DPRK", 0)],
            &[("Korean People's Army", 0), ("KPA", 0)],
        ],
        kinds: &[(("DPRK", 0), ActorKind::Place)],
        ..NONE
    },
    // One who writes is no place, whatever the tagger read.
    Case {
        text: "Hillary Clinton spoke in Ohio on Friday. In a tweet, Trump wrote: “Did Crooked \
               Hillary help her friend get a job?” He added that it was harder to run a \
               business than working Crooked Hillary Clinton.” Clinton said the race was close.",
        kinds: &[(("Trump", 0), ActorKind::Person), (("Ohio", 0), ActorKind::Place)],
        ..NONE
    },
    // The relation holds with words between it and the name, a named aide is the source,
    // and a group that speaks is the group; a share inside an apposition is not the source.
    Case {
        text: "A lawyer for former President Tom Bell said the case was weak. Supporters of \
               Republican candidate Ann Roe said the vote was close. A former aide to Senator \
               Maria Ruiz, Jim Holt, said the vote was rigged. Critics of the mayor said the \
               plan had failed. Mayor Jane Doe, who cut 5% of city jobs to appease critics, said \
               the budget was sound.",
        vague: &[
            "A lawyer for former President Tom Bell",
            "Supporters of Republican candidate Ann Roe",
        ],
        sources: &[
            (
                "A former aide to Senator Maria Ruiz, Jim Holt,",
                ("Jim Holt", 0),
                Form::Name,
            ),
            (
                "Mayor Jane Doe, who cut 5% of city jobs to appease critics,",
                ("Jane Doe", 0),
                Form::Name,
            ),
            ("Critics of the mayor", ("Critics", 0), Form::Name),
        ],
        ..NONE
    },
    // A share of people is someone unnamed.
    Case {
        text: "The poll of Ohio voters was released on Monday. Twelve percent said they were \
               not sure. Only 52 percent of registered voters said they would vote.",
        vague: &["Twelve percent", "Only 52 percent of registered voters"],
        ..NONE
    },
    // Two people who speak together: the claim is neither's alone.
    Case {
        text: "Senator Ann Ruiz and Governor Tom Bell said on Monday that the plan was dead. \
               Mr. Grassley and Mr. Leahy say the bill will pass. Mary Jones, John Smith and Tom \
               Bell said the plant would close. Chuck Grassley, the committee chairman, and \
               Patrick Leahy said the bill was dead. Jeff Rathke, a spokesman for John Kerry and \
               Tom Bell, said the talks would go on.",
        unlinked: &[
            "Senator Ann Ruiz and Governor Tom Bell",
            "Mr. Grassley and Mr. Leahy",
            "Mary Jones, John Smith and Tom Bell",
            "Chuck Grassley, the committee chairman, and Patrick Leahy",
        ],
        // But one person's apposition may hold an "and".
        sources: &[(
            "Jeff Rathke, a spokesman for John Kerry and Tom Bell,",
            ("Jeff Rathke", 0),
            Form::Name,
        )],
        ..NONE
    },
    // An organisation's spokesman speaks for it.
    Case {
        text: "Apple's spokesman said the phone was safe.",
        sources: &[("Apple's spokesman", ("Apple", 0), Form::Name)],
        ..NONE
    },
    // "She" is not a man, by his given name.
    Case {
        text: "Maria Lopez, the campaign chair, spoke first. Brian Fallon spoke next and \
               praised the plan, and Fallon thanked the volunteers. She said the plan was late.",
        sources: &[("She", ("Maria Lopez", 0), Form::Pronoun)],
        ..NONE
    },
    // A title and a surname before the full name: one person when the
    // article names one person of that surname (and sex) in full.
    Case {
        text: "Mr. Okafor spoke in Dayton on Tuesday. Mr. Okafor said the plant would stay \
               open.\n\nVictor Okafor later added that wages would rise. Okafor said more on \
               Friday.",
        same: &[&[
            ("Mr. Okafor", 0),
            ("Mr. Okafor", 1),
            ("Victor Okafor", 0),
            ("Okafor", 3),
        ]],
        ..NONE
    },
    // Two of one surname: "Mr." joins the man, "Mrs." the woman, by their
    // given names.
    Case {
        text: "Mr. Okafor and Grace Okafor attended the dinner. Mrs. Okafor said it was a \
               success. Daniel Okafor declined to comment.",
        same: &[
            &[("Mr. Okafor", 0), ("Daniel Okafor", 0)],
            &[("Okafor", 2), ("Grace Okafor", 0)],
        ],
        apart: &[(("Daniel Okafor", 0), ("Grace Okafor", 0))],
        ..NONE
    },
    // A role abbreviated before the name ("Gov.", "Sen."), and a role that
    // stands near another name without being its title: the headline's
    // "Senator from Ohio … let Harlow win" does not make Harlow a senator.
    Case {
        text: "Gov. Lena Ortiz signed the bill on Monday. Critics objected. The governor said \
               the law would stand.",
        sources: &[("The governor", ("Lena Ortiz", 0), Form::Nominal)],
        ..NONE
    },
    Case {
        text: "Senator from Ohio says he cannot let Harlow lose\n\nSen. Mark Devlin (R-Ohio) \
               endorsed Peter Harlow on Friday. Harlow thanked him. The truth, the senator \
               said, was that the party needed unity.",
        sources: &[("the senator", ("Mark Devlin", 0), Form::Nominal)],
        ..NONE
    },
    // A role given in an apposition after the name.
    Case {
        text: "Jeff Ramsden, the transport ministry's spokesperson, confirmed the closure. The \
               spokesperson said the bridge would reopen in May.",
        sources: &[("The spokesperson", ("Jeff Ramsden", 0), Form::Nominal)],
        ..NONE
    },
    // The head of an appositive source is its first name, not the
    // organisation inside the apposition.
    Case {
        text: "Khalid Benali, an analyst at the Orion Institute, said the currency would fall.",
        sources: &[(
            "Khalid Benali, an analyst at the Orion Institute,",
            ("Khalid Benali", 0),
            Form::Name,
        )],
        ..NONE
    },
    // A capitalised role in apposition to a name is that person.
    Case {
        text: "Jeff Ramsden, the Transport Ministry Spokesperson, confirmed the closure on \
               Monday. Paul Okoro, an Ottawa MP, disagreed.",
        same: &[
            &[("Jeff Ramsden", 0), ("Transport Ministry Spokesperson", 0)],
            &[("Paul Okoro", 0), ("Ottawa MP", 0)],
        ],
        kinds: &[(("Transport Ministry Spokesperson", 0), ActorKind::Person)],
        ..NONE
    },
    // A company's first word names it.
    Case {
        text: "Vantelli Holdings will close two plants, Vantelli said on Thursday.",
        same: &[&[("Vantelli Holdings", 0), ("Vantelli", 1)]],
        kinds: &[(("Vantelli", 1), ActorKind::Organization)],
        ..NONE
    },
    // "The House" is not the White House; a title is not part of a name.
    Case {
        text: "The White House said on Friday that the bill was dead. The House voted on it \
               anyway, and Senator John McCain said the vote was a waste of time.",
        apart: &[(("White House", 0), ("House", 1))],
        ..NONE
    },
    // A name the article has given is found again where the tagger alone
    // might miss it, but not inside a longer name.
    Case {
        text: "Museum opens its winter show\n\nDorota Wislocka, the curator, opened the show on \
               Friday. Visitors queued for an hour, and Wislocka thanked them. The Wislocka \
               Foundation paid for the catalogue.",
        same: &[&[("Dorota Wislocka", 0), ("Wislocka", 1)]],
        apart: &[(("Dorota Wislocka", 0), ("Wislocka Foundation", 0))],
        ..NONE
    },
    // A surname the tagger missed is found again from the full name.
    Case {
        text: "Orchestra names new conductor\n\nIlse Brunnhofer was named principal conductor on \
               Tuesday. The board chose Brunnhofer after a year of auditions. Asked about the \
               programme, Brunnhofer smiled. In Vienna, Brunnhofer studied under Karl Oster.",
        same: &[&[
            ("Ilse Brunnhofer", 0),
            ("Brunnhofer", 1),
            ("Brunnhofer", 2),
            ("Brunnhofer", 3),
        ]],
        ..NONE
    },
    // A party's members are a group, the source of what they say.
    Case {
        text: "Democrats said the vote was a stunt. Several delegates agreed with them.",
        kinds: &[(("Democrats", 0), ActorKind::Group), (("delegates", 0), ActorKind::Group)],
        sources: &[("Democrats", ("Democrats", 0), Form::Name)],
        ..NONE
    },
    // A law or a document is no actor.
    Case {
        text: "Mr. Odell invoked his Fifth Amendment rights. The Constitution protects him, \
               and the Clean Water Act was not at issue, said the Paris Agreement's authors.",
        not_actors: &["Fifth Amendment", "Constitution", "Clean Water Act", "Paris Agreement"],
        ..NONE
    },
    // Letters after a name are no actor.
    Case {
        text: "The prosecutor, Alma Reyes, QC, told the court the boy had been neglected. His \
               lawyer, Dev Anand, SC, said the family had followed advice.",
        not_actors: &["QC", "SC"],
        ..NONE
    },
    // A headline's verb in capitals ends the name before it; a name whose words the
    // article writes in lowercase too is no name at all.
    Case {
        text: "Marta Oyelaran Is Right, All Bets Are Off on Rates\n\nMarta Oyelaran, who \
               heads the fund, said the bank would wait. She said all bets were off.",
        same: &[&[("Marta Oyelaran", 0), ("Marta Oyelaran", 1)]],
        not_actors: &["Marta Oyelaran Is Right", "All Bets", "All Bets Are Off"],
        ..NONE
    },
    // "X is the … columnist": a role only a person holds makes X a person, whatever the
    // tagger read in two capitalised words.
    Case {
        text: "The city counted 2,100 shootings this year.\n\nKTW Brannigan is the crime \
               columnist for the Lakeside Courier and a regular guest on Morning Line.",
        kinds: &[(("KTW Brannigan", 0), ActorKind::Person)],
        ..NONE
    },
    // A think tank the tagger reads as a person in this context is known; "the group"
    // that reports is the think tank named before it, and the DNC its committee.
    Case {
        text: "Tax Policy Center came to a similar conclusion. The top earners would gain \
               most, the group said. The Democratic National Committee disagreed, and the DNC \
               said so on Monday.",
        kinds: &[(("Tax Policy Center", 0), ActorKind::Organization)],
        same: &[&[("Democratic National Committee", 0), ("DNC", 0)]],
        sources: &[("the group", ("Tax Policy Center", 0), Form::Nominal)],
        ..NONE
    },
    // A common word in lowercase inside the tagger's span separates two names; one word
    // after it is found again as the name given in full.
    Case {
        text: "Donald Trump spoke in Ohio on Sunday.\n\nIn a Reuters interview Trump declared \
               that the treaty was obsolete. The bank First Union bank in Philadelphia lent him \
               money.",
        same: &[&[("Donald Trump", 0), ("Trump", 1)]],
        sources: &[("Trump", ("Donald Trump", 0), Form::Name)],
        not_actors: &["Reuters interview Trump", "First Union bank in Philadelphia"],
        ..NONE
    },
    // The author of a work, named after "by" and before a comma, is who says it, not the
    // place where the author works.
    Case {
        text: "Rents would rise under the plan, according to a study by Ana Ferreira, a housing \
               economist now teaching at Lakeside University, whose figures the city disputes.",
        sources: &[(
            "a study by Ana Ferreira, a housing economist now teaching at Lakeside University,",
            ("Ana Ferreira", 0),
            Form::Name,
        )],
        ..NONE
    },
    // A nation alone is a place, though a pronoun after it votes person.
    Case {
        text: "Ana Kralj teaches sport media at a college in Ohio. Originally from Slovenia, she \
               served as the manager of a tennis event.",
        kinds: &[(("Slovenia", 0), ActorKind::Place)],
        ..NONE
    },
    // An arena, a memorial or a monument is where things happen: a place.
    // A name before a kind of place is a place (Chelsea is also a football club); a
    // chamber before "district" stays a chamber.
    Case {
        text: "An explosion injured 29 people in a densely packed Chelsea neighborhood. Police \
               searched Chelsea overnight. The House district was redrawn, and the House voted.",
        kinds: &[
            (("Chelsea", 0), ActorKind::Place),
            (("House", 0), ActorKind::Organization),
        ],
        ..NONE
    },
    // People in a place are not the place: the source is the officials, not Ohio.
    Case {
        text: "The plant opened in 1990. Officials in Dayton, Ohio, said the plant would close.",
        sources: &[("Officials in Dayton, Ohio,", ("Officials", 0), Form::Name)],
        ..NONE
    },
    // A streaming service is an organisation, not a person; an ethnicity alone is no actor.
    Case {
        text: "The film debuts on Netflix Friday. Would you vote for an African American or \
               Hispanic, man or woman, who said the same things?",
        kinds: &[(("Netflix", 0), ActorKind::Organization)],
        not_actors: &["Hispanic"],
        ..NONE
    },
    // A law is no actor, and "Bill" in its name is no mention of a Bill.
    Case {
        text: "Bill Clinton, who signed the 1994 Crime Bill, spoke in Ohio. Critics say the \
               Crime Bill filled prisons, and the Farm Bill and the Clean Air Act passed.",
        not_actors: &["Crime Bill", "Farm Bill", "Clean Air Act"],
        same: &[&[("Bill Clinton", 0)]],
        ..NONE
    },
    Case {
        text: "Crowds gathered at the Washington Monument on Sunday. Later they marched to \
               Quicken Loans Arena, where the mayor spoke.",
        kinds: &[
            (("Washington Monument", 0), ActorKind::Place),
            (("Quicken Loans Arena", 0), ActorKind::Place),
        ],
        ..NONE
    },
    // A compass word before a demonym or "and" is an adjective; a title with its modifier
    // is an office: neither is an actor.
    Case {
        text: "Voters of Eastern and Northern European heritage are worried, said Dan Hale, a \
               Senior Fellow at the Lakeside Institute. The Vice President met them in Ohio.",
        not_actors: &["Eastern", "Northern", "Senior Fellow", "Vice President"],
        ..NONE
    },
    // Words of names that the rules above would cut at: a surname that is a verb in a
    // headline (Said), two titles (Earl King), "the North" of Korea, "sans".
    Case {
        text: "Edward Said wrote about the region in 1978. Earl King recorded the song in 1955. \
               North Korea fired shells on Monday. Officials in Seoul said the North would talk. \
               Médecins sans Frontières said the clinic was hit.",
        same: &[&[("North Korea", 0), ("North", 1)]],
        kinds: &[
            (("Edward Said", 0), ActorKind::Person),
            (("Earl King", 0), ActorKind::Person),
            (("Médecins sans Frontières", 0), ActorKind::Organization),
        ],
        ..NONE
    },
    // A word opening a sentence is not part of the name after it.
    Case {
        text: "Unlike Obama, the current president has said little about the treaty.",
        not_actors: &["Unlike Obama"],
        ..NONE
    },
    // A person named in full in a lede with no headline before it, then by a surname
    // the tagger reads as a place: one person.
    Case {
        text: "Senate Republicans refused to meet Patty Garland, the judge the president chose \
               for the court. Garland has waited longer than any nominee in history. In \
               Garland's home state, voters are split. Garland was in Chicago on Monday. \
               Garland said little. The White House said Garland would wait.",
        same: &[&[("Patty Garland", 0), ("Garland", 1), ("Garland", 3), ("Garland", 5)]],
        kinds: &[(("Garland", 4), ActorKind::Person)],
        ..NONE
    },
    // "The state" in a US article is a state, not the country named last; nor is a
    // secretary of state; advocates and opponents are groups.
    Case {
        text: "The United States and Canada signed the accord on Monday. The former secretary \
               of state said the deal was weak. Abortion rights advocates said the clinics \
               would close. The state reported 40 new cases on Friday. Opponents argued that \
               the law was vague.",
        kinds: &[(("advocates", 0), ActorKind::Group), (("Opponents", 0), ActorKind::Group)],
        unlinked: &["The former secretary of state", "The state"],
        ..NONE
    },
    // "PAC" alone is a kind of committee, an actor only as a short form of one named.
    Case {
        text: "A super PAC backing the governor spent $2 million on ads. The PAC said the ads \
               would run until May.",
        not_actors: &["PAC"],
        ..NONE
    },
    Case {
        text: "Rivera Forward PAC spent $2 million on ads. The PAC said the ads would run \
               until May.",
        same: &[&[("Rivera Forward PAC", 0), ("PAC", 1)]],
        ..NONE
    },
    // A surname first met where a place may be ("in Varga money") joins the person named
    // in full when it is a person's later.
    Case {
        text: "The top donors of the last election, the casino owner Sheldon Varga and his wife, \
               have begun to spend. Another $20 million in Varga money is headed to a House \
               group. Varga has committed $5 million to the effort. Varga did not respond to a \
               request for comment.",
        same: &[&[("Sheldon Varga", 0), ("Varga", 1), ("Varga", 2), ("Varga", 3)]],
        ..NONE
    },
    // "The North" in news of the Koreas is North Korea.
    Case {
        text: "North Korea fired shells across the border on Thursday. Officials in Seoul said \
               the North had moved troops to the coast.",
        same: &[&[("North Korea", 0), ("North", 1)]],
        ..NONE
    },
    // A byline's footer: imperatives, not names.
    Case {
        text: "Dana Whitlock is a columnist for the Ledger. Follow Dana Whitlock on Twitter. \
               Reach her at the newsroom. Contact Ledger Media for permissions.",
        not_actors: &["Follow Dana Whitlock", "Reach", "Contact Ledger Media"],
        kinds: &[(("Twitter", 0), ActorKind::Organization)],
        ..NONE
    },
    // A fact-checker and a platform are organisations, and "they" is the fact-checker
    // (not the people named in the quotation).
    Case {
        text: "After the debate Politifact did a fact-check on the senator’s claim that farms \
               are closing. Politifact seized on the claim. They checked the state figures and \
               found that fewer farms had closed. The senator wrote on Twitter that the figures \
               were wrong. Twitter later removed the post.",
        kinds: &[(("Politifact", 1), ActorKind::Organization), (("Twitter", 1), ActorKind::Organization)],
        sources: &[("They", ("Politifact", 0), Form::Pronoun)],
        ..NONE
    },
    Case {
        text: "Senator Dana Whitlock spoke first. Among Whitlock's donors were bankers. \
               Following Whitlock's speech, the hall emptied.",
        not_actors: &["Among Whitlock", "Following Whitlock"],
        ..NONE
    },
    Case {
        text: "Bombs may not be falling. The sound of gunfire does not concentrate the mind. What \
               Mr. Obama has seen instead are the charts and graphs of a warming planet.",
        not_actors: &["What Mr. Obama"],
        ..NONE
    },
    // A sentence adverb or preposition alone, capitalised at a sentence's start, is no actor.
    Case {
        text: "Marta Oster taught music in Graz for a decade. [4]  Also while at the \
               conservatory she formed a choir. Originally from Linz, she moved to Vienna in \
               1921. Around 4 July 1921, Oster declared the choir closed. Hence, the concerts \
               ended. Here and there the choir sang in churches. Allegedly, the mayor paid for \
               the hall.",
        not_actors: &["Also", "Originally", "Around", "Hence", "Here", "Allegedly"],
        ..NONE
    },
    // Acronyms of things are no actors.
    Case {
        text: "Researchers at the station sequenced the DNA of the anemone in 2013. In Trenton, \
               the governor drove an SUV to a TV studio, aides said.",
        not_actors: &["DNA", "SUV", "TV"],
        ..NONE
    },
    Case {
        text: "The veteran, who has PTSD, earned an MBA at a college in Ohio in 2010, his lawyer \
               said.\n\nCLARIFICATION: An earlier version of this article misstated the year of \
               the degree.",
        not_actors: &["PTSD", "MBA", "CLARIFICATION"],
        ..NONE
    },
    // An adverb in capitals may be an acronym; a speaker's label in capitals is a name
    // though its words are common; a sentence opener inside a sentence may be a name.
    Case {
        text: "The National Organization for Women (NOW) criticized the ruling. NOW said in a \
               statement that the ruling was wrong.",
        same: &[&[("National Organization for Women", 0), ("NOW", 0), ("NOW", 1)]],
        ..NONE
    },
    Case {
        text: "BILL BURNS: The bill burns through the budget, critics say.\n\nShe told Today on \
               Monday that she would appeal.",
        same: &[&[("BILL BURNS", 0)], &[("Today", 0)]],
        ..NONE
    },
    // Words of run-in headings in capitals, each written in lowercase elsewhere, are no name.
    Case {
        text: "Rana Malik is a television doctor. Her show draws millions, and fellow doctors do \
               not like it.\n\nSHE’S BEEN CALLED OUT BY FELLOW DOCTORS — She has been dragged \
               before a state board to defend her advice on diets.\n\nFELLOW DOCTORS DON’T WANT \
               TO WORK WITH HER — Malik may win ratings week after week, but doctors do not \
               trust her.",
        not_actors: &["FELLOW DOCTORS DO", "SHE"],
        ..NONE
    },
    // A family name's particle is part of it, after a given name or a title.
    Case {
        text: "The letters hint that Mlle. du Motel had confided her troubles to the young \
               mathematician. Mademoiselle Stéphanie-Félicie Poterin du Motel was the daughter \
               of the physician at the boarding house.",
        same: &[&[("du Motel", 0), ("Mademoiselle Stéphanie-Félicie Poterin du Motel", 0)]],
        not_actors: &["Motel", "Stéphanie-Félicie Poterin"],
        ..NONE
    },
    // A French form of address is a title, not an actor of its own.
    Case {
        text: "The letters hint that Mlle. Poterin had confided her troubles to the young \
               mathematician. Mademoiselle Stéphanie Poterin was the daughter of the physician \
               at the boarding house.",
        same: &[&[("Poterin", 0), ("Stéphanie Poterin", 0)]],
        not_actors: &["Mlle", "Mlle."],
        ..NONE
    },
    // Words of a headline in title case are no actors unless the article
    // names them again; a weekday is not part of a name.
    Case {
        text: "Ruiz: Harbour Deal Won't Be Signed, Ministry Was 'Stalling' Talks.\n\n               Governor Elena Ruiz said on Monday that the harbour deal had stalled. The film                about the strike debuts on Netflix Friday.",
        not_actors: &["Harbour Deal Wo", "Be", "Ministry Was", "Netflix Friday"],
        same: &[&[("Elena Ruiz", 0), ("Ruiz", 0)]],
        ..NONE
    },
    // A transcript's speaker label is a person; a stage note in parentheses
    // is no actor.
    Case {
        text: "HOLLOWAY: Let us turn to the budget, Senator.\n\nMARSH: The budget is balanced \
               this year.\n\n(CROSSTALK)\n\nHOLLOWAY: One at a time, please.\n\nNOTE: The \
               transcript is abridged for length.",
        kinds: &[(("HOLLOWAY", 0), ActorKind::Person), (("MARSH", 0), ActorKind::Person)],
        same: &[&[("HOLLOWAY", 0), ("HOLLOWAY", 1)]],
        not_actors: &["CROSSTALK", "Let", "Senator", "NOTE"],
        ..NONE
    },
    // Women's given names say who "she" is (Loretta was read as a man's name, so "she" pointed
    // at nobody, or at another woman named once).
    Case {
        text: "Loretta Ruiz, the city's attorney, met the mayor on Monday. \"We will appeal,\" \
               she said.",
        sources: &[("she", ("Loretta Ruiz", 0), Form::Pronoun)],
        ..NONE
    },
    // A pronoun after "in X" is not X's: a city is no person.
    Case {
        text: "At the party convention in Cleveland his operatives forced a change in the \
               platform.",
        not_kinds: &[(("Cleveland", 0), ActorKind::Person)],
        ..NONE
    },
    // A city a team of the same name plays for is a place "in" it.
    Case {
        text: "Clinton has held rallies before largely black crowds in Cleveland and Detroit.",
        kinds: &[(("Cleveland", 0), ActorKind::Place)],
        ..NONE
    },
    // The Kremlin's network is a media organisation, not a person.
    Case {
        text: "A few days ago in an interview with the Kremlin's network RT he blasted the \
               American press.",
        kinds: &[(("RT", 0), ActorKind::Organization)],
        ..NONE
    },
    // A part of a place is another place.
    Case {
        text: "Troops were sent to Northern Europe last year. The rest of Europe watched.",
        apart: &[(("Northern Europe", 0), ("Europe", 1))],
        ..NONE
    },
    // A bracket the name does not close is no part of it.
    Case {
        text: "Ruiz was a partner at Carter & Hale (now Carter Hale Partners) from 1998 to 2004. \
               The group, Hizbollah (Party of God, backed by Iran) said so.",
        not_actors: &["Carter & Hale (", "Hizbollah (Party of God"],
        ..NONE
    },
    // A known advocacy group by its acronym.
    Case {
        text: "America’s prison population stood at 200,000 in 1972 and has since exploded to \
               2.3 million, according to the NAACP.\nIt is a tremendous spike.",
        kinds: &[(("NAACP", 0), ActorKind::Organization)],
        ..NONE
    },
    // A short turn is its speaker's too, when the same label opens a longer turn elsewhere.
    Case {
        text: "Fox News host Chris Wallace interviewed Mike Pence on Sunday.\n\nWALLACE: Will \
               you run again, governor?\n\nPENCE: I will not run, because the campaign is \
               over.\n\nWALLACE: Why not?\n\nPENCE: No.",
        kinds: &[(("PENCE", 1), ActorKind::Person)],
        same: &[&[("Mike Pence", 0), ("PENCE", 0), ("PENCE", 1)]],
        ..NONE
    },
];

/// An actor's name is its fullest form without a title.
#[test]
fn names_are_full_and_untitled() {
    let text = "Governor Mike Pence spoke first. Governor Pence said the plan was sound. Pence \
                left early.";
    let a = analyze(text);
    let id = actor_of(text, &a, "Pence", 2).expect("Pence is an actor");
    assert_eq!(a.actors[id].name, "Mike Pence");
    let text = "Senator John McCain said the vote was a waste of time. Justice Antonin Scalia \
                dissented.";
    let a = analyze(text);
    let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
    assert!(names.contains(&"John McCain"), "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with("Senator")), "{names:?}");
    // A party label before a name is no part of it.
    let text = "WASHINGTON (AP) — The Latest on the presidential race between Republican Donald \
                Trump and Democrat Hillary Clinton (all times EDT):\n\n2:45 p.m.\n\nClinton says \
                the state will look into the leak.";
    let a = analyze(text);
    let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
    assert!(names.contains(&"Hillary Clinton"), "{names:?}");
    assert!(
        !names.iter().any(|n| n.starts_with("Democrat")),
        "{names:?}"
    );
    // Nor is AP's "The Latest" an actor.
    assert!(!names.contains(&"Latest"), "{names:?}");
}

#[test]
fn entities_and_sources_read_as_one_actor_per_entity() {
    let mut failures = Vec::new();
    for (n, case) in CASES.iter().enumerate() {
        let text = case.text;
        let a = analyze(text);
        let mut fail = |what: String| failures.push(format!("case {n}: {what}\n  in {text:?}"));
        let find = |(form, nth): (&str, usize)| actor_of(text, &a, form, nth);
        for group in case.same {
            let ids: Vec<Option<usize>> = group.iter().map(|&f| find(f)).collect();
            if ids.iter().any(Option::is_none) || ids.windows(2).any(|w| w[0] != w[1]) {
                fail(format!("{group:?} should be one actor, got {ids:?}"));
            }
        }
        for &(x, y) in case.apart {
            let (i, j) = (find(x), find(y));
            if i.is_none() || j.is_none() || i == j {
                fail(format!(
                    "{x:?} and {y:?} should be two actors, got {i:?}, {j:?}"
                ));
            }
        }
        for &(f, kind) in case.kinds {
            let got = find(f).map(|id| a.actors[id].kind);
            if got != Some(kind) {
                fail(format!("{f:?} should be a {kind:?}, got {got:?}"));
            }
        }
        for &(f, kind) in case.not_kinds {
            let got = find(f).map(|id| a.actors[id].kind);
            if got == Some(kind) {
                fail(format!("{f:?} should not be a {kind:?}"));
            }
        }
        for &(source, target, form) in case.sources {
            let claim = a
                .claims
                .iter()
                .find(|c| c.source.is_some_and(|s| s.slice(text) == source));
            let want = find(target);
            match claim {
                None => fail(format!("no claim with the source {source:?}")),
                Some(c) if want.is_none() || c.actor != want || c.form != Some(form) => fail(format!(
                    "source {source:?} should point at {target:?} ({want:?}) as a {form:?}, got {:?} as {:?}",
                    c.actor, c.form
                )),
                Some(_) => {}
            }
        }
        for &t in case.not_actors {
            let found = a
                .actors
                .iter()
                .flat_map(|x| &x.mentions)
                .any(|m| m.slice(text) == t);
            if found {
                fail(format!("{t:?} should not be an actor"));
            }
        }
        for &t in case.unlinked {
            match a
                .claims
                .iter()
                .find(|c| c.source.is_some_and(|s| s.slice(text) == t))
            {
                None => fail(format!("no claim with the source {t:?}")),
                Some(c) if c.actor.is_some() => fail(format!(
                    "source {t:?} should point at no actor, got {:?}",
                    c.actor
                )),
                Some(_) => {}
            }
        }
        for &t in case.vague {
            match a
                .claims
                .iter()
                .find(|c| c.source.is_some_and(|s| s.slice(text) == t))
            {
                None => fail(format!("no claim with the source {t:?}")),
                Some(c) if c.actor.is_some() || c.attribution != Attribution::Vague => {
                    fail(format!(
                        "source {t:?} should be vague and point at no actor, got {:?}, {:?}",
                        c.actor, c.attribution
                    ))
                }
                Some(_) => {}
            }
        }
        for &t in case.not_sources {
            if a.claims
                .iter()
                .any(|c| c.source.is_some_and(|s| s.slice(text) == t))
            {
                fail(format!("{t:?} should not be a claim's source"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The contract lists a pronoun or nominal source under its actor's
/// `references`, with its form, and not among the names.
#[test]
fn references_reach_the_contract() {
    let text = "The Lakeside Herald reported that the council had approved the budget. The \
                newspaper said aides had lobbied for weeks.";
    let a = analyze(text);
    let v = serde_json::to_value(claimlens::contract::to_contract(text, &a, None)).unwrap();
    let herald = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == "Lakeside Herald")
        .expect("the Herald is an actor");
    let at = text
        .find("The newspaper")
        .expect("the nominal is in the text");
    assert_eq!(
        herald["references"],
        serde_json::json!([{"start": at, "end": at + "The newspaper".len(), "form": "nominal"}])
    );
    assert_eq!(herald["mentions"].as_array().unwrap().len(), 1);
}

/// A known name inside a longer unknown one gives it neither its name nor its
/// subkind ("Valeska Paris" was shown as a city).
#[test]
fn a_known_short_form_lends_no_subkind() {
    let text = "Valeska Paris, a former sailor, has claimed that the crew lied. Paris was born \
                in Switzerland. Paris said she was tired.";
    let a = analyze(text);
    let actor = a.actors.iter().find(|x| x.name == "Valeska Paris");
    assert!(actor.is_some(), "{a:#?}");
    assert_eq!(actor.and_then(|x| x.subkind.as_deref()), None, "{a:#?}");
}

/// An advocacy group whose name ends in "Union" is no trade union (the actors lexicon).
#[test]
fn the_aclu_is_no_trade_union() {
    let text = "The American Civil Liberties Union sued the state on Monday. The ACLU said the \
                law was unconstitutional.";
    let a = analyze(text);
    let actor = a
        .actors
        .iter()
        .find(|x| x.name == "American Civil Liberties Union");
    assert_eq!(actor.map(|x| x.mentions.len()), Some(2), "{a:#?}");
    assert_eq!(
        actor.and_then(|x| x.subkind.as_deref()),
        Some("advocacy"),
        "{a:#?}"
    );
}
