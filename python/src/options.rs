//! The keyword options of `claimlens.analyze`, given as a JSON object by
//! `claimlens/__init__.py`, read into the [`Options`] that the JS API reads too
//! (so both accept and refuse the same things, with the same words).

use claimlens_view::options::{self as check, Options, UserActor, UserHedge};
use serde_json::{Map, Value};

/// Reads `{"layers": {...}, "actors": [...], "cues": [...], "hedges": [...]}`; a key
/// that is absent or `null` keeps its default.
pub(crate) fn read(json: &str) -> Result<Options, String> {
    let v: Value = serde_json::from_str(json).map_err(|e| format!("options: {e}"))?;
    let obj = object(&v, "options")?;
    keys(obj, &["layers", "actors", "cues", "hedges"], "options")?;
    let mut o = Options::default();
    if let Some(l) = present(obj, "layers") {
        let l = object(l, "layers")?;
        keys(l, &["actors", "claims", "hedges"], "layers")?;
        for (key, slot) in [
            ("actors", &mut o.layers.actors),
            ("claims", &mut o.layers.claims),
            ("hedges", &mut o.layers.hedges),
        ] {
            if let Some(b) = present(l, key) {
                *slot = b.as_bool().ok_or_else(|| {
                    format!("layers[{key:?}] must be a bool (got {})", type_name(b))
                })?;
            }
        }
    }
    for (i, item) in list(obj, "actors")?.iter().enumerate() {
        let path = format!("actors[{i}]");
        let e = object(item, &path)?;
        keys(e, &["name", "kind", "subkind"], &path)?;
        let name = check::phrase(&format!("{path}[\"name\"]"), &field(e, "name", &path)?)?;
        let kind = check::actor_kind(&format!("{path}[\"kind\"]"), &field(e, "kind", &path)?)?;
        let subkind = match present(e, "subkind") {
            Some(s) => Some(string(s, &format!("{path}[\"subkind\"]"))?),
            None => None,
        };
        o.actors.push(UserActor {
            name,
            kind,
            subkind,
        });
    }
    for (i, item) in list(obj, "cues")?.iter().enumerate() {
        let path = format!("cues[{i}]");
        o.cues.push(check::phrase(&path, &string(item, &path)?)?);
    }
    for (i, item) in list(obj, "hedges")?.iter().enumerate() {
        let path = format!("hedges[{i}]");
        let e = object(item, &path)?;
        keys(e, &["phrase", "kind"], &path)?;
        let phrase =
            check::hedge_phrase(&format!("{path}[\"phrase\"]"), &field(e, "phrase", &path)?)?;
        let kind = check::hedge_kind(&format!("{path}[\"kind\"]"), &field(e, "kind", &path)?)?;
        o.hedges.push(UserHedge { phrase, kind });
    }
    Ok(o)
}

/// `obj[key]` unless absent or `null`.
fn present<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    obj.get(key).filter(|v| !v.is_null())
}

fn object<'a>(v: &'a Value, path: &str) -> Result<&'a Map<String, Value>, String> {
    v.as_object()
        .ok_or_else(|| format!("{path} must be a dict (got {})", type_name(v)))
}

fn keys(obj: &Map<String, Value>, allowed: &[&str], path: &str) -> Result<(), String> {
    match obj.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(format!(
            "{path} has an unknown key {k:?} (expected one of: {})",
            allowed.join(", ")
        )),
        None => Ok(()),
    }
}

fn list<'a>(obj: &'a Map<String, Value>, key: &str) -> Result<&'a [Value], String> {
    match present(obj, key) {
        None => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(v) => Err(format!("{key} must be a list (got {})", type_name(v))),
    }
}

fn string(v: &Value, path: &str) -> Result<String, String> {
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("{path} must be a str (got {})", type_name(v)))
}

fn field(e: &Map<String, Value>, key: &str, path: &str) -> Result<String, String> {
    let v = present(e, key).ok_or_else(|| format!("{path}[{key:?}] is missing"))?;
    string(v, &format!("{path}[{key:?}]"))
}

/// The Python name of a JSON value's type, for messages.
fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "None",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}
