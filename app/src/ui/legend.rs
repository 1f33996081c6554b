//! Layer toggles and the legend.

use crate::state::{Action, Emphasis, Layer, Shown};
use yew::prelude::*;

/// Props of [`Legend`].
pub struct Props {
    /// Which layers are on.
    pub shown: Shown,
    /// The layer drawn strongly.
    pub emphasis: Emphasis,
    /// Dispatches actions.
    pub dispatch: Callback<Action>,
}

/// Toggles for the three layers, each with its legend.
pub fn legend(p: &Props) -> Html {
    let toggle = |layer: Layer, on: bool, id: &'static str, label: &'static str, body: Html| {
        let onchange = p.dispatch.reform(move |_: Event| Action::Toggle(layer));
        html! {
            <fieldset CLASS={if on { "layer" } else { "layer off" }}>
                <legend>
                    <label for={id}>
                        <input type="checkbox" {id} checked={on} {onchange} />
                        { label }
                    </label>
                </legend>
                <div class="keys">{ body }</div>
            </fieldset>
        }
    };
    let choice = |f: Emphasis, label: &'static str| {
        let on = p.emphasis == f;
        let onchange = p.dispatch.reform(move |_: Event| Action::Emphasize(f));
        html! {
            <label CLASS={if on { "seg on" } else { "seg" }}>
                <input type="radio" name="focus" value={f.class()} checked={on} {onchange} />
                { label }
            </label>
        }
    };
    html! {
        <>
        <div class="focus" role="radiogroup" aria-label="Draw strongly">
            <span class="focus-label" aria-hidden="true">{ "Draw strongly:" }</span>
            { choice(Emphasis::Claims, "Claims") }
            { choice(Emphasis::Actors, "Actors") }
            { choice(Emphasis::Hedges, "Hedging") }
            { choice(Emphasis::All, "All layers") }
        </div>
        <div role="group" aria-label="Layers and legend" CLASS={format!("legend {}", p.emphasis.class())}>
            { toggle(Layer::Actors, p.shown.actors, "show-actors", "Actors", html! {<>
                <span class="swatch act col0 k-person">{ "person" }</span>
                <span class="swatch act col1 k-organization">{ "organisation" }</span>
                <span class="swatch act col2 k-place">{ "place" }</span>
                <span class="swatch act col3 k-group">{ "group" }</span>
            </>}) }
            { toggle(Layer::Claims, p.shown.claims, "show-claims", "Claims", html! {<>
                <span class="swatch cl cl-src">{ "source" }</span>
                <span class="swatch cl cl-cue">{ "cue" }</span>
                <span class="swatch cl cl-con">{ "content" }</span>
            </>}) }
            { toggle(Layer::Hedges, p.shown.hedges, "show-hedges", "Hedging", html! {<>
                <span class="swatch hd hd-hedge">{ "hedge" }</span>
                <span class="swatch hd hd-booster">{ "booster" }</span>
                <span class="swatch hd hd-weasel">{ "weasel" }</span>
                <span class="swatch hd hd-condition">{ "condition" }</span>
            </>}) }
        </div>
        </>
    }
}
