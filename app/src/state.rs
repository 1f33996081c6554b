//! The app's state and the actions that change it: pure, no browser calls,
//! so it is tested natively (the Yew `Reducible` impl is a thin wrapper).

use crate::view::Loc;
use crate::Overview;
use claimlens::{
    ActorKind, HedgeKind, Merge, PatternAs, RuleActor, RuleHedge, RuleKind, RulePattern, Rules,
    Wrong,
};
use std::rc::Rc;

/// Shared data compared by pointer, so props holding a 10 MB analysis
/// compare in O(1).
#[derive(Debug)]
pub struct Shared<T: ?Sized>(pub Rc<T>);

impl<T> Shared<T> {
    /// Wraps a value.
    pub fn new(v: T) -> Self {
        Shared(Rc::new(v))
    }
}

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T: ?Sized> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A finished analysis, as the page holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysed {
    /// Request id it answers.
    pub id: u32,
    /// The text analysed (the runs' offsets are its bytes).
    pub text: Shared<str>,
    /// Panels and figures.
    pub overview: Shared<Overview>,
    /// Pages as JSON, parsed when shown.
    pub pages: Shared<Vec<String>>,
    /// The JSON contract, for export.
    pub contract: Shared<String>,
    /// Milliseconds the worker took.
    pub ms: f64,
}

/// What the analysis is doing.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// No text.
    Empty,
    /// Text changed; an analysis will start after a pause in typing.
    Waiting,
    /// An analysis of `bytes` bytes is running.
    Working {
        /// Request id.
        id: u32,
        /// Size of the text being analysed.
        bytes: usize,
    },
    /// The shown analysis is of the current text.
    Ready,
    /// The analysis failed; the text is kept.
    Failed(String),
    /// The text is over [`MAX_BYTES`]: it is kept, not analysed.
    TooLong(usize),
}

/// The longest text the app analyses, in bytes of UTF-8 (as the CLI's default
/// and the JS API's limit): memory grows with the text.
pub const MAX_BYTES: usize = 32 << 20;

/// Which layers are highlighted.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    /// Actors.
    pub actors: bool,
    /// Claims.
    pub claims: bool,
    /// Hedging.
    pub hedges: bool,
}

/// A layer of the reading view.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Layer {
    /// Actors.
    Actors,
    /// Claims.
    Claims,
    /// Hedging.
    Hedges,
}

/// The layer drawn strongly; the others stay quiet until hovered or focused.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Emphasis {
    /// Actors.
    Actors,
    /// Claims (the default: who said what is what a reader looks for first).
    #[default]
    Claims,
    /// Hedging.
    Hedges,
    /// Every layer, strongly.
    All,
}

impl Emphasis {
    /// The article's class for it.
    pub fn class(self) -> &'static str {
        match self {
            Emphasis::Actors => "focus-actors",
            Emphasis::Claims => "focus-claims",
            Emphasis::Hedges => "focus-hedges",
            Emphasis::All => "focus-all",
        }
    }
}

/// A mark the reader opened: its card says what was found there and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// The actor on the mark.
    pub actor: Option<u32>,
    /// The claim on the mark, and which part of it the mark is.
    pub claim: Option<(u32, crate::view::Role)>,
    /// The hedging cue on the mark.
    pub hedge: Option<u32>,
}

/// The whole app state.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The text in the editor.
    pub text: Rc<str>,
    /// Its length in characters.
    pub chars: usize,
    /// Whether it starts in a right-to-left script (the editor's direction).
    pub rtl: bool,
    /// Counts edits, so effects can tell a new edit from a re-render.
    pub edits: u32,
    /// Counts texts put in the article from outside it (restored, pasted whole, the
    /// sample, Clear, Undo): the article then shows the new text; typing in it does not.
    pub loads: u32,
    /// Whether the last edit was a paste (analysed at once, not debounced).
    pub pasted: bool,
    /// Next request id.
    pub next_id: u32,
    /// Analysis status.
    pub status: Status,
    /// The latest analysis, shown until a newer one arrives.
    pub result: Option<Analysed>,
    /// The page of the analysis the last jump went to (the article shows the part of
    /// a long text that holds it).
    pub page: u32,
    /// Highlighted layers.
    pub shown: Shown,
    /// The layer drawn strongly.
    pub emphasis: Emphasis,
    /// Selected actor.
    pub selected: Option<u32>,
    /// The row of the who-said-what table chosen (its claims are picked out in the
    /// text and listed alone), with its label, so that a new analysis keeps it only
    /// while the same source is on that row.
    pub source: Option<(u32, String)>,
    /// Element to scroll to after the next render.
    pub focus: Option<String>,
    /// Whether that element also takes the keyboard focus.
    pub take_focus: bool,
    /// Counts jumps, so the same target can be jumped to twice.
    pub jumps: u32,
    /// A message for the user (saved, copied, too long to autosave...).
    pub notice: Option<String>,
    /// The open card, if any.
    pub card: Option<Card>,
    /// The text a button replaced (Clear, or the sample), while Undo can bring it back:
    /// until the next edit of another kind.
    pub undo: Option<Rc<str>>,
    /// Whether the analysis engine (worker, or the page as fallback) is ready.
    pub ready: bool,
    /// The reader's own rules, applied to every analysis.
    pub rules: Rc<Rules>,
    /// Why the last rule added or file imported was refused, shown in the rules panel.
    pub rules_error: Option<String>,
}

impl Default for State {
    fn default() -> Self {
        State {
            text: Rc::from(""),
            chars: 0,
            rtl: false,
            edits: 0,
            loads: 0,
            pasted: false,
            next_id: 1,
            status: Status::Empty,
            result: None,
            page: 0,
            shown: Shown {
                actors: true,
                claims: true,
                hedges: true,
            },
            emphasis: Emphasis::default(),
            selected: None,
            source: None,
            focus: None,
            take_focus: false,
            jumps: 0,
            notice: None,
            card: None,
            undo: None,
            ready: false,
            rules: Rc::default(),
            rules_error: None,
        }
    }
}

/// Whether the first letter of `text` (within its first 2,000 characters) is
/// of a right-to-left script. The editor sets its direction from this: the
/// browser's own `dir="auto"` rescans a 10 MB textarea on every edit (5x slower
/// layout measured on 3 MB).
pub fn starts_rtl(text: &str) -> bool {
    for c in text.chars().take(2000) {
        let u = c as u32;
        if (0x0590..=0x08FF).contains(&u)
            || (0xFB1D..=0xFDFF).contains(&u)
            || (0xFE70..=0xFEFF).contains(&u)
        {
            return true;
        }
        if c.is_alphabetic() {
            return false;
        }
    }
    false
}

/// DOM id of the article element (a page change scrolls to it).
pub const ARTICLE_ID: &str = "article";

enum Jump {
    Focus,
    Reveal,
}

/// Everything that can happen.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A button replaced the whole text (Clear, or the sample): like [`Action::Edit`]
    /// analysed at once, and the text it replaced can be brought back by [`Action::Undo`].
    Replace(Rc<str>),
    /// Bring back the text the last [`Action::Replace`] replaced.
    Undo,
    /// A text put in the article from outside it (restored from storage, or a paste too
    /// long to insert as typing): like [`Action::Edit`], analysed at once.
    Load(Rc<str>),
    /// Open the card of a mark (or close the card: `None`).
    Card(Option<Card>),
    /// The text changed (typed, pasted, sample, restored or cleared).
    Edit {
        /// The new text.
        text: Rc<str>,
        /// Analyse at once instead of after a pause.
        now: bool,
    },
    /// An analysis request was sent.
    Started {
        /// Its id.
        id: u32,
        /// Its size.
        bytes: usize,
    },
    /// An analysis arrived.
    Done(Analysed),
    /// An analysis failed.
    Failed {
        /// Request id.
        id: u32,
        /// What went wrong.
        message: String,
    },
    /// Show or hide a layer.
    Toggle(Layer),
    /// Draw this layer strongly (or all).
    Emphasize(Emphasis),
    /// Select an actor (or none).
    Select(Option<u32>),
    /// Choose a row of the who-said-what table (or none): the same row again un-chooses it.
    ChooseSource(Option<u32>),
    /// Show a location: its page, then scroll to and focus it.
    Goto(Loc),
    /// Show a location without moving the keyboard focus (selecting an actor
    /// keeps the focus in the panel, where its claims appear).
    Reveal(Loc),
    /// Show a message (or clear it).
    Notice(Option<String>),
    /// The analysis engine is ready.
    WorkerReady,
    /// The reader's rules changed (added, removed, imported, cleared or loaded): the
    /// text is analysed again with them.
    Rules(Rules),
    /// Adds a rule to a list of the rules file ([`LISTS`]), of its two fields (a cue has
    /// one; a rule of `kinds` replaces the actor's earlier one); invalid rules are refused
    /// with the reason in [`State::rules_error`].
    AddRule(usize, String, String),
    /// Removes the `n`th rule of [`rule_list`].
    RemoveRule(usize),
    /// Why rules were refused (or, with `None`, clears the message).
    RulesError(Option<String>),
}

/// The lists of a rules file and the two fields of each rule (none for a cue, a string).
pub const LISTS: [[&str; 3]; 7] = [
    ["actors", "name", "kind"],
    ["cues", "", ""],
    ["hedges", "phrase", "kind"],
    ["wrong", "layer", "text"],
    ["merge", "actor", "into"],
    ["kinds", "actor", "kind"],
    ["patterns", "pattern", "as"],
];

/// The actor kinds, in the order of the selects' options.
pub const ACTOR_KINDS: [ActorKind; 4] = [
    ActorKind::Person,
    ActorKind::Organization,
    ActorKind::Place,
    ActorKind::Group,
];

/// The hedging kinds.
pub const HEDGE_KINDS: [HedgeKind; 4] = [
    HedgeKind::Hedge,
    HedgeKind::Booster,
    HedgeKind::Weasel,
    HedgeKind::Condition,
];

/// The layers of a highlight marked wrong, as a rules file names them.
pub const LAYERS: [(claimlens::Layer, &str); 3] = [
    (claimlens::Layer::Actor, "actor"),
    (claimlens::Layer::Claim, "claim"),
    (claimlens::Layer::Hedge, "hedge"),
];

/// The message of an error of [`Rules::check`] or `Analyzer::with_rules` (its own
/// words, not `Display`, whose other errors would bring `Debug` formatting into the app).
pub fn rules_error(e: claimlens::Error) -> String {
    match e {
        claimlens::Error::Rules { path, message } => format!("rules: {path} {message}"),
        _ => "rules: invalid".into(),
    }
}

/// Adds to `r` the rule of list `l` ([`LISTS`]) with fields `x` and `y` as a rules file
/// writes them; an unknown kind or layer is refused with the rule's `path`.
pub fn push_rule(r: &mut Rules, l: usize, x: String, y: String, path: &str) -> Result<(), String> {
    let bad = |s: &str| Err(format!("{path}: unknown {} \"{s}\"", LISTS[l][2]));
    let actor = |s: &str| ACTOR_KINDS.into_iter().find(|k| k.as_str() == s);
    match l {
        0 => match actor(&y) {
            Some(kind) => r.actors.push(RuleActor { name: x, kind }),
            None => return bad(&y),
        },
        1 => r.cues.push(x),
        2 => match HEDGE_KINDS.into_iter().find(|k| k.as_str() == y) {
            Some(kind) => r.hedges.push(RuleHedge { phrase: x, kind }),
            None => return bad(&y),
        },
        3 => match LAYERS.iter().find(|l| l.1 == x) {
            Some(&(layer, _)) => r.wrong.push(Wrong { layer, text: y }),
            None => return Err(format!("{path}: unknown layer \"{x}\"")),
        },
        4 => r.merge.push(Merge { actor: x, into: y }),
        5 => match actor(&y) {
            Some(kind) => {
                r.kinds.retain(|k| k.actor != x);
                r.kinds.push(RuleKind { actor: x, kind })
            }
            None => return bad(&y),
        },
        _ => match PatternAs::ALL.into_iter().find(|k| k.as_str() == y) {
            Some(what) => r.patterns.push(RulePattern { pattern: x, what }),
            None => return bad(&y),
        },
    }
    Ok(())
}

/// Every rule as its list ([`LISTS`]) and two fields as the rules file writes them (a
/// cue's second is empty), in the order of the file's lists: the one walk over the rules
/// that listing, removing and writing them share.
pub fn rule_fields(r: &Rules) -> Vec<(usize, &str, &str)> {
    let mut v = Vec::new();
    for a in &r.actors {
        v.push((0, &*a.name, a.kind.as_str()));
    }
    for c in &r.cues {
        v.push((1, &**c, ""));
    }
    for h in &r.hedges {
        v.push((2, &*h.phrase, h.kind.as_str()));
    }
    for w in &r.wrong {
        let layer = LAYERS.iter().find(|l| l.0 == w.layer).map_or("", |l| l.1);
        v.push((3, layer, &*w.text));
    }
    for m in &r.merge {
        v.push((4, &*m.actor, &*m.into));
    }
    for k in &r.kinds {
        v.push((5, &*k.actor, k.kind.as_str()));
    }
    for p in &r.patterns {
        v.push((6, &*p.pattern, p.what.as_str()));
    }
    v
}

/// Each rule in words, in the order of the rules file's lists (the order
/// [`remove_rule`] counts in).
pub fn rule_list(r: &Rules) -> Vec<String> {
    rule_fields(r)
        .into_iter()
        .map(|(l, x, y)| {
            let claim = if x == "claim" { "claim cue" } else { x };
            match l {
                0 => ["actor “", x, "”: ", y, ""],
                1 => ["reporting cue “", x, "”", "", ""],
                2 => [y, " “", x, "”", ""],
                3 => ["“", y, "” is no ", claim, ""],
                4 => ["“", x, "” is “", y, "”"],
                5 => ["kind of “", x, "”: ", y, ""],
                _ => ["pattern “", x, "”: ", y, ""],
            }
            .concat()
        })
        .collect()
}

/// Removes the `n`th rule of [`rule_list`].
pub fn remove_rule(r: &mut Rules, n: usize) {
    let mut kept = Rules::default();
    for (i, (l, x, y)) in rule_fields(r).into_iter().enumerate() {
        if i != n {
            let _ = push_rule(&mut kept, l, x.into(), y.into(), "");
        }
    }
    *r = kept;
}

impl State {
    /// Number of pages of the shown analysis.
    pub fn pages(&self) -> u32 {
        self.result.as_ref().map_or(0, |r| r.pages.len() as u32)
    }

    /// Whether a request with this id is the latest one.
    fn is_latest(&self, id: u32) -> bool {
        id + 1 == self.next_id
    }
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

impl State {
    /// The state after `action`, or `None` when nothing changes.
    pub fn apply(&self, action: Action) -> Option<State> {
        let mut s = self.clone();
        let action_kind = match &action {
            Action::Reveal(_) => Jump::Reveal,
            _ => Jump::Focus,
        };
        match action {
            Action::Replace(text) => {
                let before = self.text.clone();
                let mut s = s.apply(Action::Load(text))?;
                s.undo = if before == s.text {
                    // The same text again (the sample twice): what could be brought back still can.
                    self.undo.clone()
                } else {
                    (!before.trim().is_empty()).then_some(before)
                };
                return Some(s);
            }
            Action::Undo => {
                let text = s.undo.take()?;
                return s.apply(Action::Load(text));
            }
            Action::Load(text) => {
                let mut s = s.apply(Action::Edit { text, now: true })?;
                s.loads = s.loads.wrapping_add(1);
                return Some(s);
            }
            Action::Card(card) => {
                let card =
                    card.filter(|c| c.actor.is_some() || c.claim.is_some() || c.hedge.is_some());
                if s.card == card {
                    return None;
                }
                s.card = card;
            }
            Action::Edit { text, now } => {
                s.undo = None;
                s.edits = s.edits.wrapping_add(1);
                s.pasted = now;
                if text.trim().is_empty() {
                    s.status = Status::Empty;
                    s.result = None;
                    s.page = 0;
                    s.selected = None;
                    s.source = None;
                    // Answers to requests already sent are now stale.
                    s.next_id += 1;
                } else if text.len() > MAX_BYTES {
                    // Kept in the editor, not analysed; a stale analysis is not shown.
                    s.status = Status::TooLong(text.len());
                    s.result = None;
                    s.page = 0;
                    s.selected = None;
                    s.source = None;
                    s.next_id += 1;
                } else if !matches!(s.status, Status::Working { .. }) {
                    s.status = Status::Waiting;
                }
                s.chars = text.chars().count();
                s.rtl = starts_rtl(&text);
                s.text = text;
            }
            Action::Started { id, bytes } => {
                s.next_id = s.next_id.max(id + 1);
                s.status = Status::Working { id, bytes };
            }
            Action::Done(a) => {
                if !s.is_latest(a.id) || s.text.trim().is_empty() {
                    return None;
                }
                let pages = a.pages.len() as u32;
                if s.page >= pages {
                    s.page = pages.saturating_sub(1);
                }
                if s.selected
                    .is_some_and(|id| id as usize >= a.overview.actors.len())
                {
                    s.selected = None;
                }
                let same_row = |(row, label): &(u32, String)| {
                    a.overview
                        .sources
                        .get(*row as usize)
                        .is_some_and(|r| r.label == *label)
                };
                if !s.source.as_ref().is_some_and(same_row) {
                    s.source = None;
                }
                s.result = Some(a);
                s.status = Status::Ready;
                s.card = None;
            }
            Action::Failed { id, message } => {
                if !s.is_latest(id) {
                    return None;
                }
                s.status = Status::Failed(message);
            }
            Action::Emphasize(f) => {
                if s.emphasis == f {
                    return None;
                }
                s.emphasis = f;
            }
            Action::Toggle(layer) => match layer {
                Layer::Actors => s.shown.actors = !s.shown.actors,
                Layer::Claims => s.shown.claims = !s.shown.claims,
                Layer::Hedges => s.shown.hedges = !s.shown.hedges,
            },
            Action::Select(actor) => {
                s.selected = if s.selected == actor { None } else { actor };
            }
            Action::ChooseSource(row) => {
                let chosen = row.and_then(|r| {
                    let label = &s.result.as_ref()?.overview.sources.get(r as usize)?.label;
                    Some((r, label.clone()))
                });
                s.source = if s.source.as_ref().map(|x| x.0) == row {
                    None
                } else {
                    chosen
                };
            }
            Action::Goto(loc) | Action::Reveal(loc) => {
                if loc.page >= s.pages() {
                    return None;
                }
                s.take_focus = matches!(action_kind, Jump::Focus);
                s.page = loc.page;
                s.focus = Some(loc.anchor);
                s.jumps = s.jumps.wrapping_add(1);
            }
            Action::Notice(n) => s.notice = n,
            Action::WorkerReady => {
                if s.ready {
                    return None;
                }
                s.ready = true;
            }
            Action::Rules(rules) => {
                if *s.rules == rules && s.rules_error.is_none() {
                    return None;
                }
                s.rules_error = None;
                s.set_rules(rules);
            }
            Action::AddRule(l, x, y) => {
                let mut r = (*s.rules).clone();
                let added =
                    push_rule(&mut r, l, x, y, "").and_then(|()| r.check().map_err(rules_error));
                match added {
                    Ok(()) => {
                        s.rules_error = None;
                        s.set_rules(r);
                    }
                    Err(e) => s.rules_error = Some(e),
                }
            }
            Action::RemoveRule(n) => {
                let mut r = (*s.rules).clone();
                remove_rule(&mut r, n);
                s.set_rules(r);
            }
            Action::RulesError(e) => s.rules_error = e,
        }
        Some(s)
    }

    /// New rules: kept, and the text analysed again with them.
    fn set_rules(&mut self, rules: Rules) {
        if *self.rules == rules {
            return;
        }
        let s = self;
        s.rules = Rc::new(rules);
        // Kept in this browser at once (here rather than in an effect of the app: each
        // effect costs the app's code a kilobyte or two).
        #[cfg(target_arch = "wasm32")]
        crate::ui::rules::save(&s.rules);
        // The text is analysed again, at once, with the new rules (as a paste is).
        if !s.text.trim().is_empty() && s.text.len() <= MAX_BYTES {
            s.edits = s.edits.wrapping_add(1);
            s.pasted = true;
            if !matches!(s.status, Status::Working { .. }) {
                s.status = Status::Waiting;
            }
        }
    }
}
