//! After a jump, the sentence the reader lands on is highlighted (the CSS Custom
//! Highlight API, `::highlight(landed)` in app.css), so the eye finds it in a long
//! text; the highlight stays until the next jump. Where the API is missing, the
//! target element alone is marked (class `landed`).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node};

/// An anchor as a number that sorts as its text does: its bytes, first byte highest
/// (`None` past 16 bytes; an anchor is a letter and a number, at most 11 bytes). The
/// anchors are sorted as these keys, by the core's one sort: no sort code of the app's own.
pub fn anchor_key(id: &str) -> Option<u128> {
    let b = id.as_bytes();
    (b.len() <= 16).then(|| {
        b.iter()
            .enumerate()
            .fold(0, |k, (i, &x)| k | u128::from(x) << (8 * (15 - i)))
    })
}

/// True for the element a sentence starts at: its anchor, which is `s12` or, when the
/// sentence starts with a claim, a hedge or an actor, that one's (`c3`, `h7`, `a0`).
/// `starts` holds the sentences' anchors as [`anchor_key`]s, sorted.
fn is_sentence_start(node: &Node, starts: &[u128]) -> bool {
    node.dyn_ref::<Element>()
        .and_then(|e| anchor_key(&e.id()))
        .is_some_and(|k| starts.binary_search(&k).is_ok())
}

/// Highlights the sentence around `target` (within its paragraph): from the nearest
/// sentence start at or before it to the next sentence start or the paragraph's end.
/// `starts`: the anchors of the sentences as [`anchor_key`]s, sorted.
pub fn land(target: &Element, starts: &[u128]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else {
        return;
    };
    // The run itself, or the paragraph when the target is the article.
    let mut start: Node = target.clone().into();
    if start.parent_element().is_none_or(|p| p.tag_name() != "P") {
        return;
    }
    while !is_sentence_start(&start, starts) {
        match start.previous_sibling() {
            Some(prev) => start = prev,
            None => break,
        }
    }
    let mut end: Option<Node> = None;
    let mut next = start.next_sibling();
    while let Some(n) = next {
        if is_sentence_start(&n, starts) {
            end = Some(n);
            break;
        }
        next = n.next_sibling();
    }
    let Ok(range) = doc.create_range() else {
        return;
    };
    let ended = match &end {
        Some(e) => range.set_end_before(e),
        None => target
            .parent_node()
            .map_or(Ok(()), |p| range.select_node_contents(&p)),
    };
    if range.set_start_before(&start).is_err() || ended.is_err() {
        return;
    }
    if highlight(&window, &range).is_err() {
        let _ = target.class_list().add_1("landed");
    }
}

/// `CSS.highlights.set('landed', new Highlight(range))`, through Reflect: web-sys
/// has these only behind its unstable APIs.
fn highlight(window: &web_sys::Window, range: &web_sys::Range) -> Result<(), JsValue> {
    use js_sys::{Array, Function, Reflect};
    let css = Reflect::get(window, &"CSS".into())?;
    let registry = Reflect::get(&css, &"highlights".into())?;
    let ctor = Reflect::get(window, &"Highlight".into())?;
    let ctor: &Function = ctor.dyn_ref().ok_or(JsValue::NULL)?;
    let set: Function = Reflect::get(&registry, &"set".into())?
        .dyn_into()
        .map_err(|_| JsValue::NULL)?;
    let h = Reflect::construct(ctor, &Array::of1(range))?;
    set.call2(&registry, &"landed".into(), &h)?;
    Ok(())
}
