//! The card of a mark: a non-modal dialog that says what was found there and why
//! (the words come from the view model, `View::explain`). A click on a mark opens it
//! and leaves the caret where it was; from the keyboard (Alt+Enter) it takes the focus.
//! Escape or Close shuts it and the keyboard focus goes back to the article.

use crate::state::ACTOR_KINDS;
use crate::state::{Action, Card, Shared};
use crate::Overview;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Moves the keyboard focus to the card once it is drawn.
pub fn take_focus() {
    yew::platform::spawn_local(async {
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
        let close = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("card-close"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(c) = close {
            let _ = c.focus();
        }
    });
}

/// Gives the keyboard focus back to the article when the card had it (the caret is
/// where it was).
pub fn refocus() {
    let doc = web_sys::window().and_then(|w| w.document());
    let in_card = doc
        .as_ref()
        .and_then(|d| d.active_element())
        .is_some_and(|a| a.closest("#card").ok().flatten().is_some());
    let article = doc
        .and_then(|d| d.get_element_by_id(crate::state::ARTICLE_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let (true, Some(a)) = (in_card, article) {
        let _ = a.focus();
    }
}

/// A button that marks a highlight wrong (a rule of the list `wrong`).
fn wrong(dispatch: &Callback<Action>, layer: &'static str, what: &str, text: &str) -> Html {
    let t = text.to_string();
    let onclick = dispatch.reform(move |_: MouseEvent| {
        refocus();
        Action::AddRule(3, layer.into(), t.clone())
    });
    html! {
        <button class="button quiet" {onclick} aria-label={format!("Mark as wrong: {what} “{text}”")}>{ format!("Mark {what} as wrong") }</button>
    }
}

/// A rule of list `l` about `actor`, of the value chosen in a select (none: nothing).
fn pick(dispatch: &Callback<Action>, l: usize, actor: &str) -> Callback<Event> {
    let (dispatch, actor) = (dispatch.clone(), actor.to_string());
    Callback::from(move |e: Event| {
        let value = e
            .target_dyn_into::<web_sys::HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default();
        if !value.is_empty() {
            refocus();
            dispatch.emit(Action::AddRule(l, actor.clone(), value));
        }
    })
}

/// What [`card_view`] shows.
pub struct Props {
    /// The analysis.
    pub overview: Shared<Overview>,
    /// The open card.
    pub card: Card,
    /// Dispatches actions.
    pub dispatch: Callback<Action>,
}

/// The card.
pub fn card_view(p: &Props) -> Html {
    let sections = p.overview.explain(p.card.actor, p.card.claim, p.card.hedge);
    let ov = &p.overview;
    // A rule added from the card: the text is analysed again (and the card closes).
    let d = &p.dispatch;
    let actor = p.card.actor.and_then(|a| ov.actors.get(a as usize)).map(|a| {
        html! {
            <div class="chips">
                { wrong(d, "actor", "actor", &a.name) }
                <label>{ "Change kind " }
                    <select aria-label="Change kind" onchange={pick(d, 5, &a.name)}>
                        { for ACTOR_KINDS.iter().map(|k| html! {
                            <option selected={k.as_str() == a.kind}>{ k.as_str() }</option>
                        }) }
                    </select>
                </label>
                <select aria-label="Merge into…" onchange={pick(d, 4, &a.name)}>
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
                if let Some(c) = claim { { wrong(d, "claim", "claim cue", &c.cue) } }
                if let Some(h) = hedge { { wrong(d, "hedge", "hedge", &h.text) } }
            </div>
        </div>
    }
}
