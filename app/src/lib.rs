//! The claimlens web app.
//!
//! The pure part, built and tested natively: [`analyze_for_view`] is the whole
//! job of the Web Worker (the view model of crate `claimlens-view`, re-exported
//! as [`view`], with byte offsets), and [`state`] is the page's reducer. The Yew
//! UI (`ui`) and the browser glue only exist on wasm32.
#![deny(missing_docs)]

pub mod heap;
pub mod marks;
pub mod state;

pub use claimlens_view as view;

/// What the page holds of a view: everything but the pages, which stay JSON
/// until shown (its `pages` is empty; offsets are bytes of the analysed text).
pub type Overview = view::View;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The sample article behind the "Try a sample" button (written for this project).
pub const SAMPLE: &str = include_str!("sample.txt");

/// What the worker sends back for one text.
#[derive(Clone, Debug, PartialEq)]
pub struct Output {
    /// The [`Overview`] as JSON.
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
/// let ov: claimlens_app::Overview = serde_json::from_str(&out.overview).unwrap();
/// assert_eq!(ov.summary.claims, 1);
/// assert_eq!(out.pages.len(), 1);
/// ```
pub fn analyze_for_view(text: &str) -> Output {
    analyze_for_view_with(text, None).0
}

/// Analyses `text` with the reader's rules (none: as [`analyze_for_view`]); invalid
/// rules are not applied, and the message that names the bad rule comes with the
/// analysis made without them.
///
/// ```
/// let rules = claimlens::Rules {
///     hedges: vec![claimlens::RuleHedge { phrase: "perchance".into(), kind: claimlens::HedgeKind::Hedge }],
///     ..Default::default()
/// };
/// let text = "The talks will perchance resume.";
/// let (out, error) = claimlens_app::analyze_for_view_with(text, Some(&rules));
/// let ov: claimlens_app::Overview = serde_json::from_str(&out.overview).unwrap();
/// assert_eq!((ov.hedges[0].text.as_str(), error), ("perchance", None));
/// let bad = claimlens::Rules { cues: vec!["--".into()], ..Default::default() };
/// let (_, error) = claimlens_app::analyze_for_view_with(text, Some(&bad));
/// assert_eq!(error.unwrap(), "rules: cues[0] must contain a letter or digit");
/// ```
pub fn analyze_for_view_with(
    text: &str,
    rules: Option<&claimlens::Rules>,
) -> (Output, Option<String>) {
    let Some(rules) = rules.filter(|r| !r.is_empty()) else {
        return (lay_out(text, claimlens::analyze(text)), None);
    };
    // The analyzer of the last rules, kept while they stay the same: the worker analyses
    // the text again at each pause in typing, and building it (the lexicon additions, the
    // patterns compiled) need not happen each time.
    let analyzer = WITH_RULES.with(|slot| {
        let mut slot = slot.borrow_mut();
        match slot.as_ref() {
            Some((last, built)) if last == rules => built.clone(),
            _ => {
                let built = claimlens::Analyzer::new()
                    .with_rules(rules)
                    .map(std::rc::Rc::new)
                    .map_err(state::rules_error);
                *slot = Some((rules.clone(), built.clone()));
                built
            }
        }
    });
    let (analysis, error) = match analyzer {
        Ok(a) => (a.analyze(text), None),
        Err(e) => (claimlens::analyze(text), Some(e)),
    };
    (lay_out(text, analysis), error)
}

thread_local! {
    /// The rules [`analyze_for_view_with`] last built an analyzer for, and that analyzer
    /// (or why the rules were refused).
    static WITH_RULES: std::cell::RefCell<Option<(claimlens::Rules, AnalyzerFor)>> =
        const { std::cell::RefCell::new(None) };
}

/// An analyzer built for a reader's rules, or the message that refuses them.
type AnalyzerFor = Result<std::rc::Rc<claimlens::Analyzer>, String>;

fn lay_out(text: &str, analysis: claimlens::Analysis) -> Output {
    let contract = claimlens::contract::to_contract(text, &analysis, None);
    let mut overview = view::build_from(text, &analysis, &contract, view::Offsets::Bytes);
    let pages = std::mem::take(&mut overview.pages);
    Output {
        overview: overview.to_json(),
        pages: pages.iter().map(view::Page::to_json).collect(),
        contract: view::contract_json(&contract),
    }
}
