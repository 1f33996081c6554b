//! The errors of the public API.

use std::fmt;

/// What can go wrong when building an analyzer or training a model.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A model file is not a claimlens model, or is damaged.
    ModelFile(&'static str),
    /// A model of the wrong task: its labels are not those the layer reads
    /// (an actor model given as the claims model, say).
    WrongModel {
        /// The labels the layer needs.
        expected: Vec<String>,
        /// The model's labels.
        found: Vec<String>,
    },
    /// A line of a training corpus could not be read.
    Corpus {
        /// The line number (from 1).
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A reader's rules file could not be read, or one of its rules is
    /// invalid.
    Rules {
        /// Which rule ("hedges[2].phrase"); empty when the file as a whole
        /// is not a rules file.
        path: String,
        /// What is wrong with it.
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::ModelFile(why) => write!(f, "{why}"),
            Error::WrongModel { expected, found } => write!(
                f,
                "not a claims model: its labels are {found:?}, a claims model has {expected:?}"
            ),
            Error::Corpus { line, message } => write!(f, "line {line}: {message}"),
            Error::Rules { path, message } if path.is_empty() => {
                write!(f, "not a rules file: {message}")
            }
            Error::Rules { path, message } => write!(f, "rules: {path} {message}"),
        }
    }
}

impl std::error::Error for Error {}
