//! The article's text in the DOM and its highlights: reading the text the reader typed,
//! finding a text offset's place among the text nodes, and the CSS Custom Highlight API
//! (`CSS.highlights`, through `Reflect`: web-sys has it only behind its unstable APIs).
//! Highlights are ranges over the text, not elements in it, so drawing them never edits
//! what the reader is typing: the caret, the selection and native undo stay.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node, Range};

/// The text of the article element as the reader sees it, and where each text node's
/// text is in it (UTF-16 code units). The browser adds `<div>` and `<br>` elements when
/// text is inserted with line breaks by a script, and `<div><br></div>` after a pasted
/// text that ends with a line break: a block starts a line, an empty block after text is
/// an empty line, and a block's last `<br>` only holds its line open (nothing of the text).
pub struct Dom {
    /// The text.
    pub text: String,
    /// Text nodes with the UTF-16 offset they start at and their length.
    nodes: Vec<(Node, u32, u32)>,
    /// Length of the text in UTF-16 code units.
    len16: u32,
}

impl Dom {
    /// Reads the text under `root`; `tail` when it holds the end of the text. There, a
    /// line break after a line break is taken for the one the browser adds to show an
    /// empty last line (typing Enter at the end, or pasting over text, adds it; a pasted
    /// text's own second trailing line break cannot be told from it and is not kept).
    pub fn scan(root: &Node, tail: bool) -> Dom {
        let mut dom = Dom {
            text: String::new(),
            nodes: Vec::new(),
            len16: 0,
        };
        dom.walk(root);
        if tail && dom.text.ends_with("\n\n") {
            dom.text.pop();
            dom.len16 -= 1;
        }
        dom
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.len16 += s.encode_utf16().count() as u32;
    }

    fn walk(&mut self, node: &Node) {
        let mut child = node.first_child();
        while let Some(n) = child {
            let next = n.next_sibling();
            match n.node_type() {
                Node::TEXT_NODE => {
                    let data = n.node_value().unwrap_or_default();
                    let start = self.len16;
                    self.push(&data);
                    self.nodes.push((n.clone(), start, self.len16 - start));
                }
                Node::ELEMENT_NODE => match n.node_name().as_str() {
                    // A line break; the last one of a block only holds its empty line open.
                    "BR" if next.is_some() => self.push("\n"),
                    "BR" => {}
                    "DIV" | "P" => {
                        // A block starts a line; an empty one is an empty line.
                        let new_line = !self.text.is_empty() && !self.text.ends_with('\n');
                        if new_line {
                            self.push("\n");
                        }
                        let before = self.text.len();
                        self.walk(&n);
                        if new_line && self.text.len() == before {
                            self.push("\n");
                        }
                    }
                    _ => self.walk(&n),
                },
                _ => {}
            }
            child = next;
        }
    }

    /// The DOM position of a UTF-16 offset in the text (between two text nodes, the
    /// start of the next, or the end of the last one).
    pub fn locate(&self, off: u32) -> Option<(Node, u32)> {
        let i = self.nodes.partition_point(|(_, start, _)| *start <= off);
        let (node, start, len) = self.nodes.get(i.checked_sub(1)?)?;
        if off <= start + len {
            return Some((node.clone(), off - start));
        }
        match self.nodes.get(i) {
            Some((next, _, _)) => Some((next.clone(), 0)),
            None => Some((node.clone(), *len)),
        }
    }

    /// The UTF-16 offset in the text of a DOM position under the root (a text node and an
    /// offset in it; or an element and a child index, taken as the start of that child's
    /// text or the end of the text).
    pub fn offset_of(&self, node: &Node, offset: u32) -> u32 {
        if let Some((_, start, len)) = self
            .nodes
            .iter()
            .find(|(n, _, _)| n.is_same_node(Some(node)))
        {
            return start + offset.min(*len);
        }
        let child = node.child_nodes().item(offset);
        let first = child.and_then(|c| {
            self.nodes
                .iter()
                .find(|(n, _, _)| c.is_same_node(Some(n)) || c.contains(Some(n)))
        });
        first.map_or(self.len16, |(_, start, _)| *start)
    }

    /// A range over `[start, end)` (UTF-16 offsets in the text).
    pub fn range(&self, start: u32, end: u32) -> Option<Range> {
        let range = Range::new().ok()?;
        let (sn, so) = self.locate(start)?;
        let (en, eo) = self.locate(end)?;
        range.set_start(&sn, so).ok()?;
        range.set_end(&en, eo).ok()?;
        Some(range)
    }
}

/// The highlight registry (`CSS.highlights`), when the browser has one.
pub fn registry() -> Option<JsValue> {
    let window = web_sys::window()?;
    let css = Reflect::get(&window, &"CSS".into()).ok()?;
    Reflect::get(&css, &"highlights".into())
        .ok()
        .filter(|r| !r.is_undefined())
}

fn call(registry: &JsValue, method: &str, args: &Array) -> Option<JsValue> {
    let f: Function = Reflect::get(registry, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    f.apply(registry, args).ok()
}

/// Removes every highlight.
pub fn clear() {
    if let Some(r) = registry() {
        call(&r, "clear", &Array::new());
    }
}

/// Draws `ranges` as highlight `name` (replacing what was drawn under that name), with
/// `priority`; no ranges removes it.
pub fn set(name: &str, ranges: &[Range], priority: i32) {
    let Some(r) = registry() else {
        return;
    };
    if ranges.is_empty() {
        call(&r, "delete", &Array::of1(&name.into()));
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(ctor) = Reflect::get(&window, &"Highlight".into())
        .ok()
        .and_then(|c| c.dyn_into::<Function>().ok())
    else {
        return;
    };
    let args: Array = ranges.iter().collect();
    if let Ok(h) = Reflect::construct(&ctor, &args) {
        let _ = Reflect::set(&h, &"priority".into(), &priority.into());
        call(&r, "set", &Array::of2(&name.into(), &h));
    }
}

/// Whether the pointer at (`x`, `y`) is over `range` (its bounding box: the caret
/// position under the pointer is already in the range; this rules out the pointer past
/// the end of a line, where the browser gives the nearest position).
pub fn under(range: &Range, x: f64, y: f64) -> bool {
    let r = range.get_bounding_client_rect();
    x >= r.left() - 1.0 && x <= r.right() + 1.0 && y >= r.top() - 1.0 && y <= r.bottom() + 1.0
}

/// The text position under the pointer: a node and an offset.
pub fn caret_at(x: f64, y: f64) -> Option<(Node, u32)> {
    let doc = web_sys::window()?.document()?;
    let pos = doc.caret_position_from_point(x as f32, y as f32)?;
    Some((pos.offset_node()?, pos.offset()))
}

/// Scrolls the page so that `range` is in view, centred when it was out of view.
pub fn reveal(range: &Range) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let r = range.get_bounding_client_rect();
    let height = window
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(600.0);
    if r.top() < 0.0 || r.bottom() > height {
        window.scroll_by_with_x_and_y(0.0, r.top() - height / 2.0);
    }
}

/// On a narrow screen, where a card takes the bottom of the window, scrolls `range`
/// into the top part so that the card does not cover the words it explains.
pub fn clear_of_card(range: &Range) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let size = |v: Result<JsValue, JsValue>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let (width, height) = (size(window.inner_width()), size(window.inner_height()));
    let r = range.get_bounding_client_rect();
    if width <= 900.0 && r.bottom() > height * 0.35 {
        window.scroll_by_with_x_and_y(0.0, r.top() - height * 0.15);
    }
}

/// Puts the caret at the start of `range` in `root`, with the keyboard focus.
pub fn caret_to(root: &Element, range: &Range) {
    if let Some(el) = root.dyn_ref::<web_sys::HtmlElement>() {
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = el.focus_with_options(&opts);
    }
    let sel = web_sys::window().and_then(|w| w.get_selection().ok().flatten());
    if let (Some(sel), Ok(node), Ok(offset)) = (sel, range.start_container(), range.start_offset())
    {
        let _ = sel.collapse_with_offset(Some(&node), offset);
    }
}

/// The caret (the selection's focus) when it is in `root`.
pub fn caret_in(root: &Element) -> Option<(Node, u32)> {
    let sel = web_sys::window()?.get_selection().ok()??;
    let node = sel.focus_node()?;
    root.contains(Some(&node))
        .then(|| (node, sel.focus_offset()))
}

/// Whether the selection is empty (a click placed the caret rather than selecting).
pub fn selection_collapsed() -> bool {
    web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .is_none_or(|s| s.is_collapsed())
}
