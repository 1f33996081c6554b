//! The claimlens command line: analyse a file, stdin, or a JSON Lines stream.

mod jsonl;
mod report;

use claimlens::contract::to_contract;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;

/// The default limit on one text (a file, stdin, or one JSON Lines line), in MiB.
const DEFAULT_MAX_MB: usize = 32;

const USAGE: &str = "\
claimlens — actors, claims and hedging in news articles

USAGE:
    claimlens analyze [FILE] [--json]   analyse FILE (or stdin); a readable report,
                                        or the JSON contract with --json
    claimlens analyze --jsonl           read {\"id\",\"text\"} lines on stdin, write one
                                        analysis per line on stdout, in order
        [--claims-model FILE]           (either form) use this claims model instead of the
                                        built-in one, for experiments
        [--rules FILE]                  (either form) apply a reader's rules file (JSON: words
                                        to add, highlights marked wrong, actors merged, kinds;
                                        the web app exports the same file, docs/rules.md)
        [--max-mb N]                    (either form) refuse a text (file, stdin or line) over
                                        N MiB (default 32); memory grows with the text
    claimlens train TASK --train FILE [--out FILE] [--epochs N] [--bits 8..24] [--seed N]
                                        [--prune N]
                                        train a model (TASK: actors, claims, spans) from a JSON Lines corpus
    claimlens --help | --version

Offsets in JSON are UTF-16 code units (JavaScript string indices), end-exclusive.
Exit status: 0 ok, 1 error, 2 some --jsonl lines could not be analysed.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze" | "analyse") => analyze_cmd(&args[1..]),
        Some("train") => train_cmd(&args[1..]),
        Some("--version" | "-V") => {
            let _ = writeln!(io::stdout(), "claimlens {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            let _ = writeln!(io::stdout(), "{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            say(USAGE);
            ExitCode::from(1)
        }
    }
}

/// Writes a line to stderr; a closed or broken stderr is ignored (`eprintln!`
/// would panic).
pub(crate) fn say(msg: impl std::fmt::Display) {
    let _ = writeln!(io::stderr(), "{msg}");
}

pub(crate) fn fail(msg: impl std::fmt::Display) -> ExitCode {
    say(format_args!("claimlens: {msg}"));
    ExitCode::from(1)
}

fn analyze_cmd(args: &[String]) -> ExitCode {
    let mut json = false;
    let mut jsonl = false;
    let mut file = None;
    let mut max_mb = DEFAULT_MAX_MB;
    let mut analyzer = claimlens::Analyzer::new();
    let mut args = args.iter();
    while let Some(a) = args.next() {
        match a.as_str() {
            opt @ ("--claims-model" | "--rules") => {
                let Some(path) = args.next() else {
                    return fail(format!("{opt} needs a FILE"));
                };
                // The file's bytes give a new analyzer: another claims model, or
                // a reader's rules file (JSON).
                let with = std::fs::read(path)
                    .map_err(|e| format!("cannot read {path}: {e}"))
                    .and_then(|bytes| {
                        let a = analyzer.clone();
                        if opt == "--claims-model" {
                            return a.with_claims_model(Some(&bytes)).map_err(|e| e.to_string());
                        }
                        let json = String::from_utf8_lossy(&bytes);
                        let rules =
                            claimlens::Rules::from_json(&json).map_err(|e| e.to_string())?;
                        a.with_rules(&rules).map_err(|e| e.to_string())
                    });
                match with {
                    Ok(a) => analyzer = a,
                    Err(e) if opt == "--rules" => return fail(format!("--rules {path}: {e}")),
                    Err(e) => return fail(format!("{opt}: {e}")),
                }
            }
            "--max-mb" => match args.next().map(|v| v.parse::<usize>()) {
                Some(Ok(n)) if n > 0 && n <= 1 << 20 => max_mb = n,
                _ => return fail("--max-mb needs a whole number of MiB, 1 or more"),
            },
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
        return jsonl::stream(&analyzer, max_mb << 20);
    }
    let limit = max_mb << 20;
    let mut bytes = Vec::new();
    let read = match &file {
        Some(path) => std::fs::File::open(path).and_then(|f| {
            // The file's size, so that the buffer is allocated once.
            let size = f.metadata().map_or(0, |m| m.len()).min(limit as u64 + 1);
            bytes.reserve_exact(size as usize);
            f.take(limit as u64 + 1).read_to_end(&mut bytes)
        }),
        None => io::stdin().take(limit as u64 + 1).read_to_end(&mut bytes),
    };
    let name = file.as_deref().unwrap_or("<stdin>");
    if let Err(e) = read {
        return fail(format!("cannot read {name}: {e}"));
    }
    if bytes.len() > limit {
        return fail(format!(
            "{name} is over the limit of {max_mb} MiB (--max-mb raises it)"
        ));
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
        // Colour on a terminal, or when CLICOLOR_FORCE asks for it; never with NO_COLOR.
        let force = std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0");
        let colour =
            (io::stdout().is_terminal() || force) && std::env::var_os("NO_COLOR").is_none();
        report::report(&mut out, text, &analysis, colour)
    };
    match result.and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
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
    let log = |s: &str| say(s);
    let (bytes, default_out) = match task.as_str() {
        "actors" => (
            claimlens::train::train_actors(&corpus, &opts, log),
            "models/actors.bin",
        ),
        "claims" => (
            claimlens::train::train_claims(&corpus, &opts, log),
            "models/claims.bin",
        ),
        "spans" => (
            claimlens::train::train_spans(&corpus, &opts, log),
            "models/spans.bin",
        ),
        other => {
            return fail(format!(
                "train: unknown task {other} (known: actors, claims, spans)"
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
    say(format_args!("wrote {out} ({} bytes)", bytes.len()));
    ExitCode::SUCCESS
}
