//! The article's buttons: the sample, Clear, Undo, and the length of the text.

use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Editor`].
pub struct Props {
    /// Dispatches actions.
    pub dispatch: Callback<Action>,
    /// Length of the current text in characters.
    pub chars: usize,
    /// The text Clear or the sample replaced, while it can be brought back.
    pub undo: Option<Rc<str>>,
}

/// The bar above the article (the article itself is [`super::surface::Surface`]).
pub fn editor(p: &Props) -> Html {
    let set = |text: &'static str| {
        p.dispatch
            .reform(move |_: MouseEvent| Action::Replace(Rc::from(text)))
    };
    html! {
        <div class="editor-bar">
            <button id="sample" class="button" onclick={set(crate::SAMPLE)}>{ "Try a sample" }</button>
            <button id="clear" class="button quiet" onclick={set("")} disabled={p.chars == 0}
                aria-label="Clear the text and its saved copy">{ "Clear" }</button>
            if p.undo.is_some() {
                <button id="undo" class="button quiet" onclick={p.dispatch.reform(|_: MouseEvent| {
                    // The button goes with the undo: the focus goes to the text it brought back.
                    let article = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id(crate::state::ARTICLE_ID))
                        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
                    if let Some(a) = article {
                        let _ = a.focus();
                    }
                    Action::Undo
                })}
                    aria-label="Undo: bring back the text as it was">{ "Undo" }</button>
            }
            <span id="input-help" class="muted small">
                if p.chars == 0 { { "Saved in this browser as you type." } }
                else { { format!("{} characters", thousands(p.chars)) } }
            </span>
        </div>
    }
}

/// 1234567 → "1,234,567".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
