//! The TypeScript definitions of the view types, generated with ts-rs.
//!
//! The JS crate puts them in its `.d.ts` (`js/ts/claimlens.d.ts`) after the
//! contract's, and its `tests/typescript.rs` checks the committed file.

use crate::model::{
    ActorView, ClaimTips, ClaimView, HedgeView, Loc, Page, Para, Role, Run, SentenceView,
    SourceRow, View,
};
use claimlens::contract::typescript::declaration;

/// The declarations of every view type, laid out like the contract's
/// ([`claimlens::contract::typescript::declaration`]). They refer to `Summary`,
/// `ActorKind`, `Attribution` and `HedgeKind` of the contract's definitions.
pub fn declarations() -> String {
    [
        declaration::<View>(),
        declaration::<Page>(),
        declaration::<Para>(),
        declaration::<Run>(),
        declaration::<Role>(),
        declaration::<ActorView>(),
        declaration::<ClaimView>(),
        declaration::<ClaimTips>(),
        declaration::<SourceRow>(),
        declaration::<HedgeView>(),
        declaration::<SentenceView>(),
        declaration::<Loc>(),
    ]
    .join("\n")
}
