//! TypeScript definitions generated from the Rust types of the contract
//! (feature `typescript`, with ts-rs), laid out one field per line.
//!
//! The JS API's `.d.ts` is built from these declarations; a test compares
//! it with the committed file, so the two cannot drift apart.

use super::{
    JsonActor, JsonAnalysis, JsonClaim, JsonContent, JsonHedge, JsonMention, JsonSentence,
    JsonSpan, JsonSummary,
};
use crate::{ActorKind, Attribution, Form, HedgeKind, Layers};
use ts_rs::{Config, TS};

/// The exported declaration of `T`, with its doc comment, one field per line.
pub fn declaration<T: TS + ?Sized>() -> String {
    let cfg = Config::default();
    let mut out = String::new();
    if let Some(docs) = T::docs() {
        out.push_str(&doc_block(&docs, ""));
    }
    out.push_str("export ");
    out.push_str(&layout(&T::decl(&cfg)));
    out.push('\n');
    out
}

/// The declarations of the contract, in reading order, and of [`Layers`].
pub fn contract() -> String {
    [
        declaration::<JsonSpan>(),
        declaration::<JsonSentence>(),
        declaration::<ActorKind>(),
        declaration::<Form>(),
        declaration::<JsonMention>(),
        declaration::<JsonActor>(),
        declaration::<Attribution>(),
        declaration::<JsonContent>(),
        declaration::<JsonClaim>(),
        declaration::<HedgeKind>(),
        declaration::<JsonHedge>(),
        declaration::<JsonSummary>(),
        declaration::<JsonAnalysis>(),
        declaration::<Layers>(),
    ]
    .join("\n")
}

/// A `/** … */` comment from ts-rs's JSDoc text, indented by `indent`.
fn doc_block(docs: &str, indent: &str) -> String {
    let lines: Vec<&str> = docs
        .lines()
        .map(str::trim)
        .filter(|l| *l != "/**" && *l != "*/")
        .map(|l| l.strip_prefix('*').unwrap_or(l).trim())
        .collect();
    match lines.as_slice() {
        [] => String::new(),
        [one] => format!("{indent}/** {one} */\n"),
        many => {
            let mut s = format!("{indent}/**\n");
            for l in many {
                s.push_str(&format!("{indent} * {l}\n").replace(" * \n", " *\n"));
            }
            s.push_str(&format!("{indent} */\n"));
            s
        }
    }
}

/// Lays out `type X = { a: A, b: B, };` as one field per line (other
/// declarations, such as unions, stay on one line).
fn layout(decl: &str) -> String {
    let (Some(open), Some(close)) = (decl.find('{'), decl.rfind('}')) else {
        return decl.to_string();
    };
    let mut out = format!("{}{{\n", &decl[..open]);
    for field in split_fields(&decl[open + 1..close]) {
        let field = field.trim();
        if field.is_empty() {
            continue;
        }
        // A field may start with its doc comment.
        let (docs, rest) = match field.strip_prefix("/**").and_then(|f| f.split_once("*/")) {
            Some((docs, rest)) => (Some(format!("/**{docs}*/")), rest.trim()),
            None => (None, field),
        };
        if let Some(d) = docs {
            out.push_str(&doc_block(&d, "  "));
        }
        out.push_str(&format!("  {rest};\n"));
    }
    out.push_str(&decl[close..]);
    out
}

/// Splits the body of an object type at its top-level commas (not those
/// inside brackets, strings or comments).
fn split_fields(body: &str) -> Vec<&str> {
    let (mut depth, mut start) = (0i32, 0usize);
    let (mut in_str, mut in_comment) = (None::<char>, false);
    let mut out = Vec::new();
    let bytes = body.as_bytes();
    for (i, c) in body.char_indices() {
        if in_comment {
            in_comment = !(c == '/' && i > 0 && bytes[i - 1] == b'*');
            continue;
        }
        if let Some(q) = in_str {
            if c == q && (i == 0 || bytes[i - 1] != b'\\') {
                in_str = None;
            }
            continue;
        }
        match c {
            '/' if body[i..].starts_with("/*") => in_comment = true,
            '"' | '\'' | '`' => in_str = Some(c),
            '{' | '<' | '(' | '[' => depth += 1,
            '}' | '>' | ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&body[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_split_at_top_level_commas_only() {
        let body = r#" /** a, b */ a: Array<{ x: 1, y: 2 }>, b?: "p,q" | null, "#;
        let parts: Vec<&str> = split_fields(body).into_iter().map(str::trim).collect();
        assert_eq!(
            parts,
            [
                r#"/** a, b */ a: Array<{ x: 1, y: 2 }>"#,
                r#"b?: "p,q" | null"#,
                ""
            ]
        );
    }

    #[test]
    fn contract_declares_every_type_once() {
        let ts = contract();
        for name in [
            "Span",
            "Sentence",
            "ActorKind",
            "Actor",
            "Attribution",
            "Content",
            "Claim",
            "HedgeKind",
            "Hedge",
            "Summary",
            "Analysis",
            "Layers",
        ] {
            let decl = format!("export type {name} = ");
            assert_eq!(ts.matches(&decl).count(), 1, "{name} in\n{ts}");
        }
        assert!(ts.contains("  subkind?: string;"), "{ts}");
        assert!(ts.contains("  source: Span | null;"), "{ts}");
        assert!(ts.contains(r#"export type Attribution = "named" | "vague" | "none";"#));
    }
}
