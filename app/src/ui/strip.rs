//! The certainty strip: one bar per sentence (or per group of sentences in a
//! long text), lower and warmer where the language is hedged.

use crate::state::{Action, Shared};
use crate::Overview;
use yew::prelude::*;

/// At most this many bars; longer texts group sentences.
const MAX_BARS: usize = 120;

/// Props of [`Strip`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The analysis.
    pub overview: Shared<Overview>,
    /// Dispatches actions.
    pub dispatch: Callback<Action>,
}

/// The strip.
#[function_component(Strip)]
pub fn strip(p: &Props) -> Html {
    let sentences = &p.overview.sentences;
    if sentences.is_empty() {
        return html! {};
    }
    let per = sentences.len().div_ceil(MAX_BARS);
    let bars = sentences.chunks(per).enumerate().map(|(i, group)| {
        // The least certain sentence of the group speaks for it.
        let (_, worst) = group
            .iter()
            .enumerate()
            .min_by(|a, b| a.1.certainty.total_cmp(&b.1.certainty))
            .expect("chunks are not empty");
        let first = i * per;
        let level = (worst.certainty.clamp(0.0, 1.0) * 10.0).round() as u8;
        let label = if per == 1 {
            format!("Sentence {}: certainty {:.0}%", first + 1, worst.certainty * 100.0)
        } else {
            format!(
                "Sentences {}–{}: lowest certainty {:.0}%",
                first + 1,
                first + group.len(),
                worst.certainty * 100.0
            )
        };
        let loc = worst.at.clone();
        let onclick = p.dispatch.reform(move |_: MouseEvent| Action::Goto(loc.clone()));
        html! {
            <button class={classes!("bar", format!("lvl{level}"))} title={label.clone()} aria-label={label} {onclick}></button>
        }
    });
    let s = &p.overview.summary;
    html! {
        <div class="strip-wrap">
            <div class="strip-head">
                <span>{ "Certainty by sentence" }</span>
                <span class="muted small">{ format!("article: {:.0}% · taller = more certain · click to jump", s.certainty * 100.0) }</span>
            </div>
            <div class="strip" role="group" aria-label="Certainty of each sentence">{ for bars }</div>
        </div>
    }
}
