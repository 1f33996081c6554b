//! The Yew UI (wasm32 only).
//!
//! Data flows one way: [`crate::state::State`] is a pure reducer over [`crate::state::Action`]s;
//! components only render it and dispatch actions; everything that touches the
//! outside world (the worker, timers, local storage, the clipboard, scrolling)
//! happens in effects and callbacks of [`app::App`].

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
