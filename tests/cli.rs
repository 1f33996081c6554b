//! The command line, run as a separate process.

use serde_json::{json, Value};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_claimlens");

const ARTICLE: &str =
    "IRAN WARNS OF RETALIATION\n\nTEHRAN — Iran’s Foreign Ministry said on Tuesday that \
it “will not remain silent,” and some experts believe the dispute could escalate. 😀 \
“We have clearly shown restraint,” spokesman Ali Rezaei told reporters.\n";

/// Runs the binary with `args` and `stdin`.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the claimlens binary starts");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    // Write from another thread so a large output cannot deadlock us.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A file in a fresh temporary directory for this test.
fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimlens-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn help_and_version() {
    for flag in ["--help", "-h", "help"] {
        let o = run(&[flag], b"");
        assert!(o.status.success(), "{flag}: {o:?}");
        let out = stdout(&o);
        assert!(out.contains("USAGE"), "{out}");
        assert!(out.contains("claimlens analyze"), "{out}");
        assert!(out.contains("--jsonl"), "{out}");
        assert!(out.contains("UTF-16"), "{out}");
    }
    let o = run(&["--version"], b"");
    assert!(o.status.success());
    assert_eq!(
        stdout(&o).trim(),
        format!("claimlens {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_usage_fails_with_status_1() {
    for args in [&[][..], &["frobnicate"][..], &["analyze", "--bogus"][..]] {
        let o = run(args, b"");
        assert_eq!(o.status.code(), Some(1), "{args:?}: {o:?}");
        assert!(o.stdout.is_empty(), "{args:?} printed to stdout");
        assert!(stderr(&o).contains("USAGE"), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn analyze_file_prints_a_report() {
    let path = temp_file("article.txt", ARTICLE.as_bytes());
    let o = run(&["analyze", path.to_str().unwrap()], b"");
    assert!(o.status.success(), "{o:?}");
    let out = stdout(&o);
    let a = claimlens::analyze(ARTICLE);
    assert!(
        out.starts_with(&format!(
            "claimlens  {} sentences · {} words",
            a.summary.sentences, a.summary.words
        )),
        "{out}"
    );
    for section in ["ACTORS", "CLAIMS", "HEDGING", "CERTAINTY BY SENTENCE"] {
        assert!(out.contains(section), "no {section} in {out}");
    }
    // One certainty line per sentence, numbered.
    assert!(a.summary.sentences >= 3);
    for i in 1..=a.summary.sentences {
        assert!(
            out.lines()
                .any(|l| l.trim_start().starts_with(&format!("{i} "))),
            "no line for sentence {i} in {out}"
        );
    }
    for x in &a.actors {
        assert!(out.contains(&x.name), "actor {} missing from {out}", x.name);
    }
    // NO_COLOR and a pipe: no escape codes.
    assert!(!out.contains('\x1b'));
    // "-" and no FILE read stdin and give the same report.
    for args in [&["analyze"][..], &["analyze", "-"][..]] {
        let o = run(args, ARTICLE.as_bytes());
        assert!(o.status.success());
        assert_eq!(stdout(&o), out, "{args:?}");
    }
}

#[test]
fn analyze_json_prints_the_contract() {
    let path = temp_file("article.json.txt", ARTICLE.as_bytes());
    let o = run(&["analyze", path.to_str().unwrap(), "--json"], b"");
    assert!(o.status.success(), "{o:?}");
    let v: Value = serde_json::from_str(&stdout(&o)).expect("--json prints one JSON document");
    let a = claimlens::analyze(ARTICLE);
    let want = serde_json::from_str::<Value>(
        &serde_json::to_string(&claimlens::contract::to_contract(ARTICLE, &a, None)).unwrap(),
    )
    .unwrap();
    assert_eq!(v, want);
    assert!(v.get("id").is_none());
    assert_eq!(v["sentences"].as_array().unwrap().len(), a.sentences.len());
    // The last sentence ends at the UTF-16 length of the trimmed text.
    let last = v["sentences"].as_array().unwrap().last().unwrap();
    assert_eq!(
        last["end"].as_u64().unwrap() as usize,
        ARTICLE.trim_end().encode_utf16().count()
    );
    // Also from stdin.
    let o = run(&["analyze", "--json"], ARTICLE.as_bytes());
    assert!(o.status.success());
    assert_eq!(serde_json::from_str::<Value>(&stdout(&o)).unwrap(), want);
}

#[test]
fn empty_text_gives_an_empty_analysis() {
    let path = temp_file("empty.txt", b"");
    let o = run(&["analyze", path.to_str().unwrap(), "--json"], b"");
    assert!(o.status.success(), "{o:?}");
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    for k in ["sentences", "actors", "claims", "hedges"] {
        assert_eq!(v[k], json!([]), "{k}");
    }
    assert_eq!(v["summary"]["words"], 0);
    assert_eq!(v["summary"]["certainty"], 1.0);

    let o = run(&["analyze"], b"  \n");
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("claimlens  0 sentences · 0 words"), "{out}");
    assert!(out.contains("empty text"), "{out}");

    let o = run(&["analyze", "--jsonl"], b"{\"id\":\"e\",\"text\":\"\"}\n");
    assert!(o.status.success());
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["id"], "e");
    assert_eq!(v["sentences"], json!([]));
}

#[test]
fn non_utf8_file_is_refused_with_the_byte_offset() {
    let mut bytes = b"Iran said ".to_vec(); // 10 valid bytes
    bytes.extend_from_slice("é".as_bytes()); // 2 more
    bytes.push(0xff);
    bytes.extend_from_slice(b" more text.");
    let path = temp_file("latin1.txt", &bytes);
    for extra in [&[][..], &["--json"][..]] {
        let mut args = vec!["analyze", path.to_str().unwrap()];
        args.extend_from_slice(extra);
        let o = run(&args, b"");
        assert_eq!(o.status.code(), Some(1), "{o:?}");
        assert!(o.stdout.is_empty());
        let err = stderr(&o);
        assert!(err.contains("offset 12"), "{err}");
        assert!(
            err.contains("latin1.txt"),
            "the error names the file: {err}"
        );
    }
    // The same on stdin.
    let o = run(&["analyze"], &bytes);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("offset 12"), "{}", stderr(&o));
    // A truncated multi-byte sequence at the very end.
    let path = temp_file("truncated.txt", b"ab\xe2\x80");
    let o = run(&["analyze", path.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("offset 2"), "{}", stderr(&o));
}

#[test]
fn missing_file_fails() {
    let o = run(&["analyze", "/nonexistent/claimlens/none.txt"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("none.txt"), "{}", stderr(&o));
}

/// Parses each stdout line as JSON.
fn lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?}: {e}")))
        .collect()
}

#[test]
fn jsonl_streams_in_order_with_ids() {
    let texts = [
        "Iran said it may respond.",
        "😀 Officials in Moscow reportedly disagreed.",
        "",
        "“We will win,” he said.",
    ];
    let ids = [json!(1), json!("two"), json!({"n": 3}), json!([4])];
    let mut input = String::new();
    for (id, text) in ids.iter().zip(texts) {
        input.push_str(&json!({"id": id, "text": text}).to_string());
        input.push('\n');
    }
    // A line without an id; no final newline.
    input.push_str(&json!({"text": texts[0], "other": true}).to_string());
    let o = run(&["analyze", "--jsonl"], input.as_bytes());
    assert!(o.status.success(), "{o:?}");
    let out = lines(&o);
    assert_eq!(out.len(), 5);
    for (k, (id, text)) in ids.iter().zip(texts).enumerate() {
        assert_eq!(&out[k]["id"], id, "line {k}");
        let a = claimlens::analyze(text);
        let raw = serde_json::value::RawValue::from_string(id.to_string()).unwrap();
        let want = claimlens::contract::to_contract(text, &a, Some(&raw));
        let want: Value = serde_json::from_str(&serde_json::to_string(&want).unwrap()).unwrap();
        assert_eq!(out[k], want, "line {k}");
    }
    assert!(out[4].get("id").is_none(), "{}", out[4]);
    assert!(out[4].get("sentences").is_some());
    // One compact line per document.
    assert_eq!(stdout(&o).lines().count(), 5);
}

#[test]
fn jsonl_bad_lines_yield_errors_and_the_rest_continue() {
    let input = [
        r#"{"id":"a","text":"Iran said it may act."}"#,
        r#"this is not JSON"#,
        r#"{"id":"b","body":"no text field"}"#,
        r#"{"id":"c","text":42}"#,
        r#"{"id":"d","text":"Analysts suggest Moscow could respond."}"#,
        r#"["an","array"]"#,
        r#"{"id":"e","text":"The end."#,
        "",
        "   ",
        r#"{"id":"f","text":"Last one."}"#,
        r#"{"id":"g","text":"Lone surrogate \ud800."}"#,
        "{\"id\":\"h\",\"text\":\"Windows line.\"}\r",
    ]
    .join("\n")
    .into_bytes();
    // A line that is not UTF-8.
    let mut input = input;
    input.extend_from_slice(b"\n{\"id\":\"i\",\"text\":\"caf\xe9\"}\n");
    input.extend_from_slice(br#"{"id":"j","text":"After the bad bytes."}"#);
    let o = run(&["analyze", "--jsonl"], &input);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    let out = lines(&o);
    // Output line k answers input line k: blank lines get error lines too.
    assert_eq!(out.len(), 14, "{}", stdout(&o));
    let is_error = |v: &Value| {
        v.get("error").is_some_and(Value::is_string)
            && v.as_object().unwrap().len() == 2
            && v.get("id").is_some()
    };
    let expect: [(Value, bool); 14] = [
        (json!("a"), false),
        (json!(null), true),
        (json!("b"), true),
        (json!("c"), true),
        (json!("d"), false),
        (json!(null), true),
        (json!(null), true),
        (json!(null), true),
        (json!(null), true),
        (json!("f"), false),
        (json!("g"), false),
        (json!("h"), false),
        (json!(null), true),
        (json!("j"), false),
    ];
    for (k, (id, err)) in expect.iter().enumerate() {
        assert_eq!(&out[k]["id"], id, "output {k}: {}", out[k]);
        assert_eq!(is_error(&out[k]), *err, "output {k}: {}", out[k]);
        if !err {
            assert!(out[k]["sentences"].is_array(), "output {k}: {}", out[k]);
        }
    }
    // Error messages name the input line.
    for (k, what) in [
        (1, "line 2"),
        (2, "text"),
        (7, "line 8: blank"),
        (8, "line 9: blank"),
    ] {
        let msg = out[k]["error"].as_str().unwrap();
        assert!(msg.contains(what), "{k}: {msg}");
    }
    assert!(out[12]["error"].as_str().unwrap().contains("line 13"));
    let err = stderr(&o);
    assert!(
        err.contains("8 of 14"),
        "stderr counts the bad lines: {err}"
    );
}

#[test]
fn jsonl_skips_a_bom_and_echoes_ids_exactly() {
    let mut input = b"\xef\xbb\xbf".to_vec();
    let ids = [
        "18446744073709551616",
        "1.0",
        "-0",
        "1e400",
        r#""caf\u00e9""#,
        "null",
        r#"{"b":2,"a":[1, 2]}"#,
    ];
    for id in ids {
        input.extend_from_slice(format!("{{\"id\":{id},\"text\":\"Iran said so.\"}}\n").as_bytes());
    }
    let o = run(&["analyze", "--jsonl"], &input);
    assert!(o.status.success(), "{o:?}");
    let out = stdout(&o);
    let got: Vec<&str> = out.lines().collect();
    assert_eq!(got.len(), ids.len(), "{out}");
    for (line, id) in got.iter().zip(ids) {
        assert!(
            line.starts_with(&format!("{{\"id\":{id},\"sentences\":")),
            "{line}"
        );
    }
}

#[test]
fn jsonl_lone_surrogates_keep_javascript_offsets() {
    // In JavaScript, "\ud800 Iran said it may act." has "Iran" at 2..6.
    let input = r#"{"text":"\ud800 Iran said it may act. \udc00\ud83d\ude00 Iran agreed."}"#;
    let o = run(&["analyze", "--jsonl"], input.as_bytes());
    assert!(o.status.success(), "{o:?}");
    let v = &lines(&o)[0];
    let iran = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Iran")
        .unwrap_or_else(|| panic!("{v}"));
    let mentions: Vec<(u64, u64)> = iran["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap()))
        .collect();
    // "\ud800 Iran said it may act. " is 24 units, then \udc00 (1), the emoji (2)
    // and a space: the second "Iran" starts at 28 (as `indexOf` says in JavaScript).
    assert_eq!(mentions, [(2, 6), (28, 32)], "{v}");
}

#[test]
fn jsonl_lines_over_the_limit_get_an_error_line() {
    let big = "Iran said it may act. ".repeat(60_000); // 1.3 MB
    let input = format!(
        "{}\n{}\n",
        json!({"id": 1, "text": big}),
        json!({"id": 2, "text": "Iran said so."})
    );
    let o = run(&["analyze", "--jsonl", "--max-mb", "1"], input.as_bytes());
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    let out = lines(&o);
    assert_eq!(out.len(), 2);
    let msg = out[0]["error"].as_str().unwrap();
    assert!(msg.contains("line 1") && msg.contains("--max-mb"), "{msg}");
    assert_eq!(out[1]["id"], 2);
    assert!(out[1]["sentences"].is_array());
}

#[test]
fn files_over_the_limit_are_refused_with_a_message() {
    let path = temp_file(
        "big.txt",
        "Iran said it may act. ".repeat(60_000).as_bytes(),
    );
    let o = run(&["analyze", path.to_str().unwrap(), "--max-mb", "1"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("over the limit of 1 MiB"),
        "{}",
        stderr(&o)
    );
    let o = run(
        &["analyze", path.to_str().unwrap(), "--max-mb", "2", "--json"],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    for bad in ["0", "x", "-1"] {
        let o = run(&["analyze", path.to_str().unwrap(), "--max-mb", bad], b"");
        assert_eq!(o.status.code(), Some(1), "--max-mb {bad}");
    }
}

/// The report never writes control or bidirectional-override characters
/// from the text, with or without colour: they are shown escaped.
#[test]
fn report_escapes_terminal_controls() {
    let text = "Iran\u{1b}]0;pwned\u{7} said \u{1b}[2J it may act.\u{9b}31m \
                Analysts \u{202e}warned\u{202c} that \u{1b}]52;c;ZXZpbA==\u{7} prices could rise.";
    let path = temp_file("escapes.txt", text.as_bytes());
    for colour in [false, true] {
        let mut cmd = Command::new(BIN);
        cmd.args(["analyze", path.to_str().unwrap()]);
        cmd.env_remove("NO_COLOR");
        if colour {
            cmd.env("CLICOLOR_FORCE", "1");
        }
        let o = cmd.output().unwrap();
        assert!(o.status.success(), "{o:?}");
        let out = String::from_utf8(o.stdout).unwrap();
        // Only our own colour codes (ESC [ digits ; m) may remain.
        let mut rest = out.as_str();
        while let Some(i) = rest.find('\u{1b}') {
            let seq: String = rest[i + 1..].chars().take_while(|c| *c != 'm').collect();
            assert!(
                colour
                    && seq.starts_with('[')
                    && seq[1..].chars().all(|c| c.is_ascii_digit() || c == ';'),
                "a raw escape in the report (colour {colour}): {:?}",
                &rest[i..(i + 12).min(rest.len())]
            );
            rest = &rest[i + 1..];
        }
        for c in ['\u{7}', '\u{9b}', '\u{202e}', '\u{202c}'] {
            assert!(!out.contains(c), "{c:?} in the report (colour {colour})");
        }
        assert!(out.contains("\\x1b]0;pwned\\x07"), "{out}");
        assert!(out.contains("\\u{202e}"), "{out}");
    }
}

/// A closed stderr ends the program with its status, not a panic (101).
#[test]
fn a_closed_stderr_does_not_panic() {
    for args in [&["analyze", "--foo"][..], &["frobnicate"][..]] {
        let mut child = Command::new(BIN)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stderr.take());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(1), "{args:?}");
    }
}

#[test]
fn jsonl_offsets_are_utf16() {
    let text = "😀 Iran said it may act.";
    let input = json!({"id": 7, "text": text}).to_string();
    let o = run(&["analyze", "--jsonl"], input.as_bytes());
    assert!(o.status.success());
    let v = &lines(&o)[0];
    let s = &v["sentences"][0];
    assert_eq!(s["start"], 0);
    assert_eq!(
        s["end"].as_u64().unwrap() as usize,
        text.encode_utf16().count()
    );
    assert_ne!(text.encode_utf16().count(), text.len());
}

#[test]
fn jsonl_refuses_a_file_argument() {
    let o = run(&["analyze", "--jsonl", "somefile.txt"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
}

#[test]
fn train_refuses_a_hash_size_the_loader_cannot_read() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args([
            "train",
            "actors",
            "--train",
            "/nonexistent.jsonl",
            "--bits",
            "30",
        ])
        .output()
        .expect("run claimlens");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--bits must be 8 to 24"));
}

#[test]
fn two_files_are_refused_rather_than_one_ignored() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(["analyze", "a.txt", "b.txt"])
        .output()
        .expect("run claimlens");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("give one FILE"));
}

/// `--claims-model` runs another claims model: the shipped file gives the
/// built-in output, an untrained model other claims, and a file that is not
/// a model, an actor model, or no file is refused with status 1.
#[test]
fn analyze_with_another_claims_model() {
    let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/models/claims.bin");
    let builtin = run(&["analyze", "--json"], ARTICLE.as_bytes());
    let same = run(
        &["analyze", "--json", "--claims-model", shipped],
        ARTICLE.as_bytes(),
    );
    assert!(same.status.success(), "{}", stderr(&same));
    assert_eq!(stdout(&same), stdout(&builtin));

    // A claims model that learned nothing (0 epochs) leaves the rules' claims,
    // which differ from the built-in model's on this article.
    let corpus = temp_file(
        "toy.jsonl",
        br#"{"id":"a","text":"The mayor said the bridge would close.","spans":[]}"#,
    );
    let toy = corpus.with_file_name("toy.bin");
    let trained = run(
        &[
            "train",
            "claims",
            "--train",
            corpus.to_str().unwrap(),
            "--epochs",
            "0",
            "--bits",
            "8",
            "--out",
            toy.to_str().unwrap(),
        ],
        b"",
    );
    assert!(trained.status.success(), "{}", stderr(&trained));
    let other = run(
        &["analyze", "--json", "--claims-model", toy.to_str().unwrap()],
        ARTICLE.as_bytes(),
    );
    assert!(other.status.success(), "{}", stderr(&other));
    let claims = |o: &Output| serde_json::from_str::<Value>(&stdout(o)).unwrap()["claims"].clone();
    assert_ne!(claims(&other), claims(&builtin));

    let bad = temp_file("not-a-model.bin", b"hello");
    let out = run(
        &["analyze", "--claims-model", bad.to_str().unwrap()],
        ARTICLE.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--claims-model"), "{}", stderr(&out));

    // An actor model has other labels.
    let actors = concat!(env!("CARGO_MANIFEST_DIR"), "/models/actors.bin");
    let out = run(&["analyze", "--claims-model", actors], ARTICLE.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not a claims model"),
        "{}",
        stderr(&out)
    );

    let out = run(&["analyze", "--claims-model"], ARTICLE.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("needs a FILE"), "{}", stderr(&out));
}
