//! claimlens for JavaScript and TypeScript: `analyze(text, options?)`,
//! `analyzeView(text, options?)` and `version()`.
//!
//! `analyze` returns the JSON contract of [`claimlens::contract`] as a plain
//! JavaScript object, with offsets in UTF-16 code units, so that
//! `text.slice(start, end)` is the marked text. `analyzeView` returns the view
//! model of [`claimlens_view`] (runs, anchors, colours, tooltip words), with
//! offsets in UTF-16 code units too. The build task (`cargo run -p xtask -- js`)
//! builds it for browsers (`pkg/web`) and Node (`pkg/node`); its TypeScript
//! definitions are generated from the Rust types (`ts/claimlens.d.ts`).
#![deny(missing_docs)]

pub use claimlens_view::options;

#[cfg(feature = "options")]
use claimlens::Analyzer;
use claimlens::{contract, Analysis};
#[cfg(feature = "options")]
use js_sys::Reflect;
use js_sys::{Array, Object};
#[cfg(feature = "options")]
use options::{Options, UserActor, UserHedge};
#[cfg(feature = "options")]
use std::cell::RefCell;
#[cfg(feature = "options")]
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The TypeScript definitions of the contract, the options and the view,
/// generated from the Rust types ([`typescript`]) and checked by
/// `tests/typescript.rs`.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("../ts/claimlens.d.ts");

/// The text of `ts/claimlens.d.ts`: the declarations of the contract's, the
/// options' and the view's Rust types (feature `typescript`).
#[cfg(feature = "typescript")]
pub fn typescript() -> String {
    use claimlens::contract::typescript::{contract, declaration};
    format!(
        "// Generated from the Rust types: do not edit. To regenerate:\n\
         // UPDATE_TS=1 cargo test -p claimlens-js --features typescript --test typescript\n\n\
         {}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}",
        contract(),
        declaration::<options::UserActor>(),
        declaration::<options::UserHedge>(),
        declaration::<claimlens::Rules>(),
        declaration::<claimlens::RuleActor>(),
        declaration::<claimlens::RuleHedge>(),
        declaration::<claimlens::Layer>(),
        declaration::<claimlens::Wrong>(),
        declaration::<claimlens::Merge>(),
        declaration::<claimlens::RuleKind>(),
        declaration::<claimlens::RulePattern>(),
        declaration::<claimlens::PatternAs>(),
        declaration::<options::Options>(),
        claimlens_view::typescript::declarations(),
    )
}

#[cfg(feature = "options")]
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
    const NAME: &str = "claimlens.analyze";
    let (text, analysis) = run(NAME, &text, &options)?;
    let json = claimlens_view::contract_json(&contract::to_contract(&text, &analysis, None));
    parse(NAME, &json)
}

/// Analyses `text` and returns its view: paragraphs cut into runs (offsets in
/// UTF-16 code units) with their annotations, anchors and keyboard stops, actor
/// colours, and the words of every tooltip. Takes the options of `analyze`, and
/// throws the same errors.
#[wasm_bindgen(js_name = analyzeView, unchecked_return_type = "View")]
pub fn analyze_view(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AnalyzeOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    const NAME: &str = "claimlens.analyzeView";
    let (text, analysis) = run(NAME, &text, &options)?;
    let view = claimlens_view::build(&text, &analysis, claimlens_view::Offsets::Utf16);
    parse(NAME, &view.to_json())
}

/// The longest text analysed in one call: 32 MiB of UTF-8 (and at most as
/// many UTF-16 code units). Memory grows with the text; past this a call could
/// exhaust the wasm memory, which would end the module instead of throwing.
pub const MAX_TEXT_BYTES: usize = 32 << 20;

/// Memory an analysis may need at its peak, per byte of text: news needs 15 to
/// 21 times its size in this wasm build (10 MB of prose fit in 150 MB). A text
/// dense with claims needs more (50 times for "Iran said it may act." repeated):
/// when the page cannot give that, the analysis traps after all.
const PEAK_PER_BYTE: usize = 24;

/// Reads the arguments and analyses the text; errors name the function.
fn run(name: &str, text: &JsValue, options: &JsValue) -> Result<(String, Analysis), JsError> {
    let too_long = |size: String| {
        JsError::new(&format!(
            "{name}: the text is {size}, over the limit of 32 MiB of UTF-8 for one call; \
             analyse it in parts"
        ))
    };
    let units = text
        .dyn_ref::<js_sys::JsString>()
        .map_or(0, |s| s.length() as usize);
    if units > MAX_TEXT_BYTES {
        return Err(too_long(format!("{units} UTF-16 code units")));
    }
    let text = text.as_string().ok_or_else(|| {
        JsError::new(&format!(
            "{name}: text must be a string (got {})",
            type_name(text)
        ))
    })?;
    if text.len() > MAX_TEXT_BYTES {
        return Err(too_long(format!("{} bytes of UTF-8", text.len())));
    }
    // An allocation that fails in the middle of an analysis ends the module
    // (a trap). So the memory the analysis may need at its peak is asked for
    // first: when the page cannot give it, this throws and the module goes on
    // working.
    let need = text.len().saturating_mul(PEAK_PER_BYTE) + (8 << 20);
    if Vec::<u8>::new().try_reserve_exact(need).is_err() {
        return Err(JsError::new(&format!(
            "{name}: not enough memory for this text ({} MB of UTF-8 needs about {} MB); \
             analyse it in parts",
            text.len() >> 20,
            need >> 20
        )));
    }
    #[cfg(feature = "options")]
    let analysis = {
        let options = read_options(options).map_err(|e| JsError::new(&format!("{name}: {e}")))?;
        if options.is_default() {
            claimlens::analyze(&text)
        } else {
            analyzer_for(options).analyze(&text)
        }
    };
    // The widget's build (pkg/widget) reads no options.
    #[cfg(not(feature = "options"))]
    let analysis = {
        if !(options.is_undefined() || options.is_null()) {
            return Err(JsError::new(&format!(
                "{name}: this build (the <claim-lens> widget's) takes no options; the npm \
                 package's does"
            )));
        }
        claimlens::analyze(&text)
    };
    Ok((text, analysis))
}

/// `JSON.parse(json)`: the results are written as JSON in Rust and parsed by the
/// engine, which costs far less code in the wasm than a serde serializer for
/// every type, and is faster than setting properties one by one.
fn parse(name: &str, json: &str) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(json).map_err(|_| JsError::new(&format!("{name}: internal error")))
}

/// The version of this package.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[cfg(feature = "options")]
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

/// `typeof`-like name of a value for error messages ("a Map" for an object
/// made by a constructor other than `Object`).
fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if Array::is_array(v) {
        "an array".into()
    } else if v.is_object() && !is_plain(v) {
        let name = Object::get_prototype_of(v).constructor().name();
        match name.as_string() {
            Some(n) if !n.is_empty() => format!("a {n}"),
            _ => "an object that is not a plain object".into(),
        }
    } else {
        v.js_typeof().as_string().unwrap_or_default()
    }
}

/// An object whose prototype is `Object.prototype` or `null`: `{…}` or
/// `Object.create(null)`, not a `Map`, `Date`, array or class instance.
fn is_plain(v: &JsValue) -> bool {
    if !v.is_object() || v.is_function() {
        return false;
    }
    let proto = Object::get_prototype_of(v);
    proto.is_null() || Object::is(&proto, &Object::get_prototype_of(&Object::new()))
}

#[cfg(feature = "options")]
/// A plain object ([`is_plain`]).
fn as_object<'a>(v: &'a JsValue, path: &str) -> Result<&'a Object, String> {
    if is_plain(v) {
        Ok(v.unchecked_ref())
    } else {
        Err(format!(
            "{path} must be a plain object (got {})",
            type_name(v)
        ))
    }
}

#[cfg(feature = "options")]
/// Fails on a key of `obj` that is not in `allowed` (a misspelt option would
/// otherwise be ignored silently).
fn check_keys(obj: &Object, allowed: &[&str], path: &str) -> Result<(), String> {
    for key in Object::keys(obj).iter() {
        let key = key.as_string().unwrap_or_default();
        if !allowed.contains(&key.as_str()) {
            return Err(format!(
                "{path} has an unknown key {} (expected one of: {})",
                options::quote(&key),
                allowed.join(", ")
            ));
        }
    }
    Ok(())
}

#[cfg(feature = "options")]
/// `obj[key]` if `key` is an own property of `obj` (never one inherited through
/// the prototype chain, such as `Object.prototype.layers`), with `undefined`
/// and `null` read as absent.
fn get(obj: &Object, key: &str, path: &str) -> Result<Option<JsValue>, String> {
    own(obj, &JsValue::from_str(key), &format!("{path}.{key}"))
}

#[cfg(feature = "options")]
/// `obj[key]` for an own property `key` (`undefined` and `null`: absent).
fn own(obj: &Object, key: &JsValue, path: &str) -> Result<Option<JsValue>, String> {
    let threw = |_| format!("reading {path} threw");
    // `Object.hasOwn(obj, key)`, or `Object.prototype.hasOwnProperty.call(obj, key)`
    // where there is no `Object.hasOwn`: no property of `obj` can answer for it.
    let object = Object::new().constructor();
    let has: JsValue = match Reflect::get(&object, &JsValue::from_str("hasOwn")) {
        Ok(f) if f.is_function() => Reflect::apply(
            f.unchecked_ref::<js_sys::Function>(),
            &JsValue::NULL,
            &Array::of2(obj, key),
        ),
        _ => {
            let proto = Object::get_prototype_of(&Object::new());
            let f = Reflect::get(&proto, &JsValue::from_str("hasOwnProperty")).map_err(threw)?;
            Reflect::apply(f.unchecked_ref::<js_sys::Function>(), obj, &Array::of1(key))
        }
    }
    .map_err(threw)?;
    if !has.is_truthy() {
        return Ok(None);
    }
    let v = Reflect::get(obj, key).map_err(threw)?;
    Ok((!v.is_undefined() && !v.is_null()).then_some(v))
}

#[cfg(feature = "options")]
fn string(v: &JsValue, path: &str) -> Result<String, String> {
    v.as_string()
        .ok_or_else(|| format!("{path} must be a string (got {})", type_name(v)))
}

#[cfg(feature = "options")]
/// The items of an array, read as own properties (a hole is missing, never
/// filled from `Array.prototype`).
fn array(v: &JsValue, path: &str) -> Result<Vec<JsValue>, String> {
    if !Array::is_array(v) {
        return Err(format!("{path} must be an array (got {})", type_name(v)));
    }
    let a: &Array = v.unchecked_ref();
    (0..a.length())
        .map(|i| {
            let at = format!("{path}[{i}]");
            own(a, &JsValue::from(i), &at)?.ok_or_else(|| format!("{at} is missing"))
        })
        .collect()
}

#[cfg(feature = "options")]
/// Reads and checks the `options` argument (`undefined` or `null`: the defaults).
fn read_options(v: &JsValue) -> Result<Options, String> {
    let mut o = Options::default();
    if v.is_undefined() || v.is_null() {
        return Ok(o);
    }
    let obj = as_object(v, "options")?;
    check_keys(
        obj,
        &["layers", "actors", "cues", "hedges", "rules"],
        "options",
    )?;
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
    read_additions(obj, "options", &mut o)?;
    if let Some(r) = get(obj, "rules", "options")? {
        let path = "options.rules";
        let r = as_object(&r, path)?;
        check_keys(
            r,
            &[
                "actors", "cues", "hedges", "wrong", "merge", "kinds", "patterns",
            ],
            path,
        )?;
        read_additions(r, path, &mut o)?;
        // Each correction: an object of string fields, read in order.
        let items = |key: &str, fields: &[&str]| -> Result<Vec<Vec<String>>, String> {
            let Some(list) = get(r, key, path)? else {
                return Ok(Vec::new());
            };
            let list_path = format!("{path}.{key}");
            let items = array(&list, &list_path)?;
            if items.len() > claimlens::MAX_RULES {
                return Err(format!(
                    "{list_path} holds more than {} rules",
                    claimlens::MAX_RULES
                ));
            }
            let mut out = Vec::new();
            for (i, item) in items.into_iter().enumerate() {
                let at = format!("{list_path}[{i}]");
                let e = as_object(&item, &at)?;
                check_keys(e, fields, &at)?;
                let mut row = Vec::new();
                for f in fields {
                    let v = get(e, f, &at)?.ok_or_else(|| format!("{at}.{f} is missing"))?;
                    let text = string(&v, &format!("{at}.{f}"))?;
                    row.push(if ["layer", "kind", "pattern", "as"].contains(f) {
                        text
                    } else {
                        options::phrase(&format!("{at}.{f}"), &text)?
                    });
                }
                out.push(row);
            }
            Ok(out)
        };
        for (i, row) in items("wrong", &["layer", "text"])?.into_iter().enumerate() {
            let at = format!("{path}.wrong[{i}].layer");
            let layer = options::layer(&at, &row[0])?;
            let text = row[1].clone();
            o.rules.wrong.push(claimlens::Wrong { layer, text });
        }
        for row in items("merge", &["actor", "into"])? {
            let (actor, into) = (row[0].clone(), row[1].clone());
            o.rules.merge.push(claimlens::Merge { actor, into });
        }
        for (i, row) in items("kinds", &["actor", "kind"])?.into_iter().enumerate() {
            let kind = options::actor_kind(&format!("{path}.kinds[{i}].kind"), &row[1])?;
            let actor = row[0].clone();
            o.rules.kinds.push(claimlens::RuleKind { actor, kind });
        }
        for (i, row) in items("patterns", &["pattern", "as"])?
            .into_iter()
            .enumerate()
        {
            let at = format!("{path}.patterns[{i}]");
            if i == claimlens::MAX_PATTERNS {
                return Err(format!(
                    "{path}.patterns holds more than {} patterns",
                    claimlens::MAX_PATTERNS
                ));
            }
            let what = options::pattern_as(&format!("{at}.as"), &row[1])?;
            let p = claimlens::RulePattern {
                pattern: row[0].clone(),
                what,
            };
            if let Some(e) = p.problem() {
                return Err(format!("{at}.pattern {e}"));
            }
            o.rules.patterns.push(p);
        }
    }
    Ok(o)
}

#[cfg(feature = "options")]
/// Reads the lexicon additions (`actors`, `cues`, `hedges`) of `obj`, the
/// options or their `rules`, whose path is `base`.
fn read_additions(obj: &Object, base: &str, o: &mut Options) -> Result<(), String> {
    if let Some(list) = get(obj, "actors", base)? {
        for (i, item) in array(&list, &format!("{base}.actors"))?
            .into_iter()
            .enumerate()
        {
            let path = format!("{base}.actors[{i}]");
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
    if let Some(list) = get(obj, "cues", base)? {
        for (i, item) in array(&list, &format!("{base}.cues"))?
            .into_iter()
            .enumerate()
        {
            let path = format!("{base}.cues[{i}]");
            o.cues.push(options::phrase(&path, &string(&item, &path)?)?);
        }
    }
    if let Some(list) = get(obj, "hedges", base)? {
        for (i, item) in array(&list, &format!("{base}.hedges"))?
            .into_iter()
            .enumerate()
        {
            let path = format!("{base}.hedges[{i}]");
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
    Ok(())
}
