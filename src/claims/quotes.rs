//! Quotation marks paired over a whole document.

use crate::text::{Doc, Norm, TokenKind};

/// No partner.
pub(crate) const NONE: u32 = u32::MAX;

/// Pairs double quotation marks over the whole document; a quote left open
/// at a paragraph end that the next paragraph reopens is paired with the
/// last token of its paragraph.
pub(crate) fn pair_quotes(doc: &Doc, norm: &Norm, sent_of: &[u32]) -> Vec<u32> {
    let n = doc.tokens.len();
    let mut partner = vec![NONE; n];
    let mut open: Option<usize> = None;
    let para = |i: usize| doc.sentences[sent_of[i] as usize].paragraph;
    let para_end = |i: usize| {
        let p = para(i);
        let mut s = sent_of[i] as usize;
        while s + 1 < doc.sentences.len() && doc.sentences[s + 1].paragraph == p {
            s += 1;
        }
        doc.sentences[s].last - 1
    };
    for i in 0..n {
        let t = &doc.tokens[i];
        let dq = matches!(&norm[i], "\"" | "``" | "''" | "«" | "»")
            || &norm[i] == "'" && i + 1 < n && &norm[i + 1] == "'";
        if !dq {
            continue;
        }
        match t.kind {
            TokenKind::OpenQuote => {
                if let Some(o) = open {
                    if para(o) != para(i) {
                        // An unclosed quote: it runs to the end of its paragraph.
                        let e = para_end(o);
                        partner[o] = e as u32;
                        open = Some(i);
                    } else if &norm[i] == "\"" {
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
            }
            TokenKind::CloseQuote => {
                if let Some(o) = open {
                    // `''` closes with its second apostrophe.
                    let c = if &norm[i] == "'" && i + 1 < n && &norm[i + 1] == "'" {
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
