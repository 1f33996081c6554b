//! The paste/type area with its buttons.

use crate::state::Action;
use std::cell::Cell;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The textarea (the app restores saved text into it).
    pub node: NodeRef,
    /// Dispatches actions.
    pub dispatch: Callback<Action>,
    /// Length of the current text in characters.
    pub chars: usize,
    /// Whether the text starts in a right-to-left script.
    pub rtl: bool,
    /// The text Clear or the sample replaced, while it can be brought back.
    pub undo: Option<Rc<str>>,
}

/// The editor. The textarea is uncontrolled: the page never rewrites what the
/// user is typing (a 1 MB value would be copied on every keystroke).
#[function_component(Editor)]
pub fn editor(p: &Props) -> Html {
    let pasted = use_mut_ref(|| Rc::new(Cell::new(false)));
    let oninput = {
        let dispatch = p.dispatch.clone();
        let pasted = pasted.borrow().clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            dispatch.emit(Action::Edit {
                text: Rc::from(area.value()),
                now: pasted.replace(false),
            });
        })
    };
    let onpaste = {
        let pasted = pasted.borrow().clone();
        Callback::from(move |_: Event| pasted.set(true))
    };
    // Puts `text` in the textarea (uncontrolled: the page sets it only here and on restore).
    let put = |node: &NodeRef, text: &str| {
        if let Some(area) = node.cast::<HtmlTextAreaElement>() {
            area.set_value(text);
            if text.is_empty() {
                let _ = area.focus();
            }
        }
    };
    let set = |text: &'static str| {
        let dispatch = p.dispatch.clone();
        let node = p.node.clone();
        Callback::from(move |_: MouseEvent| {
            put(&node, text);
            dispatch.emit(Action::Replace(Rc::from(text)));
        })
    };
    let undo = p.undo.clone().map(|text| {
        let dispatch = p.dispatch.clone();
        let node = p.node.clone();
        Callback::from(move |_: MouseEvent| {
            put(&node, &text);
            if let Some(area) = node.cast::<HtmlTextAreaElement>() {
                let _ = area.focus();
            }
            dispatch.emit(Action::Undo);
        })
    });
    html! {
        <div class="editor">
            <label for="input" class="editor-label">{ "Article" }</label>
            <textarea id="input" ref={p.node.clone()} {oninput} {onpaste}
                spellcheck="false" autocomplete="off" dir={if p.rtl { "rtl" } else { "ltr" }}
                placeholder="Paste a news article here. It is analysed as you type, in this browser."
                aria-describedby="input-help" />
            <div class="editor-bar">
                <button id="sample" class="button" onclick={set(crate::SAMPLE)}>{ "Try a sample" }</button>
                <button id="clear" class="button quiet" onclick={set("")} disabled={p.chars == 0}
                    aria-label="Clear the text and its saved copy">{ "Clear" }</button>
                if let Some(onclick) = undo {
                    <button id="undo" class="button quiet" {onclick}
                        aria-label="Undo: bring back the text as it was">{ "Undo" }</button>
                }
                <span id="input-help" class="muted small">
                    if p.chars == 0 { { "Saved in this browser as you type." } }
                    else { { format!("{} characters", thousands(p.chars)) } }
                </span>
            </div>
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
