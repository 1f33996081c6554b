//! The web app's entry points: `main` mounts the UI when there is a window;
//! `analyze_view` is what the Web Worker (www/worker.js) calls.

/// The app's own allocator ([`claimlens_app::heap`]): 2 KB less code than the standard one.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static HEAP: claimlens_app::heap::Heap = claimlens_app::heap::Heap::new();

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    thread_local! {
        /// The last rules JSON the worker was sent, read.
        static PARSED: std::cell::RefCell<Option<(String, Result<claimlens::Rules, String>)>> =
            const { std::cell::RefCell::new(None) };
    }

    /// Analyses `text` for the reading view with the reader's `rules` (the JSON of a rules
    /// file, or `undefined`): `{ overview, pages, contract }`, all JSON strings (pages as an
    /// array of strings), and `rulesError` when the rules are invalid (the text is then
    /// analysed without them).
    #[wasm_bindgen]
    pub fn analyze_view(text: &str, rules: Option<String>) -> js_sys::Object {
        // The page sends the same rules with every text: read (and checked, patterns
        // compiled) once while they stay the same.
        let read = rules.map(|json| {
            PARSED.with(|slot| {
                let mut slot = slot.borrow_mut();
                match slot.as_ref() {
                    Some((last, parsed)) if *last == json => parsed.clone(),
                    _ => {
                        let parsed = claimlens_app::ui::rules::parse(&json);
                        *slot = Some((json, parsed.clone()));
                        parsed
                    }
                }
            })
        });
        let (rules, bad) = match read {
            Some(Ok(r)) => (Some(r), None),
            Some(Err(e)) => (None, Some(e)),
            None => (None, None),
        };
        let (out, error) = claimlens_app::analyze_for_view_with(text, rules.as_ref());
        let error = bad.or(error);
        let obj = js_sys::Object::new();
        let pages = js_sys::Array::new();
        for p in &out.pages {
            pages.push(&JsValue::from_str(p));
        }
        let _ = js_sys::Reflect::set(&obj, &"overview".into(), &out.overview.into());
        let _ = js_sys::Reflect::set(&obj, &"pages".into(), &pages);
        let _ = js_sys::Reflect::set(&obj, &"contract".into(), &out.contract.into());
        if let Some(e) = error {
            let _ = js_sys::Reflect::set(&obj, &"rulesError".into(), &e.into());
        }
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
