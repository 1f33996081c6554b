//! Lays an analysis out: paragraphs, pages, runs, anchors, keyboard stops and
//! actor colours.

use crate::model::{
    ActorView, ClaimTips, ClaimView, HedgeView, Loc, Page, Para, Role, Run, SentenceView, View,
};
use crate::words;
use claimlens::contract::JsonAnalysis;
use claimlens::{Analysis, Form, Span};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Target size of one page, in bytes of text.
pub const PAGE_BYTES: usize = 24 * 1024;

/// How many colours the actor palette has (colour-blind-safe hues, the same in the app
/// and the widget); actors past the most mentioned [`PALETTE`] get colour `PALETTE`, a
/// neutral grey.
pub const PALETTE: u8 = 8;

/// The unit of the offsets in a [`View`].
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Offsets {
    /// Bytes of the UTF-8 text (Rust string indices).
    Bytes,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
}

/// Converts ascending byte offsets to the view's unit, in one pass over the text.
struct Cursor<'a> {
    text: &'a [u8],
    utf16: bool,
    byte: usize,
    unit: usize,
}

impl Cursor<'_> {
    /// The offset of byte `b`, which is at or after the previous one asked for.
    #[inline(never)]
    fn at(&mut self, b: usize) -> u32 {
        if !self.utf16 {
            return b as u32;
        }
        debug_assert!(b >= self.byte);
        // One unit per char, two for a char of four bytes: count the bytes that
        // are not continuation bytes, and once more the lead bytes of four.
        for &x in &self.text[self.byte..b] {
            self.unit += usize::from(x & 0xC0 != 0x80) + usize::from(x >= 0xF0);
        }
        self.byte = b;
        self.unit as u32
    }
}

/// An annotation of one layer over a byte range.
#[derive(Copy, Clone, Debug)]
struct Mark {
    start: usize,
    end: usize,
    id: u32,
    role: Role,
}

/// One layer's sweep: at each point, the innermost of its marks covering it.
///
/// Innermost is shortest (in bytes); of equally long ones, the one starting
/// later; of identical spans, the first in the analysis's order. Marks are
/// grouped by the cut they start at (a counting sort: `cuts` is sorted and holds
/// every start), and each enters and leaves a heap once, so a text costs
/// O((marks + runs) log marks) however deeply its marks nest.
struct Layer {
    marks: Vec<Mark>,
    /// Indices into `marks`, grouped by the cut they start at.
    by_start: Vec<u32>,
    /// `by_start[group[k]..group[k + 1]]` start at `cuts[k]`.
    group: Vec<u32>,
    /// Groups pushed so far.
    next: usize,
    /// (length, later start first, index in `marks`) of marks that started.
    heap: BinaryHeap<Reverse<(usize, Reverse<usize>, usize)>>,
}

impl Layer {
    #[inline(never)]
    fn new(marks: Vec<Mark>, cuts: &[usize]) -> Self {
        let cut_of = |m: &Mark| cuts.partition_point(|&c| c < m.start);
        let mut group = vec![0u32; cuts.len() + 1];
        for m in &marks {
            group[cut_of(m) + 1] += 1;
        }
        for k in 1..group.len() {
            group[k] += group[k - 1];
        }
        let mut fill = group.clone();
        let mut by_start = vec![0u32; marks.len()];
        for (i, m) in marks.iter().enumerate() {
            let slot = &mut fill[cut_of(m)];
            by_start[*slot as usize] = i as u32;
            *slot += 1;
        }
        Layer {
            marks,
            by_start,
            group,
            next: 0,
            heap: BinaryHeap::new(),
        }
    }

    /// The innermost mark covering `p`, advancing the sweep to `p` (which never
    /// decreases); `cuts` as given to [`Layer::new`].
    #[inline(never)]
    fn at(&mut self, p: usize, cuts: &[usize]) -> Option<Mark> {
        while self.next < cuts.len() && cuts[self.next] <= p {
            let k = self.next;
            for &i in &self.by_start[self.group[k] as usize..self.group[k + 1] as usize] {
                let m = self.marks[i as usize];
                if m.end > p {
                    self.heap
                        .push(Reverse((m.end - m.start, Reverse(m.start), i as usize)));
                }
            }
            self.next += 1;
        }
        while let Some(&Reverse((_, _, i))) = self.heap.peek() {
            if self.marks[i].end > p {
                return Some(self.marks[i]);
            }
            self.heap.pop();
        }
        None
    }
}

/// The non-blank lines of `text` (without their line break).
#[inline(never)]
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        let body = line.strip_suffix('\r').unwrap_or(line);
        if body.chars().any(|c| !c.is_whitespace()) {
            out.push(Span::new(start, start + body.len()));
        }
        start = end + 1;
    }
    out
}

/// Splits paragraphs longer than a page: at the last sentence start that keeps
/// a piece within [`PAGE_BYTES`], else at the last space, else at a char boundary.
#[inline(never)]
fn split_long(text: &str, paras: Vec<Span>, sentence_starts: &[usize]) -> Vec<Span> {
    let mut out = Vec::with_capacity(paras.len());
    for para in paras {
        let mut start = para.start;
        while para.end - start > PAGE_BYTES {
            let limit = floor_char_boundary(text, start + PAGE_BYTES);
            let lo = sentence_starts.partition_point(|&s| s <= start);
            let hi = sentence_starts.partition_point(|&s| s <= limit);
            let mut cut = if hi > lo { sentence_starts[hi - 1] } else { 0 };
            if cut <= start {
                cut = text[start..limit]
                    .rfind(' ')
                    .map(|i| start + i + 1)
                    .filter(|&c| c > start + PAGE_BYTES / 2)
                    .unwrap_or(limit);
            }
            if cut <= start {
                break;
            }
            out.push(Span::new(start, cut));
            start = cut;
        }
        out.push(Span::new(start, para.end));
    }
    out
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Palette colours by rank of mentions (most first, then by id): the [`PALETTE`]
/// most mentioned actors get one colour each, never shared; the rest get the neutral
/// colour [`PALETTE`] (grey), so that two actors never look alike. A counting sort, by
/// mentions.
#[inline(never)]
fn colours(analysis: &Analysis) -> Vec<u8> {
    let count = |i: usize| analysis.actors[i].mentions.len();
    let n = analysis.actors.len();
    let most = (0..n).map(count).max().unwrap_or(0);
    // Actors with m mentions: by_count[first[most - m]..first[most - m + 1]], by id.
    let mut first = vec![0usize; most + 2];
    for i in 0..n {
        first[most - count(i) + 1] += 1;
    }
    for k in 1..first.len() {
        first[k] += first[k - 1];
    }
    let mut colour = vec![0u8; n];
    for i in 0..n {
        let rank = &mut first[most - count(i)];
        colour[i] = (*rank).min(PALETTE as usize) as u8;
        *rank += 1;
    }
    colour
}

/// Whether a run is a keyboard stop: it starts an actor mention, a hedge, or a
/// claim's source or cue, and has more than whitespace (claim contents and the
/// space between annotations are reached by hover or from the panels).
#[inline(never)]
fn is_stop(text: &str, run: &Run, prev: Option<&Run>) -> bool {
    let starts = |now: Option<u32>, before: Option<u32>| now.is_some() && now != before;
    let (pa, pc, pr, ph) = prev.map_or((None, None, None, None), |q| {
        (q.actor, q.claim, q.role, q.hedge)
    });
    let claim_part =
        run.role.is_some_and(|r| r != Role::Content) && (run.claim != pc || run.role != pr);
    (starts(run.actor, pa) || starts(run.hedge, ph) || claim_part) && !text.trim().is_empty()
}

/// The view of `analysis` of `text`, with offsets in `offsets`.
///
/// ```
/// use claimlens_view::{build, Offsets};
/// let text = "😀 Officials said the talks may resume.";
/// let view = build(text, &claimlens::analyze(text), Offsets::Utf16);
/// let runs = &view.pages[0].paras[0].runs;
/// let may = runs.iter().find(|r| r.hedge.is_some()).unwrap();
/// assert_eq!((may.start, may.end), (28, 31)); // the emoji is two UTF-16 code units
/// assert_eq!(view.hedges[0].tip, "hedge: modal verb");
/// ```
pub fn build(text: &str, analysis: &Analysis, offsets: Offsets) -> View {
    let contract = claimlens::contract::to_contract(text, analysis, None);
    build_from(text, analysis, &contract, offsets)
}

/// [`build`], given the analysis in the JSON contract too (for its summary and
/// rounded scores), when the caller has it anyway.
pub fn build_from(
    text: &str,
    analysis: &Analysis,
    contract: &JsonAnalysis,
    offsets: Offsets,
) -> View {
    let sentence_starts: Vec<usize> = analysis.sentences.iter().map(|s| s.span.start).collect();
    let paras = split_long(text, paragraphs(text), &sentence_starts);

    // Pages: whole paragraphs up to PAGE_BYTES (a longer one was split above).
    let mut page_of_para = Vec::with_capacity(paras.len());
    let mut page_starts = vec![0usize];
    let mut filled = 0usize;
    for p in &paras {
        if filled > 0 && filled + p.len() > PAGE_BYTES {
            page_starts.push(p.start);
            filled = 0;
        }
        filled += p.len();
        page_of_para.push(page_starts.len() as u32 - 1);
    }

    // The marks of each layer (the role only matters for claims), and every
    // point where a run may start: their ends, sentence and page starts.
    let mut marks: [Vec<Mark>; 3] = Default::default();
    let mut add = |layer: usize, s: Span, id: usize, role: Role| {
        marks[layer].push(Mark {
            start: s.start,
            end: s.end,
            id: id as u32,
            role,
        })
    };
    for a in &analysis.actors {
        for &m in &a.mentions {
            add(0, m, a.id, Role::Source);
        }
    }
    for (i, c) in analysis.claims.iter().enumerate() {
        if let Some(s) = c.source {
            add(1, s, i, Role::Source);
        }
        add(1, c.cue, i, Role::Cue);
        for &s in &c.content {
            add(1, s, i, Role::Content);
        }
    }
    for (i, h) in analysis.hedges.iter().enumerate() {
        add(2, h.span, i, Role::Source);
    }
    let mut cuts: Vec<usize> = sentence_starts.clone();
    cuts.extend_from_slice(&page_starts);
    for m in marks.iter().flatten() {
        cuts.push(m.start);
        cuts.push(m.end);
    }
    claimlens::sort::sort_dedup(&mut cuts);
    let mut layers = marks.map(|list| Layer::new(list, &cuts));

    // Anchors: the first run of each actor, claim cue, hedge and sentence,
    // as (page, anchor). A run gets one id, that of the first thing it starts;
    // the others share it.
    let sizes = [
        analysis.actors.len(),
        analysis.claims.len(),
        analysis.hedges.len(),
        analysis.sentences.len(),
    ];
    let mut anchors: [Vec<Loc>; 4] = sizes.map(locs);

    let mut cursor = Cursor {
        text: text.as_bytes(),
        utf16: offsets == Offsets::Utf16,
        byte: 0,
        unit: 0,
    };
    let mut pages = Vec::new();
    pages.resize_with(page_starts.len(), Page::default);
    let mut ci = 0usize;
    for (para, &page) in paras.iter().zip(&page_of_para) {
        let mut runs: Vec<Run> = Vec::new();
        while ci < cuts.len() && cuts[ci] <= para.start {
            ci += 1;
        }
        let para_start = cursor.at(para.start);
        let mut p = para.start;
        let mut p_unit = para_start;
        while p < para.end {
            let q = match cuts.get(ci) {
                Some(&q) if q < para.end => {
                    ci += 1;
                    q
                }
                _ => para.end,
            };
            let q_unit = cursor.at(q);
            let [actor, claim, hedge] = [0, 1, 2].map(|l| layers[l].at(p, &cuts));
            let mut run = Run {
                start: p_unit,
                end: q_unit,
                actor: actor.map(|m| m.id),
                claim: claim.map(|m| m.id),
                role: claim.map(|m| m.role),
                hedge: hedge.map(|m| m.id),
                anchor: None,
                stop: false,
            };
            let sentence = sentence_starts.partition_point(|&s| s <= p).checked_sub(1);
            let starts = [
                claim.filter(|m| m.role == Role::Cue).map(|m| (1, m.id)),
                hedge.map(|m| (2, m.id)),
                actor.map(|m| (0, m.id)),
                sentence.map(|i| (3, i as u32)),
            ];
            for (kind, id) in starts.into_iter().flatten() {
                let slot = &mut anchors[kind][id as usize];
                if slot.anchor.is_empty() {
                    let name = run.anchor.get_or_insert_with(|| anchor_name(kind, id));
                    *slot = Loc {
                        page,
                        anchor: name.clone(),
                    };
                }
            }
            run.stop = is_stop(&text[p..q], &run, runs.last());
            runs.push(run);
            p = q;
            p_unit = q_unit;
        }
        let end = cursor.at(para.end);
        pages[page as usize].paras.push(Para {
            start: para_start,
            end,
            runs,
        });
    }

    let length = cursor.at(text.len());
    let page_at = |byte: usize| (page_starts.partition_point(|&s| s <= byte) - 1) as u32;
    let fallback = |mut at: Loc, byte: usize| {
        if at.anchor.is_empty() {
            at.page = page_at(byte);
        }
        at
    };
    let [actor_at, claim_at, hedge_at, sentence_at] = anchors;
    let actors = actor_views(text, analysis, actor_at, &fallback);
    let claims = claim_views(text, analysis, claim_at, &fallback);
    let mut hedges = hedge_views(text, analysis, hedge_at, &fallback);
    for (view, h) in hedges.iter_mut().zip(&analysis.hedges) {
        let after = sentence_starts.partition_point(|&s| s <= h.span.start);
        view.sentence = after.saturating_sub(1) as u32;
    }
    let sources = crate::sources::rows(analysis, &claims);
    let mut sentences = Vec::with_capacity(sentence_at.len());
    // Hedges and claims are in text order: one merge walk gives each sentence its own.
    let (mut h, mut c) = (0, 0);
    for (((s, at), &start), span) in contract
        .sentences
        .iter()
        .zip(sentence_at)
        .zip(&sentence_starts)
        .zip(analysis.sentences.iter().map(|x| x.span))
    {
        let h0 = h;
        while h < analysis.hedges.len() && analysis.hedges[h].span.start < span.end {
            h += 1;
        }
        let mut vague = None;
        while c < analysis.claims.len() && analysis.claims[c].cue.start < span.end {
            let claim = &analysis.claims[c];
            if claim.cue.start >= span.start && claim.attribution == claimlens::Attribution::Vague {
                vague = vague.or(claim.source.map(|s| s.slice(text)));
            }
            c += 1;
        }
        let hedges = analysis.hedges[h0..h]
            .iter()
            .filter(|x| x.span.start >= span.start);
        sentences.push(SentenceView {
            certainty: s.certainty,
            why: words::sentence_why(text, hedges, vague),
            at: fallback(at, start),
        });
    }
    View {
        length,
        summary: contract.summary.clone(),
        actors,
        claims,
        sources,
        hedges,
        sentences,
        pages,
    }
}

/// The id of the run that something starts: `a3`, `c12`, `h7`, `s40` (for an
/// actor, a claim, a hedge or a sentence).
#[inline(never)]
fn anchor_name(kind: usize, id: u32) -> String {
    [
        ["a", "c", "h", "s"][kind],
        words::decimal(id as usize, &mut [0; 20]),
    ]
    .concat()
}

/// `n` empty locations.
#[inline(never)]
fn locs(n: usize) -> Vec<Loc> {
    let mut v = Vec::new();
    v.resize_with(n, Loc::default);
    v
}

/// What no run was anchored for (another annotation of its layer covers it
/// everywhere) still points at its page: (anchor, byte where it starts) → location.
type Fallback<'a> = dyn Fn(Loc, usize) -> Loc + 'a;

#[inline(never)]
fn actor_views(
    text: &str,
    analysis: &Analysis,
    at: Vec<Loc>,
    fallback: &Fallback,
) -> Vec<ActorView> {
    let colour = colours(analysis);
    let mut actors = Vec::with_capacity(analysis.actors.len());
    for (a, at) in analysis.actors.iter().zip(at) {
        actors.push(ActorView {
            id: a.id as u32,
            name: a.name.clone(),
            kind: a.kind.as_str().into(),
            subkind: a.subkind.clone(),
            aliases: a.aliases.clone(),
            affiliation: a.affiliation.clone(),
            mentions: a.mentions.len() as u32,
            referred: Vec::new(),
            colour: colour[a.id],
            claims: Vec::new(),
            at: fallback(at, a.mentions.first().map_or(0, |m| m.start)),
            tip: words::actor_tip(a),
        });
    }
    for (i, c) in analysis.claims.iter().enumerate() {
        if let Some(a) = c.actor.and_then(|a| actors.get_mut(a)) {
            a.claims.push(i as u32);
            if let (Some(s), Some(Form::Nominal | Form::Pronoun)) = (c.source, c.form) {
                let s = s.slice(text);
                if a.referred.len() < 8 && !a.referred.iter().any(|r| r.eq_ignore_ascii_case(s)) {
                    a.referred.push(s.into());
                }
            }
        }
    }
    actors
}

#[inline(never)]
fn claim_views(
    text: &str,
    analysis: &Analysis,
    at: Vec<Loc>,
    fallback: &Fallback,
) -> Vec<ClaimView> {
    let mut claims = Vec::with_capacity(analysis.claims.len());
    for ((i, c), at) in analysis.claims.iter().enumerate().zip(at) {
        // The excerpt shows the first EXCERPT_CHARS characters: no more than that of
        // each span is read (a long content costs no more than a short one).
        let content: Vec<&str> = c
            .content
            .iter()
            .map(|s| head(s.slice(text), 4 * (words::EXCERPT_CHARS + 1)))
            .collect();
        let [source, cue, content_tip] = words::claim_tips(text, c);
        claims.push(ClaimView {
            id: i as u32,
            source: c.source.map(|s| s.slice(text).into()),
            actor: c.actor.map(|a| a as u32),
            attribution: c.attribution.as_str().into(),
            cue: c.cue.slice(text).into(),
            content: words::excerpt(&content.join(" … "), words::EXCERPT_CHARS),
            quote: crate::sources::is_quote(text, &c.content) || crate::sources::is_turn(text, c),
            at: fallback(at, c.cue.start),
            tips: ClaimTips {
                source: c.source.map(|_| source),
                cue,
                content: content_tip,
            },
        });
    }
    claims
}

#[inline(never)]
fn hedge_views(
    text: &str,
    analysis: &Analysis,
    at: Vec<Loc>,
    fallback: &Fallback,
) -> Vec<HedgeView> {
    let mut hedges = Vec::with_capacity(analysis.hedges.len());
    for ((i, h), at) in analysis.hedges.iter().enumerate().zip(at) {
        let (before, after) = words::around(text, &analysis.sentences, h.span, 5);
        hedges.push(HedgeView {
            id: i as u32,
            kind: h.kind.as_str().into(),
            text: h.span.slice(text).into(),
            reason: h.reason.into(),
            quoted: h.quoted,
            sentence: 0,
            at: fallback(at, h.span.start),
            tip: words::hedge_tip(h),
            before,
            after,
        });
    }
    hedges
}

/// At most the first `bytes` bytes of `s`, cut at a character boundary.
fn head(s: &str, bytes: usize) -> &str {
    let mut end = s.len().min(bytes);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}
