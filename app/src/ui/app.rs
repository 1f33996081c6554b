//! The app: state, effects (worker, debounce, autosave, scrolling) and layout.

use super::bridge;
use super::surface::Surface;
use crate::state::{Action, Shared, State, Status};
use crate::view::words::fixed;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where the text is kept between visits (this browser only).
const STORAGE_KEY: &str = "claimlens.text";
/// Pause in typing before the analysis starts.
const DEBOUNCE: Duration = Duration::from_millis(250);

pub(crate) fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Saves the text; `Err` with a message when the browser refuses.
fn save(text: &str) -> Result<(), String> {
    let Some(s) = storage() else {
        return Err(
            "This browser does not allow saving here, so the text will not survive a reload."
                .into(),
        );
    };
    if text.is_empty() {
        let _ = s.remove_item(STORAGE_KEY);
        return Ok(());
    }
    s.set_item(STORAGE_KEY, text).map_err(|_| {
        format!(
            "This text ({}) is too long to autosave: it stays here, but will not survive a reload.",
            size(text.len())
        )
    })
}

/// A byte count for people.
pub fn size(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", fixed(bytes as f64 / (1 << 20) as f64, 1))
    } else if bytes >= 1 << 10 {
        format!("{} KB", fixed(bytes as f64 / (1 << 10) as f64, 0))
    } else {
        format!("{bytes} bytes")
    }
}

/// The app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let dispatch = {
        let d = state.dispatcher();
        Callback::from(move |a: Action| d.dispatch(a))
    };
    // The rules panel's text field and select.
    let (phrase, what) = (use_node_ref(), use_node_ref());
    let bridge = use_mut_ref(|| None::<bridge::Handle>);
    // The latest text, for the save on leaving the page (typing within the
    // autosave pause would otherwise be lost on a quick reload or close).
    let latest = use_mut_ref(|| Rc::<str>::from(""));
    *latest.borrow_mut() = state.text.clone();
    {
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let on_leave = Closure::<dyn FnMut()>::new(move || {
                let _ = save(&latest.borrow());
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "pagehide",
                    on_leave.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback(
                        "pagehide",
                        on_leave.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    // On mount: start the bridge and restore the saved text.
    {
        let dispatch = dispatch.clone();
        let bridge = bridge.clone();
        use_effect_with((), move |_| {
            let handle = bridge::new(dispatch.clone());
            bridge::warm_up(&handle);
            *bridge.borrow_mut() = Some(handle);
            // The rules first, so that the first analysis has them.
            match super::rules::load() {
                Some(Ok(rules)) => dispatch.emit(Action::Rules(rules)),
                Some(Err(e)) => dispatch.emit(Action::Notice(Some(format!(
                    "Your saved rules were not applied: {e}"
                )))),
                None => {}
            }
            let saved = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
            if let Some(text) = saved.filter(|t| !t.is_empty()) {
                dispatch.emit(Action::Load(Rc::from(text)));
            }
        });
    }

    // After an edit: wait for a pause (not after a paste), then save and analyse.
    {
        let dispatch = dispatch.clone();
        let bridge = bridge.clone();
        let text = state.text.clone();
        let now = state.pasted;
        let id = state.next_id;
        let rules = state.rules.clone();
        use_effect_with(state.edits, move |&edits| {
            let cancelled = Rc::new(Cell::new(false));
            if edits > 0 {
                let cancelled = cancelled.clone();
                yew::platform::spawn_local(async move {
                    if !now {
                        yew::platform::time::sleep(DEBOUNCE).await;
                    }
                    if cancelled.get() {
                        return;
                    }
                    match save(&text) {
                        Ok(()) => {}
                        Err(msg) => dispatch.emit(Action::Notice(Some(msg))),
                    }
                    if !text.trim().is_empty() && text.len() <= crate::state::MAX_BYTES {
                        if let Some(b) = bridge.borrow().as_ref() {
                            bridge::request(b, id, text, rules);
                        }
                    }
                });
            }
            move || cancelled.set(true)
        });
    }

    let result = state.result.clone();
    let status = status_line(&state);
    let busy = matches!(state.status, Status::Working { .. } | Status::Waiting);

    html! {
        <>
        <a class="skip" href="#findings">{ "Skip to the findings" }</a>
        <header class="top">
            <div class="brand">
                <h1>{ "claimlens" }</h1>
                <p class="tagline">
                    { "Who is named, who claims what, and how sure the article sounds. " }
                    <strong>{ "Analysed in your browser: nothing you paste leaves this page." }</strong>
                </p>
            </div>
            { super::panels::export(&super::panels::ExportProps { result: result.clone(), dispatch: dispatch.clone() }) }
        </header>
        <main class="layout" data-ready={super::truth(state.ready)}>
            <section class="reading-pane" aria-label="The article and its highlights">
                { super::legend::legend(&super::legend::Props { shown: state.shown, emphasis: state.emphasis, dispatch: dispatch.clone() }) }
                <div id="status" CLASS={match (busy, matches!(state.status, Status::Failed(_) | Status::TooLong(_))) {
                    (true, true) => "status busy failed",
                    (true, false) => "status busy",
                    (false, true) => "status failed",
                    (false, false) => "status",
                }}>
                    if busy { <span class="spinner" aria-hidden="true"></span> }
                    { status.clone() }
                </div>
                // Screen readers hear only results and failures, not every pause in typing.
                <p class="visually-hidden" aria-live="polite">
                    { if matches!(state.status, Status::Ready | Status::Failed(_) | Status::TooLong(_)) { status } else { String::new() } }
                </p>
                if let Some(n) = state.notice.clone() {
                    <div class="notice" role="alert">
                        <span>{ n }</span>
                        <button class="link" onclick={dispatch.reform(|_| Action::Notice(None))} aria-label="Dismiss message">{ "×" }</button>
                    </div>
                }
                if let Some(r) = &result {
                    { super::strip::strip(&super::strip::Props { overview: r.overview.clone(), dispatch: dispatch.clone() }) }
                }
                { super::editor::editor(&super::editor::Props { dispatch: dispatch.clone(), chars: state.chars, undo: state.undo.clone() }) }
                <Surface text={Shared(state.text.clone())} loads={state.loads} result={result.clone()} page={state.page}
                    shown={state.shown} emphasis={state.emphasis} selected={state.selected}
                    source={state.source.as_ref().map(|x| x.0)} rtl={state.rtl}
                    jump={state.focus.clone().map(|f| (f, state.take_focus))} jumps={state.jumps} dispatch={dispatch.clone()} />
            </section>
            <aside class="panels" id="findings" tabindex="-1" aria-label="Findings">
                { match &result {
                    Some(r) => super::panels::panels(&super::panels::Props { overview: r.overview.clone(), selected: state.selected, source: state.source.as_ref().map(|x| x.0), dispatch: dispatch.clone(), which: 0 }),
                    None => html! { <p class="muted">{ "Actors, claims and hedging will be listed here." }</p> },
                } }
                { super::rules::panel(&state.rules, state.rules_error.as_ref(), &dispatch, &phrase, &what) }
            </aside>
        </main>
        if let Some(r) = &result {
            if let Some(card) = state.card.clone() {
                { super::card::card_view(&super::card::Props { overview: r.overview.clone(), card, dispatch: dispatch.clone() }) }
            }
        }
        if result.is_some() {
            // On a phone, the panels come after the whole article: one tap away from anywhere.
            <nav class="tabs" aria-label="Sections">
                <a href={format!("#{}", crate::state::ARTICLE_ID)}>{ "Article" }</a>
                <a href="#actors-panel">{ "Actors" }</a>
                <a href="#claims-panel">{ "Claims" }</a>
                <a href="#hedging-panel">{ "Hedging" }</a>
            </nav>
        }
        <footer class="foot">
            <p>{ "claimlens runs entirely in this page (Rust compiled to WebAssembly). It makes no network requests; the text is kept only in this browser's local storage until you clear it." }</p>
        </footer>
        </>
    }
}

fn status_line(state: &State) -> String {
    match &state.status {
        Status::Empty => "Paste or type an article to start.".into(),
        Status::Waiting => "Waiting for a pause in typing…".into(),
        Status::Working { bytes, .. } => format!("Analysing {}…", size(*bytes)),
        Status::Failed(m) => {
            format!("The analysis failed: {m}. Your text is kept; edit it to try again.")
        }
        Status::TooLong(bytes) => format!(
            "This text is {}: claimlens analyses up to {} at a time. Your text is kept; \
             shorten it or analyse it in parts.",
            size(*bytes),
            size(crate::state::MAX_BYTES)
        ),
        Status::Ready => match &state.result {
            Some(r) => {
                let s = &r.overview.summary;
                format!(
                    "Analysed {} ({} words) in {} ms: {} actors, {} claims, {} hedging cues.",
                    size(r.overview.length as usize),
                    s.words,
                    fixed(r.ms.max(1.0), 0),
                    s.actors,
                    s.claims,
                    s.hedges + s.boosters + s.weasels + s.conditions
                )
            }
            None => String::new(),
        },
    }
}
