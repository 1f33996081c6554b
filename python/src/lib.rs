//! `claimlens._claimlens`: the Rust half of the Python module (PyO3, abi3).
//!
//! Two functions, both returning the JSON text of the claimlens contract, which
//! `claimlens/__init__.py` turns into dicts and lists with `json.loads` (one C call,
//! faster than building every dict through the C API one item at a time):
//!
//! - `analyze(text, options_json, offsets)` analyses one text;
//! - `analyze_many(texts, options_json, offsets, threads)` analyses many on `threads`
//!   threads of its own.
//!
//! Both release the GIL while they analyse. `options_json` is the keyword options as a
//! JSON object (checked by [`options::read`], with the rules of the JS API's options);
//! `offsets` is `"codepoints"` (Python string indices) or `"utf16"`.
#![deny(missing_docs)]

mod options;

use claimlens::contract::{to_contract_in, Unit};
use claimlens::Analyzer;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};
use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The longest text analysed in one call, as for the CLI and the JS API: 32 MiB of UTF-8.
const MAX_TEXT_BYTES: usize = 32 << 20;

/// A Python `str` as Rust text. A lone surrogate (which a Python string may hold and
/// UTF-8 cannot) becomes U+FFFD: one code point and one UTF-16 unit for one, so
/// offsets still index the caller's string.
fn text_of<'a>(name: &str, v: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, str>> {
    let s = v.cast::<PyString>().map_err(|_| {
        let got = v
            .get_type()
            .name()
            .map_or_else(|_| "?".to_string(), |n| n.to_string());
        PyTypeError::new_err(format!("{name} must be a str (got {got})"))
    })?;
    let text = match s.to_cow() {
        Ok(t) => t,
        Err(_) => Cow::Owned(replace_surrogates(s)?),
    };
    if text.len() > MAX_TEXT_BYTES {
        return Err(PyValueError::new_err(format!(
            "{name} is {} bytes of UTF-8, over the limit of 32 MiB for one text; analyse it in parts",
            text.len()
        )));
    }
    Ok(text)
}

/// A `str` holding lone surrogates, each one replaced by U+FFFD. (PyO3's lossy
/// conversion would give three U+FFFD for one, and shift every later offset.)
fn replace_surrogates(s: &Bound<'_, PyString>) -> PyResult<String> {
    let units = s.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let bytes = units.cast::<PyBytes>()?.as_bytes();
    Ok(bytes
        .chunks_exact(4)
        .map(|c| {
            let cp = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect())
}

/// Reads `unit`.
fn unit_of(unit: &str) -> PyResult<Unit> {
    match unit {
        "codepoints" => Ok(Unit::CodePoints),
        "utf16" => Ok(Unit::Utf16),
        _ => Err(PyValueError::new_err(format!(
            "offsets must be \"codepoints\" or \"utf16\" (got {unit:?})"
        ))),
    }
}

/// The analyzer the options ask for: `None` for the built-in one.
fn analyzer_of(options_json: Option<&str>) -> PyResult<Option<Analyzer>> {
    let o = match options_json {
        None => return Ok(None),
        Some(json) => options::read(json).map_err(PyValueError::new_err)?,
    };
    Ok((!o.is_default()).then(|| o.build()))
}

/// Analyses one text into the contract's JSON.
fn run(text: &str, analyzer: Option<&Analyzer>, unit: Unit) -> String {
    let analysis = match analyzer {
        Some(a) => a.analyze(text),
        None => claimlens::analyze(text),
    };
    serde_json::to_string(&to_contract_in(text, &analysis, None, unit))
        .expect("the contract serialises")
}

/// Analyses `text` and returns the contract as JSON text.
#[pyfunction]
#[pyo3(signature = (text, options_json=None, offsets="codepoints"))]
fn analyze(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    options_json: Option<&str>,
    offsets: &str,
) -> PyResult<String> {
    let unit = unit_of(offsets)?;
    let text = text_of("text", text)?;
    let analyzer = analyzer_of(options_json)?;
    let text: &str = &text;
    Ok(py.detach(|| run(text, analyzer.as_ref(), unit)))
}

/// Analyses every text of `texts` (a list) on `threads` threads and returns the
/// contracts as JSON texts, in order.
#[pyfunction]
#[pyo3(signature = (texts, options_json=None, offsets="codepoints", threads=1))]
fn analyze_many(
    py: Python<'_>,
    texts: &Bound<'_, PyList>,
    options_json: Option<&str>,
    offsets: &str,
    threads: usize,
) -> PyResult<Vec<String>> {
    let unit = unit_of(offsets)?;
    if threads == 0 {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    let analyzer = analyzer_of(options_json)?;
    let mut owned: Vec<String> = Vec::with_capacity(texts.len());
    for (i, t) in texts.iter().enumerate() {
        owned.push(text_of(&format!("texts[{i}]"), &t)?.into_owned());
    }
    let analyzer = analyzer.as_ref();
    Ok(py.detach(|| many(&owned, analyzer, unit, threads)))
}

/// The texts' contracts, computed on up to `threads` threads that take the next
/// text as they finish one (long and short texts balance out).
fn many(texts: &[String], analyzer: Option<&Analyzer>, unit: Unit, threads: usize) -> Vec<String> {
    let threads = threads.min(texts.len()).max(1);
    if threads == 1 {
        return texts.iter().map(|t| run(t, analyzer, unit)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, String)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(t) = texts.get(i) else { break };
                        mine.push((i, run(t, analyzer, unit)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("an analysis thread panicked"))
            .collect()
    });
    done.sort_unstable_by_key(|d| d.0);
    done.into_iter().map(|d| d.1).collect()
}

/// The claimlens version (the crate's, from Cargo).
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// The module `claimlens._claimlens`.
#[pymodule]
fn _claimlens(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add("MAX_TEXT_BYTES", MAX_TEXT_BYTES)?;
    Ok(())
}
