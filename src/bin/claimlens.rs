//! The claimlens command line: analyse a file, stdin, or a JSON Lines stream.

use claimlens::contract::to_contract;
use claimlens::{Analysis, Attribution, HedgeKind};
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
claimlens — actors, claims and hedging in news articles

USAGE:
    claimlens analyze [FILE] [--json]   analyse FILE (or stdin); a readable report,
                                        or the JSON contract with --json
    claimlens analyze --jsonl           read {\"id\",\"text\"} lines on stdin, write one
                                        analysis per line on stdout, in order
        [--claims-model FILE]           (either form) use this claims model instead of the
                                        built-in one, for experiments
    claimlens train TASK --train FILE [--out FILE] [--epochs N] [--bits 8..24] [--seed N]
                                        [--prune N]
                                        train a model (TASK: actors, claims) from a JSON Lines corpus
    claimlens --help | --version

Offsets in JSON are UTF-16 code units (JavaScript string indices), end-exclusive.
Exit status: 0 ok, 1 error, 2 some --jsonl lines could not be analysed.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze" | "analyse") => analyze_cmd(&args[1..]),
        Some("train") => train_cmd(&args[1..]),
        Some("--version" | "-V") => {
            println!("claimlens {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(1)
        }
    }
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("claimlens: {msg}");
    ExitCode::from(1)
}

fn analyze_cmd(args: &[String]) -> ExitCode {
    let mut json = false;
    let mut jsonl = false;
    let mut file = None;
    let mut analyzer = claimlens::Analyzer::new();
    let mut args = args.iter();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--claims-model" => {
                let Some(path) = args.next() else {
                    return fail("--claims-model needs a FILE");
                };
                let with = std::fs::read(path)
                    .map_err(|e| format!("cannot read {path}: {e}"))
                    .and_then(|b| {
                        analyzer
                            .clone()
                            .with_claims_model(Some(&b))
                            .map_err(|e| e.to_string())
                    });
                match with {
                    Ok(a) => analyzer = a,
                    Err(e) => return fail(format!("--claims-model: {e}")),
                }
            }
            "--json" => json = true,
            "--jsonl" => jsonl = true,
            "-" => file = None,
            s if s.starts_with('-') => return fail(format!("unknown option {s}\n\n{USAGE}")),
            s if file.is_some() => {
                return fail(format!(
                    "give one FILE (got {} and {s})",
                    file.unwrap_or_default()
                ))
            }
            s => file = Some(s.to_string()),
        }
    }
    if jsonl {
        if file.is_some() {
            return fail("--jsonl reads stdin; give no FILE");
        }
        return jsonl_stream(&analyzer);
    }
    let mut bytes = Vec::new();
    let read = match &file {
        Some(path) => std::fs::read(path).map(|b| bytes = b),
        None => io::stdin().read_to_end(&mut bytes).map(|_| ()),
    };
    let name = file.as_deref().unwrap_or("<stdin>");
    if let Err(e) = read {
        return fail(format!("cannot read {name}: {e}"));
    }
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            return fail(format!(
                "{name} is not UTF-8 text: invalid byte at offset {}",
                e.valid_up_to()
            ))
        }
    };
    let analysis = analyzer.analyze(text);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = if json {
        serde_json::to_writer_pretty(&mut out, &to_contract(text, &analysis, None))
            .map_err(io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        let colour = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        report(&mut out, text, &analysis, colour)
    };
    match result.and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// Streams JSON Lines: one analysis (or error object) per input line, in order.
fn jsonl_stream(analyzer: &claimlens::Analyzer) -> ExitCode {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut line = Vec::new();
    let mut bad = 0usize;
    let mut n = 0usize;
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => return fail(format!("reading stdin: {e}")),
        }
        n += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let written = match serde_json::from_slice::<serde_json::Value>(&line) {
            Err(e) => {
                bad += 1;
                write_error(&mut out, None, &format!("line {n}: not JSON: {e}"))
            }
            Ok(v) => {
                let id = v.get("id");
                match v.get("text").and_then(|t| t.as_str()) {
                    None => {
                        bad += 1;
                        write_error(&mut out, id, &format!("line {n}: no \"text\" string"))
                    }
                    Some(text) => {
                        // A bug must not cost the lines after this one.
                        match std::panic::catch_unwind(|| analyzer.analyze(text)) {
                            Ok(a) => serde_json::to_writer(&mut out, &to_contract(text, &a, id))
                                .map_err(io::Error::from)
                                .and_then(|_| out.write_all(b"\n")),
                            Err(_) => {
                                bad += 1;
                                write_error(&mut out, id, &format!("line {n}: internal error"))
                            }
                        }
                    }
                }
            }
        };
        if let Err(e) = written {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            return fail(e);
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            return fail(e);
        }
    }
    if bad > 0 {
        eprintln!("claimlens: {bad} of {n} lines could not be analysed");
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

#[derive(serde::Serialize)]
struct ErrorLine<'a> {
    id: Option<&'a serde_json::Value>,
    error: &'a str,
}

fn write_error(out: &mut impl Write, id: Option<&serde_json::Value>, msg: &str) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &ErrorLine { id, error: msg })?;
    out.write_all(b"\n")
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
}

/// One line of text, with runs of whitespace folded and long text shortened.
fn clip(s: &str, max: usize) -> String {
    let folded: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= max {
        folded
    } else {
        let cut: String = folded.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

fn report(out: &mut impl Write, text: &str, a: &Analysis, colour: bool) -> io::Result<()> {
    let st = Style { on: colour };
    let s = &a.summary;
    writeln!(
        out,
        "{}  {} sentences · {} words · certainty {:.2}",
        st.bold("claimlens"),
        s.sentences,
        s.words,
        s.certainty
    )?;
    if text.trim().is_empty() {
        writeln!(out, "\n(empty text: nothing to analyse)")?;
        return Ok(());
    }
    writeln!(out, "\n{} ({})", st.bold("ACTORS"), a.actors.len())?;
    let mut actors: Vec<_> = a.actors.iter().collect();
    actors.sort_by_key(|x| std::cmp::Reverse(x.mentions.len()));
    for x in actors {
        let kind = match &x.subkind {
            Some(sub) => format!("{}/{}", x.kind.as_str(), sub),
            None => x.kind.as_str().to_string(),
        };
        let aliases = if x.aliases.is_empty() {
            String::new()
        } else {
            format!("  also: {}", x.aliases.join(", "))
        };
        writeln!(
            out,
            "  {:<34} {:<22} ×{}{}",
            st.paint("36", &x.name),
            st.dim(&kind),
            x.mentions.len(),
            aliases
        )?;
    }
    writeln!(
        out,
        "\n{} ({})  named {} · vague {} · none {}",
        st.bold("CLAIMS"),
        s.claims,
        s.claims_named,
        s.claims_vague,
        s.claims_none
    )?;
    for c in &a.claims {
        let tag = match c.attribution {
            Attribution::Named => st.paint("32", "named"),
            Attribution::Vague => st.paint("33", "vague"),
            Attribution::None => st.paint("31", "none "),
        };
        let source = c
            .source
            .map_or("—".to_string(), |sp| clip(sp.slice(text), 40));
        let content: Vec<String> = c
            .content
            .iter()
            .map(|sp| clip(sp.slice(text), 90))
            .collect();
        writeln!(
            out,
            "  [{tag}] {} {} {}",
            st.paint("36", &source),
            st.paint("1;35", &clip(c.cue.slice(text), 30)),
            if content.is_empty() {
                st.dim("(no content)")
            } else {
                content.join(" … ")
            }
        )?;
    }
    writeln!(
        out,
        "\n{}  hedges {} · boosters {} · weasels {} · conditions {} · {:.1} hedges per 100 words",
        st.bold("HEDGING"),
        s.hedges,
        s.boosters,
        s.weasels,
        s.conditions,
        s.hedges_per_100_words
    )?;
    for h in &a.hedges {
        let code = match h.kind {
            HedgeKind::Hedge => "33",
            HedgeKind::Booster => "34",
            HedgeKind::Weasel => "35",
            HedgeKind::Condition => "36",
        };
        writeln!(
            out,
            "  {:<10} {:<28} {}",
            st.paint(code, h.kind.as_str()),
            clip(h.span.slice(text), 28),
            st.dim(h.reason)
        )?;
    }
    writeln!(out, "\n{}", st.bold("CERTAINTY BY SENTENCE"))?;
    for (i, sen) in a.sentences.iter().enumerate() {
        let filled = (sen.certainty * 10.0).round() as usize;
        let bar = format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled.min(10)));
        writeln!(
            out,
            "  {:>3} {} {:.2}  {}",
            i + 1,
            bar,
            sen.certainty,
            st.dim(&clip(sen.span.slice(text), 70))
        )?;
    }
    Ok(())
}

fn train_cmd(args: &[String]) -> ExitCode {
    let mut task = None;
    let mut train = None;
    let mut out = None;
    let (mut epochs, mut bits, mut seed, mut prune) = (None, None, None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        let parsed: Result<(), String> = match a.as_str() {
            "--train" => value("--train").map(|v| train = Some(v)),
            "--out" => value("--out").map(|v| out = Some(v)),
            "--epochs" => value("--epochs")
                .and_then(|v| v.parse().map_err(|e| format!("--epochs: {e}")))
                .map(|v| epochs = Some(v)),
            "--bits" => value("--bits")
                .and_then(|v| v.parse().map_err(|e| format!("--bits: {e}")))
                .map(|v| bits = Some(v)),
            "--prune" => value("--prune")
                .and_then(|v| v.parse().map_err(|e| format!("--prune: {e}")))
                .map(|v| prune = Some(v)),
            "--seed" => value("--seed")
                .and_then(|v| v.parse().map_err(|e| format!("--seed: {e}")))
                .map(|v| seed = Some(v)),
            s if !s.starts_with('-') && task.is_none() => {
                task = Some(s.to_string());
                Ok(())
            }
            s => Err(format!("unknown argument {s}")),
        };
        if let Err(e) = parsed {
            return fail(format!("train: {e}\n\n{USAGE}"));
        }
    }
    let (Some(task), Some(train)) = (task, train) else {
        return fail(format!("train: give a TASK and --train FILE\n\n{USAGE}"));
    };
    let mut opts = claimlens::train::Options::for_task(&task);
    opts.epochs = epochs.unwrap_or(opts.epochs);
    opts.bits = bits.unwrap_or(opts.bits);
    opts.seed = seed.unwrap_or(opts.seed);
    opts.prune = prune.unwrap_or(opts.prune);
    if !(8..=24).contains(&opts.bits) {
        return fail(format!("train: --bits must be 8 to 24 (got {})", opts.bits));
    }
    let corpus = match std::fs::read_to_string(&train) {
        Ok(c) => c,
        Err(e) => return fail(format!("cannot read {train}: {e}")),
    };
    let log = |s: &str| eprintln!("{s}");
    let (bytes, default_out) = match task.as_str() {
        "actors" => (
            claimlens::train::train_actors(&corpus, &opts, log),
            "models/actors.bin",
        ),
        "claims" => (
            claimlens::train::train_claims(&corpus, &opts, log),
            "models/claims.bin",
        ),
        other => {
            return fail(format!(
                "train: unknown task {other} (known: actors, claims)"
            ))
        }
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => return fail(format!("train: {train}: {e}")),
    };
    let out = out.unwrap_or_else(|| default_out.to_string());
    if let Err(e) = std::fs::write(&out, &bytes) {
        return fail(format!("cannot write {out}: {e}"));
    }
    eprintln!("wrote {out} ({} bytes)", bytes.len());
    ExitCode::SUCCESS
}
