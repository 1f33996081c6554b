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
//!   scores of a sequence can be computed once ([`Tagger::emissions_into`]),
//!   extended ([`Tagger::add_features`]) and decoded again
//!   ([`Tagger::viterbi_scored`]): the actor layer's second pass.

mod format;
mod hash;
#[cfg(all(test, feature = "training"))]
mod tests;
#[cfg(feature = "training")]
mod train;

pub(crate) use hash::{bytes_hash, num_hash, str_hash, FeatureHash};
#[cfg(feature = "training")]
pub(crate) use train::{Rng, Trainer};

/// Static features of the tokens of one sequence, as hashes, plus one
/// "word key" per token used by the history features.
#[derive(Default, Clone, Debug)]
#[cfg(feature = "training")]
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

#[cfg(feature = "training")]
impl Sequence {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.words.len()
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

impl Tagger {
    /// The label names.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The weight of label `label` in row `r`.
    #[inline]
    #[cfg(feature = "training")]
    fn weight(&self, r: usize, label: usize) -> i8 {
        ((self.rows[r * self.words + label / 8] >> (8 * (label % 8))) as u8 ^ 0x80) as i8
    }

    /// Sets the weight of label `label` in row `r`.
    fn set_weight(&mut self, r: usize, label: usize, w: i8) {
        let word = &mut self.rows[r * self.words + label / 8];
        let shift = 8 * (label % 8);
        *word = *word & !(0xff << shift) | u64::from(w as u8 ^ 0x80) << shift;
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
        // The word's transition rows after each previous label (index l: the start).
        let mut xs = [[0u64; 2]; M + 1];
        for i in 0..n {
            if skip(i) {
                skip_step(&mut best, &mut valid, &mut back[i * l..], l);
                continue;
            }
            // Loaded before the emission features are built, so that these
            // memory accesses overlap that work.
            let w = num_hash(word(i));
            if i == 0 {
                xs[l] = row(prev_word[l].h(w).finish());
            } else {
                for p in 0..l {
                    if valid[p] {
                        xs[p] = row(prev_word[p].h(w).finish());
                    }
                }
            }
            emit[..l].fill(0);
            emission(i, &mut emit);
            if i == 0 {
                for c in 0..l {
                    best[c] = emit[c] + (prev_rows[l][c] + biased(&xs[l], c));
                    valid[c] = ok[0][c];
                }
                continue;
            }
            let mut next_valid = [false; M];
            for p in 0..l {
                if !valid[p] {
                    continue;
                }
                let x = xs[p];
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

    /// Appends to `out` the emission scores of every token of a sequence
    /// (all zero for a token for which `skip(i)` holds), for
    /// [`Tagger::viterbi_scored`]: a caller that decodes a sequence twice
    /// with a few more features the second time adds only those
    /// ([`Tagger::add_features`]).
    pub fn emissions_into(
        &self,
        out: &mut Vec<Emission>,
        n: usize,
        skip: impl Fn(usize) -> bool,
        mut features: impl FnMut(usize, &mut Vec<u64>),
    ) {
        let mut feats = Vec::with_capacity(40);
        out.extend((0..n).map(|i| {
            let mut e = [0i32; MAX_LABELS];
            if !skip(i) {
                feats.clear();
                features(i, &mut feats);
                self.add_rows(&feats, &mut e);
            }
            e
        }));
    }

    /// Adds the weights of the features `hs` to the emission scores `e`.
    pub fn add_features(&self, hs: &[u64], e: &mut Emission) {
        self.add_rows(hs, e);
    }

    /// Viterbi over emission scores computed beforehand ([`Tagger::emissions_into`]).
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
