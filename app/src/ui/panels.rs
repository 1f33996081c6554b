//! Side panels (summary, actors, claims, hedging) and the export buttons.

use crate::state::{Action, Analysed, Shared};
use crate::view::words::{fixed, kind_label};
use crate::view::{contract_with_text, html_report, markdown, ActorView, ClaimView, Loc, Page};
use crate::Overview;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Longest list rendered before a "show all" button.
const LIST_LIMIT: usize = 100;

/// What [`panels`] shows, and the props of each panel.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The analysis.
    pub overview: Shared<Overview>,
    /// Selected actor.
    pub selected: Option<u32>,
    /// The chosen row of the who-said-what table.
    pub source: Option<u32>,
    /// Dispatches actions.
    pub dispatch: Callback<Action>,
    /// Which panel a [`Panel`] is: actors 0, claims 1, who said what 2, hedging 3
    /// ([`panels`] sets it).
    #[prop_or_default]
    pub which: u8,
}

/// All panels.
pub fn panels(p: &Props) -> Html {
    html! {
        <>
        { summary(&p.overview) }
        <Panel which={0} overview={p.overview.clone()} selected={p.selected} source={p.source} dispatch={p.dispatch.clone()} />
        <Panel which={1} overview={p.overview.clone()} selected={p.selected} source={p.source} dispatch={p.dispatch.clone()} />
        <Panel which={3} overview={p.overview.clone()} selected={p.selected} source={p.source} dispatch={p.dispatch.clone()} />
        </>
    }
}

fn pct(x: f64) -> String {
    format!("{}%", fixed(x * 100.0, 0))
}

fn summary(overview: &Overview) -> Html {
    let s = &overview.summary;
    html! {
        <section class="panel" id="summary-panel" aria-labelledby="summary-h">
            <h2 id="summary-h">{ "Summary" }</h2>
            <dl class="figures">
                <div><dt>{ "Words" }</dt><dd>{ s.words }</dd></div>
                <div><dt>{ "Sentences" }</dt><dd>{ s.sentences }</dd></div>
                <div><dt>{ "Actors" }</dt><dd>{ s.actors }</dd></div>
                <div><dt>{ "Claims" }</dt><dd>{ s.claims }</dd></div>
                <div><dt>{ "Certainty" }</dt><dd>{ pct(s.certainty) }</dd></div>
                <div><dt>{ "Hedging / 100 words" }</dt><dd>{ fixed(s.hedges_per_100_words, 1) }</dd></div>
            </dl>
        </section>
    }
}

fn goto(dispatch: &Callback<Action>, loc: &Loc) -> Callback<MouseEvent> {
    let loc = loc.clone();
    dispatch.reform(move |_: MouseEvent| Action::Goto(loc.clone()))
}

/// A panel (`which` of its props): one component type for the four, so that the wasm holds
/// one instance of Yew's component code, not four. Each instance keeps its place in the
/// tree, so it always runs the same hooks; `filter` is the claims panel's only.
#[function_component(Panel)]
fn panel(p: &Props) -> Html {
    let all = use_state(|| false);
    let filter = use_state(|| "all");
    match p.which {
        0 => actors(p, all),
        1 => claims(p, filter, all),
        2 => who_said_what(p, all),
        _ => hedging(p, all),
    }
}

fn actors(p: &Props, all: UseStateHandle<bool>) -> Html {
    let mut list: Vec<&ActorView> = p.overview.actors.iter().collect();
    // Most mentions first, then by id (the core's one sort: no sort code of its own).
    claimlens::sort::sort_by_key(&mut list, |a| {
        claimlens::sort::key2(u32::MAX as usize - a.mentions as usize, a.id as usize)
    });
    let total = list.len();
    if !*all {
        list.truncate(LIST_LIMIT);
    }
    let items = list.into_iter().map(|a| {
        let id = a.id;
        let selected = p.selected == Some(id);
        let select = {
            let dispatch = p.dispatch.clone();
            let at = a.at.clone();
            Callback::from(move |_: MouseEvent| {
                dispatch.emit(Action::Select(Some(id)));
                if !selected {
                    dispatch.emit(Action::Reveal(at.clone()));
                }
            })
        };
        let claims = selected.then(|| {
            let cs: Vec<&ClaimView> = a
                .claims
                .iter()
                .filter_map(|&c| p.overview.claims.get(c as usize))
                .collect();
            if cs.is_empty() {
                html! { <p class="muted small">{ "No claims attributed to this actor." }</p> }
            } else {
                html! {
                    <ul class="sub">
                        { for cs.into_iter().map(|c| html! {
                            <li><button class="link" onclick={goto(&p.dispatch, &c.at)}>
                                <em>{ c.cue.clone() }</em>{ ": " }{ c.content.clone() }
                            </button></li>
                        }) }
                    </ul>
                }
            }
        });
        html! {
            <li CLASS={if selected { "actor selected" } else { "actor" }}>
                <button class="item" aria-pressed={super::truth(selected)} onclick={select}>
                    <span aria-hidden="true" CLASS={format!("dot act col{} k-{}", a.colour, a.kind)}></span>
                    <span class="name">{ a.name.clone() }</span>
                    <span class="meta">{ kind_label(a) }</span>
                    <span class="count" aria-label={format!("{} mentions", a.mentions)}>{ a.mentions }</span>
                </button>
                if !a.aliases.is_empty() {
                    <p class="aliases small">{ "also: " }{ a.aliases.join(", ") }</p>
                }
                if let Some(aff) = &a.affiliation {
                    <p class="aliases small">{ "affiliated with " }{ aff.clone() }</p>
                }
                { claims.unwrap_or_default() }
            </li>
        }
    });
    html! {
        <section class="panel" id="actors-panel" aria-labelledby="actors-h">
            <h2 id="actors-h">{ format!("Actors ({total})") }</h2>
            if total == 0 {
                <p class="muted">{ "No people, organisations or places found." }</p>
            }
            <ul class="list">{ for items }</ul>
            { more(total, *all, all.clone()) }
        </section>
    }
}

fn more(total: usize, all: bool, state: UseStateHandle<bool>) -> Html {
    if total <= LIST_LIMIT || all {
        return html! {};
    }
    html! {
        <button class="link" onclick={Callback::from(move |_: MouseEvent| state.set(true))}>
            { format!("Show all {total}") }
        </button>
    }
}

fn claims(p: &Props, filter: UseStateHandle<&'static str>, all: UseStateHandle<bool>) -> Html {
    let s = &p.overview.summary;
    let row = p.source.and_then(|r| p.overview.sources.get(r as usize));
    let matching: Vec<&ClaimView> = match row {
        Some(row) => row
            .claims
            .iter()
            .filter_map(|&c| p.overview.claims.get(c as usize))
            .collect(),
        None => p
            .overview
            .claims
            .iter()
            .filter(|c| *filter == "all" || c.attribution == *filter)
            .collect(),
    };
    let total = matching.len();
    let shown = if *all { total } else { total.min(LIST_LIMIT) };
    let chip = |value: &'static str, label: String| {
        let f = filter.clone();
        html! {
            <button aria-pressed={super::truth(*filter == value)}
                CLASS={if *filter == value { "chip on" } else { "chip" }}
                onclick={Callback::from(move |_: MouseEvent| f.set(value))}>{ label }</button>
        }
    };
    html! {
        <section class="panel" id="claims-panel" aria-labelledby="claims-h">
            <h2 id="claims-h">{ format!("Claims ({})", s.claims) }</h2>
            <Panel which={2} overview={p.overview.clone()} selected={p.selected} source={p.source} dispatch={p.dispatch.clone()} />
            if let Some(row) = row {
                <p class="small chosen-note">
                    { format!("Showing the {} of {}. ", plural(row.claims.len(), "claim", "claims"), row.label) }
                    <button class="link" onclick={p.dispatch.reform(|_: MouseEvent| Action::ChooseSource(None))}>{ "Show all claims" }</button>
                </p>
            } else {
                <div class="chips" role="group" aria-label="Filter claims by source">
                    { chip("all", format!("all {}", s.claims)) }
                    { chip("named", format!("named {}", s.claims_named)) }
                    { chip("vague", format!("vague {}", s.claims_vague)) }
                    { chip("none", format!("no source {}", s.claims_none)) }
                </div>
            }
            if total == 0 {
                <p class="muted">{ "No claims here." }</p>
            }
            <ol class="list claims">
                { for matching[..shown].iter().map(|c| {
                    let colour = c.actor.and_then(|a| p.overview.actors.get(a as usize)).map(|a| a.colour);
                    html! {
                        <li CLASS={format!("claim att-{}", c.attribution)}>
                            <button class="item" onclick={goto(&p.dispatch, &c.at)}>
                                <span class="who">
                                    if let Some(col) = colour {
                                        <span aria-hidden="true" CLASS={format!("dot act col{col}")}></span>
                                    }
                                    { c.source.clone().unwrap_or_else(|| "no source".into()) }
                                    <span CLASS={format!("badge att-{}", c.attribution)}>{ c.attribution.clone() }</span>
                                </span>
                                <span class="what"><em>{ c.cue.clone() }</em>{ " → " }{ c.content.clone() }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
            { more(total, *all, all.clone()) }
        </section>
    }
}

/// Rows of the who-said-what table shown before a "show all" button.
const SOURCE_ROWS: usize = 8;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Who said what: one row per source (an actor, a vague source written alike, or no
/// source) with its claims, quotes and paraphrases, and named / vague / none. Choosing a
/// row picks its claims out in the text and lists them alone; choosing it again undoes it.
fn who_said_what(p: &Props, all: UseStateHandle<bool>) -> Html {
    let rows = &p.overview.sources;
    if rows.is_empty() {
        return Html::default();
    }
    let shown = if *all {
        rows.len()
    } else {
        rows.len().min(SOURCE_ROWS)
    };
    html! {
        <>
        <table class="sources-table" aria-label="Who said what">
            <caption>{ "Who said what" }</caption>
            <thead>
                <tr>
                    <th scope="col" title="The source, and how many of its claims are named, vague or without a source">{ "Who" }</th>
                    <th scope="col" class="num">{ "Claims" }</th>
                    <th scope="col" class="num" title="Direct quotations">{ "Quotes" }</th>
                    <th scope="col" class="num" title="Paraphrases: content not in quotation marks">{ "Para." }</th>
                </tr>
            </thead>
            <tbody>
            { for rows[..shown].iter().enumerate().map(|(i, r)| {
                let i = i as u32;
                let on = p.source == Some(i);
                let colour = r.actor.and_then(|a| p.overview.actors.get(a as usize)).map(|a| a.colour);
                let first = r.claims.first().and_then(|&c| p.overview.claims.get(c as usize)).map(|c| c.at.clone());
                let dispatch = p.dispatch.clone();
                let choose = Callback::from(move |_: MouseEvent| {
                    dispatch.emit(Action::ChooseSource(Some(i)));
                    if let (false, Some(at)) = (on, first.clone()) {
                        dispatch.emit(Action::Reveal(at));
                    }
                });
                let attribution = [("named", r.named), ("vague", r.vague), ("none", r.none)]
                    .into_iter()
                    .filter(|&(_, n)| n > 0)
                    .map(|(kind, n)| html! {
                        <span CLASS={format!("badge att-{kind}")}>{ format!("{kind} {n}") }</span>
                    })
                    .collect::<Html>();
                html! {
                    <tr CLASS={on.then_some("on")}>
                        <th scope="row">
                            <button class="item" aria-pressed={super::truth(on)} onclick={choose}>
                                <span class="label">
                                    if let Some(col) = colour {
                                        <span aria-hidden="true" CLASS={format!("dot act col{col}")}></span>
                                    }
                                    { r.label.clone() }
                                </span>
                                // Heard as "Democrats: vague 5", not "Democratsvague 5".
                                <span class="visually-hidden">{ ": " }</span>
                                <span class="kinds-of">{ attribution }</span>
                            </button>
                        </th>
                        <td class="num">{ r.claims.len() }</td>
                        <td class="num">{ r.quotes }</td>
                        <td class="num">{ r.paraphrases }</td>
                    </tr>
                }
            }) }
            </tbody>
        </table>
        if !*all && rows.len() > SOURCE_ROWS {
            <button class="link" onclick={Callback::from(move |_: MouseEvent| all.set(true))}>
                { format!("Show all {} sources", rows.len()) }
            </button>
        }
        </>
    }
}

fn hedging(p: &Props, all: UseStateHandle<bool>) -> Html {
    let s = &p.overview.summary;
    let max = [s.hedges, s.boosters, s.weasels, s.conditions]
        .into_iter()
        .max()
        .unwrap_or(0)
        .max(1);
    let row = |kind: &'static str, label: &'static str, n: usize| {
        let level = (n * 10).div_ceil(max);
        html! {
            <div class="row">
                <dt><span CLASS={format!("swatch hd hd-{kind}")}>{ label }</span></dt>
                <dd><span aria-hidden="true" CLASS={format!("meter w{level}")}></span>{ n }</dd>
            </div>
        }
    };
    let total = p.overview.hedges.len();
    let shown = if *all { total } else { total.min(LIST_LIMIT) };
    html! {
        <section class="panel" id="hedging-panel" aria-labelledby="hedging-h">
            <h2 id="hedging-h">{ "Hedging" }</h2>
            <dl class="kinds">
                { row("hedge", "hedges", s.hedges) }
                { row("booster", "boosters", s.boosters) }
                { row("weasel", "weasels", s.weasels) }
                { row("condition", "conditions", s.conditions) }
            </dl>
            <p class="small">{ format!(
                "{} hedging cues per 100 words: {} in the author's own words, {} inside quotations (a source's words). Article certainty {}.",
                fixed(s.hedges_per_100_words, 1), fixed(s.author_hedges_per_100_words, 1), plural(s.quoted_cues, "cue", "cues"), pct(s.certainty)
            ) }</p>
            <ul class="list cues">
                // The cue in its words ("… the panel itself might be damaged …"), so that
                // two "may" can be told apart.
                { for p.overview.hedges[..shown].iter().map(|h| html! {
                    <li><button class="item" onclick={goto(&p.dispatch, &h.at)}>
                        <span class="ctx">{ h.before.clone() }<span CLASS={format!("swatch hd hd-{}", h.kind)}>{ h.text.clone() }</span>{ h.after.clone() }</span>
                        <span class="meta">{ h.tip.clone() }</span>
                    </button></li>
                }) }
            </ul>
            { more(total, *all, all.clone()) }
        </section>
    }
}

/// What [`export`] exports.
pub struct ExportProps {
    /// The analysis to export, if any.
    pub result: Option<Analysed>,
    /// Dispatches actions.
    pub dispatch: Callback<Action>,
}

pub(crate) fn download(name: &str, mime: &str, body: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(body));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// `json` indented by two spaces (by the browser's `JSON`, only when it is
/// exported, so that each analysis does not pay for it); as it is if it does not parse.
fn indented(json: &str) -> String {
    js_sys::JSON::parse(json)
        .and_then(|v| {
            js_sys::JSON::stringify_with_replacer_and_space(&v, &JsValue::NULL, &2.into())
        })
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| json.to_string())
}

/// Copy JSON and download buttons.
pub fn export(p: &ExportProps) -> Html {
    let Some(r) = &p.result else {
        return html! {
            <div class="exports" role="group" aria-label="Export">
                <button class="button" disabled=true>{ "HTML report" }</button>
                <button class="button quiet" disabled=true>{ "Copy JSON" }</button>
                <button class="button quiet" disabled=true>{ "Markdown" }</button>
            </div>
        };
    };
    // The JSON exported: the contract with the text, and each span's own text.
    let full_json = {
        let json = r.contract.clone();
        let text = r.text.clone();
        move || indented(&contract_with_text(&text, &json))
    };
    let copy = {
        let full_json = full_json.clone();
        let dispatch = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let json = full_json();
            let dispatch = dispatch.clone();
            let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
            let Some(clipboard) = clipboard else { return };
            let promise = clipboard.write_text(&json);
            yew::platform::spawn_local(async move {
                let msg = match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(_) => format!(
                        "Copied the analysis as JSON ({}).",
                        super::app::size(json.len())
                    ),
                    Err(_) => "The browser did not allow copying; use “Download JSON” instead."
                        .to_string(),
                };
                dispatch.emit(Action::Notice(Some(msg)));
            });
        })
    };
    // One function for the three downloads (one body in the wasm, not three).
    let save = |what: u8| {
        let (ov, text, pages, dispatch) = (
            r.overview.clone(),
            r.text.clone(),
            r.pages.clone(),
            p.dispatch.clone(),
        );
        let full_json = full_json.clone();
        Callback::from(move |_: MouseEvent| {
            let (name, mime, body) = match what {
                0 => ("claimlens.json", "application/json", full_json()),
                1 => ("claimlens-report.md", "text/markdown", markdown(&ov)),
                _ => {
                    let pages: Vec<Page> = pages
                        .iter()
                        .filter_map(|json| crate::view::page_from_json(json).ok())
                        .collect();
                    (
                        "claimlens-report.html",
                        "text/html",
                        html_report(&text, &ov, &pages),
                    )
                }
            };
            if download(name, mime, &body).is_err() {
                dispatch.emit(Action::Notice(Some("The download could not start.".into())));
            }
        })
    };
    let (save_json, save_md, save_html) = (save(0), save(1), save(2));
    html! {
        <div class="exports" role="group" aria-label="Export">
            <button id="download-html" class="button" onclick={save_html} aria-label="Download the highlighted report (HTML)">{ "HTML report" }</button>
            <button id="copy-json" class="button quiet" onclick={copy}>{ "Copy JSON" }</button>
            <button id="download-json" class="button quiet" onclick={save_json} aria-label="Download JSON">{ "JSON" }</button>
            <button id="download-report" class="button quiet" onclick={save_md} aria-label="Download the report (Markdown)">{ "Markdown" }</button>
        </div>
    }
}
