//! The article: one editable text surface, where the reader types, pastes and reads the
//! highlights. It holds plain text (`contenteditable="plaintext-only"`), which the page
//! writes only when a text comes from outside it (restored, the sample, Clear, Undo, a
//! paste too long to insert as typing, another part of a long text). Highlights are
//! drawn over it by the CSS Custom Highlight API ([`super::paint`]); they follow typing
//! (ranges move with the text) and are redrawn when the analysis of the new text
//! arrives. A text over [`WHOLE_BYTES`] is held a part at a time (a browser's text box
//! slows with what it holds), with a pager.

use super::paint::{self, Dom};
use crate::marks::{self, Look, WHOLE_BYTES};
use crate::state::{Action, Analysed, Card, Emphasis, Shared, Shown, ARTICLE_ID};
use crate::view::{Page, Run};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, Node, Range};
use yew::prelude::*;

/// Props of [`Surface`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The whole text.
    pub text: Shared<str>,
    /// Counts texts put in from outside (see [`crate::state::State::loads`]).
    pub loads: u32,
    /// The latest analysis (of this text or an earlier one).
    pub result: Option<Analysed>,
    /// The page of the analysis the last jump went to (a long text shows the part that
    /// holds its target).
    pub page: u32,
    /// Layers shown.
    pub shown: Shown,
    /// The layer drawn strongly.
    pub emphasis: Emphasis,
    /// Selected actor.
    pub selected: Option<u32>,
    /// The chosen row of the who-said-what table.
    pub source: Option<u32>,
    /// Whether the text starts in a right-to-left script.
    pub rtl: bool,
    /// Where the last jump goes (an anchor, or the article itself) and whether the
    /// caret goes there too.
    pub jump: Option<(String, bool)>,
    /// Counts jumps.
    pub jumps: u32,
    /// Dispatches actions.
    pub dispatch: Callback<Action>,
}

/// A tooltip's words and the box of its highlight, in viewport pixels.
#[derive(Clone, PartialEq)]
pub struct Tip {
    lines: Vec<String>,
    left: f64,
    top: f64,
    bottom: f64,
}

/// Places the tooltip `el` below its highlight, or above it when there is no room below,
/// inside the window; through the CSSOM (the CSP forbids inline style attributes).
fn place(el: &HtmlElement, t: &Tip) {
    let size = |v: Result<JsValue, JsValue>, or: f64| v.ok().and_then(|v| v.as_f64()).unwrap_or(or);
    let Some(w) = web_sys::window() else {
        return;
    };
    // Above the phone's tab bar, when it shows.
    let bar = w
        .document()
        .and_then(|d| d.query_selector(".tabs").ok().flatten())
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .map_or(0.0, |t| t.offset_height() as f64);
    let (width, height) = (
        size(w.inner_width(), 800.0),
        size(w.inner_height(), 600.0) - bar,
    );
    let (tw, th) = (el.offset_width() as f64, el.offset_height() as f64);
    let left = t.left.min(width - tw - 8.0).max(8.0);
    let top = if t.bottom + 6.0 + th > height && t.top - 6.0 - th >= 0.0 {
        t.top - 6.0 - th
    } else {
        t.bottom + 6.0
    };
    let style = el.style();
    let _ = style.set_property("left", &format!("{}px", crate::view::words::fixed(left, 0)));
    let _ = style.set_property("top", &format!("{}px", crate::view::words::fixed(top, 0)));
}

/// What is drawn: the marked runs with their ranges (live: they move with typing), and
/// the runs that panels jump to.
#[derive(Default)]
struct Painted {
    marks: Vec<(Range, Run)>,
    anchors: Vec<(String, Range)>,
}

/// Whether `r` is the analysis of `text`.
fn current(r: &Analysed, text: &str) -> bool {
    std::ptr::eq(r.text.0.as_ptr(), text.as_ptr()) && r.text.len() == text.len()
        || *r.text.0 == *text
}

/// Where a page starts (bytes), read from its JSON without parsing it
/// (`{"paras":[{"start":N,…`).
fn first_start(json: &str) -> usize {
    json.find("\"start\":")
        .map(|i| &json[i + 8..])
        .map(|rest| {
            rest.bytes()
                .take_while(u8::is_ascii_digit)
                .fold(0, |n, d| n * 10 + usize::from(d - b'0'))
        })
        .unwrap_or(0)
}

/// The mark whose range holds the DOM position (`node`, `off`); with a pointer position,
/// the one under the pointer.
fn mark_at(p: &Painted, node: &Node, off: u32, pointer: Option<(f64, f64)>) -> Option<usize> {
    let cmp = |r: &Range| r.compare_point(node, off).ok();
    let first = p.marks.partition_point(|(r, _)| cmp(r) == Some(1));
    (first..(first + 3).min(p.marks.len())).find(|&i| {
        let r = &p.marks[i].0;
        cmp(r) == Some(0) && pointer.is_none_or(|(x, y)| paint::under(r, x, y))
    })
}

/// Whether the DOM position is at the start of `r` or before it.
fn at_or_before(r: &Range, node: &Node, off: u32) -> bool {
    r.compare_point(node, off).ok() == Some(-1)
        || (r
            .start_container()
            .is_ok_and(|c| c.is_same_node(Some(node)))
            && r.start_offset().ok() == Some(off))
}

/// The card of a run (layers that are off left out).
fn card_of(run: &Run, shown: Shown) -> Card {
    Card {
        actor: run.actor.filter(|_| shown.actors),
        claim: run.claim.zip(run.role).filter(|_| shown.claims),
        hedge: run.hedge.filter(|_| shown.hedges),
    }
}

/// The tooltip of a run.
fn tip_of(r: &Analysed, run: &Run, range: &Range, shown: Shown) -> Option<Tip> {
    let c = card_of(run, shown);
    let lines: Vec<String> = r
        .overview
        .tips(c.actor, c.claim, c.hedge)
        .into_iter()
        .map(String::from)
        .collect();
    if lines.is_empty() {
        return None;
    }
    let rect = range.get_bounding_client_rect();
    Some(Tip {
        lines,
        left: rect.left(),
        top: rect.top(),
        bottom: rect.bottom(),
    })
}

/// Puts `text` in the article as one text node.
fn put(el: &Element, text: &str) {
    el.set_text_content(Some(text));
    paint::clear();
}

/// A listener on the document: its event type and its function.
type Listener = (&'static str, Closure<dyn FnMut(Event)>);

/// What the article does.
pub enum Msg {
    /// The reader typed (or pasted, dropped, undid).
    Input(InputEvent),
    /// A paste is about to happen.
    Paste(Event),
    /// The pointer moved over the article.
    Move(MouseEvent),
    /// The pointer left it: no tooltip.
    Leave,
    /// The page scrolled: the tooltip goes, or follows the mark the keyboard moved to.
    Scrolled,
    /// Escape anywhere: the card and the tooltip close.
    Escape,
    /// The next (`true`) or previous part of a long text.
    Part(bool),
    /// A click in it.
    Click(MouseEvent),
    /// A key in it.
    Key(KeyboardEvent),
}

/// The editable article. A struct component: its state lives in the DOM and in plain
/// fields, and what a change of props calls for is done once the DOM is there.
pub struct Surface {
    node: NodeRef,
    /// The whole text as last typed here or put in (the props' text lags behind
    /// typing by a render: two quick keystrokes must not both start from it).
    latest: Rc<str>,
    /// Where each page of the analysis shown starts (bytes).
    page_starts: Vec<usize>,
    /// The mark the keyboard moved to (its tooltip follows scrolling).
    stepped: Option<usize>,
    /// The mark under the pointer (the pointer moving within it redraws nothing).
    hovered: Option<usize>,
    /// Whether the reader selected all (Ctrl+A): in a long text held a part at a time,
    /// what replaces the selection replaces the whole text, not only the part.
    all: bool,
    /// The tooltip element.
    tip_node: NodeRef,
    /// The part of the text the article holds (bytes of the whole text).
    win: (usize, usize),
    painted: Painted,
    /// A jump waiting for its target to be drawn: anchor, and whether the caret goes too.
    pending: Option<(String, bool)>,
    pasted: bool,
    tip: Option<Tip>,
    said: String,
    /// Decoded pages of the analysis shown.
    pages: Vec<Option<Rc<Page>>>,
    /// For each drawn anchor, whether a sentence starts there.
    sentence_at: Vec<bool>,
    /// What the next `rendered` does: show a new text, another part, redraw.
    load: bool,
    part: bool,
    repaint: bool,
    /// The listeners on the document: scrolling (the tooltip) and Escape (the card).
    listeners: Vec<Listener>,
}

impl Surface {
    fn text(&self) -> Rc<str> {
        self.latest.clone()
    }

    /// Page `i` of the analysis shown, decoded once.
    fn page(&mut self, ctx: &Context<Self>, i: usize) -> Option<Rc<Page>> {
        let json = ctx.props().result.as_ref()?.pages.get(i)?;
        let slot = self.pages.get_mut(i)?;
        if slot.is_none() {
            *slot = crate::view::page_from_json(json).ok().map(Rc::new);
        }
        slot.clone()
    }

    /// A new analysis: forget the old one's pages and sentences.
    fn reset(&mut self, ctx: &Context<Self>) {
        let r = ctx.props().result.as_ref();
        self.pages = vec![None; r.map_or(0, |r| r.pages.len())];
        self.page_starts = r
            .map_or(&[][..], |r| &r.pages[..])
            .iter()
            .map(|j| first_start(j))
            .collect();
    }

    /// Shows the text from byte `start` to `end` (all of a short text).
    fn show(&mut self, start: usize, end: usize) {
        let Some(el) = self.node.cast::<Element>() else {
            return;
        };
        let text = self.text();
        self.win = (start.min(text.len()), end.min(text.len()));
        let part = &text[self.win.0..self.win.1];
        if self.win.1 == text.len() && part.ends_with('\n') {
            // As the browser writes a last empty line: one more line break (see Dom::scan).
            put(&el, &[part, "\n"].concat());
        } else {
            put(&el, part);
        }
        self.painted = Painted::default();
        self.hovered = None;
        self.repaint = true;
    }

    /// Draws the analysis over the text the article holds, when it is of this text.
    fn draw(&mut self, ctx: &Context<Self>) {
        let p = ctx.props();
        let text = self.text();
        let Some(r) = p.result.as_ref().filter(|r| current(r, &text)) else {
            // An analysis of an earlier text: the highlights drawn stay (they follow
            // the typing) until the new text's arrives.
            return;
        };
        let Some(el) = self.node.cast::<Element>() else {
            return;
        };
        paint::clear();
        self.painted = Painted::default();
        self.hovered = None;
        let (ws, we) = self.win;
        let dom = Dom::scan(&el, we >= text.len());
        if text.get(ws..we) != Some(dom.text.as_str()) {
            return;
        }
        // The pages that overlap the part shown.
        let starts = &self.page_starts;
        let from = starts.partition_point(|&s| s <= ws).saturating_sub(1);
        let near = from..starts.partition_point(|&s| s < we);
        let mut runs: Vec<Run> = Vec::new();
        for i in near.clone() {
            if let Some(pg) = self.page(ctx, i) {
                runs.extend(
                    pg.paras
                        .iter()
                        .flat_map(|para| para.runs.iter())
                        .filter(|run| {
                            run.start as usize >= ws
                                && run.end as usize <= we
                                && (run.is_marked() || run.anchor.is_some())
                        })
                        .cloned(),
                );
            }
        }
        let bytes: Vec<usize> = runs
            .iter()
            .flat_map(|r| [r.start as usize, r.end as usize])
            .collect();
        let at16 = marks::utf16_offsets(&text, ws, &bytes);
        let look = Look {
            overview: &r.overview,
            shown: p.shown,
            emphasis: p.emphasis,
            selected: p.selected,
            chosen: p
                .source
                .and_then(|s| r.overview.sources.get(s as usize))
                .map(|row| &row.claims[..]),
        };
        let mut groups: Vec<(String, i32, Vec<Range>)> = Vec::new();
        for (k, run) in runs.into_iter().enumerate() {
            let Some(range) = dom.range(at16[2 * k], at16[2 * k + 1]) else {
                continue;
            };
            for (name, pri) in look.names(&run) {
                match groups.iter_mut().find(|g| g.0 == name) {
                    Some(g) => g.2.push(range.clone()),
                    None => groups.push((name, pri, vec![range.clone()])),
                }
            }
            if let Some(a) = &run.anchor {
                self.painted.anchors.push((a.clone(), range.clone()));
            }
            if run.is_marked() {
                self.painted.marks.push((range, run));
            }
        }
        for (name, pri, ranges) in &groups {
            paint::set(name, ranges, *pri);
        }
        // The sentences of these pages start at some of the drawn anchors (anchors are
        // unique, and in text order like the sentences): one pass, looking a page ahead.
        let sentences = &r.overview.sentences;
        let mut j = sentences.partition_point(|s| (s.at.page as usize) < near.start);
        self.sentence_at = self
            .painted
            .anchors
            .iter()
            .map(|(a, _)| {
                let k = sentences[j.min(sentences.len())..]
                    .iter()
                    .take(400)
                    .position(|s| s.at.anchor == *a);
                j += k.map_or(0, |k| k + 1);
                k.is_some()
            })
            .collect();
    }

    /// Goes to the pending jump's target, once it is drawn.
    fn jump(&mut self) {
        let Some(el) = self.node.cast::<Element>() else {
            return;
        };
        let Some((anchor, focus)) = self.pending.clone() else {
            return;
        };
        if anchor == ARTICLE_ID {
            self.pending = None;
            el.scroll_into_view();
            if focus {
                if let Ok(r) = Range::new() {
                    let _ = r.set_start(&el, 0);
                    paint::caret_to(&el, &r);
                }
            }
            return;
        }
        let anchors = &self.painted.anchors;
        let Some(i) = anchors.iter().position(|(a, _)| *a == anchor) else {
            return; // not drawn yet: the next drawing tries again
        };
        self.pending = None;
        let target = &anchors[i].1;
        paint::reveal(target);
        // The sentence around it: from the sentence start at or before it to the next.
        let is_start = |j: &usize| self.sentence_at.get(*j).copied().unwrap_or(false);
        let from = (0..=i).rev().find(is_start).unwrap_or(i);
        let to = (i + 1..anchors.len()).find(is_start);
        if let Ok(s) = Range::new() {
            let start = |r: &Range| Some((r.start_container().ok()?, r.start_offset().ok()?));
            let ok = start(&anchors[from].1).is_some_and(|(n, o)| s.set_start(&n, o).is_ok());
            let ended = match to.and_then(|j| start(&anchors[j].1)) {
                Some((n, o)) => s.set_end(&n, o).is_ok(),
                None => s
                    .set_end_after(el.last_child().as_ref().unwrap_or(&el))
                    .is_ok(),
            };
            if ok && ended {
                paint::set("landed", &[s], marks::PRI_FOLLOW - 1);
            }
        }
        if focus {
            paint::caret_to(&el, target);
        }
    }

    /// The text typed: the whole text with the part the article holds replaced.
    fn input(&mut self, ctx: &Context<Self>, e: InputEvent) {
        let Some(el) = self.node.cast::<Element>() else {
            return;
        };
        self.keep_out(&el, &e);
        let text = self.text();
        if std::mem::take(&mut self.all) {
            self.win = (0, text.len());
        }
        let part = Dom::scan(&el, self.win.1 >= text.len()).text;
        let ws = self.win.0.min(text.len());
        let we = self.win.1.min(text.len()).max(ws);
        let whole: Rc<str> = Rc::from([&text[..ws], &part, &text[we..]].concat());
        self.win = (ws, ws + part.len());
        self.tip = None;
        self.stepped = None;
        self.latest = whole.clone();
        ctx.props().dispatch.emit(Action::Edit {
            text: whole,
            now: std::mem::take(&mut self.pasted),
        });
    }

    /// Text typed right before a mark is not the mark's: a range whose start is where
    /// the typing went in would grow with it (the DOM moves a range's start only for
    /// insertions before it), so it starts after the typed text.
    fn keep_out(&self, el: &Element, e: &InputEvent) {
        let typed = match (e.input_type().as_str(), e.data()) {
            ("insertText", Some(d)) => d.encode_utf16().count() as u32,
            ("insertLineBreak" | "insertParagraph", _) => 1,
            _ => return,
        };
        let Some((node, off)) = paint::caret_in(el) else {
            return;
        };
        let Some(at) = off.checked_sub(typed) else {
            return;
        };
        let ranges = self.painted.marks.iter().map(|m| &m.0);
        for r in ranges.chain(self.painted.anchors.iter().map(|a| &a.1)) {
            let starts_there = r
                .start_container()
                .is_ok_and(|c| c.is_same_node(Some(&node)))
                && r.start_offset().ok() == Some(at);
            if starts_there {
                let _ = r.set_start(&node, off);
            }
        }
    }

    /// The next or previous part of a long text, right after or before the one shown,
    /// so that moving through the parts shows all of the text, each piece once.
    fn part(&mut self, forward: bool) {
        let text = self.text();
        let (ws, we) = self.win;
        if forward {
            if we >= text.len() {
                return;
            }
            let end = marks::window(&text, we).1;
            self.show(we, end);
        } else {
            if ws == 0 {
                return;
            }
            let start = marks::part_starts(&text)
                .into_iter()
                .rfind(|&s| s < ws)
                .unwrap_or(0);
            self.show(start, ws);
        }
        if let Some(el) = self.node.cast::<HtmlElement>() {
            el.scroll_into_view();
            if let Ok(r) = Range::new() {
                let _ = r.set_start(&el, 0);
                paint::caret_to(&el, &r);
            }
        }
    }

    /// A paste: a long one is not inserted as typing (the article would hold all of it):
    /// the page puts it in the text and shows its first part.
    fn paste(&mut self, ctx: &Context<Self>, e: Event) {
        self.pasted = true;
        let Some(data) = e
            .dyn_ref::<web_sys::ClipboardEvent>()
            .and_then(|c| c.clipboard_data())
            .and_then(|d| d.get_data("text/plain").ok())
            .filter(|d| d.len() > WHOLE_BYTES)
        else {
            return;
        };
        let Some(el) = self.node.cast::<Element>() else {
            return;
        };
        e.prevent_default();
        let dom = Dom::scan(&el, self.win.1 >= self.latest.len());
        let sel = web_sys::window().and_then(|w| w.get_selection().ok().flatten());
        let (a, b) = sel
            .and_then(|s| s.get_range_at(0).ok())
            .and_then(|r| {
                let a = dom.offset_of(&r.start_container().ok()?, r.start_offset().ok()?);
                let b = dom.offset_of(&r.end_container().ok()?, r.end_offset().ok()?);
                Some((a, b))
            })
            .unwrap_or((u32::MAX, u32::MAX));
        // UTF-16 offsets in the part to bytes.
        let byte = |o16: u32| {
            let mut n = 0u32;
            dom.text
                .char_indices()
                .find(|(_, c)| {
                    n += c.len_utf16() as u32;
                    n > o16
                })
                .map_or(dom.text.len(), |(i, _)| i)
        };
        let (a, b) = (byte(a), byte(b).max(byte(a)));
        if std::mem::take(&mut self.all) {
            self.win = (0, self.latest.len());
        }
        let text = self.text();
        let (ws, we) = (self.win.0.min(text.len()), self.win.1.min(text.len()));
        let whole = [
            &text[..ws],
            &dom.text[..a],
            &data,
            &dom.text[b..],
            &text[we..],
        ]
        .concat();
        ctx.props().dispatch.emit(Action::Load(Rc::from(whole)));
    }

    /// The tooltip of run `i`, from the analysis shown.
    fn tip(&self, ctx: &Context<Self>, i: usize) -> Option<Tip> {
        let (range, run) = &self.painted.marks[i];
        tip_of(ctx.props().result.as_ref()?, run, range, ctx.props().shown)
    }

    /// Alt+Down / Alt+Up: the caret to the next or previous mark of the drawn layer.
    fn step(&mut self, ctx: &Context<Self>, el: &Element, forward: bool) {
        let p = ctx.props();
        let marks = &self.painted.marks;
        let stops: Vec<usize> = (0..marks.len())
            .filter(|&i| marks::is_stop(&marks[i].1, p.emphasis, p.shown))
            .collect();
        let (Some(&first), Some(&last)) = (stops.first(), stops.last()) else {
            return;
        };
        let pick = match paint::caret_in(el) {
            None if forward => first,
            None => last,
            // Past the last mark (or before the first) the caret stays.
            Some((n, o)) if forward => {
                match stops
                    .iter()
                    .copied()
                    .find(|&i| marks[i].0.compare_point(&n, o).ok() == Some(-1))
                {
                    Some(i) => i,
                    None => return,
                }
            }
            Some((n, o)) => {
                match stops
                    .iter()
                    .copied()
                    .rfind(|&i| !at_or_before(&marks[i].0, &n, o))
                {
                    Some(i) => i,
                    None => return,
                }
            }
        };
        let range = &marks[pick].0;
        paint::caret_to(el, range);
        paint::reveal(range);
        paint::set("step", std::slice::from_ref(range), marks::PRI_FOLLOW);
        self.tip = self.tip(ctx, pick);
        self.stepped = Some(pick);
        self.said = self
            .tip
            .as_ref()
            .map(|t| t.lines.join(" "))
            .unwrap_or_default();
    }

    /// The mark under the pointer of a mouse event.
    fn under(&self, e: &MouseEvent) -> Option<usize> {
        let (x, y) = (e.client_x() as f64, e.client_y() as f64);
        let (n, o) = paint::caret_at(x, y)?;
        mark_at(&self.painted, &n, o, Some((x, y)))
    }
}

impl Component for Surface {
    type Message = Msg;
    type Properties = Props;

    fn create(ctx: &Context<Self>) -> Self {
        let doc = web_sys::window().and_then(|w| w.document());
        let mut listeners = Vec::new();
        for ty in ["scroll", "keydown"] {
            let send = ctx.link().batch_callback(move |e: Event| {
                let key = e.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key);
                match (ty, key.as_deref()) {
                    ("scroll", _) => Some(Msg::Scrolled),
                    (_, Some("Escape")) => Some(Msg::Escape),
                    _ => None,
                }
            });
            let f = Closure::<dyn FnMut(Event)>::new(move |e: Event| send.emit(e));
            if let Some(d) = &doc {
                let _ = d.add_event_listener_with_callback_and_bool(
                    ty,
                    f.as_ref().unchecked_ref(),
                    true,
                );
            }
            listeners.push((ty, f));
        }
        let mut s = Surface {
            node: NodeRef::default(),
            tip_node: NodeRef::default(),
            latest: ctx.props().text.0.clone(),
            page_starts: Vec::new(),
            stepped: None,
            hovered: None,
            all: false,
            win: (0, 0),
            painted: Painted::default(),
            pending: None,
            pasted: false,
            tip: None,
            said: String::new(),
            pages: Vec::new(),
            sentence_at: Vec::new(),
            load: ctx.props().loads > 0,
            part: false,
            repaint: true,
            listeners,
        };
        s.reset(ctx);
        s
    }

    fn changed(&mut self, ctx: &Context<Self>, old: &Props) -> bool {
        let p = ctx.props();
        if p.loads != old.loads {
            self.load = true;
            self.latest = p.text.0.clone();
        }
        if p.result != old.result {
            self.reset(ctx);
            self.repaint = true;
        }
        if (p.shown, p.emphasis, p.selected, p.source)
            != (old.shown, old.emphasis, old.selected, old.source)
        {
            self.repaint = true;
        }
        if p.jumps != old.jumps {
            self.pending = p.jump.clone();
            self.part = true;
        }
        true
    }

    fn rendered(&mut self, ctx: &Context<Self>, _first: bool) {
        if std::mem::take(&mut self.load) {
            let text = self.text();
            self.show(0, marks::window(&text, 0).1);
            if text.is_empty() {
                if let Some(el) = self.node.cast::<HtmlElement>() {
                    let _ = el.focus();
                }
            }
        }
        if std::mem::take(&mut self.part) {
            // A jump to an anchor of a long text that the part shown does not hold: the
            // page of the analysis that holds it.
            let text = self.text();
            let current = ctx
                .props()
                .result
                .as_ref()
                .is_some_and(|r| current(r, &text));
            let outside = self.pending.as_ref().is_some_and(|(a, _)| {
                a != ARTICLE_ID && !self.painted.anchors.iter().any(|(b, _)| b == a)
            });
            if text.len() > WHOLE_BYTES && current && outside {
                let i = ctx.props().page as usize;
                let start = self.page_starts.get(i).copied().unwrap_or(0);
                let end = self.page_starts.get(i + 1).copied().unwrap_or(text.len());
                self.show(start, end);
            }
        }
        if std::mem::take(&mut self.repaint) {
            self.draw(ctx);
        }
        if self.pending.is_some() {
            self.jump();
        }
        if let (Some(t), Some(el)) = (&self.tip, self.tip_node.cast::<HtmlElement>()) {
            place(&el, t);
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let before = (self.tip.clone(), self.said.len());
        match msg {
            Msg::Input(e) => self.input(ctx, e),
            Msg::Part(forward) => {
                self.part(forward);
                // The pager's words change, and the new part is drawn once rendered.
                return true;
            }
            Msg::Escape => {
                self.tip = None;
                // Before the card goes: the focus, if in it, back to the article.
                super::card::refocus();
                ctx.props().dispatch.emit(Action::Card(None));
            }
            Msg::Scrolled => {
                // The mark the keyboard moved to keeps its tooltip (moving there may
                // scroll); any other tooltip goes.
                self.tip = self.stepped.and_then(|i| self.tip(ctx, i));
            }
            Msg::Paste(e) => self.paste(ctx, e),
            Msg::Leave => {
                self.hovered = None;
                paint::set("hover", &[], 0);
                self.tip = None;
            }
            Msg::Move(e) => {
                let hit = self.under(&e);
                if hit == self.hovered && (hit.is_none() || self.tip.is_some()) {
                    return false;
                }
                self.hovered = hit;
                self.stepped = None;
                match hit {
                    Some(i) => paint::set(
                        "hover",
                        std::slice::from_ref(&self.painted.marks[i].0),
                        marks::PRI_FOLLOW,
                    ),
                    None => paint::set("hover", &[], 0),
                }
                self.tip = hit.and_then(|i| self.tip(ctx, i));
            }
            Msg::Click(e) => {
                self.all = false;
                if paint::selection_collapsed() {
                    let shown = ctx.props().shown;
                    let hit = self.under(&e);
                    if let Some(i) = hit {
                        paint::clear_of_card(&self.painted.marks[i].0);
                    }
                    let card = hit.map(|i| card_of(&self.painted.marks[i].1, shown));
                    ctx.props().dispatch.emit(Action::Card(card));
                }
            }
            Msg::Key(e) => {
                let key = e.key();
                // Select all, until the caret moves (typing, Delete or a paste then
                // replaces the whole text).
                if (e.ctrl_key() || e.meta_key()) && key.eq_ignore_ascii_case("a") {
                    self.all = true;
                } else if key.starts_with("Arrow")
                    || matches!(key.as_str(), "Home" | "End" | "PageUp" | "PageDown" | "Tab")
                {
                    self.all = false;
                }
                if e.alt_key() && !e.ctrl_key() && !e.meta_key() {
                    let el = self.node.cast::<Element>();
                    match (key.as_str(), el) {
                        ("ArrowDown" | "ArrowUp", Some(el)) => {
                            e.prevent_default();
                            self.step(ctx, &el, key == "ArrowDown");
                        }
                        ("Enter", Some(el)) => {
                            e.prevent_default();
                            let marks = &self.painted.marks;
                            // The mark starting at the caret, else the one around it.
                            let hit = paint::caret_in(&el).and_then(|(n, o)| {
                                marks
                                    .iter()
                                    .position(|(r, _)| {
                                        at_or_before(r, &n, o)
                                            && r.compare_point(&n, o).ok() == Some(0)
                                    })
                                    .or_else(|| mark_at(&self.painted, &n, o, None))
                            });
                            if let Some(i) = hit {
                                paint::clear_of_card(&marks[i].0);
                                self.stepped = None;
                                let card = card_of(&marks[i].1, ctx.props().shown);
                                ctx.props().dispatch.emit(Action::Card(Some(card)));
                                super::card::take_focus();
                                // The card says more than the tooltip, which would cover the text.
                                self.tip = None;
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        (self.tip.clone(), self.said.len()) != before
    }

    fn destroy(&mut self, _ctx: &Context<Self>) {
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            for (ty, f) in &self.listeners {
                let _ = d.remove_event_listener_with_callback_and_bool(
                    ty,
                    f.as_ref().unchecked_ref(),
                    true,
                );
            }
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let p = ctx.props();
        let link = ctx.link();
        let text = self.text();
        let pager = (text.len() > WHOLE_BYTES).then(|| {
            let starts = marks::part_starts(&text);
            let at = starts.partition_point(|&s| s <= self.win.0).max(1);
            let n = starts.len().max(at);
            let go = |forward: bool| link.callback(move |_: MouseEvent| Msg::Part(forward));
            html! {
                <nav class="pager" aria-label="Parts of the article">
                    <button class="button quiet" disabled={self.win.0 == 0} onclick={go(false)}>{ "← Previous part" }</button>
                    <span>{ format!("Part {at} of {n}") }</span>
                    <button class="button quiet" disabled={self.win.1 >= text.len()} onclick={go(true)}>{ "Next part →" }</button>
                </nav>
            }
        });
        html! {
            <>
            <p class="visually-hidden" id="article-keys">
                { "Type or paste the article here; it is analysed as you type. Alt+Down and Alt+Up move to the next and previous highlight of the drawn layer; Alt+Enter explains the highlight at the caret; Escape closes the explanation." }
            </p>
            <div id={ARTICLE_ID} ref={self.node.clone()}
                contenteditable="plaintext-only" role="textbox"
                aria-multiline="true" aria-label="Article" aria-describedby="article-keys"
                spellcheck="false" autocapitalize="off" translate="no" dir={if p.rtl { "rtl" } else { "ltr" }}
                data-placeholder="Paste a news article here, or press “Try a sample”. It is analysed as you type, in this browser: the people, organisations and places it names, who claims what, and how sure it sounds are marked in the text itself, with the looks shown above."
                CLASS={format!("article {}", p.emphasis.class())}
                oninput={link.callback(Msg::Input)}
                onpaste={link.callback(Msg::Paste)}
                onmousemove={link.callback(Msg::Move)}
                onmouseleave={link.callback(|_: MouseEvent| Msg::Leave)}
                onclick={link.callback(Msg::Click)}
                onkeydown={link.callback(Msg::Key)}></div>
            { pager.unwrap_or_default() }
            <p class="visually-hidden" id="mark-said" aria-live="polite">{ self.said.clone() }</p>
            <div id="tip" ref={self.tip_node.clone()} role="tooltip" CLASS={if self.tip.is_none() { "tooltip hidden" } else { "tooltip" }}>
                if let Some(t) = &self.tip {
                    { for t.lines.iter().map(|l| html! { <div>{ l.clone() }</div> }) }
                }
            </div>
            </>
        }
    }
}
