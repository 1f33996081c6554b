//! claimlens for JavaScript and TypeScript: `analyze(text, options?)` and `version()`.
//!
//! `analyze` returns the JSON contract of [`claimlens::contract`] as a plain
//! JavaScript object, with offsets in UTF-16 code units, so that
//! `text.slice(start, end)` is the marked text. `scripts/build-js.sh` builds it
//! for browsers (`pkg/web`) and Node (`pkg/node`); the TypeScript definitions
//! are the custom section below.
#![deny(missing_docs)]

pub mod options;

use claimlens::{contract, Analyzer};
use js_sys::{Array, Object, Reflect};
use options::{Options, UserActor, UserHedge};
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** A range of the analysed string in UTF-16 code units (JavaScript string indices),
 * end-exclusive: `text.slice(start, end)` is the marked text. */
export interface Span {
  start: number;
  end: number;
}

/** A sentence and its certainty in [0, 1] (1 = no hedging). */
export interface Sentence extends Span {
  certainty: number;
}

/** The kind of an actor. */
export type ActorKind = "person" | "organization" | "place" | "group";

/** One entity with all its mentions. */
export interface Actor {
  /** Index of this actor in `Analysis.actors`. */
  id: number;
  /** Canonical name. */
  name: string;
  kind: ActorKind;
  /** Finer type when known: "country", "city", "government", "media", ... */
  subkind?: string;
  /** Other surface forms seen (acronyms, short forms). */
  aliases: string[];
  /** For a group ("Russian officials"), the state its demonym names ("Russia"). */
  affiliation?: string;
  /** Every mention, in text order (possessive endings excluded). */
  mentions: Span[];
}

/** How a claim is attributed. */
export type Attribution = "named" | "vague" | "none";

/** Who said what. */
export interface Claim {
  /** Who says it, or null when the text does not say. */
  source: Span | null;
  /** The reporting cue ("said", "according to"). */
  cue: Span;
  /** What is said: one span, several (a quote split by its attribution), or null. */
  content: Span | Span[] | null;
  /** The id of the actor the source refers to, or null. */
  actor: number | null;
  attribution: Attribution;
}

/** The kind of an epistemic cue. */
export type HedgeKind = "hedge" | "booster" | "weasel" | "condition";

/** An epistemic cue. */
export interface Hedge extends Span {
  kind: HedgeKind;
  /** Why it was flagged ("modal verb", "user lexicon", ...). */
  reason: string;
}

/** Article-level figures. */
export interface Summary {
  words: number;
  sentences: number;
  actors: number;
  claims: number;
  claims_named: number;
  claims_vague: number;
  claims_none: number;
  share_named: number;
  share_vague: number;
  share_none: number;
  hedges: number;
  boosters: number;
  weasels: number;
  conditions: number;
  hedges_per_100_words: number;
  certainty: number;
}

/** Everything found in one text (the claimlens JSON contract). */
export interface Analysis {
  sentences: Sentence[];
  actors: Actor[];
  claims: Claim[];
  hedges: Hedge[];
  summary: Summary;
}

/** Which layers to run; each defaults to true. */
export interface Layers {
  actors?: boolean;
  claims?: boolean;
  hedges?: boolean;
}

/** An actor to add to the built-in lexicon. */
export interface UserActor {
  name: string;
  kind: ActorKind;
  subkind?: string;
}

/** A hedging cue to add to the built-in lexicon. */
export interface UserHedge {
  phrase: string;
  kind: HedgeKind;
}

/** Options of `analyze`. */
export interface AnalyzeOptions {
  layers?: Layers;
  /** Extra actors ("Zorblax Institute" as an organization). */
  actors?: UserActor[];
  /** Extra reporting cues ("murmured", "according to"). */
  cues?: string[];
  /** Extra hedging cues. */
  hedges?: UserHedge[];
}
"#;

thread_local! {
    /// The analyzer built for the last non-default options, reused while they stay the same.
    static CUSTOM: RefCell<Option<(Options, Rc<Analyzer>)>> = const { RefCell::new(None) };
}

/// Analyses `text` and returns the claimlens JSON contract (offsets in UTF-16
/// code units). Throws an `Error` when `text` is not a string or an option is
/// invalid.
#[wasm_bindgen(unchecked_return_type = "Analysis")]
pub fn analyze(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AnalyzeOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let text = text.as_string().ok_or_else(|| {
        JsError::new(&format!(
            "claimlens.analyze: text must be a string (got {})",
            type_name(&text)
        ))
    })?;
    let options =
        read_options(&options).map_err(|e| JsError::new(&format!("claimlens.analyze: {e}")))?;
    let analysis = if options.is_default() {
        claimlens::analyze(&text)
    } else {
        analyzer_for(options).analyze(&text)
    };
    let doc = contract::to_contract(&text, &analysis, None);
    let ser = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    doc.serialize(&ser)
        .map_err(|e| JsError::new(&format!("claimlens.analyze: {e}")))
}

/// The version of this package.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The analyzer for non-default `options`, built once per distinct options.
fn analyzer_for(options: Options) -> Rc<Analyzer> {
    CUSTOM.with(|slot| {
        let mut slot = slot.borrow_mut();
        match &*slot {
            Some((o, a)) if *o == options => a.clone(),
            _ => {
                let a = Rc::new(options.build());
                *slot = Some((options, a.clone()));
                a
            }
        }
    })
}

/// `typeof`-like name of a value for error messages.
fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if Array::is_array(v) {
        "an array".into()
    } else {
        v.js_typeof().as_string().unwrap_or_default()
    }
}

/// A plain object (not null, not an array, not a function).
fn as_object<'a>(v: &'a JsValue, path: &str) -> Result<&'a Object, String> {
    if v.is_object() && !Array::is_array(v) {
        Ok(v.unchecked_ref())
    } else {
        Err(format!("{path} must be an object (got {})", type_name(v)))
    }
}

/// Fails on a key of `obj` that is not in `allowed` (a misspelt option would
/// otherwise be ignored silently).
fn check_keys(obj: &Object, allowed: &[&str], path: &str) -> Result<(), String> {
    for key in Object::keys(obj).iter() {
        let key = key.as_string().unwrap_or_default();
        if !allowed.contains(&key.as_str()) {
            return Err(format!(
                "{path} has an unknown key {key:?} (expected one of: {})",
                allowed.join(", ")
            ));
        }
    }
    Ok(())
}

/// `obj[key]`, with `undefined` and `null` read as absent.
fn get(obj: &Object, key: &str, path: &str) -> Result<Option<JsValue>, String> {
    let v = Reflect::get(obj, &JsValue::from_str(key))
        .map_err(|_| format!("reading {path}.{key} threw"))?;
    Ok((!v.is_undefined() && !v.is_null()).then_some(v))
}

fn string(v: &JsValue, path: &str) -> Result<String, String> {
    v.as_string()
        .ok_or_else(|| format!("{path} must be a string (got {})", type_name(v)))
}

fn array(v: &JsValue, path: &str) -> Result<Array, String> {
    if Array::is_array(v) {
        Ok(v.clone().unchecked_into())
    } else {
        Err(format!("{path} must be an array (got {})", type_name(v)))
    }
}

/// Reads and checks the `options` argument (`undefined` or `null`: the defaults).
fn read_options(v: &JsValue) -> Result<Options, String> {
    let mut o = Options::default();
    if v.is_undefined() || v.is_null() {
        return Ok(o);
    }
    let obj = as_object(v, "options")?;
    check_keys(obj, &["layers", "actors", "cues", "hedges"], "options")?;
    if let Some(l) = get(obj, "layers", "options")? {
        let l = as_object(&l, "options.layers")?;
        check_keys(l, &["actors", "claims", "hedges"], "options.layers")?;
        for (key, slot) in [
            ("actors", &mut o.layers.actors),
            ("claims", &mut o.layers.claims),
            ("hedges", &mut o.layers.hedges),
        ] {
            if let Some(b) = get(l, key, "options.layers")? {
                *slot = b.as_bool().ok_or_else(|| {
                    format!(
                        "options.layers.{key} must be a boolean (got {})",
                        type_name(&b)
                    )
                })?;
            }
        }
    }
    if let Some(list) = get(obj, "actors", "options")? {
        for (i, item) in array(&list, "options.actors")?.iter().enumerate() {
            let path = format!("options.actors[{i}]");
            let e = as_object(&item, &path)?;
            check_keys(e, &["name", "kind", "subkind"], &path)?;
            let field = |key: &str| -> Result<String, String> {
                let v = get(e, key, &path)?.ok_or_else(|| format!("{path}.{key} is missing"))?;
                string(&v, &format!("{path}.{key}"))
            };
            let name = options::phrase(&format!("{path}.name"), &field("name")?)?;
            let kind = options::actor_kind(&format!("{path}.kind"), &field("kind")?)?;
            let subkind = match get(e, "subkind", &path)? {
                Some(s) => Some(string(&s, &format!("{path}.subkind"))?),
                None => None,
            };
            o.actors.push(UserActor {
                name,
                kind,
                subkind,
            });
        }
    }
    if let Some(list) = get(obj, "cues", "options")? {
        for (i, item) in array(&list, "options.cues")?.iter().enumerate() {
            let path = format!("options.cues[{i}]");
            o.cues.push(options::phrase(&path, &string(&item, &path)?)?);
        }
    }
    if let Some(list) = get(obj, "hedges", "options")? {
        for (i, item) in array(&list, "options.hedges")?.iter().enumerate() {
            let path = format!("options.hedges[{i}]");
            let e = as_object(&item, &path)?;
            check_keys(e, &["phrase", "kind"], &path)?;
            let field = |key: &str| -> Result<String, String> {
                let v = get(e, key, &path)?.ok_or_else(|| format!("{path}.{key} is missing"))?;
                string(&v, &format!("{path}.{key}"))
            };
            let phrase = options::hedge_phrase(&format!("{path}.phrase"), &field("phrase")?)?;
            let kind = options::hedge_kind(&format!("{path}.kind"), &field("kind")?)?;
            o.hedges.push(UserHedge { phrase, kind });
        }
    }
    Ok(o)
}
