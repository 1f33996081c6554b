//! The web app's entry points: `main` mounts the UI when there is a window;
//! `analyze_view` is what the Web Worker (www/worker.js) calls.

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    /// Analyses `text` for the reading view: `{ overview, pages, contract }`,
    /// all JSON strings (pages as an array of strings).
    #[wasm_bindgen]
    pub fn analyze_view(text: &str) -> js_sys::Object {
        let out = claimlens_app::analyze_for_view(text);
        let obj = js_sys::Object::new();
        let pages = js_sys::Array::new();
        for p in &out.pages {
            pages.push(&JsValue::from_str(p));
        }
        let _ = js_sys::Reflect::set(&obj, &"overview".into(), &out.overview.into());
        let _ = js_sys::Reflect::set(&obj, &"pages".into(), &pages);
        let _ = js_sys::Reflect::set(&obj, &"contract".into(), &out.contract.into());
        obj
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    // The same module is instantiated in the worker, where there is no window.
    if web_sys::window().is_some() {
        claimlens_app::ui::mount();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("claimlens-app is the web app: build it with `trunk build --release` (see README).");
}
