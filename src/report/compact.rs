//! `--compact`: one line per finding, `file:line:col: ID [SEVERITY] message`,
//! for people who read many findings at once and for editors that jump to
//! `file:line:col`. Errors (and warnings, unless quiet) come first, in the
//! same shape; the summary line last.

use std::fmt::Write as _;

use super::human::View;
use super::Report;
use crate::diagnostic::Diagnostic;
use crate::finding::{Finding, Severity};
use crate::source::escape_for_terminal;

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";

pub fn render(report: &Report, view: View, color: bool) -> String {
    let mut out = String::new();
    for e in &report.errors {
        diagnostic_line(&mut out, e, "error", color);
    }
    if !view.quiet {
        for w in &report.warnings {
            diagnostic_line(&mut out, w, "warning", color);
        }
    }
    let (shown, hidden) = view.shown(&report.findings);
    for f in shown {
        finding_line(&mut out, f, color);
    }
    out.extend(view.summary(report, hidden));
    out
}

fn finding_line(out: &mut String, f: &Finding, color: bool) {
    let at = escape_for_terminal(&format!("{}:{}:{}", f.file, f.line, f.column)).into_owned();
    let severity = format!("[{}]", f.severity);
    let (at, severity) = if color {
        (
            format!("{BOLD}{at}{RESET}"),
            format!("{}{severity}{RESET}", severity_color(f.severity)),
        )
    } else {
        (at, severity)
    };
    let via = f
        .via
        .as_ref()
        .map(|v| format!(" (via {})", v.chain()))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{at}: {} {severity} {}{}",
        f.rule_id,
        escape_for_terminal(&f.message),
        escape_for_terminal(&via)
    );
}

fn diagnostic_line(out: &mut String, d: &Diagnostic, kind: &str, color: bool) {
    let at = if d.line > 0 {
        format!("{}:{}:{}", d.file, d.line, d.column)
    } else {
        d.file.clone()
    };
    let at = escape_for_terminal(&at);
    let kind = if color {
        let c = if kind == "error" {
            "\x1b[31m"
        } else {
            "\x1b[33m"
        };
        format!("{c}{kind}{RESET}")
    } else {
        kind.to_owned()
    };
    let _ = writeln!(out, "{at}: {kind}: {}", escape_for_terminal(&d.message));
}

fn severity_color(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "\x1b[31m",
        Severity::Medium => "\x1b[33m",
        Severity::Low => "\x1b[36m",
    }
}
