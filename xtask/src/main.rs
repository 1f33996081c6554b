//! The claimlens build task. Trunk.toml runs `js` as its pre-build hook and `postbuild` as
//! its post-build hook; each can also be run by hand:
//!
//! ```text
//! cargo run -q -p xtask -- js [--fast]      the JS API for browsers and Node (pkg/web, pkg/node;
//!                                           --fast also pkg/fast/{web,node} at opt-level 3)
//! cargo run -q -p xtask -- postbuild [DIR]  finishes Trunk's staging DIR (default
//!                                           $TRUNK_STAGING_DIR): the wasm optimised and embedded,
//!                                           the single file, the widget, the size report
//! cargo run -q -p xtask -- report DIR       the size report of a built dist/ and its budget check
//! cargo run -q -p xtask -- package [npm|wheel]
//!                                           the npm package (dist-packages/claimlens-VERSION.tgz)
//!                                           and the Python wheel (dist-packages/*.whl), or one of them
//! ```
//!
//! Any failure (a missing or mismatched tool, a tool that fails, a size over its budget)
//! prints one message and exits with status 1.

use std::process::ExitCode;

const USAGE: &str =
    "usage: cargo run -q -p xtask -- js [--fast] | postbuild [DIR] | report DIR | package [npm|wheel]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let root = xtask::root();
    let result = match args.as_slice() {
        ["js"] => xtask::js::build(&root, false),
        ["js", "--fast"] => xtask::js::build(&root, true),
        ["postbuild"] => match std::env::var_os("TRUNK_STAGING_DIR") {
            Some(dir) => xtask::postbuild::run(&root, dir.as_ref()),
            None => Err(xtask::Error::new(
                "postbuild: no directory (Trunk sets TRUNK_STAGING_DIR; or pass one)",
            )),
        },
        ["postbuild", dir] => xtask::postbuild::run(&root, dir.as_ref()),
        ["report", dir] => xtask::report::check_dist(&root, dir.as_ref()),
        ["package"] => xtask::package::all(&root).map(drop),
        ["package", "npm"] => xtask::package::npm(&root).map(drop),
        ["package", "wheel"] => xtask::package::wheel(&root).map(drop),
        _ => Err(xtask::Error::new(USAGE)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("xtask: {err}");
            ExitCode::FAILURE
        }
    }
}
