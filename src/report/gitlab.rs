//! GitLab Code Quality JSON (`artifacts:reports:codequality`): an array of
//! issues, each with the finding's line-independent fingerprint so GitLab
//! tracks an issue across commits that move it. Files tfward could not read
//! are issues too (check `tfward-error`), and warnings (`tfward-warning`,
//! severity info), since nothing else of this run reaches the merge request.

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::{Context, Report};
use crate::diagnostic::Diagnostic;
use crate::finding::{Finding, Severity};

pub const ERROR_CHECK: &str = "tfward-error";

/// Warnings (a module not installed) as informational issues.
pub const WARNING_CHECK: &str = "tfward-warning";

pub fn render(report: &Report, ctx: &Context<'_>) -> String {
    let issues: Vec<Value> = report
        .errors
        .iter()
        .map(|e| error_issue(e, ctx, ERROR_CHECK, "critical"))
        .chain(
            report
                .warnings
                .iter()
                .map(|w| error_issue(w, ctx, WARNING_CHECK, "info")),
        )
        .chain(report.findings.iter().map(|f| finding_issue(f, ctx)))
        .collect();
    let mut s =
        serde_json::to_string_pretty(&issues).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// Code Quality severities: info, minor, major, critical, blocker.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Low => "minor",
        Severity::Medium => "major",
        Severity::High => "critical",
        Severity::Critical => "blocker",
    }
}

fn finding_issue(f: &Finding, ctx: &Context<'_>) -> Value {
    let begin = f.line.max(1);
    json!({
        "description": format!("{}: {}", f.title, f.message),
        "check_name": f.rule_id,
        "fingerprint": f.fingerprint,
        "severity": severity(f.severity),
        "location": {
            "path": ctx.rel_path(&f.file),
            "lines": { "begin": begin, "end": f.end_line.max(begin) },
        },
    })
}

fn error_issue(e: &Diagnostic, ctx: &Context<'_>, check: &str, severity: &str) -> Value {
    let path = ctx.rel_path(&e.file);
    let mut h = Sha256::new();
    for part in [check, &path, &e.message] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    let fingerprint: String = h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let line = e.line.max(1);
    json!({
        "description": e.message,
        "check_name": check,
        "fingerprint": fingerprint,
        "severity": severity,
        "location": { "path": path, "lines": { "begin": line, "end": line } },
    })
}
