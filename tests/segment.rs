//! Table-driven tests of tokenization and sentence splitting.

use claimlens::{Doc, TokenKind};

/// The sentence texts of `text`.
fn sentences(text: &str) -> Vec<&str> {
    let doc = Doc::new(text);
    (0..doc.sentences.len())
        .map(|i| doc.sentence_text(i))
        .collect()
}

/// The token texts of `text`.
fn tokens(text: &str) -> Vec<&str> {
    let doc = Doc::new(text);
    (0..doc.tokens.len()).map(|i| doc.tok(i)).collect()
}

fn check_sentences(cases: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for &(text, want) in cases {
        let got = sentences(text);
        if got != want {
            failures.push(format!("{text:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "sentence splitting:\n{}",
        failures.join("\n")
    );
}

fn check_tokens(cases: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for &(text, want) in cases {
        let got = tokens(text);
        if got != want {
            failures.push(format!("{text:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "tokenization:\n{}",
        failures.join("\n")
    );
}

#[test]
fn abbreviations_do_not_end_sentences() {
    check_sentences(&[
        (
            "Officials in the U.S. said on Monday that talks would resume. The ministry declined to comment.",
            &[
                "Officials in the U.S. said on Monday that talks would resume.",
                "The ministry declined to comment.",
            ],
        ),
        (
            "The vote is set for Sept. 14 in the capital. Turnout is expected to be low.",
            &[
                "The vote is set for Sept. 14 in the capital.",
                "Turnout is expected to be low.",
            ],
        ),
        (
            "Gen. Mark Lee spoke first. He left before noon.",
            &["Gen. Mark Lee spoke first.", "He left before noon."],
        ),
        (
            "Shares of Acme Inc. rose 3.5 percent on Tuesday. The company said nothing.",
            &[
                "Shares of Acme Inc. rose 3.5 percent on Tuesday.",
                "The company said nothing.",
            ],
        ),
        (
            "Mr. Smith met Dr. Jones and Prof. Brown. They talked.",
            &["Mr. Smith met Dr. Jones and Prof. Brown.", "They talked."],
        ),
        (
            "The U.N. Security Council met. It adjourned.",
            &["The U.N. Security Council met.", "It adjourned."],
        ),
        (
            "No. 10 Downing Street and St. Louis replied. Mt. Everest did not.",
            &[
                "No. 10 Downing Street and St. Louis replied.",
                "Mt. Everest did not.",
            ],
        ),
        (
            "Sen. Jane Roe (D-Calif.) voted no. The bill passed.",
            &["Sen. Jane Roe (D-Calif.) voted no.", "The bill passed."],
        ),
        (
            "Prices rose, e.g. fuel and bread. Protests followed.",
            &["Prices rose, e.g. fuel and bread.", "Protests followed."],
        ),
    ]);
}

#[test]
fn abbreviations_end_sentences_before_a_new_one() {
    check_sentences(&[
        (
            "The talks took place in the U.S. The next round is in Geneva.",
            &[
                "The talks took place in the U.S.",
                "The next round is in Geneva.",
            ],
        ),
        (
            "He was born in Washington, D.C. He moved to Ohio.",
            &["He was born in Washington, D.C.", "He moved to Ohio."],
        ),
        (
            "He works for Acme Inc. The company is based in Ohio.",
            &["He works for Acme Inc.", "The company is based in Ohio."],
        ),
        (
            "Talks resumed at 10 a.m. Officials said little.",
            &["Talks resumed at 10 a.m.", "Officials said little."],
        ),
        ("He moved to the U.S.", &["He moved to the U.S."]),
        (
            "They sold tea, rice, etc.\nPrices rose.",
            &["They sold tea, rice, etc.", "Prices rose."],
        ),
    ]);
}

#[test]
fn initials_do_not_end_sentences() {
    check_sentences(&[
        (
            "J. R. Smith said he would run. Others disagreed.",
            &["J. R. Smith said he would run.", "Others disagreed."],
        ),
        (
            "The report by A. Karimi was published. It was short.",
            &["The report by A. Karimi was published.", "It was short."],
        ),
    ]);
    check_tokens(&[
        ("J. R. Smith", &["J.", "R.", "Smith"]),
        ("by A. Karimi", &["by", "A.", "Karimi"]),
    ]);
}

#[test]
fn numbers_keep_their_periods_and_commas() {
    check_sentences(&[
        (
            "Inflation rose 3.5 percent in May. It fell in June.",
            &["Inflation rose 3.5 percent in May.", "It fell in June."],
        ),
        (
            "About 1,000 people marched. Police watched.",
            &["About 1,000 people marched.", "Police watched."],
        ),
        (
            "The score was 2-1. Fans cheered.",
            &["The score was 2-1.", "Fans cheered."],
        ),
        (
            "The budget is $1.2 billion. It was approved.",
            &["The budget is $1.2 billion.", "It was approved."],
        ),
    ]);
    check_tokens(&[
        ("3.5 percent", &["3.5", "percent"]),
        ("1,000 rials", &["1,000", "rials"]),
        ("1,000.5", &["1,000.5"]),
        (
            "on 2024-05-01 at 10:30.",
            &["on", "2024-05-01", "at", "10:30", "."],
        ),
        ("$1.2 billion", &["$", "1.2", "billion"]),
        ("red, green", &["red", ",", "green"]),
        ("1, 2", &["1", ",", "2"]),
    ]);
    let doc = Doc::new("3.5 percent");
    assert_eq!(doc.tokens[0].kind, TokenKind::Number);
    assert_eq!(doc.tokens[1].kind, TokenKind::Word);
}

#[test]
fn quotes_and_sentences() {
    check_sentences(&[
        // Curly quotes; the closing quote stays with its sentence.
        (
            "“We will respond,” the minister said. “It is over.”",
            &["“We will respond,” the minister said.", "“It is over.”"],
        ),
        // Straight quotes.
        (
            "\"We will respond,\" the minister said. \"It is over.\"",
            &["\"We will respond,\" the minister said.", "\"It is over.\""],
        ),
        // A question inside a quote followed by a lowercase attribution.
        (
            "“Is it over?” she asked. Nobody answered.",
            &["“Is it over?” she asked.", "Nobody answered."],
        ),
        // A quote that spans two sentences.
        (
            "“We will not retreat. We will win,” he said.",
            &["“We will not retreat.", "We will win,” he said."],
        ),
        // A closing quote then a new sentence.
        (
            "He called it “a disaster.” The party disagreed.",
            &["He called it “a disaster.”", "The party disagreed."],
        ),
        // Single curly quotes.
        (
            "‘No comment,’ he said. The talks ended.",
            &["‘No comment,’ he said.", "The talks ended."],
        ),
        // A bracket after the terminal.
        (
            "The vote passed (by a wide margin.) Debate ended.",
            &["The vote passed (by a wide margin.)", "Debate ended."],
        ),
    ]);
}

#[test]
fn quote_directions() {
    let kinds = |text: &str| -> Vec<TokenKind> {
        Doc::new(text)
            .tokens
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::OpenQuote | TokenKind::CloseQuote))
            .map(|t| t.kind)
            .collect()
    };
    use TokenKind::{CloseQuote as C, OpenQuote as O};
    let cases: &[(&str, &[TokenKind])] = &[
        ("“Yes,” he said.", &[O, C]),
        ("\"Yes,\" he said.", &[O, C]),
        ("He said \"yes.\"", &[O, C]),
        ("‘Yes,’ he said.", &[O, C]),
        ("'Yes,' he said.", &[O, C]),
        ("«Oui», dit-il.", &[O, C]),
        ("(\"Yes\")", &[O, C]),
        ("a —\"yes\"", &[O, C]),
    ];
    let mut failures = Vec::new();
    for &(text, want) in cases {
        let got = kinds(text);
        if got != want {
            failures.push(format!("{text:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn dashes() {
    check_sentences(&[(
        "The deal — signed in May — collapsed. Talks failed.",
        &["The deal — signed in May — collapsed.", "Talks failed."],
    )]);
    check_tokens(&[
        (
            "The deal — signed in May — collapsed.",
            &[
                "The",
                "deal",
                "—",
                "signed",
                "in",
                "May",
                "—",
                "collapsed",
                ".",
            ],
        ),
        ("a well-known figure", &["a", "well-known", "figure"]),
        ("yes--no", &["yes", "--", "no"]),
        ("yes -- no", &["yes", "--", "no"]),
        ("2014–2015", &["2014", "–", "2015"]),
        ("TEHRAN - Iran", &["TEHRAN", "-", "Iran"]),
    ]);
    let doc = Doc::new("yes — no -- maybe");
    let dashes: Vec<&str> = doc
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Dash)
        .map(|t| t.span.slice(doc.text))
        .collect();
    assert_eq!(dashes, ["—", "--"]);
}

#[test]
fn headlines_bylines_and_datelines() {
    let text = "IRAN VOWS RESPONSE TO SANCTIONS\nBy Jane Doe\nTEHRAN (Reuters) - Iran vowed on Monday to respond. Officials gave no details.";
    assert_eq!(
        sentences(text),
        [
            "IRAN VOWS RESPONSE TO SANCTIONS",
            "By Jane Doe",
            "TEHRAN (Reuters) - Iran vowed on Monday to respond.",
            "Officials gave no details.",
        ]
    );
    let doc = Doc::new(text);
    assert!(doc.sentences[0].caps, "the headline is in capitals");
    assert!(!doc.sentences[1].caps);
    assert!(!doc.sentences[2].caps);
    // Each line is a paragraph.
    let paragraphs: Vec<usize> = doc.sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(paragraphs, [0, 1, 2, 2]);
}

#[test]
fn paragraphs_and_line_breaks() {
    check_sentences(&[
        (
            "First paragraph here.\n\nSecond paragraph here.",
            &["First paragraph here.", "Second paragraph here."],
        ),
        // A hard-wrapped line continuing in lowercase stays in its sentence.
        (
            "The minister said the talks\nwould resume next week.",
            &["The minister said the talks\nwould resume next week."],
        ),
        // A blank line always ends the sentence.
        (
            "A heading without a period\n\nthen lowercase text.",
            &["A heading without a period", "then lowercase text."],
        ),
        // Windows line endings.
        (
            "First line.\r\nSecond line.\r\n",
            &["First line.", "Second line."],
        ),
        // Unicode separators.
        (
            "First line\u{2029}Second line",
            &["First line", "Second line"],
        ),
    ]);
    let doc = Doc::new("One. Two.\n\nThree.\nFour.");
    let paragraphs: Vec<usize> = doc.sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(paragraphs, [0, 0, 1, 2]);
    let doc = Doc::new("  \n\n  Indented.\n");
    assert_eq!(doc.sentences.len(), 1);
    assert_eq!(doc.sentence_text(0), "Indented.");
    assert!(Doc::new("").sentences.is_empty());
    assert!(Doc::new(" \n\t\r\n ").tokens.is_empty());
}

#[test]
fn other_terminals() {
    check_sentences(&[
        (
            "He said it was over... Then he left.",
            &["He said it was over...", "Then he left."],
        ),
        (
            "He said it was over… Then he left.",
            &["He said it was over…", "Then he left."],
        ),
        ("Really?! Yes. No!", &["Really?!", "Yes.", "No!"]),
        (
            "He said... nothing at all. Then he left.",
            &["He said... nothing at all.", "Then he left."],
        ),
        (
            "Casualties rose 5%. 20 people died.",
            &["Casualties rose 5%.", "20 people died."],
        ),
        (
            "He said: “Enough.” Then he left.",
            &["He said: “Enough.”", "Then he left."],
        ),
        (
            "中国外交部表示反对。美国没有回应。",
            &["中国外交部表示反对。", "美国没有回应。"],
        ),
        (
            "قال المتحدث إن المحادثات ستستأنف. ورفضت الوزارة التعليق.",
            &[
                "قال المتحدث إن المحادثات ستستأنف.",
                "ورفضت الوزارة التعليق.",
            ],
        ),
        ("هل انتهى؟ لا أحد يعرف.", &["هل انتهى؟", "لا أحد يعرف."]),
        // A period not followed by a space does not end the sentence.
        (
            "Visit example.com today. Thanks.",
            &["Visit example.com today.", "Thanks."],
        ),
        // Lowercase after a period: not a new sentence.
        (
            "The plan, he said, was approx. ten pages.",
            &["The plan, he said, was approx. ten pages."],
        ),
    ]);
}

#[test]
fn possessives_and_negations() {
    check_tokens(&[
        ("IRGC’s", &["IRGC", "’s"]),
        ("IRGC's", &["IRGC", "'s"]),
        ("the ministers' talks", &["the", "ministers", "'", "talks"]),
        ("the ministers’ talks", &["the", "ministers", "’", "talks"]),
        ("didn't", &["did", "n't"]),
        ("didn’t", &["did", "n’t"]),
        ("DIDN'T", &["DID", "N'T"]),
        ("couldn't go", &["could", "n't", "go"]),
        ("O'Brien said", &["O'Brien", "said"]),
        ("O’Brien’s plan", &["O’Brien", "’s", "plan"]),
        ("AT&T's", &["AT&T", "'s"]),
    ]);
    let doc = Doc::new("The IRGC’s commander didn't say.");
    let kinds: Vec<TokenKind> = doc.tokens.iter().map(|t| t.kind).collect();
    use TokenKind::*;
    assert_eq!(
        kinds,
        [Word, Word, Possessive, Word, Word, Negation, Word, Punct]
    );
    // The clitic follows its word without space.
    assert!(!doc.tokens[2].space_before);
    assert!(!doc.tokens[5].space_before);
    let doc = Doc::new("the ministers' talks");
    assert_eq!(doc.tokens[2].kind, Possessive);
}

#[test]
fn abbreviation_tokens() {
    check_tokens(&[
        ("the U.S. said", &["the", "U.S.", "said"]),
        ("Sept. 14", &["Sept.", "14"]),
        ("Gen. Lee", &["Gen.", "Lee"]),
        ("Acme Inc. rose", &["Acme", "Inc.", "rose"]),
        ("Iran. Then", &["Iran", ".", "Then"]),
        ("etc..", &["etc", ".."]),
        ("at 10 a.m. sharp", &["at", "10", "a.m.", "sharp"]),
    ]);
    let doc = Doc::new("the U.S. and Iran.");
    let abbrevs: Vec<bool> = doc.tokens.iter().map(|t| t.abbrev).collect();
    assert_eq!(abbrevs, [false, true, false, false, false]);
}

#[test]
fn non_latin_and_symbols() {
    check_tokens(&[
        // Combining marks stay in their word.
        ("cafe\u{301} au lait", &["cafe\u{301}", "au", "lait"]),
        // Emoji are words of their own when spaced.
        ("Iran 😀 said", &["Iran", "😀", "said"]),
        ("«Oui», dit-il.", &["«", "Oui", "»", ",", "dit-il", "."]),
        ("中国。美国", &["中国", "。", "美国"]),
        ("إيران، إسرائيل", &["إيران", "،", "إسرائيل"]),
        ("a\0b", &["a", "b"]),
    ]);
}

#[test]
fn token_flags() {
    let doc = Doc::new("One two\nThree");
    let flags: Vec<(bool, bool)> = doc
        .tokens
        .iter()
        .map(|t| (t.space_before, t.line_before))
        .collect();
    assert_eq!(flags, [(false, false), (true, false), (true, true)]);
}

/// PTB-style quotes: "``" is one opening-quote token, so "''" should be one
/// closing-quote token; today it is two.
#[test]
fn ptb_style_double_quotes() {
    check_tokens(&[(
        "``Yes,'' he said.",
        &["``", "Yes", ",", "''", "he", "said", "."],
    )]);
}

#[test]
fn byte_order_mark_and_zero_width_space_separate_tokens() {
    check_tokens(&[
        ("\u{feff}Iran said", &["Iran", "said"]),
        ("Iran\u{200b}said", &["Iran", "said"]),
    ]);
}
