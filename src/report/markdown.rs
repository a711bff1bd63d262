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

/// A code span inside a table cell: backticks in the text would end it, and
/// a pipe would end the cell even inside code on GitHub.
fn code(s: &str) -> String {
    format!(
        "`{}`",
        s.replace('`', "'")
            .replace('|', "\\|")
            .replace(['\n', '\r'], " ")
    )
}

/// Plain text inside a table cell or list item: no line breaks, no pipes,
/// no HTML.
fn inline(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace(['\n', '\r'], " ")
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
        assert_eq!(code("x[\"a|b`\"]"), "`x[\"a\\|b'\"]`");
    }
}
