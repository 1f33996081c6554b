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
        }
    }
}

impl std::error::Error for Error {}
