//! The article with its highlights, one page at a time.

use crate::state::{Action, Card, Emphasis, Shared, Shown};
use crate::view::{Page, Role, Run};
use crate::Overview;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// The card of a mark element, from its data attributes (layers that are off left out).
fn card_of(mark: &Element, shown: Shown) -> Action {
    let num = |name: &str| mark.get_attribute(name).and_then(|v| v.parse::<u32>().ok());
    let role = match mark.get_attribute("data-r").as_deref() {
        Some("source") => Role::Source,
        Some("cue") => Role::Cue,
        _ => Role::Content,
    };
    super::card::opened_for(mark);
    Action::Card(Some(Card {
        actor: num("data-a").filter(|_| shown.actors),
        claim: num("data-c").filter(|_| shown.claims).map(|c| (c, role)),
        hedge: num("data-h").filter(|_| shown.hedges),
    }))
}

/// The mark an event happened in, if any.
fn mark_of(e: &Event) -> Option<Element> {
    let target: Element = e.target()?.dyn_into().ok()?;
    target.closest("mark").ok()?
}

/// Moves the keyboard focus to the next (or previous) mark of the drawn layer.
fn step(article: &Element, emphasis: Emphasis, forward: bool) {
    let sel = match emphasis {
        Emphasis::Actors => "mark.act[data-stop]",
        Emphasis::Claims => "mark.cl-cue[data-stop]",
        Emphasis::Hedges => "mark.hd[data-stop]",
        Emphasis::All => "mark[data-stop]",
    };
    let Ok(list) = article.query_selector_all(sel) else {
        return;
    };
    let marks: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect();
    if marks.is_empty() {
        return;
    }
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    // The first stop after the focused element (or the last before it), whether or not that
    // element is a stop itself; from the article, the first (or the last).
    const FOLLOWING: u16 = 4;
    let next = match active.filter(|a| article.contains(Some(a)) && !article.is_same_node(Some(a)))
    {
        None if forward => 0,
        None => marks.len() - 1,
        Some(a) => {
            let after = marks
                .iter()
                .position(|m| a.compare_document_position(m) & FOLLOWING != 0)
                .unwrap_or(marks.len());
            if forward {
                after.min(marks.len() - 1)
            } else {
                // Before `after`, skipping the focused mark itself.
                let before = marks[..after]
                    .iter()
                    .rposition(|m| !m.is_same_node(Some(&a)));
                before.unwrap_or(0)
            }
        }
    };
    let m = &marks[next];
    let _ = m.focus();
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    m.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Props of [`Article`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The text analysed.
    pub text: Shared<str>,
    /// The analysis.
    pub overview: Shared<Overview>,
    /// Pages as JSON.
    pub pages: Shared<Vec<String>>,
    /// Page shown.
    pub page: u32,
    /// Layers shown.
    pub shown: Shown,
    /// The layer drawn strongly.
    pub emphasis: Emphasis,
    /// Selected actor.
    pub selected: Option<u32>,
    /// The chosen row of the who-said-what table: its claims are picked out.
    pub source: Option<u32>,
    /// Dispatches actions.
    pub dispatch: Callback<Action>,
}

/// The reading view of one page, with a pager when there are several.
#[function_component(Article)]
pub fn article(p: &Props) -> Html {
    let page = use_memo((p.pages.clone(), p.page), |(pages, i)| {
        pages
            .get(*i as usize)
            .and_then(|json| super::from_json::<Page>(json).ok())
            .unwrap_or_default()
    });
    let n = p.pages.len() as u32;
    let class = classes!(
        "article",
        p.shown.actors.then_some("show-actors"),
        p.shown.claims.then_some("show-claims"),
        p.shown.hedges.then_some("show-hedges"),
        p.emphasis.class(),
        p.selected.is_some().then_some("has-selection"),
        p.source.is_some().then_some("has-source"),
    );
    let chosen: Option<&[u32]> = p
        .source
        .and_then(|r| p.overview.sources.get(r as usize))
        .map(|r| &r.claims[..]);
    let pager = (n > 1).then(|| {
        let go = |to: u32| p.dispatch.reform(move |_: MouseEvent| Action::Page(to));
        html! {
            <nav class="pager" aria-label="Pages of the article">
                <button class="button quiet" disabled={p.page == 0} onclick={go(p.page.saturating_sub(1))}>{ "← Previous" }</button>
                <span>{ format!("Part {} of {}", p.page + 1, n) }</span>
                <button class="button quiet" disabled={p.page + 1 >= n} onclick={go(p.page + 1)}>{ "Next →" }</button>
            </nav>
        }
    });
    let onclick = {
        let (dispatch, shown) = (p.dispatch.clone(), p.shown);
        Callback::from(move |e: MouseEvent| {
            if let Some(mark) = mark_of(&e) {
                dispatch.emit(card_of(&mark, shown));
            }
        })
    };
    let onkeydown = {
        let (dispatch, shown, emphasis) = (p.dispatch.clone(), p.shown, p.emphasis);
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let key = e.key();
            match key.as_str() {
                "Enter" | " " => {
                    if let Some(mark) = mark_of(&e) {
                        e.prevent_default();
                        dispatch.emit(card_of(&mark, shown));
                    }
                }
                "Escape" => dispatch.emit(Action::Card(None)),
                "n" | "p" | "]" | "[" => {
                    let article: Option<Element> =
                        e.current_target().and_then(|t| t.dyn_into().ok());
                    if let Some(article) = article {
                        e.prevent_default();
                        step(&article, emphasis, key == "n" || key == "]");
                    }
                }
                _ => {}
            }
        })
    };
    html! {
        <>
        { pager.clone().unwrap_or_default() }
        <p class="visually-hidden" id="article-keys">
            { "In the article: N and P move to the next and previous highlight of the drawn layer; Enter explains it; Escape closes the explanation." }
        </p>
        <article id={crate::state::ARTICLE_ID} {class} tabindex="0" aria-label="The article with highlights"
            aria-describedby="article-keys" {onclick} {onkeydown}>
            { for page.paras.iter().map(|para| html! {
                <p dir="auto">{ render_runs(&p.text, &para.runs, &p.overview, p.selected, chosen) }</p>
            }) }
        </article>
        { pager.unwrap_or_default() }
        </>
    }
}

fn render_runs(
    text: &str,
    runs: &[Run],
    ov: &Overview,
    selected: Option<u32>,
    chosen: Option<&[u32]>,
) -> Html {
    runs.iter()
        .map(|run| {
            let piece = text.get(run.start as usize..run.end as usize).unwrap_or("");
            render_run(run, piece, ov, selected, chosen)
        })
        .collect::<Html>()
}

fn render_run(
    run: &Run,
    piece: &str,
    ov: &Overview,
    selected: Option<u32>,
    chosen: Option<&[u32]>,
) -> Html {
    if !run.is_marked() {
        return match &run.anchor {
            Some(id) => html! { <span id={id.clone()} tabindex="-1">{ piece }</span> },
            None => html! { piece },
        };
    }
    let mut class = Classes::new();
    if let Some(a) = run.actor {
        class.push("act");
        if let Some(actor) = ov.actors.get(a as usize) {
            class.push(format!("col{}", actor.colour));
            class.push(format!("k-{}", actor.kind));
        }
        if selected == Some(a) {
            class.push("sel");
        }
    }
    if let (Some(c), Some(role)) = (run.claim, run.role) {
        class.push("cl");
        class.push(match role {
            Role::Source => "cl-src",
            Role::Cue => "cl-cue",
            Role::Content => "cl-con",
        });
        if let Some(claim) = ov.claims.get(c as usize) {
            class.push(format!("att-{}", claim.attribution));
        }
        // A row's claims are in text order: a binary search.
        if chosen.is_some_and(|ids| ids.binary_search(&c).is_ok()) {
            class.push("chosen");
        }
    }
    if let Some(h) = run.hedge {
        class.push("hd");
        if let Some(hedge) = ov.hedges.get(h as usize) {
            class.push(format!("hd-{}", hedge.kind));
        }
    }
    html! {
        <mark {class} id={run.anchor.clone()}
            data-a={run.actor.map(|v| v.to_string())}
            data-c={run.claim.map(|v| v.to_string())}
            data-r={run.role.map(Role::as_str)}
            data-h={run.hedge.map(|v| v.to_string())}
            data-stop={run.stop.then_some("")}
            tabindex="-1"
            aria-describedby="tip">{ piece }</mark>
    }
}
