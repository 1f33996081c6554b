//! The highlighted HTML report: one self-contained file (its styles inside, no script,
//! nothing to fetch) that opens offline from a file: the summary, who said what, the
//! article with its highlights (each mark's words in its `title`), the actors and the
//! hedging cues.

use crate::model::{Page, Run, View};
use std::fmt::Write;

/// The report's styles: the app's marks, light and dark, and print.
const STYLE: &str = "\
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1e23;--muted:#5b6370;--line:#d5d9e0;--claim:#28507a;--claim-bg:#e9f0f8;\
--hedge:#8e3f9e;--booster:#c04a00;--weasel:#8a6500;--condition:#0062a0;\
--c0:#332288;--t0:#e0dcf5;--c1:#1f7a99;--t1:#d3eef8;--c2:#2a8a7a;--t2:#d2efe9;--c3:#117733;--t3:#d6ecd9;\
--c4:#6b4226;--t4:#f1e2d6;--c5:#8a6d10;--t5:#f7edc8;--c6:#a8435a;--t6:#f7dce2;--c7:#8e2c7e;--t7:#f2d8ee;--c8:#666;--t8:#ececec}\
@media (prefers-color-scheme:dark){:root{--bg:#14171c;--fg:#e8eaee;--muted:#a3abb8;--line:#343a45;--claim:#9cc3ec;--claim-bg:#1e2a38;\
--hedge:#d69be3;--booster:#ff9a5c;--weasel:#e3c15a;--condition:#7cc4f2;\
--c0:#9988dd;--c1:#88ccee;--c2:#44aa99;--c3:#99c24d;--c4:#c8916a;--c5:#ddcc77;--c6:#dd7788;--c7:#cc66bb;--c8:#999;\
--t0:#2a2550;--t1:#173440;--t2:#123530;--t3:#15321c;--t4:#3a281c;--t5:#3d3518;--t6:#44222a;--t7:#3d1d38;--t8:#2e2e2e}}\
body{margin:0 auto;max-width:48rem;padding:1rem;font:16px/1.6 system-ui,sans-serif;background:var(--bg);color:var(--fg)}\
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}.muted{color:var(--muted)}\
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid var(--line);padding:.2rem .4rem;text-align:left}\
td.n{text-align:right;font-variant-numeric:tabular-nums}\
article p{white-space:pre-wrap;line-height:1.85}mark{background:none;color:inherit;border-radius:3px}\
.act{background:var(--t);border-bottom:2px solid var(--c)}.act.k-organization{border-bottom:3px double var(--c)}\
.act.k-place{border-bottom:2px dotted var(--c)}.act.k-group{border-bottom:2px dashed var(--c)}\
.col0{--c:var(--c0);--t:var(--t0)}.col1{--c:var(--c1);--t:var(--t1)}.col2{--c:var(--c2);--t:var(--t2)}.col3{--c:var(--c3);--t:var(--t3)}\
.col4{--c:var(--c4);--t:var(--t4)}.col5{--c:var(--c5);--t:var(--t5)}.col6{--c:var(--c6);--t:var(--t6)}.col7{--c:var(--c7);--t:var(--t7)}.col8{--c:var(--c8);--t:var(--t8)}\
.cl-con{background:var(--claim-bg)}.cl-con.act{background:var(--t)}\
.cl-cue{outline:1.5px solid var(--claim);outline-offset:-1px;font-style:italic}.cl-cue.att-vague{outline-style:dashed}.cl-cue.att-none{outline-style:dotted}\
.cl-src{font-weight:700;box-shadow:inset 0 2px 0 var(--claim)}\
.hd{text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:.3em;text-decoration-skip-ink:none}\
.hd-hedge{text-decoration-style:wavy;text-decoration-color:var(--hedge)}.hd-booster{text-decoration-style:double;text-decoration-color:var(--booster)}\
.hd-weasel{text-decoration-style:dotted;text-decoration-color:var(--weasel)}.hd-condition{text-decoration-style:dashed;text-decoration-color:var(--condition)}\
@media print{body{max-width:none}mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

/// `s` escaped for HTML text and attribute values.
fn esc(out: &mut String, s: &str) {
    let mut done = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => continue,
        };
        out.push_str(&s[done..i]);
        out.push_str(rep);
        done = i + 1;
    }
    out.push_str(&s[done..]);
}

/// One run of the article: a `<mark>` with the app's classes and its words as a title.
fn run(out: &mut String, text: &str, v: &View, r: &Run) {
    let piece = text.get(r.start as usize..r.end as usize).unwrap_or("");
    if !r.is_marked() {
        esc(out, piece);
        return;
    }
    let mut class = String::new();
    if let Some(a) = r.actor.and_then(|a| v.actors.get(a as usize)) {
        let _ = write!(class, "act col{} k-{} ", a.colour, a.kind);
    }
    let claim = r.claim.zip(r.role);
    if let Some((c, role)) = claim {
        let kind = v.claims.get(c as usize).map_or("none", |c| &c.attribution);
        let part = match role.as_str() {
            "source" => "src",
            "cue" => "cue",
            _ => "con",
        };
        let _ = write!(class, "cl cl-{part} att-{kind} ");
    }
    if let Some(h) = r.hedge.and_then(|h| v.hedges.get(h as usize)) {
        let _ = write!(class, "hd hd-{} ", h.kind);
    }
    out.push_str("<mark class=\"");
    out.push_str(class.trim_end());
    out.push_str("\" title=\"");
    esc(out, &v.tips(r.actor, claim, r.hedge).join("\n"));
    out.push_str("\">");
    esc(out, piece);
    out.push_str("</mark>");
}

/// The report of `text`, its view `v` and the view's pages (in order).
pub fn html_report(text: &str, v: &View, pages: &[Page]) -> String {
    let s = &v.summary;
    let mut out = String::with_capacity(3 * text.len() + 8192);
    out.push_str("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
        <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
        <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
        <title>claimlens report</title><style>");
    out.push_str(STYLE);
    out.push_str("</style></head><body>\n<h1>claimlens report</h1>\n<p class=\"muted\">");
    let _ = write!(
        out,
        "{} words, {} sentences, {} actors, {} claims ({} named, {} vague, {} without a source). \
         Certainty {}%; {} hedging cues per 100 words ({} in the author's own words, \
         {} cues inside quotations). Made by claimlens in the browser; hover a mark to read what \
         was found.",
        s.words,
        s.sentences,
        s.actors,
        s.claims,
        s.claims_named,
        s.claims_vague,
        s.claims_none,
        crate::words::fixed(s.certainty * 100.0, 0),
        crate::words::fixed(s.hedges_per_100_words, 1),
        crate::words::fixed(s.author_hedges_per_100_words, 1),
        s.quoted_cues
    );
    out.push_str("</p>\n");
    if !v.sources.is_empty() {
        out.push_str("<h2>Who said what</h2>\n<table><thead><tr><th scope=\"col\">Who</th>\
            <th scope=\"col\">Claims</th><th scope=\"col\">Quotes</th><th scope=\"col\">Paraphrases</th>\
            <th scope=\"col\">Named / vague / none</th></tr></thead><tbody>\n");
        for r in &v.sources {
            out.push_str("<tr><th scope=\"row\">");
            esc(&mut out, &r.label);
            let _ = writeln!(
                out,
                "</th><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{} / {} / {}</td></tr>",
                r.claims.len(),
                r.quotes,
                r.paraphrases,
                r.named,
                r.vague,
                r.none
            );
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("<h2>The article</h2>\n<article>\n");
    for para in pages.iter().flat_map(|p| &p.paras) {
        out.push_str("<p dir=\"auto\">");
        for r in &para.runs {
            run(&mut out, text, v, r);
        }
        out.push_str("</p>\n");
    }
    out.push_str("</article>\n");
    if !v.actors.is_empty() {
        let _ = write!(out, "<h2>Actors ({})</h2>\n<ul>\n", v.actors.len());
        for a in &v.actors {
            out.push_str("<li><mark class=\"act col");
            let _ = write!(out, "{} k-{}\">", a.colour, a.kind);
            esc(&mut out, &a.name);
            let _ = writeln!(
                out,
                "</mark> — {}, {} mentions, {} claims</li>",
                a.kind,
                a.mentions,
                a.claims.len()
            );
        }
        out.push_str("</ul>\n");
    }
    if !v.hedges.is_empty() {
        let _ = write!(out, "<h2>Hedging ({})</h2>\n<ul>\n", v.hedges.len());
        for h in &v.hedges {
            let _ = write!(out, "<li><mark class=\"hd hd-{}\">", h.kind);
            esc(&mut out, &h.text);
            out.push_str("</mark> — ");
            esc(&mut out, &h.tip);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body></html>\n");
    out
}
