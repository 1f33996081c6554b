//! Properties of any text: runs tile each paragraph exactly, in UTF-16 code
//! units as in bytes, and never split a surrogate pair (or a UTF-8 character).

use claimlens_view::{build, Offsets};
use proptest::prelude::*;

/// Pieces that make texts with something to find, in several scripts, with
/// astral characters (two UTF-16 code units), line breaks and blank lines.
const PIECES: &[&str] = &[
    "The ministry",
    " said",
    " that",
    " the talks",
    " may",
    " resume",
    ".",
    " Analysts",
    " suggest",
    " it could",
    " fail",
    ", according to",
    " Reuters",
    " NATO",
    " officials",
    " 😀",
    "👩‍👩‍👧",
    " 東京",
    " 北京",
    " مرحبا",
    " Zoe\u{308}",
    " \u{1F1FA}\u{1F1E6}",
    "\n",
    "\n\n",
    "\r\n",
    "  ",
    "\t",
    " \"We will act,\"",
    " Ana Duarte",
    " told",
    " reportedly",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn runs_tile_paragraphs_and_keep_characters_whole(text in text()) {
        let analysis = claimlens::analyze(&text);
        let units: Vec<u16> = text.encode_utf16().collect();
        let bytes = build(&text, &analysis, Offsets::Bytes);
        let utf16 = build(&text, &analysis, Offsets::Utf16);
        prop_assert_eq!(utf16.length as usize, units.len());
        prop_assert_eq!(bytes.length as usize, text.len());
        let paras = |v: &claimlens_view::View| v.pages.iter().flat_map(|p| p.paras.clone()).collect::<Vec<_>>();
        let (pb, pu) = (paras(&bytes), paras(&utf16));
        prop_assert_eq!(pb.len(), pu.len());
        let mut last_end = 0;
        for (b, u) in pb.iter().zip(&pu) {
            // The same runs with the same annotations, only the unit differs.
            prop_assert_eq!(b.runs.len(), u.runs.len());
            prop_assert!(b.start as usize >= last_end);
            last_end = b.end as usize;
            let line = &text[b.start as usize..b.end as usize];
            prop_assert!(!line.contains('\n') && !line.trim().is_empty());
            // Runs tile the paragraph: no gap, no overlap, none empty.
            let mut at_b = b.start;
            let mut at_u = u.start;
            for (rb, ru) in b.runs.iter().zip(&u.runs) {
                prop_assert_eq!((rb.start, ru.start), (at_b, at_u));
                prop_assert!(rb.end > rb.start && ru.end > ru.start);
                prop_assert_eq!((rb.actor, rb.claim, rb.role, rb.hedge), (ru.actor, ru.claim, ru.role, ru.hedge));
                prop_assert_eq!(&rb.anchor, &ru.anchor);
                prop_assert_eq!(rb.stop, ru.stop);
                // Whole characters: a char boundary in bytes, never between
                // the two halves of a surrogate pair in UTF-16, and the same text.
                prop_assert!(text.is_char_boundary(rb.end as usize));
                let e = ru.end as usize;
                prop_assert!(!(e < units.len() && (0xDC00..0xE000).contains(&units[e])));
                let piece = String::from_utf16(&units[ru.start as usize..e]).unwrap();
                prop_assert_eq!(piece.as_str(), &text[rb.start as usize..rb.end as usize]);
                at_b = rb.end;
                at_u = ru.end;
            }
            prop_assert_eq!((at_b, at_u), (b.end, u.end));
        }
        // Every non-blank line is a paragraph.
        let lines = text.split('\n').filter(|l| !l.trim().is_empty()).count();
        prop_assert_eq!(pb.len(), lines);
    }
}
