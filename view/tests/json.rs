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
