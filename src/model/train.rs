//! Training: an averaged (structured) perceptron, and a deterministic RNG.

use super::hash::num_hash;
use super::{
    allowed_table, backtrack, best_label, history, skip_step, transition, words_for, Decoder,
    FeatureHash, Sequence, Tagger, MAX_LABELS, START, T_PREV_WORD, ZERO_WORD,
};

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
