//! The claimlens view model: what a reading view of an analysed text draws.
//!
//! One crate for every reading view: the web app (`app/`) builds it in its Web
//! Worker with byte offsets, and the JS API returns it from `analyzeView` with
//! UTF-16 offsets, for the `<claim-lens>` widget and for anyone drawing their own.
//!
//! - The text is cut into paragraphs (its non-blank lines), grouped into
//!   [`Page`]s of about [`PAGE_BYTES`], and each paragraph into [`Run`]s: maximal
//!   pieces covered by the same annotations. Overlapping and nested spans need
//!   no nested markup: a run carries the innermost annotation of each layer.
//! - Runs that panels scroll to carry an anchor; runs that start something
//!   readable are keyboard stops.
//! - Actors get one of [`PALETTE`] colours by rank of mentions.
//! - The words of tooltips and panels are written here ([`words`]), once.
//!
//! Pure Rust: no WebAssembly or UI dependency. With the `typescript` feature,
//! [`typescript::declarations`] gives the TypeScript definitions of the types.
#![deny(missing_docs)]

mod explain;
mod json;
mod layout;
mod model;
pub mod options;
mod read;
mod report;
mod sources;
pub mod words;

#[cfg(feature = "typescript")]
pub mod typescript;

pub use explain::Section;
pub use json::{contract_json, contract_with_text};
pub use layout::{build, build_from, Offsets, PAGE_BYTES, PALETTE};
pub use model::{
    ActorView, ClaimTips, ClaimView, HedgeView, Loc, Page, Para, Role, Run, SentenceView,
    SourceRow, View,
};
pub use read::{page_from_json, view_from_json};
pub use report::html_report;
pub use words::{markdown, EXCERPT_CHARS};
