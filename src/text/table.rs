//! The token table: what every stage reads about each token, built once per
//! document ([`TokenTable::new`]).
//!
//! | column | what | read by |
//! |---|---|---|
//! | normalised form and its [`token_hash`] | lowercase, straight quotes | every lexicon lookup, rules, linking |
//! | spelling flags ([`TokenTable::first_upper`] …) | case of the first letter, any capital, any lowercase letter, length in characters | actors (features, mentions), claims rules, hedges |
//! | clause start ([`TokenTable::opens`]) | a quote, dash, bracket, colon or semicolon | actors (sentence-start features, first-pass tags) |
//! | sentence of each token | | claims (rules, tagger, impersonal passives) |
//! | quotation partner ([`TokenTable::partner`]) | double quotes paired over the document | claims (rules, tagger, impersonal passives) |
//! | model keys ([`TokenTable::word`], [`TokenTable::shape`], [`TokenTable::suffix`]) | feature hashes of the word form, the word shape and the last two and three characters | both taggers (only built when one runs) |
//!
//! The model keys hash exactly the strings the taggers were trained on (the
//! trainers read this table too), so the shipped models stay valid.

use super::norm::{normalize_into, token_hash};
use super::{shape_into, suffix, Doc, TokenKind};
use crate::model::{bytes_hash, str_hash};

/// No quotation partner.
pub(crate) const NONE: u32 = u32::MAX;

/// The first character is uppercase.
const FIRST_UPPER: u8 = 1;
/// The first character is lowercase.
const FIRST_LOWER: u8 = 2;
/// Some character is uppercase.
const ANY_UPPER: u8 = 4;
/// Some character is lowercase.
const ANY_LOWER: u8 = 8;
/// The token opens a clause: an opening quote, a dash, `(`, `[`, `:` or `;`.
const OPENS: u8 = 16;

/// The per-document token table (see the module documentation).
///
/// Normalised forms are interned: each distinct form is stored, hashed and
/// given its model keys once, and each token holds the index of its form.
/// A document repeats its words, so this takes a fraction of the memory (and
/// of the hashing) that a column per token would.
#[derive(Clone, Debug, Default)]
pub(crate) struct TokenTable {
    /// The form of each token: an index into the form columns below.
    form: Vec<u32>,
    /// The distinct normalised forms, one after another.
    buf: String,
    /// `buf[bounds[f]..bounds[f + 1]]` is form `f`.
    bounds: Vec<u32>,
    /// [`token_hash`] of each form.
    hashes: Vec<u64>,
    /// Feature hash of each form as a word (empty when no tagger runs).
    words: Vec<u64>,
    /// Feature hashes of the last two and the last three characters of
    /// each form (empty when no tagger runs).
    suffixes: Vec<[u64; 2]>,
    /// Spelling flags (`FIRST_UPPER` …) of each token.
    flags: Vec<u8>,
    /// Length in characters of each token, at most 255.
    chars: Vec<u8>,
    /// The sentence of each token.
    sentence: Vec<u32>,
    /// The paired quotation mark of each double quote, or [`NONE`].
    partner: Vec<u32>,
    /// Each token's word shape: an index into `shape_hashes` (empty when no tagger runs).
    shapes: Vec<u32>,
    /// Feature hash of each distinct word shape.
    shape_hashes: Vec<u64>,
}

/// The forms seen so far, by hash: an open-addressing table of form index
/// plus one (0: empty), doubled when half full.
struct Forms {
    slots: Vec<u32>,
    len: usize,
}

impl Forms {
    fn new() -> Self {
        Forms {
            slots: vec![0; 1024],
            len: 0,
        }
    }

    #[inline]
    fn start(&self, h: u64) -> usize {
        (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & (self.slots.len() - 1)
    }

    /// The index of the form `w` (hash `h`) in `t`, or the slot to put it in.
    fn find(&self, t: &TokenTable, w: &str, h: u64) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let mut i = self.start(h);
        loop {
            match self.slots[i] {
                0 => return Err(i),
                f if t.hashes[f as usize - 1] == h && t.form_str(f - 1) == w => return Ok(f - 1),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Records form `f` in slot `i` found by [`Forms::find`].
    fn insert(&mut self, t: &TokenTable, i: usize, f: u32) {
        self.slots[i] = f + 1;
        self.len += 1;
        if 2 * self.len > self.slots.len() {
            let size = 2 * self.slots.len();
            let old = std::mem::replace(&mut self.slots, vec![0; size]);
            let mask = self.slots.len() - 1;
            for g in old.into_iter().filter(|&g| g != 0) {
                let mut j = self.start(t.hashes[g as usize - 1]);
                while self.slots[j] != 0 {
                    j = (j + 1) & mask;
                }
                self.slots[j] = g;
            }
        }
    }
}

impl TokenTable {
    /// Builds the table of `doc`; `model_keys` also hashes every form's
    /// word key and suffixes and every token's shape for the taggers.
    pub(crate) fn new(doc: &Doc, model_keys: bool) -> Self {
        let n = doc.tokens.len();
        let mut t = TokenTable {
            form: Vec::with_capacity(n),
            buf: String::new(),
            bounds: vec![0],
            hashes: Vec::new(),
            words: Vec::new(),
            suffixes: Vec::new(),
            flags: Vec::with_capacity(n),
            chars: Vec::with_capacity(n),
            sentence: vec![0; n],
            partner: Vec::new(),
            shapes: Vec::new(),
            shape_hashes: Vec::new(),
        };
        if model_keys {
            t.shapes.reserve(n);
        }
        let mut forms = Forms::new();
        // Distinct shapes by hash (a document has a few hundred).
        let mut shape_ids: crate::hash::IdMap<u32> = Default::default();
        let mut norm = String::new();
        let mut shape = Vec::new();
        for tok in &doc.tokens {
            let s = tok.span.slice(doc.text);
            let (mut flags, chars) = spelling(s);
            norm.clear();
            if tok.kind == TokenKind::Word && flags & (ANY_UPPER | NOT_LOWER_ASCII) == 0 {
                // Lowercase ASCII letters only: already normalised.
                norm.push_str(s);
            } else {
                normalize_into(s, &mut norm);
            }
            flags &= !NOT_LOWER_ASCII;
            if matches!(tok.kind, TokenKind::OpenQuote | TokenKind::Dash)
                || matches!(s, "(" | "[" | ":" | ";")
            {
                flags |= OPENS;
            }
            let h = token_hash(&norm);
            let f = match forms.find(&t, &norm, h) {
                Ok(f) => f,
                Err(slot) => {
                    let f = t.hashes.len() as u32;
                    t.buf.push_str(&norm);
                    t.bounds.push(t.buf.len() as u32);
                    t.hashes.push(h);
                    if model_keys {
                        t.push_keys(&norm);
                    }
                    forms.insert(&t, slot, f);
                    f
                }
            };
            t.form.push(f);
            if model_keys {
                shape.clear();
                shape_into(s, &mut shape);
                let h = bytes_hash(&shape);
                let next = t.shape_hashes.len() as u32;
                let id = *shape_ids.entry(h).or_insert(next);
                if id == next {
                    t.shape_hashes.push(h);
                }
                t.shapes.push(id);
            }
            t.flags.push(flags);
            t.chars.push(chars);
        }
        for (si, s) in doc.sentences.iter().enumerate() {
            t.sentence[s.first..s.last].fill(si as u32);
        }
        t.partner = pair_quotes(doc, &t);
        t
    }

    /// The model keys of a new form `w`: its word hash (a number with its
    /// digits as `0`; only numbers start with a digit) and its suffixes.
    fn push_keys(&mut self, w: &str) {
        self.words
            .push(if w.starts_with(|c: char| c.is_ascii_digit()) {
                str_hash(&number_form(w))
            } else {
                str_hash(w)
            });
        // The characters of an ASCII form are its bytes.
        let b = w.as_bytes();
        self.suffixes.push(if w.is_ascii() {
            [
                bytes_hash(&b[b.len().saturating_sub(2)..]),
                bytes_hash(&b[b.len().saturating_sub(3)..]),
            ]
        } else {
            [str_hash(suffix(w, 2)), str_hash(suffix(w, 3))]
        });
    }

    /// Form `f`.
    #[inline]
    fn form_str(&self, f: u32) -> &str {
        let f = f as usize;
        &self.buf[self.bounds[f] as usize..self.bounds[f + 1] as usize]
    }

    /// Number of tokens.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.form.len()
    }

    /// The normalised form of token `i`: lowercase, curly apostrophes and quotes made straight.
    #[inline]
    pub(crate) fn norm(&self, i: usize) -> &str {
        self.form_str(self.form[i])
    }

    /// The [`token_hash`] of token `i`'s normalised form.
    #[inline]
    pub(crate) fn hash(&self, i: usize) -> u64 {
        self.hashes[self.form[i] as usize]
    }

    /// Token `i` begins with an uppercase character.
    #[inline]
    pub(crate) fn first_upper(&self, i: usize) -> bool {
        self.flags[i] & FIRST_UPPER != 0
    }

    /// Token `i` begins with a lowercase character.
    #[inline]
    pub(crate) fn first_lower(&self, i: usize) -> bool {
        self.flags[i] & FIRST_LOWER != 0
    }

    /// Token `i` holds an uppercase character.
    #[inline]
    pub(crate) fn any_upper(&self, i: usize) -> bool {
        self.flags[i] & ANY_UPPER != 0
    }

    /// Token `i` holds a lowercase character.
    #[inline]
    pub(crate) fn any_lower(&self, i: usize) -> bool {
        self.flags[i] & ANY_LOWER != 0
    }

    /// Token `i` opens a clause: an opening quote, a dash, `(`, `[`, `:` or `;`.
    #[inline]
    pub(crate) fn opens(&self, i: usize) -> bool {
        self.flags[i] & OPENS != 0
    }

    /// Length of token `i` in characters (at most 255).
    #[inline]
    pub(crate) fn chars(&self, i: usize) -> usize {
        usize::from(self.chars[i])
    }

    /// The sentence of token `i`.
    #[inline]
    pub(crate) fn sentence(&self, i: usize) -> usize {
        self.sentence[i] as usize
    }

    /// The quotation mark paired with token `i`, or [`NONE`].
    #[inline]
    pub(crate) fn partner(&self, i: usize) -> u32 {
        self.partner[i]
    }

    /// The feature hash of token `i`'s word form: its normalised form, with
    /// the digits of a number as `0` (only when the table was built with model keys).
    #[inline]
    pub(crate) fn word(&self, i: usize) -> u64 {
        self.words[self.form[i] as usize]
    }

    /// The feature hash of token `i`'s word shape ([`super::shape_into`];
    /// only when the table was built with model keys).
    #[inline]
    pub(crate) fn shape(&self, i: usize) -> u64 {
        self.shape_hashes[self.shapes[i] as usize]
    }

    /// The feature hash ([`str_hash`]) of the last `n` characters of token
    /// `i`'s normalised form, for `n` 2 or 3 (only when the table was built
    /// with model keys).
    #[inline]
    pub(crate) fn suffix(&self, i: usize, n: usize) -> u64 {
        self.suffixes[self.form[i] as usize][usize::from(n == 3)]
    }
}

/// A character outside lowercase ASCII letters (internal to [`spelling`]'s result).
const NOT_LOWER_ASCII: u8 = 128;

/// The spelling flags of a token and its length in characters.
fn spelling(s: &str) -> (u8, u8) {
    let mut flags = 0u8;
    let mut chars = 0usize;
    if s.is_ascii() {
        for (k, &b) in s.as_bytes().iter().enumerate() {
            let f = if b.is_ascii_uppercase() {
                ANY_UPPER | NOT_LOWER_ASCII
            } else if b.is_ascii_lowercase() {
                ANY_LOWER
            } else {
                NOT_LOWER_ASCII
            };
            if k == 0 {
                flags |= first_flags(f);
            }
            flags |= f;
        }
        chars = s.len();
    } else {
        for (k, c) in s.chars().enumerate() {
            let f = if c.is_uppercase() {
                ANY_UPPER
            } else if c.is_lowercase() {
                ANY_LOWER
            } else {
                0
            };
            if k == 0 {
                flags |= first_flags(f);
            }
            flags |= f | NOT_LOWER_ASCII;
            chars += 1;
        }
    }
    (flags, chars.min(255) as u8)
}

/// The first-character flags of a character's `ANY_*` flags.
#[inline]
fn first_flags(f: u8) -> u8 {
    (if f & ANY_UPPER != 0 { FIRST_UPPER } else { 0 })
        | (if f & ANY_LOWER != 0 { FIRST_LOWER } else { 0 })
}

/// The word form of a number that the taggers hash: its normalised form with the digits as `0`.
fn number_form(w: &str) -> String {
    w.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

/// Pairs double quotation marks over the whole document; a quote left open
/// at a paragraph end that the next paragraph reopens is paired with the
/// last token of its paragraph.
fn pair_quotes(doc: &Doc, t: &TokenTable) -> Vec<u32> {
    let n = doc.tokens.len();
    let mut partner = vec![NONE; n];
    let mut open: Option<usize> = None;
    let para = |i: usize| doc.sentences[t.sentence(i)].paragraph;
    let para_end = |i: usize| {
        let p = para(i);
        let mut s = t.sentence(i);
        while s + 1 < doc.sentences.len() && doc.sentences[s + 1].paragraph == p {
            s += 1;
        }
        doc.sentences[s].last - 1
    };
    let double = |i: usize| {
        matches!(t.norm(i), "\"" | "``" | "''" | "«" | "»")
            || t.norm(i) == "'" && i + 1 < n && t.norm(i + 1) == "'"
    };
    for i in 0..n {
        let kind = doc.tokens[i].kind;
        if !matches!(kind, TokenKind::OpenQuote | TokenKind::CloseQuote) || !double(i) {
            continue;
        }
        if kind == TokenKind::OpenQuote {
            if let Some(o) = open {
                if para(o) != para(i) {
                    // An unclosed quote: it runs to the end of its paragraph.
                    let e = para_end(o);
                    partner[o] = e as u32;
                    open = Some(i);
                } else if t.norm(i) == "\"" {
                    // A straight quote read as opening while one is open: it closes.
                    partner[o] = i as u32;
                    partner[i] = o as u32;
                    open = None;
                } else {
                    open = Some(i);
                }
            } else {
                open = Some(i);
            }
        } else if let Some(o) = open {
            // `''` closes with its second apostrophe.
            let c = if t.norm(i) == "'" && i + 1 < n && t.norm(i + 1) == "'" {
                i + 1
            } else {
                i
            };
            partner[o] = c as u32;
            partner[c] = o as u32;
            open = None;
        }
    }
    if let Some(o) = open {
        partner[o] = para_end(o) as u32;
    }
    partner
}

#[cfg(test)]
mod tests {
    //! The table against the per-stage code it replaced: each column must
    //! equal what the taggers and rules computed on their own before (the
    //! shipped models were trained on those values).
    use super::*;
    use crate::text::normalize;
    use proptest::prelude::*;

    /// The word shape as the taggers built it before the table.
    fn old_shape(s: &str) -> String {
        let mut out = String::new();
        let mut last = '\0';
        let mut run = 0;
        for c in s.chars() {
            let k = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_numeric() {
                'd'
            } else if c.is_alphabetic() {
                'a'
            } else {
                c
            };
            if k == last {
                run += 1;
                if run >= 2 {
                    continue;
                }
            } else {
                run = 0;
            }
            last = k;
            out.push(k);
        }
        out
    }

    /// The quotation pairs as the claims rules computed them before the table.
    fn old_pairs(doc: &Doc) -> Vec<u32> {
        let norm: Vec<String> = (0..doc.tokens.len())
            .map(|i| normalize(doc.tok(i)))
            .collect();
        let n = doc.tokens.len();
        let mut partner = vec![NONE; n];
        let mut open: Option<usize> = None;
        let para = |i: usize| doc.sentences[doc.sentence_of(i)].paragraph;
        let para_end = |i: usize| {
            let p = para(i);
            let mut s = doc.sentence_of(i);
            while s + 1 < doc.sentences.len() && doc.sentences[s + 1].paragraph == p {
                s += 1;
            }
            doc.sentences[s].last - 1
        };
        for i in 0..n {
            let dq = matches!(norm[i].as_str(), "\"" | "``" | "''" | "«" | "»")
                || norm[i] == "'" && i + 1 < n && norm[i + 1] == "'";
            if !dq {
                continue;
            }
            match doc.tokens[i].kind {
                TokenKind::OpenQuote => match open {
                    Some(o) if para(o) != para(i) => {
                        partner[o] = para_end(o) as u32;
                        open = Some(i);
                    }
                    Some(o) if norm[i] == "\"" => {
                        partner[o] = i as u32;
                        partner[i] = o as u32;
                        open = None;
                    }
                    _ => open = Some(i),
                },
                TokenKind::CloseQuote => {
                    if let Some(o) = open {
                        let c = if norm[i] == "'" && i + 1 < n && norm[i + 1] == "'" {
                            i + 1
                        } else {
                            i
                        };
                        partner[o] = c as u32;
                        partner[c] = o as u32;
                        open = None;
                    }
                }
                _ => {}
            }
        }
        if let Some(o) = open {
            partner[o] = para_end(o) as u32;
        }
        partner
    }

    /// Every column of the table of `text` against the old per-stage computations.
    fn check(text: &str) {
        let doc = Doc::new(text);
        let t = TokenTable::new(&doc, true);
        assert_eq!(t.len(), doc.tokens.len());
        assert_eq!(t.partner, old_pairs(&doc), "quote pairs of {text:?}");
        for (i, tok) in doc.tokens.iter().enumerate() {
            let raw = doc.tok(i);
            let norm = normalize(raw);
            let first = raw.chars().next();
            assert_eq!(t.norm(i), norm, "normalised {raw:?}");
            assert_eq!(t.hash(i), token_hash(&norm), "hash of {raw:?}");
            assert_eq!(t.first_upper(i), first.is_some_and(char::is_uppercase));
            assert_eq!(t.first_lower(i), first.is_some_and(char::is_lowercase));
            assert_eq!(t.any_upper(i), raw.chars().any(char::is_uppercase));
            assert_eq!(t.any_lower(i), raw.chars().any(char::is_lowercase));
            assert_eq!(t.chars(i), raw.chars().count().min(255));
            let opens = matches!(tok.kind, TokenKind::OpenQuote | TokenKind::Dash)
                || matches!(raw, "(" | "[" | ":" | ";");
            assert_eq!(t.opens(i), opens, "clause start {raw:?}");
            assert_eq!(t.sentence(i), doc.sentence_of(i));
            let form: String = if tok.kind == TokenKind::Number {
                norm.chars()
                    .map(|c| if c.is_ascii_digit() { '0' } else { c })
                    .collect()
            } else {
                norm.clone()
            };
            assert_eq!(t.word(i), str_hash(&form), "word key of {raw:?}");
            assert_eq!(
                t.shape(i),
                str_hash(&old_shape(raw)),
                "shape key of {raw:?}"
            );
            for n in [2, 3] {
                let chars: Vec<char> = norm.chars().collect();
                let tail: String = chars[chars.len().saturating_sub(n)..].iter().collect();
                assert_eq!(t.suffix(i, n), str_hash(&tail), "suffix {n} of {raw:?}");
            }
        }
    }

    #[test]
    fn columns_equal_the_per_stage_code() {
        check(
            "“We will respond,” said Gen. Ali Smith of the IRGC’s Air Force on May 5, 2024. \
             ``Quoted,'' he added -- in U.S. dollars (1,000.5) [sic]: Straße İstanbul ÉCOLE \
             Ωmega 東京 don't «non» \"open\n\nA new paragraph \"closes\" 'it' ’90s.",
        );
        check("");
        check("\"");
        check("« Paris » ‘x’");
    }

    #[test]
    fn known_shapes_and_words() {
        let doc = Doc::new("U.S. McDonald 2024 İstanbul");
        let t = TokenTable::new(&doc, true);
        let shapes = ["X.X.", "XxXxx", "dd", "Xxx"];
        for (i, s) in shapes.iter().enumerate() {
            assert_eq!(t.shape(i), str_hash(s), "shape of {:?}", doc.tok(i));
        }
        assert_eq!(t.word(2), str_hash("0000"));
        assert_eq!(t.word(1), str_hash("mcdonald"));
    }

    #[test]
    fn model_keys_only_when_asked() {
        let doc = Doc::new("Officials said so.");
        assert!(TokenTable::new(&doc, false).words.is_empty());
        assert_eq!(TokenTable::new(&doc, true).words.len(), doc.tokens.len());
    }

    /// Characters that reach every branch: ASCII classes, curly and straight
    /// quotes, dashes, brackets, letters whose lowercase is longer (İ), other
    /// scripts, digits of other scripts, spaces and line breaks.
    const ALPHABET: &[char] = &[
        'a', 'b', 'Z', 'Q', '0', '7', '.', ',', '\'', '"', '`', '’', '‘', '“', '”', '«', '»', '-',
        '—', '(', '[', ':', ';', '&', '!', '?', ' ', ' ', ' ', '\n', 'İ', 'ß', 'É', 'é', 'Ω', 'ω',
        '東', '٣', 'ǅ', '\u{feff}',
    ];

    proptest! {
        #[test]
        fn columns_equal_the_per_stage_code_on_any_text(
            cs in prop::collection::vec(prop::sample::select(ALPHABET), 0..120)
        ) {
            check(&cs.into_iter().collect::<String>());
        }
    }
}
