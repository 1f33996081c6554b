// Generated from the Rust types: do not edit. To regenerate:
// UPDATE_TS=1 cargo test -p claimlens-js --features typescript --test typescript

/**
 * A range of the analysed string in UTF-16 code units (JavaScript string
 * indices), end-exclusive: `text.slice(start, end)` is the marked text.
 */
export type Span = {
  /** First code unit. */
  start: number;
  /** One past the last code unit. */
  end: number;
};

/** A sentence and its certainty in [0, 1] (1: no hedging). */
export type Sentence = {
  /** First code unit. */
  start: number;
  /** One past the last code unit. */
  end: number;
  /** Certainty in [0, 1], to 3 decimals. */
  certainty: number;
};

/** What an actor is. */
export type ActorKind = "person" | "organization" | "place" | "group";

/** How a mention refers to its actor. */
export type Form = "name" | "nominal" | "pronoun";

/**
 * A mention of an actor by a nominal ("the newspaper") or a pronoun ("he")
 * where it is a claim's source, resolved to the actor.
 */
export type Mention = {
  /** First code unit. */
  start: number;
  /** One past the last code unit. */
  end: number;
  /** How it refers to the actor. */
  form: Form;
};

/** One entity with all its mentions. */
export type Actor = {
  /** Index of this actor in `Analysis.actors`. */
  id: number;
  /** Canonical name (the longest full form seen). */
  name: string;
  /** Person, organization, place or group. */
  kind: ActorKind;
  /** Finer type when known: "country", "city", "government", "media", ... */
  subkind?: string;
  /** Other surface forms seen (acronyms, short forms). */
  aliases: Array<string>;
  /** For a group ("Russian officials"), the state its demonym names ("Russia"). */
  affiliation?: string;
  /** Every mention by name, in text order (possessive endings excluded). */
  mentions: Array<Span>;
  /**
   * The nominals and pronouns that are claims' sources and refer to this
   * actor, in the order of their claims.
   */
  references: Array<Mention>;
};

/** How a claim is attributed. */
export type Attribution = "named" | "vague" | "none";

/** What a claim says: one span, or several (a quote split by its attribution). */
export type Content = Span | Array<Span>;

/** Who said what. */
export type Claim = {
  /** Who says it, or null when the text does not say. */
  source: Span | null;
  /** The reporting cue ("said", "according to"). */
  cue: Span;
  /** What is said, or null. */
  content: Content | null;
  /** The id of the actor the source refers to, or null. */
  actor: number | null;
  /** Named, vague ("analysts say") or no source. */
  attribution: Attribution;
};

/** The kind of an epistemic cue. */
export type HedgeKind = "hedge" | "booster" | "weasel" | "condition";

/** An epistemic cue: a hedge, booster, weasel phrase or condition. */
export type Hedge = {
  /** First code unit. */
  start: number;
  /** One past the last code unit. */
  end: number;
  /** What kind of cue. */
  kind: HedgeKind;
  /** Why it was flagged ("modal verb", "user lexicon", ...). */
  reason: string;
  /** Inside a direct quotation: a source's words, not the author's. */
  quoted: boolean;
};

/** Article-level figures. */
export type Summary = {
  /** Word and number tokens. */
  words: number;
  /** Sentences. */
  sentences: number;
  /** Actors of every kind. */
  actors: number;
  /** Claims. */
  claims: number;
  /** Claims with a named source. */
  claims_named: number;
  /** Claims with a vague source. */
  claims_vague: number;
  /** Claims with no source. */
  claims_none: number;
  /** Share of claims with a named source (0 when there is no claim). */
  share_named: number;
  /** Share of claims with a vague source. */
  share_vague: number;
  /** Share of claims with no source. */
  share_none: number;
  /** Hedges ("may", "reportedly"). */
  hedges: number;
  /** Boosters ("confirmed"). */
  boosters: number;
  /** Weasel phrases ("some say"). */
  weasels: number;
  /** Conditions ("if", "unless"). */
  conditions: number;
  /** (Hedge + weasel) cues per 100 words. */
  hedges_per_100_words: number;
  /** Cues of every kind inside direct quotations (a source's words). */
  quoted_cues: number;
  /**
   * (Hedge + weasel) cues outside quotations and outside claims' contents (reported
   * speech) per 100 words: the author's own hedging.
   */
  author_hedges_per_100_words: number;
  /** Mean sentence certainty, weighted by words. */
  certainty: number;
};

/** Everything found in one text: the claimlens JSON contract. */
export type Analysis = {
  /** The input's id, echoed exactly as written when it had one (JSON Lines). */
  id?: unknown;
  /** Sentences with their certainty. */
  sentences: Array<Sentence>;
  /** Actors, by id. */
  actors: Array<Actor>;
  /** Claims, in text order of their cues. */
  claims: Array<Claim>;
  /** Epistemic cues, in text order. */
  hedges: Array<Hedge>;
  /** Article-level figures. */
  summary: Summary;
};

/** Which layers to run; a layer that is off does not run (each defaults to true). */
export type Layers = {
  /**
   * Actors: people, organizations, places and groups. Without them,
   * claims keep their attribution (named, vague, none) but point at no actor.
   */
  actors?: boolean;
  /** Claims: who said what. */
  claims?: boolean;
  /** Hedging cues: hedges, boosters, weasels, conditions. */
  hedges?: boolean;
};

/** An actor to add to the built-in lexicon. */
export type UserActor = {
  /** The name as it appears in text ("Zorblax Institute"). */
  name: string;
  /** Its kind. */
  kind: ActorKind;
  /** A finer type ("think tank"), if any. */
  subkind?: string;
};

/** A hedging cue to add to the built-in lexicon. */
export type UserHedge = {
  /**
   * The phrase ("arguably"); square brackets mark the part that is the
   * cue ("it is [rumoured]").
   */
  phrase: string;
  /** Its kind. */
  kind: HedgeKind;
};

/** A reader's rules: additions to the lexicons and corrections. */
export type Rules = {
  /** Names to find as actors ("Zorblax Institute" as an organization). */
  actors?: Array<RuleActor>;
  /** Reporting cues ("murmured", "according to"). */
  cues?: Array<string>;
  /** Hedging cues ("perchance" as a hedge). */
  hedges?: Array<RuleHedge>;
  /** Highlights marked wrong: the text of a mark and its layer. */
  wrong?: Array<Wrong>;
  /** Two actors that are one ("HRC" into "Hillary Clinton"). */
  merge?: Array<Merge>;
  /** An actor's kind as the reader sets it. */
  kinds?: Array<RuleKind>;
  /** Regular expressions whose matches are found as actors, cues or hedges. */
  patterns?: Array<RulePattern>;
};

/** A name to find as an actor. */
export type RuleActor = {
  /** The name as written ("Zorblax Institute"); case does not matter. */
  name: string;
  /** Its kind. */
  kind: ActorKind;
};

/** A hedging cue to find. */
export type RuleHedge = {
  /** The phrase ("perchance"). */
  phrase: string;
  /** Its kind. */
  kind: HedgeKind;
};

/** The layer of a highlight marked wrong. */
export type Layer = "actor" | "claim" | "hedge";

/** A highlight marked wrong. */
export type Wrong = {
  /** The layer of the mark. */
  layer: Layer;
  /** The text of the mark (an actor's mention, a claim's cue, a hedge). */
  text: string;
};

/** Two actors that are one. */
export type Merge = {
  /** A name or mention of the actor that joins the other ("HRC"). */
  actor: string;
  /** A name or mention of the actor it joins ("Hillary Clinton"). */
  into: string;
};

/** An actor's kind, set by the reader. */
export type RuleKind = {
  /** A name or mention of the actor. */
  actor: string;
  /** Its kind. */
  kind: ActorKind;
};

/**
 * A regular expression whose matches in a text are taken as phrases of a list: an
 * actor of a kind, a reporting cue or a hedging cue of a kind. A match counts where it
 * covers whole words, like a phrase of the other lists.
 */
export type RulePattern = {
  /**
   * The expression, in the syntax of the `regex-lite` crate (Perl-like, without
   * Unicode classes: `\w` and `\b` are ASCII; `(?i)` ignores case), at most
   * [`MAX_PATTERN_CHARS`] characters.
   */
  pattern: string;
  /** What its matches are. */
  as: PatternAs;
};

/** What a pattern's matches are found as. */
export type PatternAs = "person" | "organization" | "place" | "group" | "cue" | "hedge" | "booster" | "weasel" | "condition";

/** The options of `analyze` and `analyzeView`. */
export type AnalyzeOptions = {
  /** Which layers to run. */
  layers?: Layers;
  /** Extra actors ("Zorblax Institute" as an organization). */
  actors?: Array<UserActor>;
  /** Extra reporting cues ("murmured", "according to"). */
  cues?: Array<string>;
  /** Extra hedging cues. */
  hedges?: Array<UserHedge>;
  /**
   * A reader's rules file as the web app exports it and the CLI reads it
   * (`--rules FILE`; `docs/rules.md`): its additions join `actors`, `cues`
   * and `hedges`; its corrections (`wrong`, `merge`, `kinds`) are kept here.
   */
  rules?: Rules;
};

/** The whole view of one text. */
export type View = {
  /** Length of the text (bytes or UTF-16 code units, as the view was built). */
  length: number;
  /** Article figures, as in the JSON contract. */
  summary: Summary;
  /** Actors, by id. */
  actors: Array<ActorView>;
  /** Claims, in text order of their cues. */
  claims: Array<ClaimView>;
  /** Who said what: the claims grouped by source, most claims first. */
  sources: Array<SourceRow>;
  /** Hedging cues, in text order. */
  hedges: Array<HedgeView>;
  /** Sentences, in text order. */
  sentences: Array<SentenceView>;
  /** The text, page by page (at least one page, possibly without paragraphs). */
  pages: Array<Page>;
};

/** A page: whole paragraphs of about 24 KB of text (`PAGE_BYTES`). */
export type Page = {
  /** Its paragraphs, in order. */
  paras: Array<Para>;
};

/** A paragraph: a non-blank line of the text, or a piece of one longer than a page. */
export type Para = {
  /** Where it starts. */
  start: number;
  /** Where it ends (exclusive, before the line break). */
  end: number;
  /** Its runs, which tile `[start, end)` exactly. */
  runs: Array<Run>;
};

/**
 * A piece of a paragraph covered by the same annotations: the innermost
 * annotation of each layer covering it.
 */
export type Run = {
  /** Where it starts (bytes or UTF-16 code units, as the view was built). */
  start: number;
  /** Where it ends (exclusive). */
  end: number;
  /** The actor of the innermost mention covering it. */
  actor?: number;
  /** The claim of the innermost claim part covering it. */
  claim?: number;
  /** Which part of that claim (present exactly when `claim` is). */
  role?: Role;
  /** The innermost hedging cue covering it. */
  hedge?: number;
  /**
   * Its id, when it is the first run of an actor, a claim cue, a hedge or a
   * sentence (what panels and the certainty strip scroll to).
   */
  anchor?: string;
  /**
   * Whether it is a keyboard stop: it starts an actor mention, a hedge, or a
   * claim's source or cue, and has more than whitespace.
   */
  stop?: boolean;
};

/** The part of a claim a run belongs to. */
export type Role = "source" | "cue" | "content";

/** One actor, with its colour and the words of its tooltip. */
export type ActorView = {
  /** Actor id (its index in `actors`). */
  id: number;
  /** Canonical name. */
  name: string;
  /** person, organization, place or group. */
  kind: ActorKind;
  /** Finer type when known (government, media, ...). */
  subkind?: string;
  /** Other forms seen in the text. */
  aliases: Array<string>;
  /** For a group, the state its demonym names ("Iranian officials" → Iran). */
  affiliation?: string;
  /** Number of mentions. */
  mentions: number;
  /**
   * The pronouns and nominals that refer to it as a claim's source ("he",
   * "the newspaper"), each once, as first written.
   */
  referred: Array<string>;
  /**
   * Palette colour, 0 to 7 for the eight most mentioned actors (one each, by rank of
   * mentions), 8 (neutral grey) for the others.
   */
  colour: number;
  /** The claims it is the source of (indices into `claims`). */
  claims: Array<number>;
  /** Its first mention. */
  at: Loc;
  /** Tooltip line: `actor: Ana Duarte (person), 2 mentions`. */
  tip: string;
};

/** One claim. */
export type ClaimView = {
  /** Claim index. */
  id: number;
  /** The source as written, if any. */
  source: string | null;
  /** The actor the source refers to. */
  actor: number | null;
  /** named, vague or none. */
  attribution: Attribution;
  /** The cue as written. */
  cue: string;
  /** The content, on one line and shortened to 220 characters (`EXCERPT_CHARS`). */
  content: string;
  /**
   * True when the content is a direct quotation (it starts with, or right after, an
   * opening quotation mark); false for a paraphrase or no content.
   */
  quote: boolean;
  /** Where its cue is. */
  at: Loc;
  /** Its tooltip lines. */
  tips: ClaimTips;
};

/** The tooltip lines of a claim, one for each part of it. */
export type ClaimTips = {
  /** `claim source: source Ana Duarte (named), cue “said”`; absent without a source. */
  source?: string;
  /** `claim cue: ...`. */
  cue: string;
  /** `claim content: ...`. */
  content: string;
};

/** One row of the who-said-what table: the claims of one source (see `sources.rs`). */
export type SourceRow = {
  /** The actor's name, the source as first written, or "no source". */
  label: string;
  /** The actor, when the row is one. */
  actor: number | null;
  /** The attribution of the row's first claim: named, vague or none. */
  attribution: Attribution;
  /** Its claims (ids), in text order. */
  claims: Array<number>;
  /** How many are direct quotations. */
  quotes: number;
  /** How many are paraphrases (content not in quotation marks). */
  paraphrases: number;
  /** How many have a named source. */
  named: number;
  /** How many have a vague source. */
  vague: number;
  /** How many have no source. */
  none: number;
};

/** One hedging cue. */
export type HedgeView = {
  /** Hedge index. */
  id: number;
  /** hedge, booster, weasel or condition. */
  kind: HedgeKind;
  /** The cue as written. */
  text: string;
  /** Why it was flagged ("modal verb"). */
  reason: string;
  /** Inside a direct quotation (a source's words). */
  quoted: boolean;
  /** The sentence it is in (an index into the view's sentences). */
  sentence: number;
  /** Where it is. */
  at: Loc;
  /** Tooltip line (also the panel's): `hedge: modal verb`. */
  tip: string;
  /**
   * Up to five words of its sentence before the cue, on one line, for a list of cues
   * ("… said the panel itself ").
   */
  before: string;
  /** Up to five words of its sentence after the cue (" be damaged by the …"). */
  after: string;
};

/** One sentence, for a certainty strip. */
export type SentenceView = {
  /** Certainty in [0, 1], as in the JSON contract (3 decimals). */
  certainty: number;
  /**
   * What lowered or raised it (“lowered by “may” (hedge); raised by “confirmed”
   * (booster)”), empty when nothing did.
   */
  why: string;
  /** Where it starts. */
  at: Loc;
};

/** Where something is: the page it is on and the id of the run to scroll to. */
export type Loc = {
  /** Page index. */
  page: number;
  /** Anchor of the run (`a3`, `c12`, `h7`, `s40`); empty when nothing was drawn for it. */
  anchor: string;
};
