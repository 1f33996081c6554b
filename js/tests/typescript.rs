//! The committed TypeScript definitions (`js/ts/claimlens.d.ts`, compiled into
//! the JS API's `.d.ts`) are exactly what the Rust types generate.
//! `UPDATE_TS=1` rewrites the file instead of failing.

#[test]
fn committed_definitions_match_the_rust_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ts/claimlens.d.ts");
    let want = claimlens_js::typescript();
    if std::env::var_os("UPDATE_TS").is_some() {
        std::fs::write(path, &want).expect("writes ts/claimlens.d.ts");
        return;
    }
    let got = std::fs::read_to_string(path).unwrap_or_default();
    if got != want {
        let line = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .map_or(got.lines().count().min(want.lines().count()), |i| i);
        panic!(
            "js/ts/claimlens.d.ts differs from the Rust types from line {}: regenerate it with\n  \
             UPDATE_TS=1 cargo test -p claimlens-js --features typescript --test typescript",
            line + 1
        );
    }
}
