//! The hand-written JSON of the view and of the contract is the JSON of their
//! serde derives (numbers compared as numbers: the writer gives `1` for `1.0`).

use claimlens_view::{build, contract_json, Offsets};
use serde_json::Value;

/// Every number as an f64, so that `1` and `1.0` compare equal.
fn normal(v: Value) -> Value {
    match v {
        Value::Number(n) => serde_json::json!(n.as_f64().unwrap()),
        Value::Array(a) => Value::Array(a.into_iter().map(normal).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, normal(v))).collect()),
        v => v,
    }
}

/// The app's sample article (written for the project).
const SAMPLE: &str = include_str!("../../app/src/sample.txt");

const TEXTS: &[&str] = &[
    "",
    "Officials said the talks may resume.",
    "The Foreign Ministry said on Monday that the \"plan\" could\tfail,\naccording to Reuters.\r\n\r\nAnalysts suggest it is widely believed that prices would rise if rates fall.",
    "😀 The ministry, a spokesman said, \"may\" act. 東京 officials argued \u{1} that \\ it was confirmed.",
    "Russian officials said the plan may fail. It was reported that talks could resume. NATO and NATO said so.",
];

#[test]
fn view_json_is_the_serde_json() {
    for text in TEXTS.iter().copied().chain([SAMPLE]) {
        for offsets in [Offsets::Bytes, Offsets::Utf16] {
            let view = build(text, &claimlens::analyze(text), offsets);
            let ours: Value = serde_json::from_str(&view.to_json()).expect("valid JSON");
            let serde = serde_json::to_value(&view).unwrap();
            assert_eq!(normal(ours), normal(serde), "{text:?}");
            for page in &view.pages {
                let ours: Value = serde_json::from_str(&page.to_json()).unwrap();
                assert_eq!(normal(ours), normal(serde_json::to_value(page).unwrap()));
            }
        }
    }
}

#[test]
fn contract_json_is_the_serde_json() {
    for text in TEXTS.iter().copied().chain([SAMPLE]) {
        let analysis = claimlens::analyze(text);
        let contract = claimlens::contract::to_contract(text, &analysis, None);
        let ours: Value = serde_json::from_str(&contract_json(&contract)).expect("valid JSON");
        assert_eq!(
            normal(ours),
            normal(serde_json::to_value(&contract).unwrap()),
            "{text:?}"
        );
    }
}

#[test]
fn views_read_back_from_json() {
    let text = TEXTS[2];
    let view = build(text, &claimlens::analyze(text), Offsets::Bytes);
    let back: claimlens_view::View = serde_json::from_str(&view.to_json()).unwrap();
    assert_eq!(back.pages, view.pages);
    assert_eq!(back.actors, view.actors);
    assert_eq!(back.claims, view.claims);
    assert_eq!(back.summary.certainty, view.summary.certainty);
}

/// The page's own reader (`view_from_json`, `page_from_json`) gives back the view that
/// was written, field for field (compared through serde_json's values), from our JSON and
/// from serde_json's (spaces, `1.0`, keys in another order are all JSON it must read).
#[test]
fn the_page_reads_the_view_back() {
    use claimlens_view::{page_from_json, view_from_json};
    for text in TEXTS.iter().copied().chain([SAMPLE]) {
        let view = build(text, &claimlens::analyze(text), Offsets::Bytes);
        let want = serde_json::to_value(&view).unwrap();
        let pretty = serde_json::to_string_pretty(&view).unwrap();
        for json in [view.to_json(), pretty] {
            let back = view_from_json(&json).unwrap_or_else(|e| panic!("{e}: {text:?}"));
            assert_eq!(serde_json::to_value(&back).unwrap(), want, "{text:?}");
        }
        for page in &view.pages {
            assert_eq!(&page_from_json(&page.to_json()).unwrap(), page);
        }
    }
    // Escapes, a surrogate pair, an exponent, an unknown key, nulls for absent values.
    let page = page_from_json(
        " { \"paras\" : [ {\"start\":0,\"end\":1e1,\"x\":[{\"y\":null},-2.5e-3,\"\\\"\"],\
         \"runs\":[{\"start\":0,\"end\":10,\"actor\":null,\"anchor\":\"a\\u00e9\\ud83d\\ude00\\n\\/\"}]} ] } ",
    )
    .unwrap();
    let para = &page.paras[0];
    assert_eq!((para.start, para.end), (0, 10));
    assert_eq!(para.runs[0].actor, None);
    assert_eq!(para.runs[0].anchor.as_deref(), Some("aé😀\n/"));
}

/// What is not the view's JSON is refused with what was expected and where.
#[test]
fn the_page_refuses_what_is_not_the_view() {
    use claimlens_view::page_from_json;
    for (json, error) in [
        ("", "an object expected at byte 0"),
        ("[]", "an object expected at byte 0"),
        (
            "{\"paras\":[{\"start\":-1}]}",
            "a whole number expected at byte 19",
        ),
        (
            "{\"paras\":[{\"start\":1.5}]}",
            "a whole number expected at byte 19",
        ),
        (
            "{\"paras\":[{\"runs\":[{\"role\":\"voice\"}]}]}",
            "a role (source, cue or content) expected at byte 27",
        ),
        ("{\"paras\":[]} x", "the end expected at byte 13"),
        ("{\"paras\":[] ", "a comma or '}' expected at byte 12"),
        ("{\"paras\":[\"a\"]}", "an object expected at byte 10"),
        (
            "{\"paras\":[{\"runs\":[{\"anchor\":\"a]}]}",
            "a closing quote expected at byte 35",
        ),
        (
            "{\"paras\":[{\"runs\":[{\"stop\":1}]}]}",
            "true or false expected at byte 27",
        ),
        ("{\"a\":\"\\x\"}", "an escape expected at byte 6"),
    ] {
        assert_eq!(
            page_from_json(json).unwrap_err(),
            format!("the view's JSON: {error}"),
            "{json}"
        );
    }
}
