//! One tooltip for every highlight: it follows hover and keyboard focus
//! (event delegation on the document), and says what was found and why.

use crate::state::{Shared, Shown};
use crate::view::Role;
use crate::Overview;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement};
use yew::prelude::*;

/// Props of [`Tooltip`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The analysis the highlights point into.
    pub overview: Shared<Overview>,
    /// Layers shown (hidden layers are not described).
    pub shown: Shown,
}

#[derive(Clone, PartialEq)]
struct Tip {
    lines: Vec<String>,
    left: f64,
    /// Top and bottom of the highlight, in viewport pixels.
    top: f64,
    bottom: f64,
}

fn attr(el: &Element, name: &str) -> Option<u32> {
    el.get_attribute(name)?.parse().ok()
}

fn mark_of(e: &Event) -> Option<Element> {
    let target: Element = e.target()?.dyn_into().ok()?;
    let mark = target.closest("#article mark").ok()??;
    Some(mark)
}

/// The tooltip.
#[function_component(Tooltip)]
pub fn tooltip(p: &Props) -> Html {
    let tip = use_state(|| None::<Tip>);
    let node = use_node_ref();

    {
        let tip = tip.clone();
        use_effect_with((p.overview.clone(), p.shown), move |(ov, shown)| {
            let ov = ov.clone();
            let shown = *shown;
            // The tooltip of a mark element.
            let tip_for = {
                let ov = ov.clone();
                move |mark: &Element| -> Option<Tip> {
                    let role = match mark.get_attribute("data-r").as_deref() {
                        Some("source") => Role::Source,
                        Some("cue") => Role::Cue,
                        _ => Role::Content,
                    };
                    let lines: Vec<String> = ov
                        .tips(
                            attr(mark, "data-a").filter(|_| shown.actors),
                            attr(mark, "data-c")
                                .filter(|_| shown.claims)
                                .map(|c| (c, role)),
                            attr(mark, "data-h").filter(|_| shown.hedges),
                        )
                        .into_iter()
                        .map(String::from)
                        .collect();
                    if lines.is_empty() {
                        return None;
                    }
                    let r = mark.get_bounding_client_rect();
                    Some(Tip {
                        lines,
                        left: r.left(),
                        top: r.top(),
                        bottom: r.bottom(),
                    })
                }
            };
            let show = {
                let tip = tip.clone();
                let tip_for = tip_for.clone();
                Closure::<dyn FnMut(Event)>::new(move |e: Event| {
                    let Some(mark) = mark_of(&e) else { return };
                    tip.set(tip_for(&mark));
                })
            };
            let hide = {
                let tip = tip.clone();
                Closure::<dyn FnMut(Event)>::new(move |e: Event| {
                    if mark_of(&e).is_some() {
                        tip.set(None);
                    }
                })
            };
            let escape = {
                let tip = tip.clone();
                Closure::<dyn FnMut(Event)>::new(move |e: Event| {
                    let key = e.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
                    if key.as_deref() == Some("Escape") {
                        tip.set(None);
                    }
                })
            };
            // The tooltip is fixed to the viewport: when the page scrolls it goes, unless a
            // mark has the keyboard focus (moving to it may scroll): then it follows the mark.
            let scrolled = {
                let tip = tip.clone();
                Closure::<dyn FnMut(Event)>::new(move |_: Event| {
                    let focused = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.active_element())
                        .filter(|a| a.matches("#article mark").unwrap_or(false));
                    tip.set(focused.and_then(|m| tip_for(&m)));
                })
            };
            let listeners = [
                ("mouseover", show.as_ref().clone()),
                ("focusin", show.as_ref().clone()),
                ("mouseout", hide.as_ref().clone()),
                ("focusout", hide.as_ref().clone()),
                ("keydown", escape.as_ref().clone()),
                ("scroll", scrolled.as_ref().clone()),
            ];
            let doc = web_sys::window().and_then(|w| w.document());
            if let Some(doc) = &doc {
                for (ty, f) in &listeners {
                    // Capture, so that scrolling inside any element counts too.
                    let _ =
                        doc.add_event_listener_with_callback_and_bool(ty, f.unchecked_ref(), true);
                }
            }
            move || {
                if let Some(doc) = &doc {
                    for (ty, f) in &listeners {
                        let _ = doc.remove_event_listener_with_callback_and_bool(
                            ty,
                            f.unchecked_ref(),
                            true,
                        );
                    }
                }
                drop((show, hide, escape, scrolled));
            }
        });
    }

    // Position through the CSSOM (the CSP forbids inline style attributes).
    {
        let node = node.clone();
        use_effect_with((*tip).clone(), move |tip| {
            if let (Some(t), Some(el)) = (tip, node.cast::<HtmlElement>()) {
                let window = web_sys::window();
                let size = |f: fn(&web_sys::Window) -> Result<JsValue, JsValue>, or: f64| {
                    window
                        .as_ref()
                        .and_then(|w| f(w).ok())
                        .and_then(|v| v.as_f64())
                        .unwrap_or(or)
                };
                let (width, height) = (
                    size(web_sys::Window::inner_width, 800.0),
                    size(web_sys::Window::inner_height, 600.0),
                );
                let (w, h) = (el.offset_width() as f64, el.offset_height() as f64);
                let left = t.left.min(width - w - 8.0).max(8.0);
                // Below the highlight, or above it when there is no room below.
                let top = if t.bottom + 6.0 + h > height && t.top - 6.0 - h >= 0.0 {
                    t.top - 6.0 - h
                } else {
                    t.bottom + 6.0
                };
                let style = el.style();
                let _ = style.set_property("left", &format!("{left:.0}px"));
                let _ = style.set_property("top", &format!("{top:.0}px"));
            }
        });
    }

    html! {
        <div id="tip" ref={node} role="tooltip" class={classes!("tooltip", tip.is_none().then_some("hidden"))}>
            if let Some(t) = &*tip {
                { for t.lines.iter().map(|l| html! { <div>{ l.clone() }</div> }) }
            }
        </div>
    }
}
