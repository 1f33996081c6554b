//! The size report (gzip level 9 of what the browser downloads) and the budgets it is held to.
//!
//! Sizes are gzip streams from flate2 with the zlib-rs backend at level 9 (`gz`). On the real
//! files of `dist/` they are within about 1% of `gzip -9` (GNU gzip 1.12) file by file, and
//! the app and widget without the models come out 1.0 KB larger; see README "Size".
//!
//! Budgets, in KB of 1024 bytes, each overridable by an environment variable (a test lowers
//! them to show that an over-budget build fails):
//! - the app's code, wasm + JS without the learned models: 270 (`CLAIMLENS_BUDGET_APP_KB`);
//! - the learned models, together: 150 (`CLAIMLENS_BUDGET_MODELS_KB`);
//! - the widget's code, without the learned models: 141 (`CLAIMLENS_BUDGET_WIDGET_KB`).

use crate::{embed, fail, files, Error, Result};
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::Path;

pub const APP: &str = "claimlens-app";
pub const STANDALONE: &str = "claimlens-standalone.html";
pub const REPORT: &str = "size-report.txt";

/// The gzipped size of `data` at the best level.
pub fn gz(data: &[u8]) -> u64 {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(data)
        .expect("writing to a Vec cannot fail");
    encoder
        .finish()
        .expect("writing to a Vec cannot fail")
        .len() as u64
}

/// `n` bytes in KB with one decimal.
pub fn kb(n: i64) -> String {
    format!("{:.1} KB", n as f64 / 1024.0)
}

/// One budget: a name for messages, its limit in bytes and the variable that set it.
#[derive(Clone, Debug)]
pub struct Budget {
    pub what: &'static str,
    pub bytes: i64,
    pub variable: &'static str,
    pub overridden: bool,
}

impl Budget {
    fn from_env(what: &'static str, variable: &'static str, default_kb: i64) -> Result<Budget> {
        let (bytes, overridden) = match std::env::var(variable) {
            Err(std::env::VarError::NotPresent) => (default_kb * 1024, false),
            Ok(text) => match text.trim().parse::<f64>() {
                Ok(value) if value.is_finite() && value >= 0.0 => {
                    ((value * 1024.0).round() as i64, true)
                }
                _ => fail!("{variable}={text:?} is not a size in KB"),
            },
            Err(e) => fail!("{variable}: {e}"),
        };
        Ok(Budget {
            what,
            bytes,
            variable,
            overridden,
        })
    }

    /// A message when `size` is over this budget.
    fn excess(&self, size: i64) -> Option<String> {
        (size > self.bytes).then(|| {
            format!(
                "{}: {} gzipped, over its budget of {} by {}{}",
                self.what,
                kb(size),
                kb(self.bytes),
                kb(size - self.bytes),
                if self.overridden {
                    format!(" (budget set by {})", self.variable)
                } else {
                    format!(" (to override: {})", self.variable)
                }
            )
        })
    }
}

/// The three budgets, from the environment or the defaults.
#[derive(Clone, Debug)]
pub struct Budgets {
    pub app: Budget,
    pub models: Budget,
    pub widget: Budget,
}

impl Budgets {
    pub fn from_env() -> Result<Budgets> {
        Ok(Budgets {
            app: Budget::from_env(
                "app code (wasm + JS, without the learned models)",
                "CLAIMLENS_BUDGET_APP_KB",
                270,
            )?,
            models: Budget::from_env(
                "the learned models, together",
                "CLAIMLENS_BUDGET_MODELS_KB",
                150,
            )?,
            widget: Budget::from_env(
                "widget code (wasm + JS, without the learned models)",
                "CLAIMLENS_BUDGET_WIDGET_KB",
                141,
            )?,
        })
    }
}

/// A file's name, raw size and gzipped size.
struct Row {
    name: String,
    raw: i64,
    gz: i64,
}

fn row(dir: &Path, name: &str) -> Result<Row> {
    let data = files::read(&dir.join(name))?;
    Ok(Row {
        name: name.to_string(),
        raw: data.len() as i64,
        gz: gz(&data) as i64,
    })
}

/// The report's text, and one message per budget exceeded.
pub struct Report {
    pub text: String,
    pub excesses: Vec<String>,
}

impl Report {
    /// Fails with every excess, when there is one.
    pub fn check(&self) -> Result {
        if self.excesses.is_empty() {
            return Ok(());
        }
        fail!(
            "size budget exceeded (gzip -9): {}",
            self.excesses.join("; ")
        )
    }
}

/// The report of a finished `dist` (or Trunk's staging directory): its top-level files, the
/// app's `wasm` before embedding, the learned models of `root/models` and `dist/widget/`.
pub fn measure(root: &Path, dist: &Path, wasm: &[u8], budgets: &Budgets) -> Result<Report> {
    let mut rows = Vec::new();
    for name in files::file_names(dist)? {
        if name != REPORT {
            rows.push(row(dist, &name)?);
        }
    }
    let code_gz: i64 = rows
        .iter()
        .filter(|r| r.name.ends_with(".js"))
        .map(|r| r.gz)
        .sum();
    let models_dir = root.join("models");
    let mut models = Vec::new();
    for name in files::file_names(&models_dir)? {
        models.push(row(&models_dir, &name)?);
    }
    let models_gz: i64 = models.iter().map(|m| m.gz).sum();

    let widget_dir = dist.join("widget");
    if !widget_dir.is_dir() {
        fail!("{} is missing (postbuild builds it)", widget_dir.display());
    }
    let mut widget = Vec::new();
    for name in files::file_names(&widget_dir)? {
        if name.ends_with(".js") || name.ends_with(".wasm") {
            widget.push(row(&widget_dir, &name)?);
        }
    }
    let widget_gz: i64 = widget.iter().map(|r| r.gz).sum();

    let app_gz = code_gz - models_gz;
    let mut excesses = Vec::new();
    excesses.extend(budgets.app.excess(app_gz));
    excesses.extend(budgets.models.excess(models_gz));
    excesses.extend(budgets.widget.excess(widget_gz - models_gz));
    let verdict = |over: bool| if over { "OVER" } else { "within" };

    let mut lines = vec!["size report (gzip -9), what the browser downloads:".to_string()];
    let line = |r: &Row| {
        format!(
            "  {:28} {:>10} raw {:>10} gzipped",
            r.name,
            kb(r.raw),
            kb(r.gz)
        )
    };
    lines.extend(rows.iter().map(line));
    lines.push(format!(
        "  the wasm alone, before embedding: {} raw, {} gzipped",
        kb(wasm.len() as i64),
        kb(gz(wasm) as i64)
    ));
    for m in &models {
        lines.push(format!(
            "  of which the learned model {}: {} gzipped",
            m.name,
            kb(m.gz)
        ));
    }
    lines.push(format!(
        "  app wasm + JS: {} gzipped = {} app (budget {}, {}) + {} learned models (budget {}, {})",
        kb(code_gz),
        kb(app_gz),
        kb(budgets.app.bytes),
        verdict(app_gz > budgets.app.bytes),
        kb(models_gz),
        kb(budgets.models.bytes),
        verdict(models_gz > budgets.models.bytes),
    ));
    for r in rows.iter().filter(|r| r.name == STANDALONE) {
        lines.push(format!(
            "  single-file build {}: {} raw, {} gzipped (opens from file://)",
            r.name,
            kb(r.raw),
            kb(r.gz)
        ));
    }
    lines.push("widget (dist/widget/), what a host page downloads:".to_string());
    lines.extend(widget.iter().map(line));
    lines.push(format!(
        "  widget wasm + JS: {} gzipped = {} without the learned models (budget {}, {}) + {} models",
        kb(widget_gz),
        kb(widget_gz - models_gz),
        kb(budgets.widget.bytes),
        verdict(widget_gz - models_gz > budgets.widget.bytes),
        kb(models_gz),
    ));
    lines.push(if excesses.is_empty() {
        "  all within budget".to_string()
    } else {
        format!("  OVER budget: {}", excesses.join("; "))
    });
    Ok(Report {
        text: lines.join("\n") + "\n",
        excesses,
    })
}

/// `xtask report DIR`: prints the report of a built dist/ and fails when it is over a budget.
/// It reads the wasm back from `claimlens-app.wasm.js` and writes nothing.
pub fn check_dist(root: &Path, dist: &Path) -> Result {
    let budgets = Budgets::from_env()?;
    let module = dist.join(format!("{APP}.wasm.js"));
    let wasm = embed::decode(&files::read_text(&module)?).ok_or_else(|| {
        Error::new(format!(
            "{} does not hold an embedded wasm",
            module.display()
        ))
    })?;
    let report = measure(root, dist, &wasm, &budgets)?;
    print!("{}", report.text);
    report.check()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kb_has_one_decimal() {
        assert_eq!(kb(0), "0.0 KB");
        assert_eq!(kb(1536), "1.5 KB");
        assert_eq!(kb(-1024), "-1.0 KB");
    }

    #[test]
    fn gz_is_a_gzip_stream_of_the_data() {
        use std::io::Read;
        let data = b"claimlens claimlens claimlens claimlens".repeat(100);
        let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(&data).unwrap();
        let stream = encoder.finish().unwrap();
        assert_eq!(gz(&data), stream.len() as u64);
        assert!(stream.len() < 200, "repetitive text compresses");
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&stream[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, data);
    }

    #[test]
    fn an_excess_names_the_budget_the_size_and_the_difference() {
        let budget = Budget {
            what: "app code",
            bytes: 100 * 1024,
            variable: "CLAIMLENS_BUDGET_APP_KB",
            overridden: true,
        };
        assert_eq!(budget.excess(100 * 1024), None);
        assert_eq!(
            budget.excess(110 * 1024 + 512).as_deref(),
            Some(
                "app code: 110.5 KB gzipped, over its budget of 100.0 KB by 10.5 KB \
                 (budget set by CLAIMLENS_BUDGET_APP_KB)"
            )
        );
    }
}
