//! Learned sequence models: an averaged perceptron over hashed features with
//! greedy left-to-right decoding.
//!
//! Features are strings hashed (64 bit, [`str_hash`]) into `2^bits` buckets; each
//! bucket holds one weight per label. The shipped model stores only non-zero
//! buckets, delta-coded, with weights quantized to `i8`; loading expands them
//! into a dense table so that scoring a feature is one memory access.
//!
//! Two decoders:
//! * greedy (the first actor model): for each token, the static features (word,
//!   shape, context…) plus three history features (previous label, previous
//!   two labels, previous label with the word) are scored, and the best label
//!   that the BIO constraint allows (`I-X` only after `B-X` or `I-X`) is taken;
//! * Viterbi (the actor and claims models): first-order history only
//!   (previous label, previous label with the word), and the best label
//!   sequence under the BIO constraint is found exactly. It is trained as a
//!   structured perceptron (one update per sequence), which suits long spans
//!   whose start can only be told from what follows them. The emission
//!   scores of a sequence can be computed once ([`Tagger::emissions`]),
//!   extended ([`Tagger::add_features`]) and decoded again
//!   ([`Tagger::viterbi_scored`]): the actor layer's second pass.

/// Hash of a string, 8 bytes at a time (used for feature values).
#[inline]
pub fn str_hash(s: &str) -> u64 {
    let bytes = s.as_bytes();
    let mut h = 0x9e37_79b9_7f4a_7c15u64 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    let mut tail = 0u64;
    for (k, &b) in chunks.remainder().iter().enumerate() {
        tail |= u64::from(b) << (8 * k);
    }
    h = (h.rotate_left(5) ^ tail).wrapping_mul(0x517c_c1b7_2722_0a95);
    fmix(h)
}

/// The hash that [`FeatureHash::num`] adds for `n`.
#[inline]
fn num_hash(n: u64) -> u64 {
    fmix(n.wrapping_add(0x1234_5678))
}

#[inline]
fn fmix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^= x >> 33;
    x
}

/// A feature under construction: a template number combined with values
/// (strings, pre-hashed strings or numbers), without allocation.
#[derive(Copy, Clone)]
pub struct FeatureHash(u64);

impl FeatureHash {
    /// Starts a feature with a template number.
    #[inline]
    pub fn new(template: u8) -> Self {
        FeatureHash(u64::from(template).wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    /// Adds a value that is already a hash ([`str_hash`]).
    #[inline]
    pub fn h(self, v: u64) -> Self {
        FeatureHash((self.0.rotate_left(23) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95))
    }

    /// Adds a string.
    #[inline]
    pub fn str(self, s: &str) -> Self {
        self.h(str_hash(s))
    }

    /// Adds a number.
    #[inline]
    pub fn num(self, n: u64) -> Self {
        self.h(num_hash(n))
    }

    /// The final 64-bit value (mixed).
    #[inline]
    pub fn finish(self) -> u64 {
        fmix(self.0)
    }
}

/// Static features of the tokens of one sequence, as hashes, plus one
/// "word key" per token used by the history features.
#[derive(Default, Clone, Debug)]
pub struct Sequence {
    /// Feature hashes of all tokens, concatenated.
    pub feats: Vec<u64>,
    /// `feats[starts[i]..starts[i + 1]]` are the features of token `i`.
    pub starts: Vec<usize>,
    /// One hash per token identifying its word (for the prev-label × word feature).
    pub words: Vec<u64>,
    /// Tokens that take `O` without scoring when the previous label is `O`.
    pub skip: Vec<bool>,
}

impl Sequence {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when there is no token.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Starts a new token with its word key and whether it may be skipped.
    pub fn begin_token(&mut self, word: u64, skip: bool) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.words.push(word);
        self.skip.push(skip);
    }

    /// Ends the current token.
    pub fn end_token(&mut self) {
        self.starts.push(self.feats.len());
    }

    /// Features of token `i`.
    #[inline]
    pub fn token(&self, i: usize) -> &[u64] {
        &self.feats[self.starts[i]..self.starts[i + 1]]
    }
}

/// The most labels a tagger may have.
pub const MAX_LABELS: usize = 16;

const T_PREV: u8 = 250;
const T_PREV2: u8 = 251;
const T_PREV_WORD: u8 = 252;
const START: u64 = u64::MAX;

fn history(prev: u64, prev2: u64, word: u64) -> [u64; 3] {
    [
        FeatureHash::new(T_PREV).num(prev).finish(),
        FeatureHash::new(T_PREV2).num(prev).num(prev2).finish(),
        FeatureHash::new(T_PREV_WORD).num(prev).num(word).finish(),
    ]
}

/// Which labels may follow which (BIO: `I-X` only after `B-X` or `I-X`).
fn allowed_table(labels: &[String]) -> Vec<Vec<bool>> {
    // allowed[prev + 1][cur]; row 0 is the sequence start.
    let mut t = vec![vec![true; labels.len()]; labels.len() + 1];
    for (cur, l) in labels.iter().enumerate() {
        if let Some(ty) = l.strip_prefix("I-") {
            t[0][cur] = false;
            for (p, pl) in labels.iter().enumerate() {
                let ok = pl.strip_prefix("B-") == Some(ty) || pl.strip_prefix("I-") == Some(ty);
                t[p + 1][cur] = ok;
            }
        }
    }
    t
}

/// First-order history features: previous label, previous label with the word.
fn transition(prev: u64, word: u64) -> [u64; 2] {
    [
        FeatureHash::new(T_PREV).num(prev).finish(),
        FeatureHash::new(T_PREV_WORD).num(prev).num(word).finish(),
    ]
}

/// How a tagger decodes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Decoder {
    /// Left to right, with second-order history features.
    Greedy,
    /// Exact best sequence, with first-order history features.
    Viterbi,
}

/// A trained tagger, ready to decode.
#[derive(Clone, Debug)]
pub struct Tagger {
    labels: Vec<String>,
    bits: u32,
    /// Dense weights: `2^bits` rows of `words` (1 or 2) `u64`, 8 labels to a
    /// word: byte `k % 8` of word `k / 8` of a row is the weight of label `k`
    /// plus 128 (a label past the last weighs 0: byte 128). Rows then add in
    /// 16-bit lanes of plain integer arithmetic ([`Sums`]), four labels at a
    /// time, which WebAssembly runs without vector instructions.
    rows: Vec<u64>,
    words: usize,
    allowed: Vec<Vec<bool>>,
    decoder: Decoder,
}

/// Words per row of a tagger with `l` labels.
fn words_for(l: usize) -> usize {
    if l <= 8 {
        1
    } else {
        2
    }
}

/// Every byte 128: a row word of zero weights.
const ZERO_WORD: u64 = 0x8080_8080_8080_8080;
/// The even bytes of a word, as four 16-bit lanes.
const LANES: u64 = 0x00ff_00ff_00ff_00ff;

/// Sums of weight rows of `W` words: `even[j]` holds labels `8j`, `8j + 2`,
/// `8j + 4`, `8j + 6` in its four 16-bit lanes and `odd[j]` the labels
/// between. A lane adds biased bytes (at most 255), so 257 rows add without
/// a carry into the next lane; [`Sums::flush`] takes the bias off.
#[derive(Copy, Clone)]
struct Sums<const W: usize> {
    even: [u64; W],
    odd: [u64; W],
    n: i32,
}

impl<const W: usize> Sums<W> {
    const EMPTY: Self = Sums {
        even: [0; W],
        odd: [0; W],
        n: 0,
    };

    /// Adds row `r` of `rows`.
    #[inline(always)]
    fn add(&mut self, rows: &[u64], r: usize) {
        for j in 0..W {
            let x = rows[r * W + j];
            self.even[j] += x & LANES;
            self.odd[j] += (x >> 8) & LANES;
        }
        self.n += 1;
    }

    /// Adds the sums to `out`, one entry per label, and starts over.
    #[inline(always)]
    fn flush(&mut self, out: &mut [i32]) {
        let bias = 128 * self.n;
        for j in 0..W {
            let (e, o) = (self.even[j], self.odd[j]);
            for q in 0..4 {
                out[8 * j + 2 * q] += ((e >> (16 * q)) & 0xffff) as i32 - bias;
                out[8 * j + 2 * q + 1] += ((o >> (16 * q)) & 0xffff) as i32 - bias;
            }
        }
        *self = Self::EMPTY;
    }

    /// Adds the rows of all features `hs` (buckets `h >> shift`) to `out`.
    #[inline(always)]
    fn add_all(out: &mut [i32], rows: &[u64], hs: &[u64], shift: u32) {
        let mut sums = Self::EMPTY;
        for &h in hs {
            sums.add(rows, (h >> shift) as usize);
            if sums.n == 256 {
                sums.flush(out);
            }
        }
        sums.flush(out);
    }
}

/// Magic bytes of the first model format (greedy decoding, one row per bucket).
const MAGIC_V1: &[u8; 4] = b"CLM1";
/// Magic bytes of the current model format: a decoder byte, the stored buckets
/// (delta-coded), then one plane of weights per label (which compresses better).
const MAGIC: &[u8; 4] = b"CLM2";

fn read_varint(b: &[u8], pos: &mut usize) -> Result<u64, String> {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let byte = *b.get(*pos).ok_or("model file truncated")?;
        *pos += 1;
        v |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(v);
        }
        shift += 7;
        if shift > 63 {
            return Err("bad varint in model file".into());
        }
    }
}

fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

impl Tagger {
    /// The label names.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Loads a model file written by [`Tagger::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Result<Tagger, String> {
        if b.len() < 6 {
            return Err("not a claimlens model file".into());
        }
        let (decoder, planar, mut pos) = match &b[..4] {
            m if m == MAGIC_V1 => (Decoder::Greedy, false, 4),
            m if m == MAGIC => match b[4] {
                0 => (Decoder::Greedy, true, 5),
                1 => (Decoder::Viterbi, true, 5),
                _ => return Err("unknown decoder in model file".into()),
            },
            _ => return Err("not a claimlens model file".into()),
        };
        let bits = u32::from(*b.get(pos).ok_or("model file truncated")?);
        if !(8..=24).contains(&bits) {
            return Err("bad hash size in model file".into());
        }
        let n_labels = usize::from(*b.get(pos + 1).ok_or("model file truncated")?);
        if n_labels == 0 || n_labels > MAX_LABELS {
            return Err("bad label count in model file".into());
        }
        pos += 2;
        let mut labels = Vec::with_capacity(n_labels);
        for _ in 0..n_labels {
            let len = usize::from(*b.get(pos).ok_or("model file truncated")?);
            pos += 1;
            let s = b.get(pos..pos + len).ok_or("model file truncated")?;
            labels.push(String::from_utf8(s.to_vec()).map_err(|_| "bad label")?);
            pos += len;
        }
        let n = read_varint(b, &mut pos)? as usize;
        let size = 1usize << bits;
        let words = words_for(n_labels);
        let mut tagger = Tagger {
            allowed: allowed_table(&labels),
            labels,
            bits,
            rows: vec![ZERO_WORD; size * words],
            words,
            decoder,
        };
        let mut rows = Vec::with_capacity(n);
        let mut bucket = 0usize;
        for k in 0..n {
            let delta = read_varint(b, &mut pos)? as usize;
            bucket = if k == 0 { delta } else { bucket + delta };
            if bucket >= size {
                return Err("bucket out of range in model file".into());
            }
            if planar {
                rows.push(bucket);
                continue;
            }
            let row = b.get(pos..pos + n_labels).ok_or("model file truncated")?;
            for (label, &x) in row.iter().enumerate() {
                tagger.set_weight(bucket, label, x as i8);
            }
            pos += n_labels;
        }
        if planar {
            // One plane per label: the weights of every stored bucket.
            let planes = b
                .get(pos..pos + n * n_labels)
                .ok_or("model file truncated")?;
            for (label, plane) in planes.chunks_exact(n.max(1)).enumerate().take(n_labels) {
                for (&r, &x) in rows.iter().zip(plane) {
                    tagger.set_weight(r, label, x as i8);
                }
            }
        }
        Ok(tagger)
    }

    /// The weight of label `label` in row `r`.
    #[inline]
    fn weight(&self, r: usize, label: usize) -> i8 {
        ((self.rows[r * self.words + label / 8] >> (8 * (label % 8))) as u8 ^ 0x80) as i8
    }

    /// Sets the weight of label `label` in row `r`.
    fn set_weight(&mut self, r: usize, label: usize, w: i8) {
        let word = &mut self.rows[r * self.words + label / 8];
        let shift = 8 * (label % 8);
        *word = *word & !(0xff << shift) | u64::from(w as u8 ^ 0x80) << shift;
    }

    /// Serialises the model (non-zero buckets only).
    pub fn to_bytes(&self) -> Vec<u8> {
        let l = self.labels.len();
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(match self.decoder {
            Decoder::Greedy => 0,
            Decoder::Viterbi => 1,
        });
        out.push(self.bits as u8);
        out.push(l as u8);
        for label in &self.labels {
            out.push(label.len() as u8);
            out.extend_from_slice(label.as_bytes());
        }
        let rows: Vec<usize> = (0..1usize << self.bits)
            .filter(|&r| (0..l).any(|label| self.weight(r, label) != 0))
            .collect();
        write_varint(&mut out, rows.len() as u64);
        let mut prev = 0usize;
        for (k, &r) in rows.iter().enumerate() {
            write_varint(&mut out, if k == 0 { r } else { r - prev } as u64);
            prev = r;
        }
        for label in 0..l {
            out.extend(rows.iter().map(|&r| self.weight(r, label) as u8));
        }
        out
    }

    /// Sets every weight with `|w| < min` to zero (buckets left all zero are
    /// not stored): a smaller file for a small loss in accuracy.
    pub fn prune(&mut self, min: i8) {
        for r in 0..1usize << self.bits {
            for label in 0..self.labels.len() {
                if self.weight(r, label).unsigned_abs() < min.unsigned_abs() {
                    self.set_weight(r, label, 0);
                }
            }
        }
    }

    /// Decodes a sequence; returns one label index per token.
    pub fn tag(&self, seq: &Sequence) -> Vec<usize> {
        self.tag_lazy(
            seq.len(),
            |i| seq.words[i],
            |i| seq.skip[i],
            |i, out| out.extend_from_slice(seq.token(i)),
        )
    }

    /// How this tagger decodes.
    pub fn decoder(&self) -> Decoder {
        self.decoder
    }

    /// Decodes a sequence with Viterbi (whatever the tagger's own decoder):
    /// static features of token `i` come from `features(i, out)`; a token
    /// for which `skip(i)` holds is `O` without being scored.
    pub fn viterbi(
        &self,
        n: usize,
        word: impl Fn(usize) -> u64,
        skip: impl Fn(usize) -> bool,
        mut features: impl FnMut(usize, &mut Vec<u64>),
    ) -> Vec<usize> {
        let mut feats = Vec::with_capacity(40);
        self.decode(n, &word, &skip, &mut |i, e: &mut Emission| {
            feats.clear();
            features(i, &mut feats);
            self.add_rows(&feats, e);
        })
    }

    /// Adds the weights of the features `hs` to `out`, one entry per label.
    fn add_rows(&self, hs: &[u64], out: &mut [i32]) {
        let shift = 64 - self.bits;
        if self.words == 1 {
            Sums::<1>::add_all(out, &self.rows, hs, shift);
        } else {
            Sums::<2>::add_all(out, &self.rows, hs, shift);
        }
    }

    /// [`Tagger::viterbi`]: the steps of
    /// [`viterbi_core`] with the same integer scores (so the same labels),
    /// where a transition row's weights are read from its words as they are
    /// added, without copying or summing the row first.
    ///
    /// Not generic over its callbacks, so the build holds one copy of it.
    fn decode(
        &self,
        n: usize,
        word: &dyn Fn(usize) -> u64,
        skip: &dyn Fn(usize) -> bool,
        emission: &mut dyn FnMut(usize, &mut Emission),
    ) -> Vec<usize> {
        const M: usize = MAX_LABELS;
        if n == 0 {
            return Vec::new();
        }
        let l = self.labels.len().min(M);
        let shift = 64 - self.bits;
        let (rows, words) = (&self.rows[..], self.words);
        // The words of the row of feature `h` (the second one 0 when a row has one).
        let row = |h: u64| -> [u64; 2] {
            let r = (h >> shift) as usize * words;
            [rows[r], if words == 2 { rows[r + 1] } else { 0 }]
        };
        // The weight of label `c` in row `x`, plus 128.
        #[inline(always)]
        fn biased(x: &[u64; 2], c: usize) -> i32 {
            ((x[c / 8] >> (8 * (c % 8))) & 0xff) as i32
        }
        // The previous label's transition weights (index l: the start),
        // less the 128 that `biased` adds.
        let mut prev_rows = [[0i32; M]; M + 1];
        let mut prev_word = [FeatureHash(0); M + 1];
        for p in 0..=l {
            let prev = if p == l { START } else { p as u64 };
            let x = row(transition(prev, 0)[0]);
            for (c, t) in prev_rows[p][..l].iter_mut().enumerate() {
                *t = biased(&x, c) - 256;
            }
            prev_word[p] = FeatureHash::new(T_PREV_WORD).num(prev);
        }
        let mut ok = [[false; M]; M + 1];
        for (row, a) in ok.iter_mut().zip(&self.allowed) {
            row[..l].copy_from_slice(&a[..l]);
        }
        let mut emit = [0i32; M];
        let mut best = [0i32; M];
        let mut valid = [false; M];
        let mut next = [0i32; M];
        let mut back = vec![0u8; n * l];
        for i in 0..n {
            if skip(i) {
                skip_step(&mut best, &mut valid, &mut back[i * l..], l);
                continue;
            }
            emit[..l].fill(0);
            emission(i, &mut emit);
            let w = num_hash(word(i));
            if i == 0 {
                let x = row(prev_word[l].h(w).finish());
                for c in 0..l {
                    best[c] = emit[c] + (prev_rows[l][c] + biased(&x, c));
                    valid[c] = ok[0][c];
                }
                continue;
            }
            let mut next_valid = [false; M];
            for p in 0..l {
                if !valid[p] {
                    continue;
                }
                let x = row(prev_word[p].h(w).finish());
                let (bp, trans, ok) = (best[p], &prev_rows[p], &ok[p + 1]);
                for c in 0..l {
                    if !ok[c] {
                        continue;
                    }
                    let v = bp + (trans[c] + biased(&x, c));
                    if !next_valid[c] || v > next[c] {
                        next[c] = v;
                        next_valid[c] = true;
                        back[i * l + c] = p as u8;
                    }
                }
            }
            for c in 0..l {
                best[c] = next[c] + emit[c];
            }
            valid = next_valid;
        }
        backtrack(&best, &valid, &back, n, l)
    }

    /// The emission scores of every token of a sequence (all zero for a
    /// token for which `skip(i)` holds), for [`Tagger::viterbi_scored`]: a
    /// caller that decodes a sequence twice with a few more features the
    /// second time adds only those ([`Tagger::add_features`]).
    pub fn emissions(
        &self,
        n: usize,
        skip: impl Fn(usize) -> bool,
        mut features: impl FnMut(usize, &mut Vec<u64>),
    ) -> Vec<Emission> {
        let mut feats = Vec::with_capacity(40);
        (0..n)
            .map(|i| {
                let mut e = [0i32; MAX_LABELS];
                if !skip(i) {
                    feats.clear();
                    features(i, &mut feats);
                    self.add_rows(&feats, &mut e);
                }
                e
            })
            .collect()
    }

    /// Adds the weights of the features `hs` to the emission scores `e`.
    pub fn add_features(&self, hs: &[u64], e: &mut Emission) {
        self.add_rows(hs, e);
    }

    /// Viterbi over emission scores computed beforehand ([`Tagger::emissions`]).
    pub fn viterbi_scored(
        &self,
        emit: &[Emission],
        word: impl Fn(usize) -> u64,
        skip: impl Fn(usize) -> bool,
    ) -> Vec<usize> {
        self.decode(emit.len(), &word, &skip, &mut |i, e: &mut Emission| {
            for (o, &x) in e.iter_mut().zip(&emit[i]) {
                *o += x;
            }
        })
    }

    /// Decodes a sequence whose static features are built on demand by
    /// `features(i, out)`: a token for which `skip(i)` holds takes label 0
    /// (`O`) without being scored when the previous label is `O` too.
    pub fn tag_lazy(
        &self,
        n: usize,
        word: impl Fn(usize) -> u64,
        skip: impl Fn(usize) -> bool,
        mut features: impl FnMut(usize, &mut Vec<u64>),
    ) -> Vec<usize> {
        let l = self.labels.len();
        let mut out = Vec::with_capacity(n);
        let mut scores = [0i32; MAX_LABELS];
        let mut feats = Vec::with_capacity(32);
        let (mut prev, mut prev2) = (START, START);
        for i in 0..n {
            let best = if (prev == START || prev == 0) && skip(i) {
                0
            } else {
                scores.iter_mut().for_each(|s| *s = 0);
                feats.clear();
                features(i, &mut feats);
                feats.extend(history(prev, prev2, word(i)));
                self.add_rows(&feats, &mut scores);
                let allowed = &self.allowed[if prev == START { 0 } else { prev as usize + 1 }];
                best_label(&scores[..l], allowed)
            };
            out.push(best);
            prev2 = prev;
            prev = best as u64;
        }
        out
    }
}

/// The emission scores of one token, one per label (a tagger has at most
/// [`MAX_LABELS`]).
pub type Emission = [i32; MAX_LABELS];

/// Viterbi over `n` tokens and `l` labels: `add(h, scores)` adds the weights
/// of feature `h` to `scores`, `emission(i, scores)` the emission scores of
/// token `i` (its static features); `word(i)` is the word key of the
/// transition features. A token for which `skip(i)` holds is `O` without
/// being scored.
fn viterbi_core<T>(
    n: usize,
    labels: &[String],
    allowed: &[Vec<bool>],
    add: impl Fn(u64, &mut [T]),
    mut emission: impl FnMut(usize, &mut [T]),
    word: impl Fn(usize) -> u64,
    skip: impl Fn(usize) -> bool,
) -> Vec<usize>
where
    T: Copy + Default + PartialOrd + std::ops::Add<Output = T>,
{
    const M: usize = MAX_LABELS;
    if n == 0 {
        return Vec::new();
    }
    let l = labels.len().min(M);
    // Transition scores that do not depend on the word: the previous label
    // alone (index l: the start), looked up once per sequence.
    let mut prev_rows = [[T::default(); M]; M + 1];
    for (p, row) in prev_rows.iter_mut().enumerate().take(l + 1) {
        add(
            transition(if p == l { START } else { p as u64 }, 0)[0],
            &mut row[..],
        );
    }
    let prev_word: Vec<FeatureHash> = (0..=l)
        .map(|p| FeatureHash::new(T_PREV_WORD).num(if p == l { START } else { p as u64 }))
        .collect();
    let mut ok = [[false; M]; M + 1];
    for (row, a) in ok.iter_mut().zip(allowed) {
        row[..l].copy_from_slice(&a[..l]);
    }
    let mut trans = [T::default(); M];
    // Best score of a path ending in each label, and whether there is one.
    let mut best = [T::default(); M];
    let mut valid = [false; M];
    let mut next = [T::default(); M];
    let mut back = vec![0u8; n * l];
    for i in 0..n {
        if skip(i) {
            skip_step(&mut best, &mut valid, &mut back[i * l..], l);
            continue;
        }
        let mut emit = [T::default(); M];
        emission(i, &mut emit[..]);
        // The word's part of the transition feature, hashed once for every previous label.
        let w = num_hash(word(i));
        if i == 0 {
            trans[..l].copy_from_slice(&prev_rows[l][..l]);
            add(prev_word[l].h(w).finish(), &mut trans[..]);
            for c in 0..l {
                best[c] = emit[c] + trans[c];
                valid[c] = ok[0][c];
            }
            continue;
        }
        let mut next_valid = [false; M];
        for p in 0..l {
            if !valid[p] {
                continue;
            }
            trans = prev_rows[p];
            add(prev_word[p].h(w).finish(), &mut trans[..]);
            let bp = best[p];
            for c in 0..l {
                if !ok[p + 1][c] {
                    continue;
                }
                let v = bp + trans[c];
                if !next_valid[c] || v > next[c] {
                    next[c] = v;
                    next_valid[c] = true;
                    back[i * l + c] = p as u8;
                }
            }
        }
        for c in 0..l {
            best[c] = next[c] + emit[c];
        }
        valid = next_valid;
    }
    backtrack(&best, &valid, &back, n, l)
}

/// The best label among the valid ones (`usize::MAX` when none is valid).
fn best_valid<T: PartialOrd>(best: &[T], valid: &[bool], l: usize) -> usize {
    let mut from = usize::MAX;
    for p in 0..l {
        if valid[p] && (from == usize::MAX || best[p] > best[from]) {
            from = p;
        }
    }
    from
}

/// A skipped token of a Viterbi pass: `O`, reached from the best previous label.
fn skip_step<T: PartialOrd + Copy + Default>(
    best: &mut [T; MAX_LABELS],
    valid: &mut [bool; MAX_LABELS],
    back: &mut [u8],
    l: usize,
) {
    let from = best_valid(&best[..], &valid[..], l);
    let score = if from == usize::MAX {
        T::default()
    } else {
        best[from]
    };
    *valid = [false; MAX_LABELS];
    valid[0] = true;
    best[0] = score;
    back[0] = from.min(l - 1) as u8;
}

/// The labels of the best path: the best valid last label, then the back pointers.
fn backtrack<T: PartialOrd>(
    best: &[T],
    valid: &[bool],
    back: &[u8],
    n: usize,
    l: usize,
) -> Vec<usize> {
    let last = best_valid(best, valid, l);
    let mut out = vec![0usize; n];
    out[n - 1] = last.min(l - 1);
    for i in (1..n).rev() {
        out[i - 1] = usize::from(back[i * l + out[i]]);
    }
    out
}

fn best_label<T: PartialOrd + Copy>(scores: &[T], allowed: &[bool]) -> usize {
    let mut best = usize::MAX;
    for (k, &s) in scores.iter().enumerate() {
        if allowed[k] && (best == usize::MAX || s > scores[best]) {
            best = k;
        }
    }
    if best == usize::MAX {
        0
    } else {
        best
    }
}

/// Trains an averaged perceptron tagger.
pub struct Trainer {
    labels: Vec<String>,
    bits: u32,
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u32>,
    step: u32,
    allowed: Vec<Vec<bool>>,
    decoder: Decoder,
}

impl Trainer {
    /// A greedy trainer for `labels` (label 0 should be `O`) with `2^bits` buckets.
    pub fn new(labels: Vec<String>, bits: u32) -> Self {
        Self::with_decoder(labels, bits, Decoder::Greedy)
    }

    /// A trainer for a tagger that decodes with `decoder` ([`Trainer::learn`]
    /// for greedy decoding, [`Trainer::learn_viterbi`] for Viterbi).
    ///
    /// Panics with more than [`MAX_LABELS`] labels.
    pub fn with_decoder(labels: Vec<String>, bits: u32, decoder: Decoder) -> Self {
        assert!(labels.len() <= MAX_LABELS, "at most {MAX_LABELS} labels");
        let n = (1usize << bits) * labels.len();
        let allowed = allowed_table(&labels);
        Trainer {
            labels,
            bits,
            w: vec![0.0; n],
            total: vec![0.0; n],
            stamp: vec![0; n],
            step: 0,
            allowed,
            decoder,
        }
    }

    /// The trainer's decoder.
    pub fn decoder(&self) -> Decoder {
        self.decoder
    }

    /// One structured-perceptron pass over one sequence: Viterbi with the
    /// current weights, then one update where the best path leaves the gold
    /// one. Returns the number of token errors.
    pub fn learn_viterbi(&mut self, seq: &Sequence, gold: &[usize]) -> usize {
        let l = self.labels.len();
        let shift = 64 - self.bits;
        let w = &self.w;
        let add = |h: u64, out: &mut [f32]| {
            let b = (h >> shift) as usize * l;
            for (s, &x) in out.iter_mut().zip(&w[b..b + l]) {
                *s += x;
            }
        };
        let pred = viterbi_core::<f32>(
            seq.len(),
            &self.labels,
            &self.allowed,
            add,
            |i, out: &mut [f32]| seq.token(i).iter().for_each(|&h| add(h, out)),
            |i| seq.words[i],
            |i| seq.skip[i],
        );
        self.step += 1;
        let mut errors = 0;
        for i in 0..seq.len() {
            let (g, p) = (gold[i], pred[i]);
            let (gp, pp) = if i == 0 {
                (START, START)
            } else {
                (gold[i - 1] as u64, pred[i - 1] as u64)
            };
            if g != p {
                errors += 1;
            }
            if seq.skip[i] {
                continue;
            }
            if g != p {
                for k in seq.starts[i]..seq.starts[i + 1] {
                    let h = seq.feats[k];
                    self.update(h, g, 1.0);
                    self.update(h, p, -1.0);
                }
            }
            if g != p || gp != pp {
                for h in transition(gp, seq.words[i]) {
                    self.update(h, g, 1.0);
                }
                for h in transition(pp, seq.words[i]) {
                    self.update(h, p, -1.0);
                }
            }
        }
        errors
    }

    #[inline]
    fn bucket(&self, h: u64) -> usize {
        (h >> (64 - self.bits)) as usize
    }

    fn update(&mut self, h: u64, label: usize, delta: f32) {
        let idx = self.bucket(h) * self.labels.len() + label;
        let elapsed = self.step - self.stamp[idx];
        self.total[idx] += f64::from(elapsed) * f64::from(self.w[idx]);
        self.stamp[idx] = self.step;
        self.w[idx] += delta;
    }

    /// One pass over one sequence with its gold labels; returns the number of token errors.
    pub fn learn(&mut self, seq: &Sequence, gold: &[usize]) -> usize {
        let l = self.labels.len();
        let mut errors = 0;
        let mut scores = vec![0f32; l];
        let (mut prev, mut prev2) = (START, START);
        let (mut gprev, mut gprev2) = (START, START);
        #[allow(clippy::needless_range_loop)] // seq and gold share the index
        for i in 0..seq.len() {
            if (prev == START || prev == 0) && seq.skip[i] {
                // Decoding skips this token: it takes O without scoring.
                errors += usize::from(gold[i] != 0);
                prev2 = prev;
                prev = 0;
                gprev2 = gprev;
                gprev = gold[i] as u64;
                continue;
            }
            self.step += 1;
            scores.iter_mut().for_each(|s| *s = 0.0);
            let hist = history(prev, prev2, seq.words[i]);
            for &h in seq.token(i).iter().chain(hist.iter()) {
                let b = self.bucket(h) * l;
                for (s, &w) in scores.iter_mut().zip(&self.w[b..b + l]) {
                    *s += w;
                }
            }
            let allowed = &self.allowed[if prev == START { 0 } else { prev as usize + 1 }];
            let guess = best_label(&scores, allowed);
            let truth = gold[i];
            if guess != truth {
                errors += 1;
                let ghist = history(gprev, gprev2, seq.words[i]);
                let feats: Vec<u64> = seq.token(i).to_vec();
                for &h in &feats {
                    self.update(h, truth, 1.0);
                    self.update(h, guess, -1.0);
                }
                for &h in &ghist {
                    self.update(h, truth, 1.0);
                }
                for &h in &hist {
                    self.update(h, guess, -1.0);
                }
            }
            prev2 = prev;
            prev = guess as u64;
            gprev2 = gprev;
            gprev = truth as u64;
        }
        errors
    }

    /// The averaged weights, quantized to `i8`.
    pub fn finish(mut self) -> Tagger {
        let step = self.step.max(1);
        let mut avg = vec![0f32; self.w.len()];
        for (i, a) in avg.iter_mut().enumerate() {
            let elapsed = step - self.stamp[i];
            let total = self.total[i] + f64::from(elapsed) * f64::from(self.w[i]);
            *a = (total / f64::from(step)) as f32;
        }
        self.w.clear();
        self.total.clear();
        // Scale so that the largest |w| maps to 127: clipping large weights
        // (even the top 0.05%) costs far more accuracy than rounding small ones.
        let max = avg.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        let l = self.labels.len();
        let words = words_for(l);
        let mut tagger = Tagger {
            allowed: allowed_table(&self.labels),
            labels: self.labels,
            bits: self.bits,
            rows: vec![ZERO_WORD; (avg.len() / l.max(1)) * words],
            words,
            decoder: self.decoder,
        };
        for (r, a) in avg.chunks_exact(l.max(1)).enumerate() {
            for (label, &x) in a.iter().enumerate() {
                tagger.set_weight(r, label, (x / scale).round().clamp(-127.0, 127.0) as i8);
            }
        }
        tagger
    }
}

/// A small deterministic PRNG (xorshift64*) for shuffling training data.
pub struct Rng(u64);

impl Rng {
    /// Seeds the generator (a zero seed is replaced).
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Shuffles a slice (Fisher–Yates).
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}
