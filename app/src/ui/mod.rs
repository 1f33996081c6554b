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

/// Reads JSON written in Rust (by the worker's view model) into `T`: parsed by the
/// browser's `JSON.parse`, read by serde-wasm-bindgen, so that the wasm carries no JSON
/// parser of its own.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, String> {
    let v = js_sys::JSON::parse(json).map_err(|_| "the analysis is not JSON".to_string())?;
    serde_wasm_bindgen::from_value(v).map_err(|e| e.to_string())
}
