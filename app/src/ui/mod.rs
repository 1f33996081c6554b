//! The Yew UI (wasm32 only).
//!
//! Data flows one way: [`crate::state::State`] is a pure reducer over [`crate::state::Action`]s;
//! components only render it and dispatch actions; everything that touches the
//! outside world (the worker, timers, local storage, the clipboard, scrolling)
//! happens in effects and callbacks of [`app::App`].
//!
//! A class that is not a string literal is written `CLASS={…}`, not `class={…}`: Yew's
//! `html!` turns a non-literal `class` into its `Classes` set (an `IndexSet` with its
//! hashing, about 1 KB of the gzipped wasm) and back into a string, while any other
//! name is set as it is, with `setAttribute`, which lowercases the name of an HTML
//! element's attribute: the DOM gets the same `class` attribute (none for `None`).
//! The values here are single spaced words already, all that `Classes` would have
//! normalised. `CLASS` is written after an element's other attributes, where `html!`
//! puts `class`, so that the attributes keep their order. One caution: Yew diffs two elements from different `html!` sites at the
//! same place, with the same tag, by attribute name, and there `CLASS` and `class` are
//! different names (the `class` would be removed after `CLASS` was set); so an element
//! that can take the place of one with a literal `class` (the arms of one `match` or
//! `if`, the items of one list) must spell it the same way.

pub mod app;
pub mod bridge;
pub mod card;
pub mod editor;
pub mod legend;
pub mod paint;
pub mod panels;
pub mod rules;
pub mod strip;
pub mod surface;

/// Mounts the app on `#app` (or the body when it is missing).
pub fn mount() {
    let document = web_sys::window().and_then(|w| w.document());
    match document.and_then(|d| d.get_element_by_id("app")) {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}

/// "true" or "false", for an attribute such as `aria-pressed`: a static string, where
/// `bool::to_string` would allocate one.
pub fn truth(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}
