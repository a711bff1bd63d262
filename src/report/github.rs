//! GitHub Actions workflow commands: one `::error`/`::warning`/`::notice`
//! line per finding, which the runner turns into annotations on the pull
//! request's diff, and an `::error` line for each file tfward could not read.

use std::fmt::Write as _;

use super::{Context, Report};
use crate::diagnostic::Diagnostic;
use crate::finding::{Finding, Severity};

pub fn render(report: &Report, ctx: &Context<'_>) -> String {
    let mut out = String::new();
    for e in &report.errors {
        diagnostic(&mut out, "error", e, ctx);
    }
    for w in &report.warnings {
        diagnostic(&mut out, "warning", w, ctx);
    }
    for f in &report.findings {
        finding(&mut out, f, ctx);
    }
    out
}

pub fn command(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "notice",
    }
}

fn finding(out: &mut String, f: &Finding, ctx: &Context<'_>) {
    let mut props = vec![("file", ctx.rel_path(&f.file))];
    if f.line > 0 {
        props.push(("line", f.line.to_string()));
        let end_line = f.end_line.max(f.line);
        if end_line == f.line {
            // GitHub takes columns on one line only, and reads endColumn as
            // the last column inside the span; ours is the one after it.
            let col = f.column.max(1);
            props.push(("col", col.to_string()));
            props.push(("endLine", end_line.to_string()));
            props.push((
                "endColumn",
                f.end_column.saturating_sub(1).max(col).to_string(),
            ));
        } else {
            props.push(("endLine", end_line.to_string()));
        }
    }
    props.push(("title", format!("{} {}", f.rule_id, f.title)));
    line(
        out,
        command(f.severity),
        &props,
        &format!("[{}] {}", f.severity, f.message),
    );
}

fn diagnostic(out: &mut String, kind: &str, d: &Diagnostic, ctx: &Context<'_>) {
    let mut props = vec![("file", ctx.rel_path(&d.file))];
    if d.line > 0 {
        props.push(("line", d.line.to_string()));
        props.push(("col", d.column.max(1).to_string()));
    }
    props.push(("title", "tfward".to_owned()));
    line(out, kind, &props, &d.message);
}

fn line(out: &mut String, kind: &str, props: &[(&str, String)], message: &str) {
    let props: Vec<String> = props
        .iter()
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect();
    let _ = writeln!(
        out,
        "::{kind} {}::{}",
        props.join(","),
        escape_data(message)
    );
}

/// The message part of a workflow command: the runner's own escapes for
/// `%` and line ends, then every other control character (ESC, BEL, bidi
/// overrides) as a visible `\x1b`-style escape, since the runner prints the
/// message into the log.
pub fn escape_data(s: &str) -> String {
    let s = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    crate::source::escape_for_terminal(&s).into_owned()
}

/// A property value: as the message, plus `:` and `,`, which delimit
/// properties.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(escape_data("50% of\r\nall"), "50%25 of%0D%0Aall");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(escape_data("\u{1b}[2J\u{7}"), "\\x1b[2J\\x07");
    }
}
