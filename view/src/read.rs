//! Reads the view's JSON ([`View::to_json`], [`Page::to_json`]) back into the view
//! types.
//!
//! The web page gets the view from its worker as JSON text. A small parser written here
//! reads it: serde-wasm-bindgen over `JSON.parse` cost the app about 35 KB of wasm for
//! the derives and the deserializer, and kept the float formatting of serde's error
//! messages. Any JSON is accepted (spaces, escapes, keys in any order, keys it does not
//! know); a field that is absent keeps its default, as the writer leaves out absent run
//! annotations. Errors say what was expected and at which byte.

use crate::model::{
    ActorView, ClaimTips, ClaimView, HedgeView, Loc, Page, Para, Role, Run, SentenceView,
    SourceRow, View,
};
use claimlens::contract::JsonSummary;
use std::borrow::Cow;

/// The view read from its JSON.
pub fn view_from_json(json: &str) -> Result<View, String> {
    whole(json, view)
}

/// A page read from its JSON.
pub fn page_from_json(json: &str) -> Result<Page, String> {
    whole(json, page)
}

type Res<T> = Result<T, String>;

fn whole<T>(json: &str, read: fn(&mut Reader) -> Res<T>) -> Res<T> {
    let mut r = Reader {
        b: json.as_bytes(),
        i: 0,
    };
    let v = read(&mut r)?;
    r.ws();
    if r.i < r.b.len() {
        return Err(r.error("the end"));
    }
    Ok(v)
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    #[inline(never)]
    fn error(&self, expected: &str) -> String {
        format!("the view's JSON: {expected} expected at byte {}", self.i)
    }

    fn ws(&mut self) {
        while self
            .b
            .get(self.i)
            .is_some_and(|c| matches!(c, b' ' | b'\n' | b'\r' | b'\t'))
        {
            self.i += 1;
        }
    }

    /// The next byte after spaces, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.b.get(self.i).copied()
    }

    #[inline(never)]
    fn eat(&mut self, c: u8) -> Res<()> {
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            Err(self.error(match c {
                b'{' => "an object",
                b'[' => "a list",
                b':' => "a colon",
                b'"' => "a string",
                _ => "a comma or a bracket",
            }))
        }
    }

    /// Whether the word `w` comes next (consumed if so).
    fn word(&mut self, w: &str) -> bool {
        self.ws();
        let hit = self.b[self.i..].starts_with(w.as_bytes());
        if hit {
            self.i += w.len();
        }
        hit
    }

    /// Calls `field` with each key of an object, which reads the key's value.
    #[inline(never)]
    fn object(&mut self, field: &mut dyn FnMut(&mut Self, &str) -> Res<()>) -> Res<()> {
        self.eat(b'{')?;
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(());
        }
        loop {
            let key = self.string()?;
            self.eat(b':')?;
            field(self, &key)?;
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return Err(self.error("a comma or '}'")),
            }
        }
    }

    /// A list, each item read by `item`.
    fn list<T>(&mut self, item: fn(&mut Self) -> Res<T>) -> Res<Vec<T>> {
        let mut out = Vec::new();
        self.items(&mut |r| {
            out.push(item(r)?);
            Ok(())
        })?;
        Ok(out)
    }

    #[inline(never)]
    fn items(&mut self, item: &mut dyn FnMut(&mut Self) -> Res<()>) -> Res<()> {
        self.eat(b'[')?;
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return Err(self.error("a comma or ']'")),
            }
        }
    }

    /// A string, borrowed when it holds no escape.
    #[inline(never)]
    fn string(&mut self) -> Res<Cow<'a, str>> {
        self.eat(b'"')?;
        let b = self.b;
        let start = self.i;
        let mut out: Option<Vec<u8>> = None;
        let mut done = start;
        loop {
            let Some(&c) = b.get(self.i) else {
                return Err(self.error("a closing quote"));
            };
            match c {
                b'"' => break,
                b'\\' => {
                    let buf = out.get_or_insert_with(Vec::new);
                    buf.extend_from_slice(&b[done..self.i]);
                    let at = self.i;
                    let e = b.get(self.i + 1).copied();
                    self.i += 2;
                    let short = match e {
                        Some(b'"') => b'"',
                        Some(b'\\') => b'\\',
                        Some(b'/') => b'/',
                        Some(b'n') => b'\n',
                        Some(b'r') => b'\r',
                        Some(b't') => b'\t',
                        Some(b'b') => 8,
                        Some(b'f') => 12,
                        Some(b'u') => 0,
                        _ => {
                            self.i = at;
                            return Err(self.error("an escape"));
                        }
                    };
                    if e == Some(b'u') {
                        let mut unit = self.hex4()?;
                        // A surrogate pair: two escapes for one character.
                        if (0xd800..0xdc00).contains(&unit) && b[self.i..].starts_with(b"\\u") {
                            self.i += 2;
                            let low = self.hex4()?;
                            if (0xdc00..0xe000).contains(&low) {
                                unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                            } else {
                                return Err(self.error("a low surrogate"));
                            }
                        }
                        let ch = char::from_u32(unit).unwrap_or('\u{fffd}');
                        buf.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
                    } else {
                        buf.push(short);
                    }
                    done = self.i;
                }
                _ => self.i += 1,
            }
        }
        let end = self.i;
        self.i += 1;
        // The bytes are a slice of a `str` cut at ASCII quotes and backslashes, and
        // escapes add whole characters: valid UTF-8 either way.
        Ok(match out {
            None => Cow::Borrowed(std::str::from_utf8(&b[start..end]).unwrap_or_default()),
            Some(mut buf) => {
                buf.extend_from_slice(&b[done..end]);
                Cow::Owned(String::from_utf8(buf).unwrap_or_default())
            }
        })
    }

    fn hex4(&mut self) -> Res<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let d = self
                .b
                .get(self.i)
                .and_then(|&c| (c as char).to_digit(16))
                .ok_or_else(|| self.error("four hexadecimal digits"))?;
            n = n * 16 + d;
            self.i += 1;
        }
        Ok(n)
    }

    fn text(&mut self) -> Res<String> {
        Ok(self.string()?.into_owned())
    }

    /// A number: digits with an optional sign, fraction and exponent.
    #[inline(never)]
    fn num(&mut self) -> Res<f64> {
        self.ws();
        let neg = self.b.get(self.i) == Some(&b'-');
        self.i += usize::from(neg);
        let (mut mantissa, mut scale, mut digits) = (0u64, 0i32, 0);
        let mut fraction = false;
        while let Some(&c) = self.b.get(self.i) {
            match c {
                b'0'..=b'9' => {
                    // Digits past 18 only scale the value.
                    if mantissa < 100_000_000_000_000_000 {
                        mantissa = mantissa * 10 + u64::from(c - b'0');
                        scale -= i32::from(fraction);
                    } else {
                        scale += i32::from(!fraction);
                    }
                    digits += 1;
                }
                b'.' if !fraction => fraction = true,
                _ => break,
            }
            self.i += 1;
        }
        if digits == 0 {
            return Err(self.error("a number"));
        }
        if matches!(self.b.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            let sign = match self.b.get(self.i) {
                Some(b'-') => -1,
                Some(b'+') => 1,
                _ => 0,
            };
            self.i += usize::from(sign != 0);
            let mut e = 0i32;
            while let Some(&c) = self.b.get(self.i).filter(|c| c.is_ascii_digit()) {
                e = (e * 10 + i32::from(c - b'0')).min(999);
                self.i += 1;
            }
            scale += if sign < 0 { -e } else { e };
        }
        // A mantissa below 2^53 and a power of ten up to 10^22 are exact doubles, so
        // their quotient or product is the nearest double: what the writer wrote.
        let m = mantissa as f64;
        let x = if scale < 0 {
            m / 10f64.powi(-scale)
        } else {
            m * 10f64.powi(scale)
        };
        Ok(if neg { -x } else { x })
    }

    #[inline(never)]
    fn uint(&mut self) -> Res<u32> {
        self.ws();
        let at = self.i;
        let x = self.num()?;
        if x >= 0.0 && x <= f64::from(u32::MAX) && x.fract() == 0.0 {
            Ok(x as u32)
        } else {
            self.i = at;
            Err(self.error("a whole number"))
        }
    }

    fn usize(&mut self) -> Res<usize> {
        self.uint().map(|n| n as usize)
    }

    #[inline(never)]
    fn bool(&mut self) -> Res<bool> {
        if self.word("true") {
            Ok(true)
        } else if self.word("false") {
            Ok(false)
        } else {
            Err(self.error("true or false"))
        }
    }

    /// `null` as `None`, else `read`'s value.
    fn opt<T>(&mut self, read: fn(&mut Self) -> Res<T>) -> Res<Option<T>> {
        if self.word("null") {
            Ok(None)
        } else {
            read(self).map(Some)
        }
    }

    /// Any value, skipped (a key the page does not read).
    #[inline(never)]
    fn skip(&mut self) -> Res<()> {
        match self.peek() {
            Some(b'{') => self.object(&mut |r, _| r.skip()),
            Some(b'[') => self.items(&mut |r| r.skip()),
            Some(b'"') => self.string().map(drop),
            Some(b't' | b'f') => self.bool().map(drop),
            _ if self.word("null") => Ok(()),
            _ => self.num().map(drop),
        }
    }
}

fn loc(r: &mut Reader) -> Res<Loc> {
    let mut v = Loc::default();
    r.object(&mut |r, k| {
        match k {
            "page" => v.page = r.uint()?,
            "anchor" => v.anchor = r.text()?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(v)
}

fn role(r: &mut Reader) -> Res<Role> {
    let at = r.i;
    match &*r.string()? {
        "source" => Ok(Role::Source),
        "cue" => Ok(Role::Cue),
        "content" => Ok(Role::Content),
        _ => {
            r.i = at;
            Err(r.error("a role (source, cue or content)"))
        }
    }
}

fn run(r: &mut Reader) -> Res<Run> {
    let mut v = Run::default();
    r.object(&mut |r, k| {
        match k {
            "start" => v.start = r.uint()?,
            "end" => v.end = r.uint()?,
            "actor" => v.actor = r.opt(Reader::uint)?,
            "claim" => v.claim = r.opt(Reader::uint)?,
            "role" => v.role = r.opt(role)?,
            "hedge" => v.hedge = r.opt(Reader::uint)?,
            "anchor" => v.anchor = r.opt(Reader::text)?,
            "stop" => v.stop = r.bool()?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(v)
}

fn para(r: &mut Reader) -> Res<Para> {
    let mut v = Para::default();
    r.object(&mut |r, k| {
        match k {
            "start" => v.start = r.uint()?,
            "end" => v.end = r.uint()?,
            "runs" => v.runs = r.list(run)?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(v)
}

fn page(r: &mut Reader) -> Res<Page> {
    let mut v = Page::default();
    r.object(&mut |r, k| {
        match k {
            "paras" => v.paras = r.list(para)?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(v)
}

fn actor(r: &mut Reader) -> Res<ActorView> {
    let mut v = ActorView::default();
    r.object(&mut |r, k| {
        match k {
            "id" => v.id = r.uint()?,
            "name" => v.name = r.text()?,
            "kind" => v.kind = r.text()?,
            "subkind" => v.subkind = r.opt(Reader::text)?,
            "aliases" => v.aliases = r.list(Reader::text)?,
            "affiliation" => v.affiliation = r.opt(Reader::text)?,
            "mentions" => v.mentions = r.uint()?,
            "referred" => v.referred = r.list(Reader::text)?,
            "colour" => v.colour = r.uint()?.min(255) as u8,
            "claims" => v.claims = r.list(Reader::uint)?,
            "at" => v.at = loc(r)?,
            "tip" => v.tip = r.text()?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(v)
}

fn tips(r: &mut Reader) -> Res<ClaimTips> {
    let mut v = ClaimTips::default();
    r.object(&mut |r, k| {
        match k {
            "source" => v.source = r.opt(Reader::text)?,
            "cue" => v.cue = r.text()?,
            "content" => v.content = r.text()?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(v)
}

fn claim(r: &mut Reader) -> Res<ClaimView> {
    let mut v = ClaimView::default();
    r.object(&mut |r, k| {
        match k {
            "id" => v.id = r.uint()?,
            "source" => v.source = r.opt(Reader::text)?,
            "actor" => v.actor = r.opt(Reader::uint)?,
            "attribution" => v.attribution = r.text()?,
            "cue" => v.cue = r.text()?,
            "content" => v.content = r.text()?,
            "quote" => v.quote = r.bool()?,
            "at" => v.at = loc(r)?,
            "tips" => v.tips = tips(r)?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(v)
}

fn source(r: &mut Reader) -> Res<SourceRow> {
    let mut v = SourceRow::default();
    r.object(&mut |r, k| {
        match k {
            "label" => v.label = r.text()?,
            "actor" => v.actor = r.opt(Reader::uint)?,
            "attribution" => v.attribution = r.text()?,
            "claims" => v.claims = r.list(Reader::uint)?,
            "quotes" => v.quotes = r.uint()?,
            "paraphrases" => v.paraphrases = r.uint()?,
            "named" => v.named = r.uint()?,
            "vague" => v.vague = r.uint()?,
            "none" => v.none = r.uint()?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(v)
}

fn hedge(r: &mut Reader) -> Res<HedgeView> {
    let mut v = HedgeView::default();
    r.object(&mut |r, k| {
        match k {
            "id" => v.id = r.uint()?,
            "kind" => v.kind = r.text()?,
            "text" => v.text = r.text()?,
            "reason" => v.reason = r.text()?,
            "quoted" => v.quoted = r.bool()?,
            "sentence" => v.sentence = r.uint()?,
            "at" => v.at = loc(r)?,
            "tip" => v.tip = r.text()?,
            "before" => v.before = r.text()?,
            "after" => v.after = r.text()?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(v)
}

fn sentence(r: &mut Reader) -> Res<SentenceView> {
    let mut v = SentenceView::default();
    r.object(&mut |r, k| {
        match k {
            "certainty" => v.certainty = r.num()?,
            "why" => v.why = r.text()?,
            "at" => v.at = loc(r)?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(v)
}

fn summary(r: &mut Reader) -> Res<JsonSummary> {
    let mut v = JsonSummary::default();
    r.object(&mut |r, k| {
        let count = match k {
            "words" => &mut v.words,
            "sentences" => &mut v.sentences,
            "actors" => &mut v.actors,
            "claims" => &mut v.claims,
            "claims_named" => &mut v.claims_named,
            "claims_vague" => &mut v.claims_vague,
            "claims_none" => &mut v.claims_none,
            "hedges" => &mut v.hedges,
            "boosters" => &mut v.boosters,
            "weasels" => &mut v.weasels,
            "conditions" => &mut v.conditions,
            "quoted_cues" => &mut v.quoted_cues,
            _ => {
                let score = match k {
                    "share_named" => &mut v.share_named,
                    "share_vague" => &mut v.share_vague,
                    "share_none" => &mut v.share_none,
                    "hedges_per_100_words" => &mut v.hedges_per_100_words,
                    "author_hedges_per_100_words" => &mut v.author_hedges_per_100_words,
                    "certainty" => &mut v.certainty,
                    _ => return r.skip(),
                };
                *score = r.num()?;
                return Ok(());
            }
        };
        *count = r.usize()?;
        Ok(())
    })?;
    Ok(v)
}

fn view(r: &mut Reader) -> Res<View> {
    let mut v = View {
        length: 0,
        summary: JsonSummary::default(),
        actors: Vec::new(),
        claims: Vec::new(),
        sources: Vec::new(),
        hedges: Vec::new(),
        sentences: Vec::new(),
        pages: Vec::new(),
    };
    r.object(&mut |r, k| {
        match k {
            "length" => v.length = r.uint()?,
            "summary" => v.summary = summary(r)?,
            "actors" => v.actors = r.list(actor)?,
            "claims" => v.claims = r.list(claim)?,
            "sources" => v.sources = r.list(source)?,
            "hedges" => v.hedges = r.list(hedge)?,
            "sentences" => v.sentences = r.list(sentence)?,
            "pages" => v.pages = r.list(page)?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(v)
}
