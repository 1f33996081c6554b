//! The learned-model machinery on toy sequences written for the test:
//! Viterbi training and decoding, the model file format, pruning.

use super::{Decoder, FeatureHash, Rng, Sequence, Tagger, Trainer};

const LABELS: [&str; 3] = ["O", "B-X", "I-X"];

/// A toy task that needs look-ahead: a run of "a"/"b" words is a span only
/// when "said" follows it ("x a b said" → O B-X I-X O; "x a b ran" → all O).
/// The static features see only the current word, so the decision must come
/// from the transition into the word after the run.
fn toy(seed: u64, n: usize) -> Vec<(Vec<&'static str>, Vec<usize>)> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    for _ in 0..n {
        let mut words = vec!["x"];
        let mut labels = vec![0];
        let run = 1 + (rng.next_u64() % 3) as usize;
        let said = rng.next_u64() % 2 == 0;
        for k in 0..run {
            words.push(if rng.next_u64() % 2 == 0 { "a" } else { "b" });
            labels.push(match (said, k) {
                (false, _) => 0,
                (true, 0) => 1,
                (true, _) => 2,
            });
        }
        words.push(if said { "said" } else { "ran" });
        labels.push(0);
        words.push("y");
        labels.push(0);
        out.push((words, labels));
    }
    out
}

fn sequence(words: &[&str]) -> Sequence {
    let mut seq = Sequence::default();
    for w in words {
        seq.begin_token(FeatureHash::new(1).str(w).finish(), false);
        seq.feats.push(FeatureHash::new(0).finish());
        seq.feats.push(FeatureHash::new(1).str(w).finish());
        seq.end_token();
    }
    seq
}

fn train_viterbi(epochs: usize) -> Tagger {
    let data = toy(7, 200);
    let labels = LABELS.iter().map(|s| s.to_string()).collect();
    let mut trainer = Trainer::with_decoder(labels, 12, Decoder::Viterbi);
    for _ in 0..epochs {
        for (words, gold) in &data {
            trainer.learn_viterbi(&sequence(words), gold);
        }
    }
    trainer.finish()
}

fn decode(t: &Tagger, words: &[&str]) -> Vec<usize> {
    let seq = sequence(words);
    t.viterbi(
        seq.len(),
        |i| seq.words[i],
        |_| false,
        |i, out| out.extend_from_slice(seq.token(i)),
    )
}

#[test]
fn viterbi_learns_what_only_the_following_word_tells() {
    let t = train_viterbi(5);
    assert_eq!(t.decoder(), Decoder::Viterbi);
    for (words, gold) in toy(99, 50) {
        assert_eq!(decode(&t, &words), gold, "{words:?}");
    }
}

#[test]
fn viterbi_output_respects_bio() {
    let t = train_viterbi(1);
    let cases: &[&[&str]] = &[
        &["a"],
        &["b", "said"],
        &["said", "a", "a", "a", "said"],
        &["y", "b", "ran", "a", "said"],
        &[],
    ];
    for words in cases {
        let tags = decode(&t, words);
        assert_eq!(tags.len(), words.len());
        for (k, &tag) in tags.iter().enumerate() {
            if tag == 2 {
                assert!(
                    k > 0 && tags[k - 1] != 0,
                    "I-X without B-X in {words:?}: {tags:?}"
                );
            }
        }
    }
}

#[test]
fn skipped_tokens_are_o_and_are_not_scored() {
    let t = train_viterbi(5);
    let words = ["x", "a", "b", "said", "y"];
    let seq = sequence(&words);
    let cases: &[(&[usize], Option<&[usize]>)] = &[
        (&[], Some(&[0, 1, 2, 0, 0])),
        // A skipped token inside the span: O there, the rest decoded around it.
        (&[2], None),
        (&[0, 1, 2, 3, 4], Some(&[0, 0, 0, 0, 0])),
    ];
    for (skipped, want) in cases {
        let scored = std::cell::RefCell::new(Vec::new());
        let got = t.viterbi(
            seq.len(),
            |i| seq.words[i],
            |i| skipped.contains(&i),
            |i, out| {
                scored.borrow_mut().push(i);
                out.extend_from_slice(seq.token(i))
            },
        );
        if let Some(want) = want {
            assert_eq!(&got, want, "skipping {skipped:?}");
        }
        assert!(skipped.iter().all(|&i| got[i] == 0), "{got:?}");
        assert!(scored.borrow().iter().all(|i| !skipped.contains(i)));
    }
}

#[test]
fn model_file_round_trips() {
    let t = train_viterbi(3);
    let bytes = t.to_bytes();
    let back = Tagger::from_bytes(&bytes).expect("reads its own file");
    assert_eq!(back.to_bytes(), bytes);
    assert_eq!(back.decoder(), Decoder::Viterbi);
    assert_eq!(back.labels(), &LABELS.map(String::from));
    for (words, _) in toy(5, 20) {
        assert_eq!(decode(&back, &words), decode(&t, &words));
    }
}

#[test]
fn pruning_shrinks_the_file() {
    let t = train_viterbi(3);
    let full = t.to_bytes().len();
    let mut some = t.clone();
    some.prune(40);
    let mut most = t.clone();
    most.prune(i8::MAX);
    let (some, most) = (some.to_bytes(), most.to_bytes());
    assert!(some.len() < full, "{} < {full}", some.len());
    assert!(most.len() < some.len());
    assert!(Tagger::from_bytes(&most).is_ok());
}

#[test]
fn a_model_without_weights_tags_everything_o() {
    let labels = LABELS.iter().map(|s| s.to_string()).collect();
    let empty = Trainer::with_decoder(labels, 10, Decoder::Viterbi).finish();
    let back = Tagger::from_bytes(&empty.to_bytes()).unwrap();
    assert_eq!(decode(&back, &["x", "a", "said"]), vec![0, 0, 0]);
}

#[test]
fn bad_model_files_are_refused() {
    let good = train_viterbi(1).to_bytes();
    let cases: &[(&str, Vec<u8>)] = &[
        ("empty", vec![]),
        ("wrong magic", b"NOPE\x01\x0c\x03".to_vec()),
        ("truncated", good[..good.len() - 3].to_vec()),
        ("unknown decoder", {
            let mut b = good.clone();
            b[4] = 9;
            b
        }),
        ("hash size out of range", {
            let mut b = good.clone();
            b[5] = 40;
            b
        }),
    ];
    for (what, bytes) in cases {
        assert!(Tagger::from_bytes(bytes).is_err(), "{what}");
    }
}
