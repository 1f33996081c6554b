//! The claimlens web app.
//!
//! The pure part, built and tested natively: [`view`] turns an analysis into
//! what the reading view draws, [`report`] words it (tooltips, Markdown), and
//! [`analyze_for_view`] is the whole job of the Web Worker. The Yew UI (`ui`)
//! and the browser glue only exist on wasm32.
#![deny(missing_docs)]

pub mod report;
pub mod state;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The sample article behind the "Try a sample" button (written for this project).
pub const SAMPLE: &str = include_str!("sample.txt");

/// What the worker sends back for one text.
#[derive(Clone, Debug, PartialEq)]
pub struct Output {
    /// The [`view::Overview`] as JSON.
    pub overview: String,
    /// Each [`view::Page`] as JSON, parsed by the page only when shown.
    pub pages: Vec<String>,
    /// The analysis in the JSON contract (UTF-16 offsets), for "Copy JSON":
    /// compact; the page indents it when it is exported.
    pub contract: String,
}

/// Analyses `text` and lays it out for the reading view.
///
/// ```
/// let out = claimlens_app::analyze_for_view("Officials said the talks may resume.");
/// let ov: claimlens_app::view::Overview = serde_json::from_str(&out.overview).unwrap();
/// assert_eq!(ov.summary.claims, 1);
/// assert_eq!(out.pages.len(), 1);
/// ```
pub fn analyze_for_view(text: &str) -> Output {
    let analysis = claimlens::analyze(text);
    let view = view::build(text, &analysis);
    let contract = claimlens::contract::to_contract(text, &analysis, None);
    Output {
        overview: serde_json::to_string(&view.overview).expect("overview serializes"),
        pages: view
            .pages
            .iter()
            .map(|p| serde_json::to_string(p).expect("page serializes"))
            .collect(),
        contract: serde_json::to_string(&contract).expect("contract serializes"),
    }
}
