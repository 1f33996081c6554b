//! The claimlens build task (see `main.rs` for the commands): the steps that turn Trunk's
//! output into `dist/`, the JS API build, and the size budgets.

pub mod embed;
pub mod js;
pub mod package;
pub mod postbuild;
pub mod report;
pub mod standalone;
pub mod tools;

use std::fmt;
use std::path::{Path, PathBuf};

/// A failure, as one message for the person running the build.
#[derive(Debug)]
pub struct Error(String);

impl Error {
    pub fn new(message: impl Into<String>) -> Self {
        Error(message.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

pub type Result<T = ()> = std::result::Result<T, Error>;

/// Returns early with an [`Error`] built like `format!`.
#[macro_export]
macro_rules! fail {
    ($($arg:tt)*) => {
        return Err($crate::Error::new(format!($($arg)*)))
    };
}

/// The repository: the parent of this crate's folder.
pub fn root() -> PathBuf {
    let xtask = Path::new(env!("CARGO_MANIFEST_DIR"));
    xtask
        .parent()
        .expect("xtask/ sits in the repository")
        .to_path_buf()
}

/// File operations whose errors name the file.
pub mod files {
    use super::{Error, Result};
    use std::fs;
    use std::path::Path;

    fn err(what: &str, path: &Path, e: std::io::Error) -> Error {
        Error::new(format!("cannot {what} {}: {e}", path.display()))
    }

    pub fn read(path: &Path) -> Result<Vec<u8>> {
        fs::read(path).map_err(|e| err("read", path, e))
    }

    pub fn read_text(path: &Path) -> Result<String> {
        fs::read_to_string(path).map_err(|e| err("read", path, e))
    }

    pub fn write(path: &Path, data: impl AsRef<[u8]>) -> Result {
        fs::write(path, data).map_err(|e| err("write", path, e))
    }

    pub fn copy(from: &Path, to: &Path) -> Result {
        fs::copy(from, to)
            .map(drop)
            .map_err(|e| err(&format!("copy to {} from", to.display()), from, e))
    }

    pub fn remove_file(path: &Path) -> Result {
        fs::remove_file(path).map_err(|e| err("remove", path, e))
    }

    /// Removes a directory and everything in it; a directory that is not there is fine.
    pub fn remove_dir_all(path: &Path) -> Result {
        match fs::remove_dir_all(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(err("remove", path, e)),
            _ => Ok(()),
        }
    }

    pub fn create_dir_all(path: &Path) -> Result {
        fs::create_dir_all(path).map_err(|e| err("create", path, e))
    }

    /// The names of the plain files directly in `dir`, sorted (byte order).
    pub fn file_names(dir: &Path) -> Result<Vec<String>> {
        let mut names = Vec::new();
        for entry in fs::read_dir(dir).map_err(|e| err("list", dir, e))? {
            let entry = entry.map_err(|e| err("list", dir, e))?;
            if entry
                .file_type()
                .map_err(|e| err("list", dir, e))?
                .is_file()
            {
                match entry.file_name().into_string() {
                    Ok(name) => names.push(name),
                    Err(name) => {
                        return Err(Error::new(format!(
                            "{}: a file name that is not UTF-8: {name:?}",
                            dir.display()
                        )))
                    }
                }
            }
        }
        names.sort();
        Ok(names)
    }
}
