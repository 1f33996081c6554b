//! The card of a mark: a non-modal dialog that says what was found there and why
//! (the words come from the view model, `View::explain`). Escape or Close shuts it and
//! the keyboard focus goes back to the mark.

use crate::state::{Action, Card, Shared};
use crate::Overview;
use std::cell::RefCell;
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

/// Props of [`CardView`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The analysis.
    pub overview: Shared<Overview>,
    /// The open card.
    pub card: Card,
    /// Dispatches actions.
    pub dispatch: Callback<Action>,
}

/// The card.
#[function_component(CardView)]
pub fn card_view(p: &Props) -> Html {
    let sections = p.overview.explain(p.card.actor, p.card.claim, p.card.hedge);
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
        </div>
    }
}
