//! Which highlights each run of the article gets, and where: pure, so it is tested
//! natively. The editable article (`ui/surface.rs`) holds plain text; its marks are
//! drawn by the CSS Custom Highlight API, one named highlight per style
//! (`::highlight(name)` in `www/app.css`), so that drawing them never touches the text
//! the reader is typing in (the caret, the selection and native undo stay).

use crate::state::{Emphasis, Shown};
use crate::view::{Role, Run};
use crate::Overview;

/// A highlight's name and its priority (higher paints over lower).
pub type Name = (String, i32);

/// What decides how a run is drawn, besides the run itself.
#[derive(Clone, Copy, Debug)]
pub struct Look<'a> {
    /// The analysis the runs point into.
    pub overview: &'a Overview,
    /// Layers shown.
    pub shown: Shown,
    /// The layer drawn strongly.
    pub emphasis: Emphasis,
    /// The selected actor: its mentions are drawn strongly, other actors quietly.
    pub selected: Option<u32>,
    /// The claims of the chosen who-said-what row (in text order): drawn strongly,
    /// other claims quietly.
    pub chosen: Option<&'a [u32]>,
}

/// Priorities: contents under actors under sources and cues under hedges; then the
/// selection, the hovered and stepped-to mark and the landed sentence.
const PRI_CONTENT: i32 = 0;
const PRI_ACTOR: i32 = 1;
const PRI_CLAIM: i32 = 2;
const PRI_HEDGE: i32 = 3;
/// The priority of the picked-out actor or claims.
pub const PRI_PICKED: i32 = 4;
/// The priority of the marks that follow the reader (hover, keyboard step, landing).
pub const PRI_FOLLOW: i32 = 5;

impl Look<'_> {
    fn strong(&self, layer: Emphasis) -> bool {
        self.emphasis == Emphasis::All || self.emphasis == layer
    }

    /// The highlights of one run (none for an unmarked run or hidden layers).
    pub fn names(&self, run: &Run) -> Vec<Name> {
        let mut out = Vec::new();
        let ov = self.overview;
        if let (Some(c), Some(role), true) = (run.claim, run.role, self.shown.claims) {
            let picked = self.chosen.map(|ids| ids.binary_search(&c).is_ok());
            let strong = picked.unwrap_or_else(|| self.strong(Emphasis::Claims));
            let att = ov.claims.get(c as usize).map_or("none", |c| &c.attribution);
            let (name, pri) = match (role, strong) {
                (Role::Content, true) => ("cl-con".to_string(), PRI_CONTENT),
                (Role::Source, true) => ("cl-src".to_string(), PRI_CLAIM),
                (Role::Cue, true) => (format!("cl-cue-{att}"), PRI_CLAIM),
                (Role::Cue, false) => ("q-cue".to_string(), PRI_CLAIM),
                (_, false) => (String::new(), 0),
            };
            if !name.is_empty() {
                out.push((name, pri));
            }
            if picked == Some(true) {
                out.push(("chosen".to_string(), PRI_PICKED));
            }
        }
        if let (Some(a), true) = (run.actor, self.shown.actors) {
            let strong = match self.selected {
                Some(s) => s == a,
                None => self.strong(Emphasis::Actors),
            };
            out.push(match ov.actors.get(a as usize) {
                Some(actor) if strong => (format!("a{}-{}", actor.colour, actor.kind), PRI_ACTOR),
                _ => ("q-act".to_string(), PRI_ACTOR),
            });
            if self.selected == Some(a) {
                out.push(("sel".to_string(), PRI_PICKED));
            }
        }
        if let (Some(h), true) = (run.hedge, self.shown.hedges) {
            let kind = ov.hedges.get(h as usize).map_or("hedge", |h| &h.kind);
            out.push(if self.strong(Emphasis::Hedges) {
                (format!("hd-{kind}"), PRI_HEDGE)
            } else {
                ("q-hd".to_string(), PRI_HEDGE)
            });
        }
        out
    }
}

/// Whether `run` is a keyboard stop of the drawn layer (the next and previous mark keys
/// move between these).
pub fn is_stop(run: &Run, emphasis: Emphasis, shown: Shown) -> bool {
    run.stop
        && match emphasis {
            Emphasis::Actors => shown.actors && run.actor.is_some(),
            Emphasis::Claims => shown.claims && run.role == Some(Role::Cue),
            Emphasis::Hedges => shown.hedges && run.hedge.is_some(),
            Emphasis::All => {
                (shown.actors && run.actor.is_some())
                    || (shown.claims && run.claim.is_some())
                    || (shown.hedges && run.hedge.is_some())
            }
        }
}

/// UTF-16 offsets, relative to `base`, of byte offsets into `text`, given in
/// non-decreasing order: one pass over the text between `base` and the last offset.
/// An offset inside a character (never made by the view model) counts as that
/// character's end.
pub fn utf16_offsets(text: &str, base: usize, bytes: &[usize]) -> Vec<u32> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut chars = text.get(base..).unwrap_or("").char_indices().peekable();
    let mut at16 = 0u32;
    for &b in bytes {
        let b = b.saturating_sub(base);
        while let Some(&(i, c)) = chars.peek() {
            if i >= b {
                break;
            }
            at16 += c.len_utf16() as u32;
            chars.next();
        }
        out.push(at16);
    }
    out
}

/// The part of a long text the article holds and edits at once, as byte offsets: a text
/// up to [`WHOLE_BYTES`] is held whole; a longer one from `start` to the end of the
/// first line that reaches [`WINDOW_BYTES`] past it (typing in a browser's text box
/// slows with the length of what it holds: 12 ms a keystroke on 24 KB, 118 ms on 1 MB).
pub fn window(text: &str, start: usize) -> (usize, usize) {
    if text.len() <= WHOLE_BYTES {
        return (0, text.len());
    }
    let start = floor_boundary(text, start.min(text.len()));
    let from = floor_boundary(text, (start + WINDOW_BYTES).min(text.len()));
    let end = match text[from..].find('\n') {
        _ if from == text.len() => from,
        Some(i) if i <= WINDOW_BYTES => from + i + 1,
        // One very long line: cut at a space, else at a character boundary.
        _ => text[start..from]
            .rfind(' ')
            .map(|i| start + i + 1)
            .filter(|&e| e > start)
            .unwrap_or(from),
    };
    (start, end.max(start))
}

/// Where each part of a long text starts when it is read from the top, each part the
/// [`window`] after the last (just `[0]` for a text held whole).
pub fn part_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut end = window(text, 0).1;
    while end < text.len() {
        starts.push(end);
        let next = window(text, end).1;
        if next <= end {
            break;
        }
        end = next;
    }
    starts
}

/// The longest text the article holds whole.
pub const WHOLE_BYTES: usize = 64 * 1024;
/// About how much of a longer text it holds at once (a page of the view model).
pub const WINDOW_BYTES: usize = crate::view::PAGE_BYTES;

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overview(text: &str) -> Overview {
        let out = crate::analyze_for_view(text);
        serde_json::from_str(&out.overview).unwrap()
    }

    fn runs(text: &str) -> Vec<Run> {
        let out = crate::analyze_for_view(text);
        out.pages
            .iter()
            .flat_map(|p| serde_json::from_str::<crate::view::Page>(p).unwrap().paras)
            .flat_map(|p| p.runs)
            .collect()
    }

    const ALL: Shown = Shown {
        actors: true,
        claims: true,
        hedges: true,
    };

    /// The names of the run that starts with `word`.
    fn names_at(text: &str, word: &str, look: impl Fn(&Overview) -> Look) -> Vec<String> {
        let ov = overview(text);
        let at = text.find(word).unwrap() as u32;
        let run = runs(text).into_iter().find(|r| r.start == at).unwrap();
        look(&ov).names(&run).into_iter().map(|n| n.0).collect()
    }

    const TEXT: &str = "Maria Okafor said the bridge may reopen in May.";

    #[test]
    fn each_layer_strong_or_quiet_by_emphasis() {
        let cases: &[(Emphasis, &str, &[&str])] = &[
            (Emphasis::Claims, "said", &["cl-cue-named"]),
            (Emphasis::Claims, "may", &["cl-con", "q-hd"]),
            (Emphasis::Hedges, "may", &["hd-hedge"]),
            (Emphasis::Hedges, "said", &["q-cue"]),
            (Emphasis::All, "may", &["cl-con", "hd-hedge"]),
            (Emphasis::Claims, "Maria", &["cl-src", "q-act"]),
            (Emphasis::Actors, "Maria", &["a0-person"]),
        ];
        for &(emphasis, word, want) in cases {
            let got = names_at(TEXT, word, |ov| Look {
                overview: ov,
                shown: ALL,
                emphasis,
                selected: None,
                chosen: None,
            });
            assert_eq!(got, want, "{emphasis:?} {word}");
        }
    }

    #[test]
    fn hidden_layers_draw_nothing_and_picks_stand_out() {
        let none = Shown {
            actors: false,
            claims: false,
            hedges: false,
        };
        let got = names_at(TEXT, "may", |ov| Look {
            overview: ov,
            shown: none,
            emphasis: Emphasis::All,
            selected: None,
            chosen: None,
        });
        assert!(got.is_empty());
        // A selected actor is strong (and ringed) even when claims are drawn strongly.
        let got = names_at(TEXT, "Maria", |ov| Look {
            overview: ov,
            shown: ALL,
            emphasis: Emphasis::Claims,
            selected: Some(0),
            chosen: None,
        });
        assert_eq!(got, ["cl-src", "a0-person", "sel"]);
        // A chosen row's claims are strong; another row's are quiet.
        let chosen_other: &[u32] = &[7];
        let got = names_at(TEXT, "said", |ov| Look {
            overview: ov,
            shown: ALL,
            emphasis: Emphasis::Claims,
            selected: None,
            chosen: Some(chosen_other),
        });
        assert_eq!(got, ["q-cue"]);
        let chosen: &[u32] = &[0];
        let got = names_at(TEXT, "said", |ov| Look {
            overview: ov,
            shown: ALL,
            emphasis: Emphasis::Hedges,
            selected: None,
            chosen: Some(chosen),
        });
        assert_eq!(got, ["cl-cue-named", "chosen"]);
    }

    #[test]
    fn stops_follow_the_drawn_layer() {
        let runs = runs(TEXT);
        let stops = |e: Emphasis| -> Vec<&str> {
            runs.iter()
                .filter(|r| is_stop(r, e, ALL))
                .map(|r| &TEXT[r.start as usize..r.end as usize])
                .collect()
        };
        assert_eq!(stops(Emphasis::Claims), ["said"]);
        assert_eq!(stops(Emphasis::Hedges), ["may"]);
        assert_eq!(stops(Emphasis::Actors), ["Maria Okafor"]);
        assert_eq!(stops(Emphasis::All).len(), 3);
    }

    #[test]
    fn utf16_offsets_count_code_units() {
        let cases: &[(&str, usize, &[usize], &[u32])] = &[
            ("abc", 0, &[0, 1, 3], &[0, 1, 3]),
            ("é😀x", 0, &[0, 2, 6, 7], &[0, 1, 3, 4]),
            ("ab😀cd", 2, &[2, 6, 8], &[0, 2, 4]),
            ("مرحبا x", 0, &[10, 11], &[5, 6]),
        ];
        for &(text, base, bytes, want) in cases {
            assert_eq!(utf16_offsets(text, base, bytes), want, "{text}");
        }
    }

    #[test]
    fn a_long_text_is_held_a_page_at_a_time() {
        let short = "A short text.\n".repeat(100);
        assert_eq!(window(&short, 0), (0, short.len()));
        let line = "The minister said the plan may work. ".repeat(3) + "\n";
        let long = line.repeat(4000);
        let (s, e) = window(&long, 0);
        assert_eq!(s, 0);
        assert!(e >= WINDOW_BYTES && e <= WINDOW_BYTES + line.len(), "{e}");
        assert_eq!(&long[e - 1..e], "\n");
        let (s2, e2) = window(&long, e);
        assert_eq!(s2, e);
        assert!(e2 > s2 && long.is_char_boundary(e2));
        // One line of 1 MB: cut at a space.
        let one = "word ".repeat(200_000);
        let (_, e) = window(&one, 0);
        assert!(e <= WINDOW_BYTES && one[..e].ends_with(' '), "{e}");
        // The end of the text.
        let (s, e) = window(&long, long.len() - 10);
        assert_eq!((s, e), (long.len() - 10, long.len()));
    }

    #[test]
    fn parts_cover_a_long_text_once() {
        let cases = [
            "short".to_string(),
            "The minister said the plan may work.\n\n".repeat(5000),
            "word ".repeat(100_000),
            "é😀 ".repeat(60_000) + "\n",
        ];
        for text in &cases {
            let starts = part_starts(text);
            assert_eq!(starts[0], 0);
            let mut at = 0;
            for (i, &s) in starts.iter().enumerate() {
                assert_eq!(s, at, "parts are contiguous");
                let end = starts.get(i + 1).copied().unwrap_or(text.len());
                assert!(end > s && text.is_char_boundary(end));
                assert!(end - s <= 2 * WINDOW_BYTES, "{}", end - s);
                at = end;
            }
            assert_eq!(at, text.len());
        }
    }
}
