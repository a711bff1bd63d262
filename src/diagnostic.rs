//! Diagnostics: problems with the input itself (a file that cannot be read
//! or parsed, a policy that failed on a module), as opposed to findings.
//! Errors mean tfward could not do its whole job (exit 2); warnings lose
//! nothing.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Also the level of a diagnostic read back from a report's `errors`.
    #[default]
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Not serialised: a report lists errors and warnings apart.
    #[serde(skip)]
    pub level: Level,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// Byte offset in the file, for rendering a snippet.
    #[serde(skip)]
    pub offset: Option<usize>,
}

impl Diagnostic {
    pub fn new(level: Level, file: &str, line: usize, column: usize, message: String) -> Self {
        Diagnostic {
            level,
            file: file.to_owned(),
            line,
            column,
            message,
            offset: None,
        }
    }

    pub fn error(file: &str, line: usize, column: usize, message: String) -> Self {
        Diagnostic::new(Level::Error, file, line, column, message)
    }

    pub fn with_span(mut self, offset: usize) -> Self {
        self.offset = Some(offset);
        self
    }

    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            self.level,
            &self.file,
            self.line,
            self.column,
            &self.message,
        )
    }
}
