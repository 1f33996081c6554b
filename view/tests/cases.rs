//! The table of view cases (tests/cases.json), which js/test/view.test.mjs
//! also reads and checks against `analyzeView` of the JS API: both render the
//! view of each text in the same notation and compare it with the table.
//! `UPDATE_CASES=1` rewrites the expectations from what this crate gives
//! (review the diff before committing it).
//!
//! Notation: each paragraph is a list of runs, each `text|tags` (just `text`
//! without tags): `a3` actor 3, `c1.cue` claim 1 and its part, `h0` hedge 0,
//! `*` a keyboard stop, `#s2` the run's anchor. Actors are `colour tip`.

use claimlens::{ActorKind, Analyzer, HedgeKind, Layers};
use claimlens_view::{build, Offsets, View};
use serde_json::{json, Value};
use std::path::Path;

/// The analyzer for a case's options (the options of `analyze` in the JS API).
fn analyzer(options: Option<&Value>) -> Option<Analyzer> {
    let o = options?;
    let layer = |k: &str| o["layers"][k].as_bool().unwrap_or(true);
    let mut a = Analyzer::new().with_layers(Layers {
        actors: layer("actors"),
        claims: layer("claims"),
        hedges: layer("hedges"),
    });
    for x in o["actors"].as_array().into_iter().flatten() {
        let kind = ActorKind::parse(x["kind"].as_str().unwrap()).unwrap();
        a.add_actor(x["name"].as_str().unwrap(), kind, x["subkind"].as_str());
    }
    for c in o["cues"].as_array().into_iter().flatten() {
        a.add_cue(c.as_str().unwrap());
    }
    for h in o["hedges"].as_array().into_iter().flatten() {
        let kind = HedgeKind::parse(h["kind"].as_str().unwrap()).unwrap();
        a.add_hedge(h["phrase"].as_str().unwrap(), kind);
    }
    Some(a)
}

/// The view in the notation of the table (offsets are UTF-16, as in JavaScript).
fn render(text: &str, v: &View) -> Value {
    let units: Vec<u16> = text.encode_utf16().collect();
    let slice = |a: u32, b: u32| String::from_utf16(&units[a as usize..b as usize]).unwrap();
    let paras: Vec<Vec<String>> = v
        .pages
        .iter()
        .flat_map(|p| &p.paras)
        .map(|para| {
            para.runs
                .iter()
                .map(|r| {
                    let mut tags = Vec::new();
                    if let Some(a) = r.actor {
                        tags.push(format!("a{a}"));
                    }
                    if let (Some(c), Some(role)) = (r.claim, r.role) {
                        tags.push(format!("c{c}.{}", role.as_str()));
                    }
                    if let Some(h) = r.hedge {
                        tags.push(format!("h{h}"));
                    }
                    if r.stop {
                        tags.push("*".into());
                    }
                    if let Some(id) = &r.anchor {
                        tags.push(format!("#{id}"));
                    }
                    let piece = slice(r.start, r.end);
                    if tags.is_empty() {
                        piece
                    } else {
                        format!("{piece}|{}", tags.join(" "))
                    }
                })
                .collect()
        })
        .collect();
    json!({
        "runs": paras,
        "actors": v.actors.iter().map(|a| format!("{} {}", a.colour, a.tip)).collect::<Vec<_>>(),
        "claims": v.claims.iter().map(|c| json!([c.tips.source, c.tips.cue, c.tips.content])).collect::<Vec<_>>(),
        "hedges": v.hedges.iter().map(|h| h.tip.clone()).collect::<Vec<_>>(),
    })
}

#[test]
fn the_table_of_view_cases() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases.json");
    let mut table: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let update = std::env::var_os("UPDATE_CASES").is_some();
    let mut failures = Vec::new();
    for case in table["cases"].as_array_mut().unwrap() {
        let text = case["text"].as_str().unwrap().to_string();
        let analysis = match analyzer(case.get("options")) {
            Some(a) => a.analyze(&text),
            None => claimlens::analyze(&text),
        };
        let got = render(&text, &build(&text, &analysis, Offsets::Utf16));
        if update {
            case["expect"] = got;
        } else if case["expect"] != got {
            failures.push(format!(
                "{}:\n  expected {}\n  got      {}",
                case["name"], case["expect"], got
            ));
        }
    }
    if update {
        let mut out = serde_json::to_string_pretty(&table).unwrap();
        out.push('\n');
        std::fs::write(&path, out).unwrap();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
