// Generated from the Rust types of crate claimlens-view (view/src/model.rs) by
// `UPDATE_TS=1 cargo test -p claimlens-view --features typescript`: do not edit.

/**
 * The whole view of one text.
 */
export type View = { 
/**
 * Length of the text (bytes or UTF-16 code units, as the view was built).
 */
length: number, 
/**
 * Article figures, as in the JSON contract.
 */
summary: Summary, 
/**
 * Actors, by id.
 */
actors: Array<ActorView>, 
/**
 * Claims, in text order of their cues.
 */
claims: Array<ClaimView>, 
/**
 * Hedging cues, in text order.
 */
hedges: Array<HedgeView>, 
/**
 * Sentences, in text order.
 */
sentences: Array<SentenceView>, 
/**
 * The text, page by page (at least one page, possibly without paragraphs).
 */
pages: Array<Page>, };

/**
 * A page: whole paragraphs of about 24 KB of text (`PAGE_BYTES`).
 */
export type Page = { 
/**
 * Its paragraphs, in order.
 */
paras: Array<Para>, };

/**
 * A paragraph: a non-blank line of the text, or a piece of one longer than a page.
 */
export type Para = { 
/**
 * Where it starts.
 */
start: number, 
/**
 * Where it ends (exclusive, before the line break).
 */
end: number, 
/**
 * Its runs, which tile `[start, end)` exactly.
 */
runs: Array<Run>, };

/**
 * A piece of a paragraph covered by the same annotations: the innermost
 * annotation of each layer covering it.
 */
export type Run = { 
/**
 * Where it starts (bytes or UTF-16 code units, as the view was built).
 */
start: number, 
/**
 * Where it ends (exclusive).
 */
end: number, 
/**
 * The actor of the innermost mention covering it.
 */
actor?: number, 
/**
 * The claim of the innermost claim part covering it.
 */
claim?: number, 
/**
 * Which part of that claim (present exactly when `claim` is).
 */
role?: Role, 
/**
 * The innermost hedging cue covering it.
 */
hedge?: number, 
/**
 * Its id, when it is the first run of an actor, a claim cue, a hedge or a
 * sentence (what panels and the certainty strip scroll to).
 */
anchor?: string, 
/**
 * Whether it is a keyboard stop: it starts an actor mention, a hedge, or a
 * claim's source or cue, and has more than whitespace.
 */
stop?: boolean, };

/**
 * The part of a claim a run belongs to.
 */
export type Role = "source" | "cue" | "content";

/**
 * One actor, with its colour and the words of its tooltip.
 */
export type ActorView = { 
/**
 * Actor id (its index in `actors`).
 */
id: number, 
/**
 * Canonical name.
 */
name: string, 
/**
 * person, organization, place or group.
 */
kind: ActorKind, 
/**
 * Finer type when known (government, media, ...).
 */
subkind?: string, 
/**
 * Other forms seen in the text.
 */
aliases: Array<string>, 
/**
 * For a group, the state its demonym names ("Iranian officials" → Iran).
 */
affiliation?: string, 
/**
 * Number of mentions.
 */
mentions: number, 
/**
 * Palette colour, 0 to 7: by rank of mentions, so the most mentioned
 * actors have distinct colours.
 */
colour: number, 
/**
 * The claims it is the source of (indices into `claims`).
 */
claims: Array<number>, 
/**
 * Its first mention.
 */
at: Loc, 
/**
 * Tooltip line: `actor: Ana Duarte (person), 2 mentions`.
 */
tip: string, };

/**
 * One claim.
 */
export type ClaimView = { 
/**
 * Claim index.
 */
id: number, 
/**
 * The source as written, if any.
 */
source: string | null, 
/**
 * The actor the source refers to.
 */
actor: number | null, 
/**
 * named, vague or none.
 */
attribution: Attribution, 
/**
 * The cue as written.
 */
cue: string, 
/**
 * The content, on one line and shortened to 220 characters (`EXCERPT_CHARS`).
 */
content: string, 
/**
 * Where its cue is.
 */
at: Loc, 
/**
 * Its tooltip lines.
 */
tips: ClaimTips, };

/**
 * The tooltip lines of a claim, one for each part of it.
 */
export type ClaimTips = { 
/**
 * `claim source: source Ana Duarte (named), cue “said”`; absent without a source.
 */
source?: string, 
/**
 * `claim cue: ...`.
 */
cue: string, 
/**
 * `claim content: ...`.
 */
content: string, };

/**
 * One hedging cue.
 */
export type HedgeView = { 
/**
 * Hedge index.
 */
id: number, 
/**
 * hedge, booster, weasel or condition.
 */
kind: HedgeKind, 
/**
 * The cue as written.
 */
text: string, 
/**
 * Why it was flagged ("modal verb").
 */
reason: string, 
/**
 * Where it is.
 */
at: Loc, 
/**
 * Tooltip line (also the panel's): `hedge: modal verb`.
 */
tip: string, };

/**
 * One sentence, for a certainty strip.
 */
export type SentenceView = { 
/**
 * Certainty in [0, 1], as in the JSON contract (3 decimals).
 */
certainty: number, 
/**
 * Where it starts.
 */
at: Loc, };

/**
 * Where something is: the page it is on and the id of the run to scroll to.
 */
export type Loc = { 
/**
 * Page index.
 */
page: number, 
/**
 * Anchor of the run (`a3`, `c12`, `h7`, `s40`); empty when nothing was drawn for it.
 */
anchor: string, };
