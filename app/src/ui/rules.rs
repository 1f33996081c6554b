//! "Your rules": the reader's own rules (words added as actors, reporting cues or
//! hedges; highlights marked wrong; actors merged; kinds set), kept in local storage,
//! exported and imported as the rules file that the CLI and the JS API read. JSON is
//! read by the browser's `JSON.parse` and serde-wasm-bindgen, never a parser of our own.

use crate::state::{remove_rule, rule_list, Action};
use claimlens::{ActorKind, HedgeKind, Layer, RuleActor, RuleHedge, Rules};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Where the rules are kept between visits (this browser only).
const STORAGE_KEY: &str = "claimlens-rules";

/// The actor kinds, in the order of the selects' options.
pub const ACTOR_KINDS: [ActorKind; 4] = [
    ActorKind::Person,
    ActorKind::Organization,
    ActorKind::Place,
    ActorKind::Group,
];
const HEDGE_KINDS: [HedgeKind; 4] = [
    HedgeKind::Hedge,
    HedgeKind::Booster,
    HedgeKind::Weasel,
    HedgeKind::Condition,
];

/// The first field that a rules file does not have (serde-wasm-bindgen reads only the
/// fields it knows, so `deny_unknown_fields` alone would not refuse the others).
fn unknown(v: &JsValue) -> Option<String> {
    const LISTS: [(&str, [&str; 2]); 6] = [
        ("actors", ["name", "kind"]),
        ("cues", ["", ""]),
        ("hedges", ["phrase", "kind"]),
        ("wrong", ["layer", "text"]),
        ("merge", ["actor", "into"]),
        ("kinds", ["actor", "kind"]),
    ];
    let keys = |o: &JsValue| {
        let keys = match o.is_object() {
            true => js_sys::Object::keys(o.unchecked_ref::<js_sys::Object>()),
            false => js_sys::Array::new(),
        };
        keys.iter()
            .filter_map(|k| k.as_string())
            .collect::<Vec<_>>()
    };
    for list in keys(v) {
        let Some((_, fields)) = LISTS.iter().find(|l| l.0 == list) else {
            return Some(list);
        };
        let items = js_sys::Array::from(&js_sys::Reflect::get(v, &list.as_str().into()).ok()?);
        for item in items.iter() {
            if let Some(f) = keys(&item)
                .into_iter()
                .find(|f| !fields.contains(&f.as_str()))
            {
                return Some(format!("{list}: {f}"));
            }
        }
    }
    None
}

/// Reads rules from a JS value (as the rules file holds them) and checks them; the
/// error names what is wrong.
pub fn read(v: JsValue) -> Result<Rules, String> {
    if let Some(f) = unknown(&v) {
        return Err(format!("not a rules file: unknown field `{f}`"));
    }
    let rules: Rules =
        serde_wasm_bindgen::from_value(v).map_err(|e| format!("not a rules file: {e}"))?;
    rules.check().map_err(|e| e.to_string())?;
    Ok(rules)
}

/// The rules as a JS value (what [`read`] reads), built by hand: serde-wasm-bindgen's
/// serializer would cost the app some kilobytes.
pub fn to_js(r: &Rules) -> JsValue {
    fn obj(pairs: [(&str, &str); 2]) -> JsValue {
        let o = js_sys::Object::new();
        for (k, v) in pairs {
            let _ = js_sys::Reflect::set(&o, &k.into(), &v.into());
        }
        o.into()
    }
    let o = js_sys::Object::new();
    let list = |name: &str, items: Vec<JsValue>| {
        if !items.is_empty() {
            let a: js_sys::Array = items.into_iter().collect();
            let _ = js_sys::Reflect::set(&o, &name.into(), &a);
        }
    };
    let layer = |l: Layer| match l {
        Layer::Actor => "actor",
        Layer::Claim => "claim",
        Layer::Hedge => "hedge",
    };
    list(
        "actors",
        r.actors
            .iter()
            .map(|a| obj([("name", &a.name), ("kind", a.kind.as_str())]))
            .collect(),
    );
    list(
        "cues",
        r.cues.iter().map(|c| JsValue::from_str(c)).collect(),
    );
    list(
        "hedges",
        r.hedges
            .iter()
            .map(|h| obj([("phrase", &h.phrase), ("kind", h.kind.as_str())]))
            .collect(),
    );
    list(
        "wrong",
        r.wrong
            .iter()
            .map(|w| obj([("layer", layer(w.layer)), ("text", &w.text)]))
            .collect(),
    );
    list(
        "merge",
        r.merge
            .iter()
            .map(|m| obj([("actor", &m.actor), ("into", &m.into)]))
            .collect(),
    );
    list(
        "kinds",
        r.kinds
            .iter()
            .map(|k| obj([("actor", &k.actor), ("kind", k.kind.as_str())]))
            .collect(),
    );
    o.into()
}

/// The rules as the JSON of a rules file, indented.
fn to_json(r: &Rules) -> String {
    js_sys::JSON::stringify_with_replacer_and_space(&to_js(r), &JsValue::NULL, &2.into())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// Parses `json` and reads rules from it.
fn parse(json: &str) -> Result<Rules, String> {
    let v =
        js_sys::JSON::parse(json).map_err(|_| "not a rules file: it is not JSON".to_string())?;
    read(v)
}

/// The rules kept in this browser, if any, or why they cannot be used.
pub fn load() -> Option<Result<Rules, String>> {
    let json = super::app::storage()?.get_item(STORAGE_KEY).ok()??;
    Some(parse(&json))
}

/// Keeps the rules in this browser (none: forgets them).
pub fn save(r: &Rules) {
    if let Some(s) = super::app::storage() {
        let _ = if r.is_empty() {
            s.remove_item(STORAGE_KEY)
        } else {
            s.set_item(STORAGE_KEY, &to_json(r))
        };
    }
}

/// Dispatches the rules with `add` applied, if they are still valid (else says why).
pub fn change(
    rules: &Rules,
    dispatch: &Callback<Action>,
    add: impl FnOnce(&mut Rules),
) -> Result<(), String> {
    let mut r = rules.clone();
    add(&mut r);
    r.check().map_err(|e| e.to_string())?;
    dispatch.emit(Action::Rules(r));
    Ok(())
}

/// Props of [`RulesPanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The rules.
    pub rules: Rc<Rules>,
    /// Dispatches actions.
    pub dispatch: Callback<Action>,
}

/// The "Your rules" panel.
#[function_component(RulesPanel)]
pub fn rules_panel(p: &Props) -> Html {
    let error = use_state(|| None::<String>);
    let phrase = use_node_ref();
    let what = use_node_ref();
    let add = {
        let (rules, dispatch, error) = (p.rules.clone(), p.dispatch.clone(), error.clone());
        let (phrase, what) = (phrase.clone(), what.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (Some(input), Some(select)) = (
                phrase.cast::<HtmlInputElement>(),
                what.cast::<HtmlSelectElement>(),
            ) else {
                return;
            };
            let text = input.value().trim().to_string();
            let i = select.selected_index().max(0) as usize;
            let done = change(&rules, &dispatch, |r| match i {
                0..=3 => r.actors.push(RuleActor {
                    name: text,
                    kind: ACTOR_KINDS[i],
                }),
                4 => r.cues.push(text),
                _ => r.hedges.push(RuleHedge {
                    phrase: text,
                    kind: HEDGE_KINDS[(i - 5).min(3)],
                }),
            });
            if done.is_ok() {
                input.set_value("");
            }
            error.set(done.err());
        })
    };
    let import = {
        let (dispatch, error) = (p.dispatch.clone(), error.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let (dispatch, error) = (dispatch.clone(), error.clone());
            yew::platform::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                let read = text
                    .ok()
                    .and_then(|t| t.as_string())
                    .ok_or_else(|| "The file could not be read.".to_string())
                    .and_then(|t| parse(&t));
                match read {
                    Ok(r) => {
                        error.set(None);
                        dispatch.emit(Action::Rules(r));
                    }
                    Err(e) => error.set(Some(format!("Not imported: {e}"))),
                }
            });
        })
    };
    let export = {
        let (rules, dispatch) = (p.rules.clone(), p.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let json = to_json(&rules);
            if super::panels::download("claimlens-rules.json", "application/json", &json).is_err() {
                dispatch.emit(Action::Notice(Some("The download could not start.".into())));
            }
        })
    };
    let empty = p.rules.is_empty();
    let items = rule_list(&p.rules).into_iter().enumerate().map(|(n, label)| {
        let (rules, dispatch) = (p.rules.clone(), p.dispatch.clone());
        let remove = Callback::from(move |_: MouseEvent| {
            let mut r = (*rules).clone();
            remove_rule(&mut r, n);
            dispatch.emit(Action::Rules(r));
        });
        html! {
            <li>
                <span>{ label.clone() }</span>
                <button class="link" onclick={remove} aria-label={format!("Remove the rule {label}")}>{ "Remove" }</button>
            </li>
        }
    });
    html! {
        <section class="panel" id="rules-panel" aria-labelledby="rules-h">
            <h2 id="rules-h">{ "Your rules" }</h2>
            <form class="rule-form" onsubmit={add}>
                <input ref={phrase} type="text" required=true aria-label="Word or phrase" placeholder="word or phrase" />
                <select ref={what} aria-label="Add as">
                    { for ACTOR_KINDS.iter().map(|k| html! { <option>{ format!("actor: {}", k.as_str()) }</option> }) }
                    <option>{ "reporting cue" }</option>
                    { for HEDGE_KINDS.iter().map(|k| html! { <option>{ format!("hedging: {}", k.as_str()) }</option> }) }
                </select>
                <button class="button quiet" type="submit">{ "Add rule" }</button>
            </form>
            if let Some(e) = (*error).clone() {
                <p class="notice" role="alert">{ e }</p>
            }
            if empty {
                <p class="muted small">{ "No rules yet. Add words, or mark a highlight as wrong in its card." }</p>
            }
            <ul class="list rules">{ for items }</ul>
            <div class="chips">
                <button class="button quiet" onclick={export} disabled={empty}>{ "Export rules" }</button>
                <label class="button quiet">{ "Import rules" }
                    <input type="file" class="visually-hidden" accept=".json,application/json" onchange={import} />
                </label>
                <button class="button quiet" onclick={p.dispatch.reform(|_| Action::Rules(Rules::default()))} disabled={empty}>{ "Clear rules" }</button>
            </div>
        </section>
    }
}
