//! JSON text of the view and of the contract, written by hand.
//!
//! It is the JSON that the types' serde derives give (a test compares them),
//! with a fraction of the code a serde serializer costs in the wasm builds: the
//! JS API returns `JSON.parse` of it (which is also faster than building the
//! objects property by property), and the app's worker sends it to the page.
//! Numbers are integers or the contract's scores, rounded to 3 decimals, which
//! are written without trailing zeros (`1` where serde_json writes `1.0`).

use crate::model::{
    ActorView, ClaimTips, ClaimView, HedgeView, Loc, Page, Para, Role, Run, SentenceView,
    SourceRow, View,
};
use claimlens::contract::{
    JsonActor, JsonAnalysis, JsonClaim, JsonContent, JsonHedge, JsonMention, JsonSentence,
    JsonSpan, JsonSummary,
};

/// A JSON writer: keys and values in order, commas where they belong.
struct Json {
    out: Vec<u8>,
    /// Whether the object or array being written is still empty.
    first: bool,
}

impl Json {
    #[inline(never)]
    fn open(&mut self, c: u8) {
        self.out.push(c);
        self.first = true;
    }

    #[inline(never)]
    fn close(&mut self, c: u8) {
        self.out.push(c);
        self.first = false;
    }

    /// Starts a value: a comma unless it is the first of its object or array.
    #[inline(never)]
    fn item(&mut self) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
    }

    #[inline(never)]
    fn key(&mut self, k: &str) {
        self.item();
        self.out.push(b'"');
        self.out.extend_from_slice(k.as_bytes());
        self.out.extend_from_slice(b"\":");
        self.first = true;
    }

    /// A string, escaped as serde_json does.
    #[inline(never)]
    fn str(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let out = &mut self.out;
        out.push(b'"');
        let mut done = 0;
        for (i, &b) in s.as_bytes().iter().enumerate() {
            let short = match b {
                b'"' => b'"',
                b'\\' => b'\\',
                b'\n' => b'n',
                b'\r' => b'r',
                b'\t' => b't',
                0x08 => b'b',
                0x0c => b'f',
                0..=0x1f => b'u',
                _ => continue,
            };
            out.extend_from_slice(&s.as_bytes()[done..i]);
            out.push(b'\\');
            out.push(short);
            if short == b'u' {
                out.extend_from_slice(&[
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 15)],
                ]);
            }
            done = i + 1;
        }
        out.extend_from_slice(&s.as_bytes()[done..]);
        out.push(b'"');
        self.first = false;
    }

    #[inline(never)]
    fn uint(&mut self, n: usize) {
        self.out
            .extend_from_slice(crate::words::decimal(n, &mut [0; 20]).as_bytes());
        self.first = false;
    }

    /// A score: at most 3 decimals, without trailing zeros.
    #[inline(never)]
    fn num(&mut self, x: f64) {
        let thousandths = (x.abs() * 1000.0).round() as usize;
        if x < 0.0 && thousandths > 0 {
            self.out.push(b'-');
        }
        self.uint(thousandths / 1000);
        let mut frac = thousandths % 1000;
        if frac > 0 {
            self.out.push(b'.');
            let mut scale = 100;
            while frac > 0 {
                self.out.push(b'0' + (frac / scale) as u8);
                frac %= scale;
                scale /= 10;
            }
        }
    }

    #[inline(never)]
    fn opt_uint(&mut self, n: Option<usize>) {
        match n {
            Some(n) => self.uint(n),
            None => self.null(),
        }
    }

    fn bool(&mut self, b: bool) {
        self.out
            .extend_from_slice(if b { b"true" } else { b"false" });
        self.first = false;
    }

    #[inline(never)]
    fn null(&mut self) {
        self.out.extend_from_slice(b"null");
        self.first = false;
    }

    #[inline(never)]
    fn strs(&mut self, list: &[String]) {
        self.open(b'[');
        for s in list {
            self.item();
            self.str(s);
        }
        self.close(b']');
    }

    /// `key: [ids...]`.
    #[inline(never)]
    fn ids(&mut self, key: &str, ids: &[u32]) {
        self.key(key);
        self.open(b'[');
        for &id in ids {
            self.item();
            self.uint(n(id));
        }
        self.close(b']');
    }

    /// `key: [...]`.
    fn list_at<T: Write>(&mut self, key: &str, list: &[T]) {
        self.key(key);
        self.list(list);
    }

    fn list<T: Write>(&mut self, list: &[T]) {
        self.open(b'[');
        for x in list {
            self.item();
            x.write(self);
        }
        self.close(b']');
    }

    /// The fields an actor has in the contract and in the view, up to its mentions.
    #[inline(never)]
    fn actor(
        &mut self,
        id: usize,
        [name, kind]: [&str; 2],
        subkind: Option<&str>,
        aliases: &[String],
        affiliation: Option<&str>,
    ) {
        self.uints(&[("id", id)]);
        self.strings(&[("name", name), ("kind", kind)]);
        if let Some(s) = subkind {
            self.strings(&[("subkind", s)]);
        }
        self.key("aliases");
        self.strs(aliases);
        if let Some(s) = affiliation {
            self.strings(&[("affiliation", s)]);
        }
    }

    /// `key: value` pairs of strings.
    #[inline(never)]
    fn strings(&mut self, pairs: &[(&str, &str)]) {
        for &(k, v) in pairs {
            self.key(k);
            self.str(v);
        }
    }

    /// `key: value` pairs of integers.
    #[inline(never)]
    fn uints(&mut self, pairs: &[(&str, usize)]) {
        for &(k, v) in pairs {
            self.key(k);
            self.uint(v);
        }
    }
}

/// A value the writer knows.
trait Write {
    fn write(&self, j: &mut Json);
}

/// `u32` to `usize` (wasm32 and 64-bit targets: lossless).
fn n(x: u32) -> usize {
    x as usize
}

impl Write for Loc {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.uints(&[("page", n(self.page))]);
        j.strings(&[("anchor", &self.anchor)]);
        j.close(b'}');
    }
}

impl Write for Run {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.uints(&[("start", n(self.start)), ("end", n(self.end))]);
        if let Some(v) = self.actor {
            j.uints(&[("actor", n(v))]);
        }
        if let Some(v) = self.claim {
            j.uints(&[("claim", n(v))]);
        }
        if let Some(r) = self.role {
            j.strings(&[("role", r.as_str())]);
        }
        if let Some(v) = self.hedge {
            j.uints(&[("hedge", n(v))]);
        }
        if let Some(a) = &self.anchor {
            j.strings(&[("anchor", a)]);
        }
        if self.stop {
            j.key("stop");
            j.out.extend_from_slice(b"true");
            j.first = false;
        }
        j.close(b'}');
    }
}

impl Write for Para {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.uints(&[("start", n(self.start)), ("end", n(self.end))]);
        j.list_at("runs", &self.runs);
        j.close(b'}');
    }
}

impl Write for Page {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.list_at("paras", &self.paras);
        j.close(b'}');
    }
}

impl Write for ActorView {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.actor(
            n(self.id),
            [&self.name, &self.kind],
            self.subkind.as_deref(),
            &self.aliases,
            self.affiliation.as_deref(),
        );
        j.uints(&[
            ("mentions", n(self.mentions)),
            ("colour", usize::from(self.colour)),
        ]);
        j.key("referred");
        j.strs(&self.referred);
        j.ids("claims", &self.claims);
        j.key("at");
        self.at.write(j);
        j.strings(&[("tip", &self.tip)]);
        j.close(b'}');
    }
}

impl Write for ClaimTips {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        if let Some(s) = &self.source {
            j.strings(&[("source", s)]);
        }
        j.strings(&[("cue", &self.cue), ("content", &self.content)]);
        j.close(b'}');
    }
}

impl Write for ClaimView {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.uints(&[("id", n(self.id))]);
        j.key("source");
        match &self.source {
            Some(s) => j.str(s),
            None => j.null(),
        }
        j.key("actor");
        j.opt_uint(self.actor.map(n));
        j.strings(&[
            ("attribution", &self.attribution),
            ("cue", &self.cue),
            ("content", &self.content),
        ]);
        j.key("quote");
        j.bool(self.quote);
        j.key("at");
        self.at.write(j);
        j.key("tips");
        self.tips.write(j);
        j.close(b'}');
    }
}

impl Write for SourceRow {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.strings(&[("label", &self.label)]);
        j.key("actor");
        j.opt_uint(self.actor.map(n));
        j.strings(&[("attribution", &self.attribution)]);
        j.ids("claims", &self.claims);
        j.uints(&[
            ("quotes", n(self.quotes)),
            ("paraphrases", n(self.paraphrases)),
            ("named", n(self.named)),
            ("vague", n(self.vague)),
            ("none", n(self.none)),
        ]);
        j.close(b'}');
    }
}

impl Write for HedgeView {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.uints(&[("id", n(self.id))]);
        j.strings(&[
            ("kind", &self.kind),
            ("text", &self.text),
            ("reason", &self.reason),
        ]);
        j.key("quoted");
        j.bool(self.quoted);
        j.uints(&[("sentence", n(self.sentence))]);
        j.key("at");
        self.at.write(j);
        j.strings(&[
            ("tip", &self.tip),
            ("before", &self.before),
            ("after", &self.after),
        ]);
        j.close(b'}');
    }
}

impl Write for SentenceView {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.key("certainty");
        j.num(self.certainty);
        j.strings(&[("why", &self.why)]);
        j.key("at");
        self.at.write(j);
        j.close(b'}');
    }
}

impl Write for JsonSummary {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.uints(&[
            ("words", self.words),
            ("sentences", self.sentences),
            ("actors", self.actors),
            ("claims", self.claims),
            ("claims_named", self.claims_named),
            ("claims_vague", self.claims_vague),
            ("claims_none", self.claims_none),
        ]);
        for (k, v) in [
            ("share_named", self.share_named),
            ("share_vague", self.share_vague),
            ("share_none", self.share_none),
        ] {
            j.key(k);
            j.num(v);
        }
        j.uints(&[
            ("hedges", self.hedges),
            ("boosters", self.boosters),
            ("weasels", self.weasels),
            ("conditions", self.conditions),
        ]);
        j.key("hedges_per_100_words");
        j.num(self.hedges_per_100_words);
        j.uints(&[("quoted_cues", self.quoted_cues)]);
        for (k, v) in [
            (
                "author_hedges_per_100_words",
                self.author_hedges_per_100_words,
            ),
            ("certainty", self.certainty),
        ] {
            j.key(k);
            j.num(v);
        }
        j.close(b'}');
    }
}

impl Write for View {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.uints(&[("length", n(self.length))]);
        j.key("summary");
        self.summary.write(j);
        j.list_at("actors", &self.actors);
        j.list_at("claims", &self.claims);
        j.list_at("sources", &self.sources);
        j.list_at("hedges", &self.hedges);
        j.list_at("sentences", &self.sentences);
        j.list_at("pages", &self.pages);
        j.close(b'}');
    }
}

impl Write for JsonSpan {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.uints(&[("start", self.start), ("end", self.end)]);
        j.close(b'}');
    }
}

impl Write for JsonMention {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.uints(&[("start", self.start), ("end", self.end)]);
        j.strings(&[("form", self.form.as_str())]);
        j.close(b'}');
    }
}

impl Write for JsonSentence {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.uints(&[("start", self.start), ("end", self.end)]);
        j.key("certainty");
        j.num(self.certainty);
        j.close(b'}');
    }
}

impl Write for JsonActor<'_> {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.actor(
            self.id,
            [self.name, self.kind.as_str()],
            self.subkind,
            self.aliases,
            self.affiliation,
        );
        j.list_at("mentions", &self.mentions);
        j.list_at("references", &self.references);
        j.close(b'}');
    }
}

impl Write for JsonClaim {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.key("source");
        match &self.source {
            Some(s) => s.write(j),
            None => j.null(),
        }
        j.key("cue");
        self.cue.write(j);
        j.key("content");
        match &self.content {
            None => j.null(),
            Some(JsonContent::One(s)) => s.write(j),
            Some(JsonContent::Many(list)) => j.list(list),
        }
        j.key("actor");
        j.opt_uint(self.actor);
        j.strings(&[("attribution", self.attribution.as_str())]);
        j.close(b'}');
    }
}

impl Write for JsonHedge {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.uints(&[("start", self.start), ("end", self.end)]);
        j.strings(&[("kind", self.kind.as_str()), ("reason", self.reason)]);
        j.key("quoted");
        j.bool(self.quoted);
        j.close(b'}');
    }
}

impl Write for JsonAnalysis<'_> {
    fn write(&self, j: &mut Json) {
        j.open(b'{');
        j.list_at("sentences", &self.sentences);
        j.list_at("actors", &self.actors);
        j.list_at("claims", &self.claims);
        j.list_at("hedges", &self.hedges);
        j.key("summary");
        self.summary.write(j);
        j.close(b'}');
    }
}

fn to_json(x: &impl Write) -> String {
    let mut j = Json {
        out: Vec::new(),
        first: true,
    };
    x.write(&mut j);
    // Only whole strings and ASCII were written.
    String::from_utf8(j.out).unwrap_or_default()
}

impl Role {
    /// The role's name in JSON: `source`, `cue` or `content`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Source => "source",
            Role::Cue => "cue",
            Role::Content => "content",
        }
    }
}

impl View {
    /// The view as JSON.
    pub fn to_json(&self) -> String {
        to_json(self)
    }
}

impl Page {
    /// The page as JSON.
    pub fn to_json(&self) -> String {
        to_json(self)
    }
}

/// The JSON text of an analysis in the contract, as its serde derive gives it
/// (scores written as above), without its `id` (which the JS API and the app never set).
pub fn contract_json(c: &JsonAnalysis) -> String {
    to_json(c)
}

/// The contract's JSON (`json`, as [`contract_json`] writes it, offsets in UTF-16 code
/// units of `text`) for an export a reader can read without the article beside it: the
/// text first, and each span (`"start":N,"end":M`) followed by `"text"`, its own text.
///
/// Spans are found as the writer lays them out (no spaces; a `"start":` key cannot occur
/// inside a JSON string, whose quotes are escaped); offsets are converted in one pass.
pub fn contract_with_text(text: &str, json: &str) -> String {
    const START: &str = "\"start\":";
    const END: &str = ",\"end\":";
    let digits = |s: &str| -> (usize, usize) {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        (s[..n].parse().unwrap_or(0), n)
    };
    // (where the span's end offset stops in `json`, start, end), in JSON order.
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(k) = json[at..].find(START) {
        let p = at + k + START.len();
        let (start, n) = digits(&json[p..]);
        let q = p + n;
        at = q;
        if n == 0 || !json[q..].starts_with(END) {
            continue;
        }
        let (end, m) = digits(&json[q + END.len()..]);
        if m == 0 {
            continue;
        }
        at = q + END.len() + m;
        spans.push((at, start, end));
    }
    // UTF-16 offsets to byte offsets, in one pass over the text.
    let mut units: Vec<usize> = spans.iter().flat_map(|&(_, s, e)| [s, e]).collect();
    claimlens::sort::sort_dedup(&mut units);
    let mut bytes = Vec::with_capacity(units.len());
    let (mut unit, mut byte) = (0usize, 0usize);
    let mut chars = text.chars();
    for &u in &units {
        while unit < u {
            match chars.next() {
                Some(c) => {
                    unit += c.len_utf16();
                    byte += c.len_utf8();
                }
                None => break,
            }
        }
        bytes.push(byte);
    }
    let byte_of = |u: usize| {
        let i = units.partition_point(|&x| x < u);
        bytes.get(i).copied().unwrap_or(text.len())
    };
    let mut j = Json {
        out: Vec::with_capacity(json.len() + 2 * text.len() + 16),
        first: true,
    };
    let mut copied = 0;
    if json.starts_with('{') {
        j.out.push(b'{');
        j.key("text");
        j.str(text);
        if json.len() > 2 {
            j.out.push(b',');
        }
        copied = 1;
    }
    for (pos, start, end) in spans {
        j.out.extend_from_slice(&json.as_bytes()[copied..pos]);
        copied = pos;
        let (a, b) = (byte_of(start), byte_of(end));
        let piece = text.get(a.min(b)..b).unwrap_or("");
        j.out.extend_from_slice(b",\"text\":");
        j.str(piece);
    }
    j.out.extend_from_slice(&json.as_bytes()[copied..]);
    // JSON of UTF-8 text, cut at its keys' ASCII bytes. Not `expect`, whose message would
    // bring Debug formatting of the error (and of its bytes) into the app's wasm.
    String::from_utf8(j.out).unwrap_or_default()
}
