//! The file database: every file tfward read, its text and line index, so any
//! byte offset can become a 1-based line and column, and a bounded
//! [`Excerpt`] of it can be shown in a rendered diagnostic.

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
    /// Pure ASCII: a column is a byte distance (the common case, and what
    /// keeps one-line plans linear).
    ascii: bool,
    /// For other files: (byte offset, characters since its line start) every
    /// [`CHECKPOINT`] bytes of every line, so a column costs at most that
    /// many bytes of counting however long the line is.
    checkpoints: Vec<(usize, usize)>,
    /// A plan or state: a diagnostic shows only its own span, never the
    /// values around it (they may be sensitive).
    pub data: bool,
}

/// Distance between character-count checkpoints on long non-ASCII lines.
const CHECKPOINT: usize = 4096;

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn new(path: PathBuf, display: String, text: impl Into<Arc<str>>) -> SourceFile {
        let text: Arc<str> = text.into();
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let ascii = text.is_ascii();
        let checkpoints = if ascii {
            Vec::new()
        } else {
            char_checkpoints(&text)
        };
        SourceFile {
            display,
            path,
            text,
            line_starts,
            ascii,
            checkpoints,
            data: false,
        }
    }

    /// A plan or state file (see [`SourceFile::data`]).
    pub fn data(path: PathBuf, display: String, text: impl Into<Arc<str>>) -> SourceFile {
        SourceFile {
            data: true,
            ..SourceFile::new(path, display, text)
        }
    }

    /// The excerpt a diagnostic at `span` shows.
    pub fn excerpt(&self, span: std::ops::Range<usize>) -> Excerpt {
        if self.data {
            Excerpt::span_only(self, span)
        } else {
            Excerpt::around(self, span, 1)
        }
    }

    /// The line and column of a byte offset; offsets past the end clamp to it
    /// (and offsets inside a character to its start).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = if self.ascii {
            offset - start
        } else {
            let (from, chars) = self.checkpoint_before(start, offset);
            chars + self.text[from..offset].chars().count()
        };
        LineCol {
            line: line + 1,
            column: column + 1,
        }
    }

    /// The last checkpoint at or before `offset` on the line starting at
    /// `line_start`: (its byte offset, characters from the line start).
    fn checkpoint_before(&self, line_start: usize, offset: usize) -> (usize, usize) {
        let i = self.checkpoints.partition_point(|&(at, _)| at <= offset);
        match i.checked_sub(1).map(|i| self.checkpoints[i]) {
            Some((at, chars)) if at >= line_start => (at, chars),
            _ => (line_start, 0),
        }
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line.checked_sub(1)?).copied()
    }

    /// The byte offset of a 1-based line and character column (a column past
    /// the end of the line is its end).
    pub fn offset_of(&self, at: LineCol) -> Option<usize> {
        let start = self.line_start(at.line)?;
        let line = self.line_text(at.line);
        let col = at.column.checked_sub(1)?;
        if self.ascii {
            return Some(start + col.min(line.len()));
        }
        // Start from the last checkpoint on this line with fewer characters.
        let lo = self.checkpoints.partition_point(|&(b, _)| b < start);
        let hi = self
            .checkpoints
            .partition_point(|&(b, _)| b < start + line.len());
        let (from, chars) = self.checkpoints[lo..hi]
            .iter()
            .rev()
            .find(|&&(_, c)| c <= col)
            .copied()
            .unwrap_or((start, 0));
        let rest = &self.text[from..start + line.len()];
        let within = rest
            .char_indices()
            .nth(col - chars)
            .map_or(rest.len(), |(i, _)| i);
        Some(from + within)
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

/// A bounded window of a file around a span, for a rendered diagnostic: the
/// span's line and one line of context on each side, each cut to about
/// [`Excerpt::WIDTH`] characters around the span (a one-line plan is never
/// printed whole), with control and bidirectional-override characters shown
/// as escapes (`\x1b`, `\u{202e}`) so file contents cannot drive a terminal.
/// It keeps the real line and column numbers for miette.
#[derive(Debug)]
pub struct Excerpt {
    name: String,
    text: String,
    /// 0-based line number of the excerpt's first line in the file.
    first_line: usize,
    /// The label's range in `text`, and its real 0-based line and column.
    label: std::ops::Range<usize>,
    label_line: usize,
    label_column: usize,
}

impl Excerpt {
    /// The most characters of a line an excerpt shows.
    pub const WIDTH: usize = 120;
    /// Characters shown before the span on a cut line.
    const LEAD: usize = 40;

    /// The excerpt of `file` around the byte range `span` (its first line).
    /// `context` is the number of lines shown before and after it.
    pub fn around(file: &SourceFile, span: std::ops::Range<usize>, context: usize) -> Excerpt {
        let start = span.start.min(file.text.len());
        let at = file.line_col(start);
        let line_start = file.line_start(at.line).unwrap_or(0);
        let line = file.line_text(at.line);
        let end = span.end.clamp(start, line_start + line.len());
        let first = at.line.saturating_sub(context).max(1);
        let last = (at.line + context).min(file.line_count());
        let mut text = String::new();
        let mut label = 0..0;
        for n in first..=last {
            if n > first {
                text.push('\n');
            }
            if n == at.line {
                let (from, to) = (start - line_start, end - line_start);
                label = push_window(&mut text, line, from, to);
            } else {
                push_window(&mut text, file.line_text(n), 0, 0);
            }
        }
        Excerpt {
            name: escape_for_terminal(&file.display).into_owned(),
            text,
            first_line: first - 1,
            label,
            label_line: at.line - 1,
            label_column: at.column - 1,
        }
    }

    /// Only the span itself (at most one line of it), for files whose
    /// surroundings must not be shown: a plan's neighbouring values may be
    /// sensitive.
    pub fn span_only(file: &SourceFile, span: std::ops::Range<usize>) -> Excerpt {
        let start = span.start.min(file.text.len());
        let at = file.line_col(start);
        let line_start = file.line_start(at.line).unwrap_or(0);
        let line = file.line_text(at.line);
        let end = span.end.clamp(start, line_start + line.len());
        let mut text = String::new();
        let piece = &line[start - line_start..end - line_start];
        let label = push_window(&mut text, piece, 0, piece.len());
        Excerpt {
            name: escape_for_terminal(&file.display).into_owned(),
            text,
            first_line: at.line - 1,
            label,
            label_line: at.line - 1,
            label_column: at.column - 1,
        }
    }

    /// The label's range in the excerpt, for a miette `LabeledSpan`.
    pub fn label(&self) -> std::ops::Range<usize> {
        self.label.clone()
    }
}

impl miette::SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner =
            self.text
                .as_str()
                .read_span(span, context_lines_before, context_lines_after)?;
        let is_label = span.offset() == self.label.start
            && context_lines_before == 0
            && context_lines_after == 0;
        let (line, column) = if is_label {
            (self.label_line, self.label_column)
        } else {
            (inner.line() + self.first_line, inner.column())
        };
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            line,
            column,
            inner.line_count(),
        )))
    }
}

/// Appends at most [`Excerpt::WIDTH`] characters of `line` around the byte
/// range `from..to`, escaped; returns that range's place in `out`.
fn push_window(out: &mut String, line: &str, from: usize, to: usize) -> std::ops::Range<usize> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let index_of = |byte: usize| chars.partition_point(|&(b, _)| b < byte);
    let (a, b) = (index_of(from), index_of(to).max(index_of(from)));
    let (lo, hi) = if chars.len() <= Excerpt::WIDTH {
        (0, chars.len())
    } else {
        let lo = a.saturating_sub(Excerpt::LEAD);
        (lo, (lo + Excerpt::WIDTH).min(chars.len()))
    };
    if lo > 0 {
        out.push('…');
    }
    let byte_at = |i: usize| chars.get(i).map_or(line.len(), |&(b, _)| b);
    let masked = secret_ranges(line, byte_at(lo), byte_at(hi));
    let mut label = out.len()..out.len();
    for (i, &(at, c)) in chars.iter().enumerate().take(hi).skip(lo) {
        if i == a {
            label.start = out.len();
        }
        if masked.iter().any(|r| r.contains(&at)) {
            out.push('*');
        } else {
            push_escaped(out, c);
        }
        if i + 1 == b {
            label.end = out.len();
        }
    }
    if a >= hi {
        label.start = out.len();
    }
    label.end = label.end.max(label.start);
    if hi < chars.len() {
        out.push('…');
    }
    label
}

/// Byte ranges of `line` between `from` and `to` (a shown window) that
/// hold a value that looks like a secret: a known token format (AWS access
/// key ids, GitHub, GitLab, Slack and Stripe tokens, private key blocks) or
/// the value assigned to a name such as `password`, `secret`, `token` or
/// `api_key` (a quoted string, or an unquoted `NAME=value` as in a shell
/// script inside `user_data`). Shown as `*`, one per character, so the
/// excerpt keeps its columns. A finding's excerpt shows the line it is on,
/// and a hard-coded secret is exactly what some findings are about.
fn secret_ranges(line: &str, from: usize, to: usize) -> Vec<std::ops::Range<usize>> {
    use std::sync::OnceLock;
    static PATTERNS: OnceLock<Vec<regex::Regex>> = OnceLock::new();
    let patterns = PATTERNS.get_or_init(|| {
        [
            r"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b",
            r"\bgh[pousr]_[A-Za-z0-9]{30,}",
            r"\bgithub_pat_[A-Za-z0-9_]{30,}",
            r"\bglpat-[A-Za-z0-9_-]{20,}",
            r"\bxox[abposr]-[A-Za-z0-9-]{10,}",
            r"\b[sr]k_live_[A-Za-z0-9]{16,}",
            r"-----BEGIN [A-Z ]*PRIVATE KEY-----[^-]*",
            // NAME = "value" / NAME: "value" (HCL, JSON, YAML)
            r#"(?i)(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)[A-Za-z0-9_]*\\?"?\s*[=:]\s*\\?"((?:[^"\\]|\\[^"])+)"#,
            // NAME=value in a script
            r"(?i)(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)[A-Za-z0-9_]*=([^\s\x22'\\;&|]+)",
        ]
        .iter()
        .filter_map(|p| regex::Regex::new(p).ok())
        .collect()
    });
    // Some context each side, so a name just outside the window still
    // masks its value inside it; never the whole of a long line.
    let mut lo = from.saturating_sub(200);
    while !line.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (to + 200).min(line.len());
    while !line.is_char_boundary(hi) {
        hi += 1;
    }
    let text = &line[lo..hi];
    let mut out = Vec::new();
    for re in patterns {
        for caps in re.captures_iter(text) {
            let m = caps.get(1).or_else(|| caps.get(0));
            // A named value: short ones ("none", "hours") and
            // interpolations are settings, not secrets.
            let named = caps.get(1).is_some();
            if let Some(m) = m.filter(|m| !named || (m.len() >= 6 && !m.as_str().contains("${"))) {
                out.push(lo + m.start()..lo + m.end());
            }
        }
    }
    out
}

/// Characters a terminal must not receive raw: C0 and C1 controls (tab
/// aside), bidirectional overrides and isolates, zero-width characters that
/// hide text, and a BOM inside text.
fn needs_escape(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}'
        | '\u{a}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}')
}

/// A character as a terminal may safely print it: `\x1b`, `\u{202e}`.
pub fn push_escaped(out: &mut String, c: char) {
    use std::fmt::Write as _;
    if !needs_escape(c) {
        out.push(c);
    } else if (c as u32) < 0x80 {
        let _ = write!(out, "\\x{:02x}", c as u32);
    } else {
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
    }
}

/// `text` with [`push_escaped`] applied: for any file content, name or value
/// printed to a terminal or CI log.
pub fn escape_for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    std::borrow::Cow::Owned(out)
}

/// Character-count checkpoints every [`CHECKPOINT`] bytes of each line.
fn char_checkpoints(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut chars = 0;
        let mut last = line_start;
        let mut next = line_start + CHECKPOINT;
        for (i, _) in line.char_indices() {
            let at = line_start + i;
            if at >= next {
                chars += text[last..at].chars().count();
                out.push((at, chars));
                last = at;
                next = at + CHECKPOINT;
            }
        }
        line_start += line.len();
    }
    out
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
