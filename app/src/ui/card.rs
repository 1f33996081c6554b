//! The card of a mark: a non-modal dialog that says what was found there and why
//! (the words come from the view model, `View::explain`). Escape or Close shuts it and
//! the keyboard focus goes back to the mark.

use crate::state::{Action, Card, Shared};
use crate::Overview;
use claimlens::{Layer, Merge, RuleKind, Rules, Wrong};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

thread_local! {
    /// The mark whose card is open: Close gives it the keyboard focus back.
    static MARK: RefCell<Option<web_sys::HtmlElement>> = const { RefCell::new(None) };
}

/// Remembers the mark a card is opened for.
pub fn opened_for(mark: &web_sys::Element) {
    MARK.with(|m| *m.borrow_mut() = mark.clone().dyn_into().ok());
}

/// Gives the keyboard focus back to the mark whose card was open.
fn refocus() {
    if let Some(m) = MARK.with(|m| m.borrow_mut().take()) {
        if m.is_connected() {
            let _ = m.focus();
        }
    }
}

/// Adds a rule made of a value chosen in the card.
type AddRule = Rc<dyn Fn(&mut Rules, String)>;

/// Props of [`CardView`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The analysis.
    pub overview: Shared<Overview>,
    /// The open card.
    pub card: Card,
    /// Dispatches actions.
    pub dispatch: Callback<Action>,
    /// The reader's rules, which the card's corrections add to.
    pub rules: Rc<Rules>,
}

/// The card.
#[function_component(CardView)]
pub fn card_view(p: &Props) -> Html {
    let sections = p.overview.explain(p.card.actor, p.card.claim, p.card.hedge);
    let ov = &p.overview;
    // A rule added from the card: the text is analysed again (and the card closes).
    let fix = |add: AddRule| {
        let (rules, dispatch) = (p.rules.clone(), p.dispatch.clone());
        Callback::from(move |value: String| {
            if !value.is_empty() {
                refocus();
                let _ = super::rules::change(&rules, &dispatch, |r| add(r, value));
            }
        })
    };
    let wrong = |layer: Layer, what: &str, text: &str| {
        let add = fix(Rc::new(move |r: &mut Rules, text: String| {
            r.wrong.push(Wrong { layer, text })
        }));
        let text = text.to_string();
        html! {
            <button class="button quiet" onclick={Callback::from(move |_: MouseEvent| add.emit(text.clone()))}
                aria-label={format!("Mark as wrong: {what} “{text}”")}>{ format!("Mark {what} as wrong") }</button>
        }
    };
    let select_value = |e: Event| {
        e.target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|s| s.value())
            .unwrap_or_default()
    };
    let actor = p.card.actor.and_then(|a| ov.actors.get(a as usize)).map(|a| {
        let name = a.name.clone();
        let n = name.clone();
        let kind = fix(Rc::new(move |r: &mut Rules, k: String| {
            if let Some(&kind) = super::rules::ACTOR_KINDS.iter().find(|x| x.as_str() == k) {
                r.kinds.retain(|x| x.actor != n);
                r.kinds.push(RuleKind { actor: n.clone(), kind });
            }
        }));
        let n = name.clone();
        let merge = fix(Rc::new(move |r: &mut Rules, into: String| {
            r.merge.push(Merge { actor: n.clone(), into })
        }));
        html! {
            <div class="chips">
                { wrong(Layer::Actor, "actor", &name) }
                <label>{ "Change kind " }
                    <select aria-label="Change kind" onchange={kind.reform(select_value)}>
                        { for super::rules::ACTOR_KINDS.iter().map(|k| html! {
                            <option selected={k.as_str() == a.kind}>{ k.as_str() }</option>
                        }) }
                    </select>
                </label>
                <select aria-label="Merge into…" onchange={merge.reform(select_value)}>
                    <option value="">{ "Merge into…" }</option>
                    { for ov.actors.iter().filter(|o| o.id != a.id).map(|o| html! { <option>{ o.name.clone() }</option> }) }
                </select>
            </div>
        }
    });
    let claim = p.card.claim.and_then(|(c, _)| ov.claims.get(c as usize));
    let hedge = p.card.hedge.and_then(|h| ov.hedges.get(h as usize));
    let close = p.dispatch.reform(|_: MouseEvent| {
        refocus();
        Action::Card(None)
    });
    let onkeydown = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                refocus();
                dispatch.emit(Action::Card(None));
            }
        })
    };
    html! {
        <div class="card" role="dialog" aria-labelledby="card-title" id="card" {onkeydown}>
            <div class="card-head">
                <h2 id="card-title">{ "What was found here" }</h2>
                <button class="link" id="card-close" onclick={close} aria-label="Close the card">{ "Close ×" }</button>
            </div>
            { for sections.into_iter().map(|s| html! {
                <section>
                    <h3>{ s.title }</h3>
                    { for s.lines.into_iter().map(|l| html! { <p>{ l }</p> }) }
                </section>
            }) }
            <div class="card-fix">
                { actor.unwrap_or_default() }
                if let Some(c) = claim { { wrong(Layer::Claim, "claim cue", &c.cue) } }
                if let Some(h) = hedge { { wrong(Layer::Hedge, "hedge", &h.text) } }
            </div>
        </div>
    }
}
