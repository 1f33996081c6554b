//! "Your rules": the reader's own rules (words and patterns added as actors, reporting
//! cues or hedges; highlights marked wrong; actors merged; kinds set), kept in local storage,
//! exported and imported as the rules file that the CLI and the JS API read. JSON is
//! read by the browser's `JSON.parse` and a reader of a few lines (no serde here: its
//! code for `Rules` cost the app kilobytes), never a parser of our own.

use crate::state::{push_rule, rule_fields, rule_list, rules_error, Action, LISTS};
use claimlens::Rules;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Where the rules are kept between visits (this browser only).
const STORAGE_KEY: &str = "claimlens-rules";

fn keys(v: &JsValue) -> js_sys::Array {
    js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>())
}

fn is_object(v: &JsValue) -> bool {
    v.is_object() && !js_sys::Array::is_array(v)
}

/// Parses a rules file (JSON) with the browser's `JSON.parse`, reads it field by field
/// (an unknown field, kind or layer is refused, with the rule's path) and checks it
/// ([`Rules::check`]).
pub fn parse(json: &str) -> Result<Rules, String> {
    let v =
        js_sys::JSON::parse(json).map_err(|_| "not a rules file: it is not JSON".to_string())?;
    let r = read(&v).map_err(|e| format!("not a rules file: {e}"))?;
    r.check().map_err(rules_error)?;
    Ok(r)
}

fn read(v: &JsValue) -> Result<Rules, String> {
    let mut r = Rules::default();
    if !is_object(v) {
        return Err("it is not an object".into());
    }
    for list in keys(v).iter() {
        let name = list.as_string().unwrap_or_default();
        let l = LISTS
            .iter()
            .position(|x| x[0] == name)
            .ok_or_else(|| format!("unknown field `{name}`"))?;
        let items = js_sys::Reflect::get(v, &list).unwrap_or_default();
        if !js_sys::Array::is_array(&items) {
            return Err(format!("{name} must be a list"));
        }
        let [_, a, b] = LISTS[l];
        for (i, item) in js_sys::Array::from(&items).iter().enumerate() {
            let path = format!("{name}[{i}]");
            let field = |f: &str| {
                match l {
                    1 => Some(item.clone()),
                    _ => js_sys::Reflect::get(&item, &JsValue::from_str(f)).ok(),
                }
                .and_then(|x| x.as_string())
                .ok_or_else(|| {
                    format!("{path}{}{f} must be a string", [".", ""][(l == 1) as usize])
                })
            };
            if l != 1 {
                if !is_object(&item) {
                    return Err(format!("{path} must be an object"));
                }
                if let Some(k) = keys(&item)
                    .iter()
                    .filter_map(|k| k.as_string())
                    .find(|k| k != a && k != b)
                {
                    return Err(format!("unknown field `{k}` in {path}"));
                }
            }
            let (x, y) = (field(a)?, field(b).unwrap_or_default());
            push_rule(&mut r, l, x, y, &path)?;
        }
    }
    Ok(r)
}

/// The rules as the JSON of a rules file (each string quoted by `JSON.stringify`), one
/// rule a line.
pub fn to_json(r: &Rules) -> String {
    let q = |s: &str| {
        js_sys::JSON::stringify(&JsValue::from_str(s))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    };
    let mut out = String::from("{");
    let mut last = usize::MAX;
    for (l, x, y) in rule_fields(r) {
        let [name, a, b] = LISTS[l];
        if l != last {
            if last != usize::MAX {
                out += "\n  ],";
            }
            out += "\n  \"";
            out += name;
            out += "\": [\n    ";
            last = l;
        } else {
            out += ",\n    ";
        }
        if l == 1 {
            out += &q(x);
        } else {
            out += &["{\"", a, "\": ", &q(x), ", \"", b, "\": ", &q(y), "}"].concat();
        }
    }
    if last != usize::MAX {
        out += "\n  ]";
    }
    out + "\n}\n"
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

/// What a word added in the panel becomes: the label of the option, the list ([`LISTS`])
/// and the kind.
const ADD_AS: [(&str, usize, &str); 9] = [
    ("actor: person", 0, "person"),
    ("actor: organization", 0, "organization"),
    ("actor: place", 0, "place"),
    ("actor: group", 0, "group"),
    ("reporting cue", 1, ""),
    ("hedging: hedge", 2, "hedge"),
    ("hedging: booster", 2, "booster"),
    ("hedging: weasel", 2, "weasel"),
    ("hedging: condition", 2, "condition"),
];

/// The "Your rules" panel: a plain function of the app's state, not a component of its
/// own (each component costs the app's code a few kilobytes). `phrase` and `what` are
/// the form's text field and select.
pub fn panel(
    rules: &Rc<Rules>,
    error: Option<&String>,
    dispatch: &Callback<Action>,
    phrase: &NodeRef,
    what: &NodeRef,
) -> Html {
    let add = {
        let (phrase, what) = (phrase.clone(), what.clone());
        dispatch.reform(move |e: SubmitEvent| {
            e.prevent_default();
            let input = phrase.cast::<HtmlInputElement>();
            let i = what
                .cast::<HtmlSelectElement>()
                .map_or(0, |s| s.selected_index().max(0) as usize);
            let text = input.as_ref().map(|i| i.value()).unwrap_or_default();
            // The form's checkbox: the text is a regular expression.
            let pattern = input
                .as_ref()
                .and_then(|i| i.parent_element())
                .and_then(|f| f.query_selector("input[type=checkbox]").ok().flatten())
                .and_then(|c| c.dyn_into::<HtmlInputElement>().ok())
                .is_some_and(|c| c.checked());
            let (_, list, kind) = ADD_AS[i.min(8)];
            let (list, kind, text) = if pattern {
                (6, if list == 1 { "cue" } else { kind }, text)
            } else {
                (list, kind, text.trim().to_string())
            };
            // Kept when it cannot be a rule, for the reader to correct.
            let mut one = Rules::default();
            let fits = push_rule(&mut one, list, text.clone(), kind.to_string(), "").is_ok()
                && one.check().is_ok();
            if let Some(input) = input.filter(|_| fits) {
                input.set_value("");
            }
            Action::AddRule(list, text, kind.to_string())
        })
    };
    let import = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let dispatch = dispatch.clone();
            yew::platform::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                let read = text
                    .ok()
                    .and_then(|t| t.as_string())
                    .ok_or_else(|| "The file could not be read.".to_string())
                    .and_then(|t| parse(&t));
                dispatch.emit(match read {
                    Ok(r) => Action::Rules(r),
                    Err(e) => Action::RulesError(Some(format!("Not imported: {e}"))),
                });
            });
        })
    };
    let export = {
        let rules = rules.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let json = to_json(&rules);
            if super::panels::download("claimlens-rules.json", "application/json", &json).is_err() {
                dispatch.emit(Action::Notice(Some("The download could not start.".into())));
            }
        })
    };
    let empty = rules.is_empty();
    let items = rule_list(rules).into_iter().enumerate().map(|(n, label)| {
        html! {
            <li>
                <span>{ label.clone() }</span>
                <button class="link" onclick={dispatch.reform(move |_| Action::RemoveRule(n))} aria-label={format!("Remove the rule {label}")}>{ "Remove" }</button>
            </li>
        }
    });
    html! {
        <section class="panel" id="rules-panel" aria-labelledby="rules-h">
            <h2 id="rules-h">{ "Your rules" }</h2>
            <form class="rule-form" onsubmit={add}>
                <input ref={phrase} type="text" required=true aria-label="Word or phrase" placeholder="word or phrase" />
                <select ref={what} aria-label="Add as">
                    // The first option selected by name: yew inserts the options last to first,
                    // and a select shows the first one inserted ("hedging: condition").
                    { for ADD_AS.iter().enumerate().map(|(i, a)| html! { <option selected={i == 0}>{ a.0 }</option> }) }
                </select>
                <label class="small"><input type="checkbox" />{ " a pattern (regular expression)" }</label>
                <button class="button quiet" type="submit">{ "Add rule" }</button>
            </form>
            if let Some(e) = error {
                <p class="notice" role="alert">{ e.clone() }</p>
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
                <button class="button quiet" onclick={dispatch.reform(|_| Action::Rules(Rules::default()))} disabled={empty}>{ "Clear rules" }</button>
            </div>
        </section>
    }
}
