//! The page's side of the Web Worker that runs the analysis.
//!
//! One request is in flight at a time; while it runs, newer texts replace each
//! other in a one-slot queue, so a burst of typing during a long analysis costs
//! one more analysis, not one per keystroke. When the worker cannot be started
//! (or died), the analysis runs on the page instead, after a frame, so the
//! "analysing" state still shows.

use crate::state::{Action, Analysed, Shared};
use claimlens::Rules;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

/// The worker script, beside index.html.
const WORKER_URL: &str = "./worker.js";
/// A page may define `claimlensWorker()` returning a ready-made worker (the
/// single-file build does: it cannot load ./worker.js from file://).
const WORKER_FACTORY: &str = "claimlensWorker";

/// Starts the analysis worker: the page's factory, if any, else ./worker.js.
fn start_worker() -> Option<Worker> {
    let global = js_sys::global();
    let factory = js_sys::Reflect::get(&global, &WORKER_FACTORY.into()).ok();
    if let Some(f) = factory.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        return f.call0(&global).ok()?.dyn_into::<Worker>().ok();
    }
    let opts = WorkerOptions::new();
    opts.set_type(WorkerType::Module);
    Worker::new_with_options(WORKER_URL, &opts).ok()
}

/// A request: its id, the text and the reader's rules.
type Job = (u32, Rc<str>, Rc<Rules>);

/// Owns the worker and its queue.
pub struct Bridge {
    worker: Option<Worker>,
    on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
    on_error: Option<Closure<dyn FnMut(web_sys::Event)>>,
    busy: Option<Job>,
    pending: Option<Job>,
    /// Set when the worker could not load: analyse on the page from then on.
    no_worker: bool,
    dispatch: Callback<Action>,
    this: Weak<RefCell<Bridge>>,
}

/// A handle shared by the app's callbacks.
pub type Handle = Rc<RefCell<Bridge>>;

/// Creates the bridge (the worker starts on the first request).
pub fn new(dispatch: Callback<Action>) -> Handle {
    Rc::new_cyclic(|this| {
        RefCell::new(Bridge {
            worker: None,
            on_message: None,
            on_error: None,
            busy: None,
            pending: None,
            no_worker: false,
            dispatch,
            this: this.clone(),
        })
    })
}

/// Starts the worker now, so that its scripts load with the page.
pub fn warm_up(handle: &Handle) {
    let mut b = handle.borrow_mut();
    if b.ensure_worker().is_none() {
        b.no_worker = true;
        let dispatch = b.dispatch.clone();
        drop(b);
        dispatch.emit(Action::WorkerReady);
    }
}

/// Asks for an analysis of `text`, answered with [`Action::Done`] or [`Action::Failed`].
pub fn request(handle: &Handle, id: u32, text: Rc<str>, rules: Rc<Rules>) {
    let mut b = handle.borrow_mut();
    b.dispatch.emit(Action::Started {
        id,
        bytes: text.len(),
    });
    if b.busy.is_some() {
        b.pending = Some((id, text, rules));
        return;
    }
    b.send((id, text, rules));
}

impl Bridge {
    fn ensure_worker(&mut self) -> Option<Worker> {
        if self.worker.is_none() && !self.no_worker {
            let worker = start_worker()?;
            let this = self.this.clone();
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                if let Some(h) = this.upgrade() {
                    answered(&h, e.data());
                }
            });
            let this = self.this.clone();
            let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_e: web_sys::Event| {
                if let Some(h) = this.upgrade() {
                    died(&h);
                }
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            self.worker = Some(worker);
            self.on_message = Some(on_message);
            self.on_error = Some(on_error);
        }
        self.worker.clone()
    }

    fn send(&mut self, job: Job) {
        self.busy = Some(job.clone());
        let (id, text, rules) = job;
        if let Some(worker) = self.ensure_worker() {
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &"id".into(), &JsValue::from(id));
            let _ = js_sys::Reflect::set(&msg, &"text".into(), &JsValue::from_str(&text));
            if !rules.is_empty() {
                let _ = js_sys::Reflect::set(
                    &msg,
                    &"rules".into(),
                    &super::rules::to_json(&rules).into(),
                );
            }
            if worker.post_message(&msg).is_ok() {
                return;
            }
            self.drop_worker();
            self.no_worker = true;
        }
        // No worker: analyse here, after the browser has painted "analysing".
        let this = self.this.clone();
        yew::platform::spawn_local(async move {
            yew::platform::time::sleep(std::time::Duration::from_millis(16)).await;
            let start = now();
            let (out, error) = crate::analyze_for_view_with(&text, Some(&rules));
            if let Some(e) = error {
                rules_error(&this, e);
            }
            let done = Action::Done(Analysed {
                id,
                text: Shared(text.clone()),
                overview: match crate::view::view_from_json(&out.overview) {
                    Ok(o) => Shared::new(o),
                    Err(e) => return fail(&this, id, e.to_string()),
                },
                pages: Shared::new(out.pages),
                contract: Shared::new(out.contract),
                ms: now() - start,
            });
            if let Some(h) = this.upgrade() {
                let dispatch = h.borrow().dispatch.clone();
                dispatch.emit(done);
                next(&h);
            }
        });
    }

    fn drop_worker(&mut self) {
        if let Some(w) = self.worker.take() {
            w.set_onmessage(None);
            w.set_onerror(None);
            w.terminate();
        }
        self.on_message = None;
        self.on_error = None;
    }
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Says that the rules were not applied.
fn rules_error(this: &Weak<RefCell<Bridge>>, e: String) {
    if let Some(h) = this.upgrade() {
        let dispatch = h.borrow().dispatch.clone();
        dispatch.emit(Action::Notice(Some(format!(
            "Your rules were not applied: {e}"
        ))));
    }
}

fn fail(this: &Weak<RefCell<Bridge>>, id: u32, message: String) {
    if let Some(h) = this.upgrade() {
        let dispatch = h.borrow().dispatch.clone();
        dispatch.emit(Action::Failed { id, message });
        next(&h);
    }
}

/// Sends the queued text, if any.
fn next(handle: &Handle) {
    let mut b = handle.borrow_mut();
    b.busy = None;
    if let Some(job) = b.pending.take() {
        b.send(job);
    }
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Handles the worker's answer.
fn answered(handle: &Handle, data: JsValue) {
    match get(&data, "ready").as_bool() {
        Some(true) => {
            let dispatch = handle.borrow().dispatch.clone();
            dispatch.emit(Action::WorkerReady);
            return;
        }
        Some(false) => return died(handle),
        None => {}
    }
    let id = get(&data, "id").as_f64().unwrap_or(0.0) as u32;
    let (dispatch, busy) = {
        let b = handle.borrow();
        (b.dispatch.clone(), b.busy.clone())
    };
    // The text sent, which the runs' offsets point into.
    let text = busy
        .filter(|(busy, ..)| *busy == id)
        .map(|(_, text, _)| text);
    if let Some(e) = get(&data, "rulesError").as_string() {
        dispatch.emit(Action::Notice(Some(format!(
            "Your rules were not applied: {e}"
        ))));
    }
    let action = if get(&data, "ok").as_bool() == Some(true) {
        let overview = get(&data, "overview").as_string().unwrap_or_default();
        match (crate::view::view_from_json(&overview), text) {
            (Ok(overview), Some(text)) => {
                let pages: Vec<String> = js_sys::Array::from(&get(&data, "pages"))
                    .iter()
                    .map(|p| p.as_string().unwrap_or_default())
                    .collect();
                Action::Done(Analysed {
                    id,
                    text: Shared(text),
                    overview: Shared::new(overview),
                    pages: Shared::new(pages),
                    contract: Shared::new(get(&data, "contract").as_string().unwrap_or_default()),
                    ms: get(&data, "ms").as_f64().unwrap_or(0.0),
                })
            }
            (Err(e), _) => Action::Failed {
                id,
                message: format!("the analysis could not be read ({e})"),
            },
            (Ok(_), None) => Action::Failed {
                id,
                message: "an answer to a request that was not sent".into(),
            },
        }
    } else {
        // The worker closes itself after an error; start a fresh one next time.
        handle.borrow_mut().drop_worker();
        Action::Failed {
            id,
            message: get(&data, "error")
                .as_string()
                .unwrap_or_else(|| "unknown error".into()),
        }
    };
    dispatch.emit(action);
    next(handle);
}

/// The worker failed to load or crashed: analyse on the page from now on,
/// starting with the request it was working on.
fn died(handle: &Handle) {
    let notice = {
        let mut b = handle.borrow_mut();
        b.drop_worker();
        b.no_worker = true;
        if b.pending.is_none() {
            b.pending = b.busy.take();
        }
        b.dispatch.clone()
    };
    notice.emit(Action::WorkerReady);
    notice.emit(Action::Notice(Some(
        "The background worker could not run here, so the analysis runs on this page.".into(),
    )));
    next(handle);
}
