//! The certainty strip: one bar per sentence (or per group of sentences in a
//! long text), lower and warmer where the language is hedged.

use crate::state::{Action, Shared};
use crate::view::words::fixed;
use crate::Overview;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// At most this many bars; longer texts group sentences.
const MAX_BARS: usize = 120;

/// What [`strip`] draws.
pub struct Props {
    /// The analysis.
    pub overview: Shared<Overview>,
    /// Dispatches actions.
    pub dispatch: Callback<Action>,
}

/// The strip.
pub fn strip(p: &Props) -> Html {
    let sentences = &p.overview.sentences;
    if sentences.is_empty() {
        return html! {};
    }
    let per = sentences.len().div_ceil(MAX_BARS);
    let bars = sentences.chunks(per).enumerate().map(|(i, group)| {
        // A bar is as tall as its sentences' mean certainty; in a group, a mark shows
        // the least certain one, where a click lands.
        let (low_at, low) = group
            .iter()
            .enumerate()
            .min_by(|a, b| a.1.certainty.total_cmp(&b.1.certainty))
            .expect("chunks are not empty");
        let mean = group.iter().map(|s| s.certainty).sum::<f64>() / group.len() as f64;
        let first = i * per;
        let level = |x: f64| (x.clamp(0.0, 1.0) * 10.0).round() as u8;
        let why = if low.why.is_empty() {
            String::new()
        } else {
            format!(": {}", low.why)
        };
        let label = if per == 1 {
            format!("Sentence {}: certainty {}%{why}", first + 1, fixed(low.certainty * 100.0, 0))
        } else {
            format!(
                "Sentences {}–{}: mean certainty {}%; the least certain, sentence {}, {}%{why}",
                first + 1,
                first + group.len(),
                fixed(mean * 100.0, 0),
                first + low_at + 1,
                fixed(low.certainty * 100.0, 0)
            )
        };
        let loc = low.at.clone();
        let onclick = p.dispatch.reform(move |_: MouseEvent| Action::Goto(loc.clone()));
        let shown = if per == 1 { low.certainty } else { mean };
        // One tab stop for the strip (the first bar); the arrow keys move between bars.
        let tabindex = if i == 0 { "0" } else { "-1" };
        html! {
            <button class="bar" title={label.clone()} aria-label={label} {tabindex} {onclick}>
                <span aria-hidden="true" CLASS={format!("fill lvl{}", level(shown))}></span>
                if per > 1 && level(low.certainty) < level(shown) {
                    <span aria-hidden="true" CLASS={format!("low at{}", level(low.certainty))}></span>
                }
            </button>
        }
    });
    let s = &p.overview.summary;
    html! {
        <div class="strip-wrap">
            <div class="strip-head">
                <span>{ "Certainty by sentence" }</span>
                <span class="muted small">{
                    if per > 1 {
                        format!("article: {}% · {} sentences a bar, as tall as their mean; a line marks the least certain · click to jump", fixed(s.certainty * 100.0, 0), per)
                    } else {
                        format!("article: {}% · taller = more certain · click to jump", fixed(s.certainty * 100.0, 0))
                    }
                }</span>
            </div>
            <div class="strip" role="group" aria-label="Certainty of each sentence (arrow keys move between bars)"
                onkeydown={Callback::from(step)}>{ for bars }</div>
        </div>
    }
}

/// The arrow keys, Home and End move the focus between the strip's bars, so that the
/// strip is one tab stop and not one per bar (a long article has 120 bars).
fn step(e: KeyboardEvent) {
    let Some(bar) = e.target_dyn_into::<Element>() else {
        return;
    };
    let next = match e.key().as_str() {
        "ArrowRight" | "ArrowDown" => bar.next_element_sibling(),
        "ArrowLeft" | "ArrowUp" => bar.previous_element_sibling(),
        "Home" => bar.parent_element().and_then(|s| s.first_element_child()),
        "End" => bar.parent_element().and_then(|s| s.last_element_child()),
        _ => return,
    };
    e.prevent_default();
    if let Some(next) = next.and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
        let _ = next.focus();
    }
}
