//! The view model: what the reading view draws, computed from an [`Analysis`].
//!
//! It is built in the Web Worker, right after the analysis, and crosses to the
//! page as JSON: one [`Overview`] (panels, summary, certainty strip) and one
//! string per [`Page`] of the article, which the page parses only when it is
//! shown. A page is a run of whole paragraphs of about [`PAGE_BYTES`], so even a
//! 10 MB article never puts more than a page of highlights into the DOM.
//!
//! The article is cut into [`Run`]s: maximal pieces of text covered by the same
//! annotations. Overlapping and nested spans (an actor inside a claim's source,
//! a hedge inside its content) therefore need no nested markup: a run carries
//! the innermost annotation of each layer that covers it.

use claimlens::{Analysis, Span};
use serde::{Deserialize, Serialize};

/// Target size of one page of the reading view, in bytes of text.
pub const PAGE_BYTES: usize = 24 * 1024;

/// Longest claim content shown in a panel or tooltip, in characters.
pub const EXCERPT_CHARS: usize = 220;

/// How many colours the actor palette has.
pub const PALETTE: u8 = 8;

/// Where something is: the page it is on and the DOM id to scroll to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Loc {
    /// Page index.
    pub page: u32,
    /// Element id in the rendered page (`a3`, `c12`, `h7`, `s40`).
    pub anchor: String,
}

/// Article-level figures.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SummaryView {
    /// Words.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Distinct actors.
    pub actors: usize,
    /// Claims.
    pub claims: usize,
    /// Claims with a named source.
    pub named: usize,
    /// Claims with a vague source ("analysts say").
    pub vague: usize,
    /// Claims with no source.
    pub unattributed: usize,
    /// Hedges ("may", "reportedly").
    pub hedges: usize,
    /// Boosters ("confirmed").
    pub boosters: usize,
    /// Weasel phrases ("some say").
    pub weasels: usize,
    /// Conditionals ("if", "unless").
    pub conditions: usize,
    /// Hedges, weasels and conditions per 100 words.
    pub density: f32,
    /// Mean sentence certainty, 0 to 1.
    pub certainty: f32,
}

/// One actor, as the Actors panel lists it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActorView {
    /// Actor id (index into [`Overview::actors`]).
    pub id: u32,
    /// Canonical name.
    pub name: String,
    /// person | organization | place | group.
    pub kind: String,
    /// Finer type when known (government, armed forces, media, ...).
    pub subkind: Option<String>,
    /// Other forms seen in the text.
    pub aliases: Vec<String>,
    /// Affiliation of a group ("Iranian officials" → Iran).
    pub affiliation: Option<String>,
    /// Number of mentions.
    pub mentions: usize,
    /// Palette colour, 0..[`PALETTE`]; the most mentioned actors get distinct colours.
    pub colour: u8,
    /// Claims this actor is the source of (indices into [`Overview::claims`]).
    pub claims: Vec<u32>,
    /// First mention.
    pub at: Loc,
}

/// One claim, as the Claims panel lists it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ClaimView {
    /// Claim index.
    pub id: u32,
    /// Source text, if any.
    pub source: Option<String>,
    /// The actor the source refers to.
    pub actor: Option<u32>,
    /// named | vague | none.
    pub attribution: String,
    /// The reporting cue ("said", "according to").
    pub cue: String,
    /// The content, shortened to [`EXCERPT_CHARS`].
    pub content: String,
    /// Where the cue is.
    pub at: Loc,
}

/// One hedging cue.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HedgeView {
    /// Hedge index.
    pub id: u32,
    /// hedge | booster | weasel | condition.
    pub kind: String,
    /// The cue as written.
    pub text: String,
    /// Why it was flagged ("modal verb").
    pub reason: String,
    /// Where it is.
    pub at: Loc,
}

/// One sentence of the certainty strip.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SentenceView {
    /// Certainty, 0 to 1.
    pub certainty: f32,
    /// Where it starts.
    pub page: u32,
    /// DOM id of its first anchored run.
    pub anchor: String,
}

/// Everything but the article text itself.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    /// Length of the text in bytes.
    pub bytes: usize,
    /// Article figures.
    pub summary: SummaryView,
    /// Actors, by id.
    pub actors: Vec<ActorView>,
    /// Claims, in text order.
    pub claims: Vec<ClaimView>,
    /// Hedging cues, in text order.
    pub hedges: Vec<HedgeView>,
    /// Sentences, in text order.
    pub sentences: Vec<SentenceView>,
    /// Number of pages.
    pub pages: u32,
}

/// The role of a run inside a claim.
pub mod role {
    /// Not part of a claim.
    pub const NONE: u8 = 0;
    /// The claim's source.
    pub const SOURCE: u8 = 1;
    /// The reporting cue.
    pub const CUE: u8 = 2;
    /// The content.
    pub const CONTENT: u8 = 3;
}

/// A piece of text covered by the same annotations.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// The text.
    #[serde(rename = "t")]
    pub text: String,
    /// Actor id of the innermost mention covering it.
    #[serde(rename = "a", default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<u32>,
    /// Claim index of the innermost claim part covering it.
    #[serde(rename = "c", default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<u32>,
    /// Role within that claim ([`role`]).
    #[serde(rename = "r", default, skip_serializing_if = "is_zero")]
    pub role: u8,
    /// Hedge index of the innermost hedging cue covering it.
    #[serde(rename = "h", default, skip_serializing_if = "Option::is_none")]
    pub hedge: Option<u32>,
    /// Sentence index.
    #[serde(rename = "s")]
    pub sentence: u32,
    /// DOM id, when this run starts something a panel or the strip scrolls to.
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

fn is_zero(v: &u8) -> bool {
    *v == 0
}

impl Run {
    /// Whether any layer annotates this run.
    pub fn is_marked(&self) -> bool {
        self.actor.is_some() || self.claim.is_some() || self.hedge.is_some()
    }
}

/// One paragraph: a line of the input.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Para {
    /// Its runs, in order.
    pub runs: Vec<Run>,
}

/// One page of the reading view.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// Page index.
    pub index: u32,
    /// Its paragraphs.
    pub paras: Vec<Para>,
}

/// The whole view: overview plus pages.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    /// Panels and figures.
    pub overview: Overview,
    /// The article, page by page.
    pub pages: Vec<Page>,
}

/// An annotation of one layer over a byte range.
#[derive(Copy, Clone, Debug)]
struct Mark {
    span: Span,
    id: u32,
    role: u8,
}

/// Cuts the text into paragraphs (lines, blank ones skipped) and pages.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            push_line(text, start, i, &mut out);
            start = i + 1;
        }
    }
    push_line(text, start, text.len(), &mut out);
    out
}

fn push_line(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let end = if end > start && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    if text[start..end].chars().any(|c| !c.is_whitespace()) {
        out.push(Span::new(start, end));
    }
}

/// Splits paragraphs longer than a page: at the last sentence start that keeps
/// a piece within [`PAGE_BYTES`], else at the last space, else at a char boundary.
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
                    .unwrap_or_else(|| floor_char_boundary(text, limit));
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

/// Chooses, among the marks of one layer covering `[p, q)`, the innermost.
struct Layer {
    marks: Vec<Mark>,
    next: usize,
    active: Vec<Mark>,
}

impl Layer {
    fn new(mut marks: Vec<Mark>) -> Self {
        marks.retain(|m| m.span.start < m.span.end);
        marks.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        Layer {
            marks,
            next: 0,
            active: Vec::new(),
        }
    }

    /// The starts and ends of this layer's marks.
    fn boundaries(&self, out: &mut Vec<usize>) {
        for m in &self.marks {
            out.push(m.span.start);
            out.push(m.span.end);
        }
    }

    /// The innermost mark covering `[p, q)`, advancing the sweep to `p`.
    /// Returns it and whether it starts at `p`.
    fn at(&mut self, p: usize) -> Option<(Mark, bool)> {
        self.active.retain(|m| m.span.end > p);
        while self.next < self.marks.len() && self.marks[self.next].span.start <= p {
            let m = self.marks[self.next];
            if m.span.end > p {
                self.active.push(m);
            }
            self.next += 1;
        }
        self.active
            .iter()
            .min_by_key(|m| (m.span.end - m.span.start, std::cmp::Reverse(m.span.start)))
            .map(|m| (*m, m.span.start == p))
    }
}

fn excerpt(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max_chars) {
        None => text.to_string(),
        Some((cut, _)) => {
            let head = &text[..cut];
            let head = match head.rfind(' ') {
                Some(sp) if sp > cut / 2 => &head[..sp],
                _ => head,
            };
            format!("{}…", head.trim_end())
        }
    }
}

/// Builds the view of `text` from its analysis.
pub fn build(text: &str, analysis: &Analysis) -> View {
    let sentence_starts: Vec<usize> = analysis.sentences.iter().map(|s| s.span.start).collect();
    let paras = split_long(text, paragraphs(text), &sentence_starts);

    // Page breaks fall between paragraphs; a single paragraph longer than a
    // page is split at a sentence end (or, failing that, a char boundary).
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
    let page_at = |byte: usize| -> u32 { (page_starts.partition_point(|&s| s <= byte) - 1) as u32 };

    // Sentence index by byte, through the sentence spans (sorted).
    let sentence_at = |byte: usize| -> u32 {
        sentence_starts
            .partition_point(|&s| s <= byte)
            .saturating_sub(1) as u32
    };

    // Actors: colour by rank of mentions, so the most visible get distinct colours.
    let mut order: Vec<usize> = (0..analysis.actors.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(analysis.actors[i].mentions.len()), i));
    let mut colour = vec![0u8; analysis.actors.len()];
    for (rank, &i) in order.iter().enumerate() {
        colour[i] = (rank % PALETTE as usize) as u8;
    }

    let mut actor_marks = Vec::new();
    for a in &analysis.actors {
        for m in &a.mentions {
            actor_marks.push(Mark {
                span: *m,
                id: a.id as u32,
                role: 0,
            });
        }
    }
    let mut claim_marks = Vec::new();
    for (i, c) in analysis.claims.iter().enumerate() {
        let id = i as u32;
        if let Some(s) = c.source {
            claim_marks.push(Mark {
                span: s,
                id,
                role: role::SOURCE,
            });
        }
        claim_marks.push(Mark {
            span: c.cue,
            id,
            role: role::CUE,
        });
        for s in &c.content {
            claim_marks.push(Mark {
                span: *s,
                id,
                role: role::CONTENT,
            });
        }
    }
    let hedge_marks: Vec<Mark> = analysis
        .hedges
        .iter()
        .enumerate()
        .map(|(i, h)| Mark {
            span: h.span,
            id: i as u32,
            role: 0,
        })
        .collect();

    let mut cuts = Vec::new();
    let mut layers = [
        Layer::new(actor_marks),
        Layer::new(claim_marks),
        Layer::new(hedge_marks),
    ];
    for l in &layers {
        l.boundaries(&mut cuts);
    }
    cuts.extend(sentence_starts.iter().copied());
    cuts.extend(page_starts.iter().copied());
    cuts.sort_unstable();
    cuts.dedup();

    // Anchors: the first run of each actor, claim cue, hedge and sentence.
    let mut actor_anchor: Vec<Option<String>> = vec![None; analysis.actors.len()];
    let mut claim_anchor: Vec<Option<String>> = vec![None; analysis.claims.len()];
    let mut hedge_anchor: Vec<Option<String>> = vec![None; analysis.hedges.len()];
    let mut sentence_anchor: Vec<Option<String>> = vec![None; analysis.sentences.len()];
    let mut first_actor_page = vec![0u32; analysis.actors.len()];

    let mut pages: Vec<Page> = (0..page_starts.len() as u32)
        .map(|index| Page {
            index,
            paras: Vec::new(),
        })
        .collect();
    let mut ci = 0usize;
    for (pi, para) in paras.iter().enumerate() {
        let mut runs: Vec<Run> = Vec::new();
        while ci < cuts.len() && cuts[ci] <= para.start {
            ci += 1;
        }
        let mut p = para.start;
        loop {
            let q = if ci < cuts.len() && cuts[ci] < para.end {
                let q = cuts[ci];
                ci += 1;
                q
            } else {
                para.end
            };
            if q > p {
                let actor = layers[0].at(p);
                let claim = layers[1].at(p);
                let hedge = layers[2].at(p);
                let sentence = sentence_at(p);
                // A run gets one DOM id: that of the first thing it starts; the
                // other things starting there point at the same id.
                let mut anchor: Option<String> = None;
                let mut claim_first = None;
                if let Some((m, _)) = claim {
                    if m.role == role::CUE && claim_anchor[m.id as usize].is_none() {
                        claim_first = Some(m.id as usize);
                    }
                }
                let hedge_first = hedge
                    .map(|(m, _)| m.id as usize)
                    .filter(|&i| hedge_anchor[i].is_none());
                let actor_first = actor
                    .map(|(m, _)| m.id as usize)
                    .filter(|&i| actor_anchor[i].is_none());
                let sentence_first = Some(sentence as usize)
                    .filter(|&i| i < sentence_anchor.len() && sentence_anchor[i].is_none());
                let mut assign = |slot: &mut Option<String>, name: String| {
                    let id = anchor.get_or_insert(name).clone();
                    *slot = Some(id);
                };
                if let Some(i) = claim_first {
                    assign(&mut claim_anchor[i], format!("c{i}"));
                }
                if let Some(i) = hedge_first {
                    assign(&mut hedge_anchor[i], format!("h{i}"));
                }
                if let Some(i) = actor_first {
                    first_actor_page[i] = page_of_para[pi];
                    assign(&mut actor_anchor[i], format!("a{i}"));
                }
                if let Some(i) = sentence_first {
                    assign(&mut sentence_anchor[i], format!("s{i}"));
                }
                runs.push(Run {
                    text: text[p..q].to_string(),
                    actor: actor.map(|(m, _)| m.id),
                    claim: claim.map(|(m, _)| m.id),
                    role: claim.map_or(role::NONE, |(m, _)| m.role),
                    hedge: hedge.map(|(m, _)| m.id),
                    sentence,
                    anchor,
                });
            }
            if q >= para.end {
                break;
            }
            p = q;
        }
        pages[page_of_para[pi] as usize].paras.push(Para { runs });
    }
    let loc_of = |byte: usize, anchor: &Option<String>| Loc {
        page: page_at(byte),
        anchor: anchor.clone().unwrap_or_default(),
    };

    let actors = analysis
        .actors
        .iter()
        .map(|a| ActorView {
            id: a.id as u32,
            name: a.name.clone(),
            kind: a.kind.as_str().to_string(),
            subkind: a.subkind.clone(),
            aliases: a.aliases.clone(),
            affiliation: a.affiliation.clone(),
            mentions: a.mentions.len(),
            colour: colour[a.id],
            claims: analysis
                .claims
                .iter()
                .enumerate()
                .filter(|(_, c)| c.actor == Some(a.id))
                .map(|(i, _)| i as u32)
                .collect(),
            at: Loc {
                page: first_actor_page[a.id],
                anchor: actor_anchor[a.id].clone().unwrap_or_default(),
            },
        })
        .collect();

    let claims = analysis
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let content: Vec<&str> = c.content.iter().map(|s| s.slice(text)).collect();
            ClaimView {
                id: i as u32,
                source: c.source.map(|s| s.slice(text).to_string()),
                actor: c.actor.map(|a| a as u32),
                attribution: c.attribution.as_str().to_string(),
                cue: c.cue.slice(text).to_string(),
                content: excerpt(&content.join(" … "), EXCERPT_CHARS),
                at: loc_of(c.cue.start, &claim_anchor[i]),
            }
        })
        .collect();

    let hedges = analysis
        .hedges
        .iter()
        .enumerate()
        .map(|(i, h)| HedgeView {
            id: i as u32,
            kind: h.kind.as_str().to_string(),
            text: h.span.slice(text).to_string(),
            reason: h.reason.to_string(),
            at: loc_of(h.span.start, &hedge_anchor[i]),
        })
        .collect();

    let sentences = analysis
        .sentences
        .iter()
        .zip(&sentence_anchor)
        .map(|(s, anchor)| SentenceView {
            certainty: s.certainty,
            page: page_at(s.span.start),
            anchor: anchor.clone().unwrap_or_default(),
        })
        .collect();

    let s = &analysis.summary;
    let overview = Overview {
        bytes: text.len(),
        summary: SummaryView {
            words: s.words,
            sentences: s.sentences,
            actors: s.actors,
            claims: s.claims,
            named: s.claims_named,
            vague: s.claims_vague,
            unattributed: s.claims_none,
            hedges: s.hedges,
            boosters: s.boosters,
            weasels: s.weasels,
            conditions: s.conditions,
            density: s.hedges_per_100_words,
            certainty: s.certainty,
        },
        actors,
        claims,
        hedges,
        sentences,
        pages: pages.len() as u32,
    };
    View { overview, pages }
}
