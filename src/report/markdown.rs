//! A compact Markdown summary for a pull-request comment: counts by
//! severity, then the most severe findings in a table. It holds no links,
//! so it reads the same wherever it is posted.

use std::fmt::Write as _;

use super::{by_severity, Context, Report};
use crate::finding::Severity;

/// How many findings the table lists before "… and N more".
pub const MAX_ROWS: usize = 20;

/// How many errors are listed before "… and N more".
const MAX_ERRORS: usize = 10;

pub fn render(report: &Report, ctx: &Context<'_>) -> String {
    let total = report.findings.len();
    let mut out = format!(
        "## tfward: {total} finding{}{}\n\n",
        if total == 1 { "" } else { "s" },
        if report.errors.is_empty() {
            ""
        } else {
            ", scan incomplete"
        }
    );
    let s = &report.summary;
    let _ = writeln!(
        out,
        "Scanned {} file{}, {} module{} and {} resource{} with {} polic{}.\n",
        s.files,
        plural(s.files),
        s.modules,
        plural(s.modules),
        s.resources,
        plural(s.resources),
        s.policies,
        if s.policies == 1 { "y" } else { "ies" },
    );
    out.push_str("| Severity | Findings |\n|---|---:|\n");
    for sev in Severity::ALL {
        let n = s.findings.get(sev.as_str()).copied().unwrap_or(0);
        let _ = writeln!(out, "| {sev} | {n} |");
    }
    if !report.errors.is_empty() {
        let n = report.errors.len();
        let _ = writeln!(
            out,
            "\n**{n} error{} kept tfward from reading everything:**\n",
            plural(n)
        );
        for e in report.errors.iter().take(MAX_ERRORS) {
            let file = ctx.rel_path(&e.file);
            let at = if e.line > 0 {
                format!("{file}:{}", e.line)
            } else {
                file
            };
            let _ = writeln!(out, "- {}: {}", code(&at), inline(&e.message));
        }
        if n > MAX_ERRORS {
            let _ = writeln!(out, "- … and {} more", n - MAX_ERRORS);
        }
    }
    if !report.warnings.is_empty() {
        let n = report.warnings.len();
        let _ = writeln!(
            out,
            "\n<details><summary>{n} warning{}: parts of the configuration not evaluated</summary>\n",
            plural(n)
        );
        for w in report.warnings.iter().take(MAX_ERRORS) {
            let file = ctx.rel_path(&w.file);
            let at = if w.line > 0 {
                format!("{file}:{}", w.line)
            } else {
                file
            };
            let _ = writeln!(out, "- {}: {}", code(&at), inline(&w.message));
        }
        if n > MAX_ERRORS {
            let _ = writeln!(out, "- … and {} more", n - MAX_ERRORS);
        }
        out.push_str("\n</details>\n");
    }
    if total == 0 {
        return out;
    }
    out.push_str("\n| Severity | Rule | Resource | Location | Message |\n|---|---|---|---|---|\n");
    for f in by_severity(&report.findings).into_iter().take(MAX_ROWS) {
        let file = ctx.rel_path(&f.file);
        let at = if f.line > 0 {
            format!("{file}:{}", f.line)
        } else {
            file
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            f.severity,
            f.rule_id,
            code(&f.address),
            code(&at),
            inline(&f.message)
        );
    }
    if total > MAX_ROWS {
        let _ = writeln!(out, "\n… and {} more.", total - MAX_ROWS);
    }
    out
}

/// A code span inside a table cell: as [`code_span`], and a pipe would end
/// the cell even inside code on GitHub.
fn code(s: &str) -> String {
    code_span(s).replace('|', "\\|")
}

/// Plain text inside a table cell or list item: see [`text`].
fn inline(s: &str) -> String {
    text(s)
}

/// Untrusted text (addresses, values, file names, messages) as Markdown
/// that cannot open a link, an image, raw HTML, an entity or a table cell:
/// `[`, `]`, `|` and `\\` backslash-escaped, `<`, `>` and `&` as entities,
/// line breaks flattened, control characters shown as `\x1b`. Code spans
/// stay code spans (messages and rollback steps quote commands): their
/// contents are inert, so only `|` is escaped there; they are found as
/// CommonMark finds them (a run of backticks closed by a run of the same
/// length), so an unmatched run cannot shield markup. `*` and `_` stay:
/// their worst is emphasis.
pub fn text(s: &str) -> String {
    let s = crate::source::escape_for_terminal(&s.replace(['\n', '\r'], " ")).into_owned();
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s.as_str();
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            let run = rest.len() - rest.trim_start_matches('`').len();
            let span = closing_run(&rest[run..], run).map_or(run, |end| run + end);
            out.push_str(&rest[..span].replace('|', "\\|"));
            rest = &rest[span..];
            continue;
        }
        match c {
            '\\' | '[' | ']' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Where the first run of exactly `n` backticks in `s` ends.
fn closing_run(s: &str, n: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let start = i;
            while i < bytes.len() && bytes[i] == b'`' {
                i += 1;
            }
            if i - start == n {
                return Some(i);
            }
        } else {
            i += 1;
        }
    }
    None
}

/// Untrusted text as one inline code span: a fence of more backticks than
/// the longest run inside (padded with spaces when the text starts or ends
/// with one), line breaks flattened, control characters escaped. Inside
/// code nothing is a link or HTML. Outside a table; in one use [`code`] or
/// escape `|`.
pub fn code_span(s: &str) -> String {
    let s = crate::source::escape_for_terminal(&s.replace(['\n', '\r'], " ")).into_owned();
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(inline("a|b\n<c>"), "a\\|b &lt;c&gt;");
        assert_eq!(code("x[\"a|b`\"]"), "``x[\"a\\|b`\"]``");
        assert_eq!(code_span("`a``"), "``` `a`` ```");
    }

    #[test]
    fn text_cannot_open_links_images_or_html() {
        assert_eq!(
            text("![p](http://e/p.png) [l](x) <img src=x> &amp; \u{1b}"),
            "!\\[p\\](http://e/p.png) \\[l\\](x) &lt;img src=x&gt; &amp;amp; \\\\x1b"
        );
        // Code spans stay code; an unmatched run of backticks is literal
        // and shields nothing.
        assert_eq!(text("run `a <b> | c`"), "run `a <b> \\| c`");
        assert_eq!(text("`` ` <img>"), "`` ` &lt;img&gt;");
        assert_eq!(text("`a`` <img> ``b`"), "`a`` <img> ``b`");
    }
}
