//! `claimlens analyze --jsonl`: one output line per input line, in order.
//!
//! Output line k always answers input line k: an analysis, or an error
//! object `{"id", "error"}` naming the line (a blank line, a line that is not
//! a JSON object, one without a `"text"` string, one over the size limit).
//! A UTF-8 byte-order mark on the first line is skipped. A lone UTF-16
//! surrogate escape (`"\ud800"`, which JavaScript's `JSON.stringify` writes)
//! is read as U+FFFD, which is one UTF-16 unit too, so offsets stay the
//! JavaScript string indices of the text as sent. Ids are echoed exactly as
//! written (`18446744073709551616` stays that number).

use crate::say;
use claimlens::contract::to_contract;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

/// The fields of an input line that are read (others are ignored).
#[derive(Deserialize)]
struct Line<'a> {
    /// The id, as written (`null` included).
    #[serde(default, borrow, deserialize_with = "raw")]
    id: Option<&'a RawValue>,
    /// The text, whatever its JSON type (it must be a string).
    #[serde(default, borrow)]
    text: Option<&'a RawValue>,
}

/// Reads a value as its raw JSON, `null` included (plain `Option` reads
/// `null` as `None`).
fn raw<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<&'de RawValue>, D::Error> {
    <&RawValue>::deserialize(d).map(Some)
}

#[derive(serde::Serialize)]
struct ErrorLine<'a> {
    id: Option<&'a RawValue>,
    error: &'a str,
}

/// Writes the error line `{"id", "error"}`; `Ok(false)`: the line was not analysed.
fn error_line(out: &mut dyn Write, id: Option<&RawValue>, error: &str) -> io::Result<bool> {
    serde_json::to_writer(&mut *out, &ErrorLine { id, error })?;
    out.write_all(b"\n").map(|_| false)
}

/// What reading one input line gave.
enum Read {
    /// A line (without its line ending).
    Line,
    /// A line longer than the limit, skipped up to its end.
    TooLong(usize),
    /// End of input.
    End,
}

/// Reads the next line into `buf`, keeping at most `limit` bytes of it in memory.
fn read_line(input: &mut impl BufRead, buf: &mut Vec<u8>, limit: usize) -> io::Result<Read> {
    buf.clear();
    let mut total = 0usize;
    let mut any = false;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        total += take;
        if buf.len() <= limit {
            buf.extend_from_slice(&chunk[..take]);
        }
        input.consume(take);
        if done {
            break;
        }
    }
    if !any {
        return Ok(Read::End);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        total -= 1;
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
        total -= 1;
    }
    Ok(if total > limit {
        Read::TooLong(total)
    } else {
        Read::Line
    })
}

/// Replaces every lone surrogate escape (`\ud800` not followed by a low
/// surrogate, `\udc00` not preceded by a high one) in the strings of a JSON
/// line with `\ufffd`; borrows the line when there is none.
fn replace_lone_surrogates(line: &str) -> Cow<'_, str> {
    let b = line.as_bytes();
    let hex = |i: usize| -> Option<u32> {
        let s = line.get(i..i + 4)?;
        if s.bytes().all(|c| c.is_ascii_hexdigit()) {
            u32::from_str_radix(s, 16).ok()
        } else {
            None
        }
    };
    // `\u` escape of a code unit at `i` (the backslash).
    let unit = |i: usize| -> Option<u32> {
        (b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u'))
            .then(|| hex(i + 2))
            .flatten()
    };
    let mut out: Option<String> = None;
    let mut copied = 0;
    let (mut i, mut in_string) = (0, false);
    while i < b.len() {
        match b[i] {
            b'"' => {
                in_string = !in_string;
                i += 1;
            }
            b'\\' if in_string => {
                let Some(u) = unit(i) else {
                    i += 2;
                    continue;
                };
                let high = (0xd800..0xdc00).contains(&u);
                let low = (0xdc00..0xe000).contains(&u);
                if high && unit(i + 6).is_some_and(|v| (0xdc00..0xe000).contains(&v)) {
                    i += 12;
                } else if high || low {
                    let o = out.get_or_insert_with(|| String::with_capacity(line.len()));
                    o.push_str(&line[copied..i]);
                    o.push_str("\\ufffd");
                    i += 6;
                    copied = i;
                } else {
                    i += 6;
                }
            }
            _ => i += 1,
        }
    }
    match out {
        Some(mut o) => {
            o.push_str(&line[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(line),
    }
}

/// The analysis of one line, or the message of its error line.
fn answer(
    analyzer: &claimlens::Analyzer,
    out: &mut impl Write,
    line: &str,
    n: usize,
) -> io::Result<bool> {
    let error = |out: &mut dyn Write, id: Option<&RawValue>, msg: String| error_line(out, id, &msg);
    if line.trim().is_empty() {
        return error(out, None, format!("line {n}: blank line (no JSON object)"));
    }
    if !line.trim_start().starts_with('{') {
        return error(out, None, format!("line {n}: not a JSON object"));
    }
    let line = replace_lone_surrogates(line);
    let parsed: Line = match serde_json::from_str(&line) {
        Ok(l) => l,
        Err(e) => return error(out, None, format!("line {n}: not JSON: {e}")),
    };
    let text: Option<String> = parsed.text.and_then(|t| serde_json::from_str(t.get()).ok());
    let Some(text) = text else {
        return error(out, parsed.id, format!("line {n}: no \"text\" string"));
    };
    // A bug must not cost the lines after this one.
    match std::panic::catch_unwind(|| analyzer.analyze(&text)) {
        Ok(a) => {
            serde_json::to_writer(&mut *out, &to_contract(&text, &a, parsed.id))?;
            out.write_all(b"\n").map(|_| true)
        }
        Err(_) => error(out, parsed.id, format!("line {n}: internal error")),
    }
}

/// Streams JSON Lines from stdin to stdout; texts (lines) longer than
/// `limit` bytes get an error line.
pub(crate) fn stream(analyzer: &claimlens::Analyzer, limit: usize) -> ExitCode {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut buf = Vec::new();
    let (mut bad, mut n) = (0usize, 0usize);
    loop {
        let read = match read_line(&mut input, &mut buf, limit) {
            Ok(r) => r,
            Err(e) => return crate::fail(format!("reading stdin: {e}")),
        };
        n += 1;
        let written = match read {
            Read::End => break,
            Read::TooLong(len) => {
                let msg = format!(
                    "line {n}: {len} bytes, over the limit of {limit} bytes (--max-mb raises it)"
                );
                error_line(&mut out, None, &msg)
            }
            Read::Line => {
                let bytes = match (n, buf.strip_prefix(b"\xef\xbb\xbf")) {
                    (1, Some(rest)) => rest,
                    _ => &buf[..],
                };
                match std::str::from_utf8(bytes) {
                    Ok(line) => answer(analyzer, &mut out, line, n),
                    Err(e) => {
                        let msg = format!(
                            "line {n}: not UTF-8 (invalid byte at offset {})",
                            e.valid_up_to()
                        );
                        error_line(&mut out, None, &msg)
                    }
                }
            }
        };
        match written {
            Ok(true) => {}
            Ok(false) => bad += 1,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
            Err(e) => return crate::fail(e),
        }
    }
    n -= 1;
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            return crate::fail(e);
        }
    }
    if bad > 0 {
        say(format_args!(
            "claimlens: {bad} of {n} lines could not be analysed"
        ));
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogate_escapes_become_replacement_characters() {
        let cases = [
            (r#"{"text":"a\ud800b"}"#, r#"{"text":"a\ufffdb"}"#),
            (r#"{"text":"\udc00"}"#, r#"{"text":"\ufffd"}"#),
            (r#"{"text":"\ud83d\ude00"}"#, r#"{"text":"\ud83d\ude00"}"#),
            (
                r#"{"text":"\ud83d\ud83d\ude00"}"#,
                r#"{"text":"\ufffd\ud83d\ude00"}"#,
            ),
            (r#"{"text":"\\ud800"}"#, r#"{"text":"\\ud800"}"#),
            (
                r#"{"text":"\u0041\"\ud800"}"#,
                r#"{"text":"\u0041\"\ufffd"}"#,
            ),
            (r#"{"id":1,"text":"ok"}"#, r#"{"id":1,"text":"ok"}"#),
        ];
        for (line, want) in cases {
            assert_eq!(replace_lone_surrogates(line), want, "{line}");
        }
    }

    #[test]
    fn lines_over_the_limit_are_skipped_to_their_end() {
        let mut input = &b"short\nthis one is too long\nok\r\nend"[..];
        let mut buf = Vec::new();
        let mut got = Vec::new();
        loop {
            match read_line(&mut input, &mut buf, 8).unwrap() {
                Read::End => break,
                Read::Line => got.push(String::from_utf8(buf.clone()).unwrap()),
                Read::TooLong(n) => got.push(format!("<{n}>")),
            }
        }
        assert_eq!(got, ["short", "<20>", "ok", "end"]);
    }
}
