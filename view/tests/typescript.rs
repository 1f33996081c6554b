//! The committed TypeScript definitions (js/generated/view.d.ts) are those the
//! view types generate; `UPDATE_TS=1` rewrites the file instead of failing.
#![cfg(feature = "typescript")]

use std::path::Path;

#[test]
fn committed_definitions_are_generated_from_the_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../js/generated/view.d.ts");
    let generated = claimlens_view::typescript::declarations();
    if std::env::var_os("UPDATE_TS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} differs from the view types: run `UPDATE_TS=1 cargo test -p claimlens-view --features typescript` and commit it",
        path.display()
    );
}
