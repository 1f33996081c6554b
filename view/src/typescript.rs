//! The TypeScript definitions of the view types, generated with ts-rs.
//!
//! `tests/typescript.rs` compares them with the committed
//! `js/generated/view.d.ts`, which the JS crate appends to its `.d.ts`.

use crate::model::{
    ActorView, ClaimTips, ClaimView, HedgeView, Loc, Page, Para, Role, Run, SentenceView, View,
};
use ts_rs::{Config, TS};

/// The declarations of every view type, as one `.d.ts` text. They refer to
/// `Summary`, `ActorKind`, `Attribution` and `HedgeKind` of the contract's definitions.
pub fn declarations() -> String {
    let decls = [
        decl::<View>(),
        decl::<Page>(),
        decl::<Para>(),
        decl::<Run>(),
        decl::<Role>(),
        decl::<ActorView>(),
        decl::<ClaimView>(),
        decl::<ClaimTips>(),
        decl::<HedgeView>(),
        decl::<SentenceView>(),
        decl::<Loc>(),
    ];
    let mut out = String::from(
        "// Generated from the Rust types of crate claimlens-view (view/src/model.rs) by\n\
         // `UPDATE_TS=1 cargo test -p claimlens-view --features typescript`: do not edit.\n",
    );
    for d in decls {
        out.push('\n');
        out.push_str(&d);
    }
    out
}

/// `export type T = ...;` with the type's doc comment.
fn decl<T: TS + 'static>() -> String {
    let docs = T::docs().unwrap_or_default();
    format!("{docs}export {}\n", T::decl(&Config::new()))
}
