//! The model file format.

use super::{allowed_table, words_for, Decoder, Tagger, MAX_LABELS, ZERO_WORD};
use crate::error::Error;

/// Magic bytes of the first model format (greedy decoding, one row per bucket).
const MAGIC_V1: &[u8; 4] = b"CLM1";
/// Magic bytes of the current model format: a decoder byte, the stored buckets
/// (delta-coded), then one plane of weights per label (which compresses better).
const MAGIC: &[u8; 4] = b"CLM2";

fn read_varint(b: &[u8], pos: &mut usize) -> Result<u64, Error> {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let byte = *b
            .get(*pos)
            .ok_or(Error::ModelFile("model file truncated"))?;
        *pos += 1;
        v |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(v);
        }
        shift += 7;
        if shift > 63 {
            return Err(Error::ModelFile("bad varint in model file"));
        }
    }
}

#[cfg(feature = "training")]
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
    /// Loads a model file written by [`Tagger::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Result<Tagger, Error> {
        if b.len() < 6 {
            return Err(Error::ModelFile("not a claimlens model file"));
        }
        let (decoder, planar, mut pos) = match &b[..4] {
            m if m == MAGIC_V1 => (Decoder::Greedy, false, 4),
            m if m == MAGIC => match b[4] {
                0 => (Decoder::Greedy, true, 5),
                1 => (Decoder::Viterbi, true, 5),
                _ => return Err(Error::ModelFile("unknown decoder in model file")),
            },
            _ => return Err(Error::ModelFile("not a claimlens model file")),
        };
        let bits = u32::from(*b.get(pos).ok_or(Error::ModelFile("model file truncated"))?);
        if !(8..=24).contains(&bits) {
            return Err(Error::ModelFile("bad hash size in model file"));
        }
        let n_labels = usize::from(
            *b.get(pos + 1)
                .ok_or(Error::ModelFile("model file truncated"))?,
        );
        if n_labels == 0 || n_labels > MAX_LABELS {
            return Err(Error::ModelFile("bad label count in model file"));
        }
        pos += 2;
        let mut labels = Vec::with_capacity(n_labels);
        for _ in 0..n_labels {
            let len = usize::from(*b.get(pos).ok_or(Error::ModelFile("model file truncated"))?);
            pos += 1;
            let s = b
                .get(pos..pos + len)
                .ok_or(Error::ModelFile("model file truncated"))?;
            labels.push(String::from_utf8(s.to_vec()).map_err(|_| Error::ModelFile("bad label"))?);
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
                return Err(Error::ModelFile("bucket out of range in model file"));
            }
            if planar {
                rows.push(bucket);
                continue;
            }
            let row = b
                .get(pos..pos + n_labels)
                .ok_or(Error::ModelFile("model file truncated"))?;
            for (label, &x) in row.iter().enumerate() {
                tagger.set_weight(bucket, label, x as i8);
            }
            pos += n_labels;
        }
        if planar {
            // One plane per label: the weights of every stored bucket.
            let planes = b
                .get(pos..pos + n * n_labels)
                .ok_or(Error::ModelFile("model file truncated"))?;
            for (label, plane) in planes.chunks_exact(n.max(1)).enumerate().take(n_labels) {
                for (&r, &x) in rows.iter().zip(plane) {
                    tagger.set_weight(r, label, x as i8);
                }
            }
        }
        Ok(tagger)
    }

    /// Serialises the model (non-zero buckets only).
    #[cfg(feature = "training")]
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
    #[cfg(feature = "training")]
    pub fn prune(&mut self, min: i8) {
        for r in 0..1usize << self.bits {
            for label in 0..self.labels.len() {
                if self.weight(r, label).unsigned_abs() < min.unsigned_abs() {
                    self.set_weight(r, label, 0);
                }
            }
        }
    }
}
