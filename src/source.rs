//! The file database: every file tfward read, its text and line index, so any
//! byte offset can become a 1-based line and column and a miette snippet.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One file as read from disk.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user should see it (relative to the current directory
    /// when the scanned path was relative), with `/` separators.
    pub display: String,
    /// The path used to open the file.
    pub path: PathBuf,
    pub text: Arc<str>,
    line_starts: Vec<usize>,
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn new(path: PathBuf, display: String, text: impl Into<Arc<str>>) -> SourceFile {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            display,
            path,
            text,
            line_starts,
        }
    }

    /// The line and column of a byte offset; offsets past the end clamp to it.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line.checked_sub(1)?).copied()
    }

    /// The byte offset of a 1-based line and character column.
    pub fn offset_of(&self, at: LineCol) -> Option<usize> {
        let start = self.line_start(at.line)?;
        let line = self.line_text(at.line);
        let col = at.column.checked_sub(1)?;
        let within = line.char_indices().nth(col).map_or(line.len(), |(i, _)| i);
        Some(start + within)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(start) = self.line_start(line) else {
            return "";
        };
        let end = self.line_start(line + 1).unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// Formats a path for display: forward slashes, no leading `./`.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    match s.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let f = SourceFile::new("a".into(), "a".into(), "ab\nçd = 1\n");
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(3), LineCol { line: 2, column: 1 });
        // 'ç' is two bytes; "d" is the second character.
        assert_eq!(f.line_col(5), LineCol { line: 2, column: 2 });
        assert_eq!(f.line_text(2), "çd = 1");
        assert_eq!(f.line_col(1000).line, 3);
    }

    #[test]
    fn display_strips_dot_slash() {
        assert_eq!(display_path(Path::new("./a/b.tf")), "a/b.tf");
        assert_eq!(display_path(Path::new(".")), ".");
    }
}
