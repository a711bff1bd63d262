//! The terminal report: each finding as a rendered diagnostic (rule id,
//! severity, title, file:line:col, the source with the offending attribute
//! underlined, and the remediation), then a one-line summary. Findings of
//! one rule at one place, reached through several module calls, share one
//! snippet that lists the calls. `--compact` prints one line per finding
//! instead ([`super::compact`]).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic};

use super::Report;
use crate::diagnostic::Diagnostic;
use crate::finding::{Finding, Severity};
use crate::source::{escape_for_terminal, LineCol, SourceFile};

/// What the human renderer needs besides the report.
pub struct HumanContext<'a> {
    pub files: &'a [Arc<SourceFile>],
    /// rule id -> remediation text.
    pub remediation: HashMap<&'a str, &'a str>,
    pub color: bool,
    /// Print the summary's list of undecided checks.
    pub show_undecided: bool,
    /// `--compact`, `--quiet`, `--min-severity`.
    pub view: View,
}

/// How much of the report a person asked to see.
#[derive(Debug, Clone, Copy, Default)]
pub struct View {
    /// One line per finding.
    pub compact: bool,
    /// Findings and errors only.
    pub quiet: bool,
    /// Findings below it are counted, not shown.
    pub min_severity: Option<Severity>,
}

impl View {
    /// The findings shown, and how many the threshold hid.
    pub fn shown<'r>(&self, findings: &'r [Finding]) -> (Vec<&'r Finding>, usize) {
        let shown: Vec<&Finding> = findings
            .iter()
            .filter(|f| self.min_severity.is_none_or(|m| f.severity >= m))
            .collect();
        let hidden = findings.len() - shown.len();
        (shown, hidden)
    }

    /// The summary line, with the findings the threshold hid; None when quiet.
    pub fn summary(&self, report: &Report, hidden: usize) -> Option<String> {
        if self.quiet {
            return None;
        }
        let mut line = summary_line(report);
        if let Some(min) = self.min_severity.filter(|_| hidden > 0) {
            line.pop();
            let _ = writeln!(
                line,
                "; {hidden} finding{} below {min} not shown (--min-severity)",
                plural(hidden)
            );
        }
        Some(line)
    }
}

pub fn render(report: &Report, ctx: &HumanContext<'_>) -> String {
    if ctx.view.compact {
        return super::compact::render(report, ctx.view, ctx.color);
    }
    let theme = if ctx.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_wrap_lines(false)
        .with_links(false)
        .with_context_lines(1);
    let by_name: HashMap<&str, &Arc<SourceFile>> =
        ctx.files.iter().map(|f| (f.display.as_str(), f)).collect();
    let mut out = String::new();
    for e in &report.errors {
        render_error(
            &handler,
            &mut out,
            e,
            by_name.get(e.file.as_str()).copied(),
            "error",
        );
    }
    let warnings: &[Diagnostic] = if ctx.view.quiet {
        &[]
    } else {
        &report.warnings
    };
    for w in warnings {
        render_error(
            &handler,
            &mut out,
            w,
            by_name.get(w.file.as_str()).copied(),
            "warning",
        );
    }
    let (shown, hidden) = ctx.view.shown(&report.findings);
    for group in by_place(&shown) {
        render_finding(
            &handler,
            &mut out,
            &group,
            by_name.get(group[0].file.as_str()).copied(),
            ctx,
        );
    }
    if ctx.view.quiet {
        return out;
    }
    render_changes(report, &mut out);
    render_compliance(report, &mut out);
    if ctx.show_undecided {
        if let Some(undecided) = &report.undecided {
            for u in undecided {
                let _ = writeln!(
                    out,
                    "undecided: {} on {} ({}:{}) {}: {}",
                    u.rule_id,
                    escape_for_terminal(&u.address),
                    escape_for_terminal(&u.file),
                    u.line,
                    escape_for_terminal(&u.path),
                    escape_for_terminal(&u.reason)
                );
            }
        }
    }
    out.extend(ctx.view.summary(report, hidden));
    out
}

/// Findings of one rule at one span, in first-seen order: a module called
/// from many roots reports the same place once per call.
fn by_place<'r>(findings: &[&'r Finding]) -> Vec<Vec<&'r Finding>> {
    let mut index: HashMap<(&str, &str, usize, usize, usize, usize), usize> = HashMap::new();
    let mut groups: Vec<Vec<&Finding>> = Vec::new();
    for f in findings {
        let key = (
            f.rule_id.as_str(),
            f.file.as_str(),
            f.line,
            f.column,
            f.end_line,
            f.end_column,
        );
        match index.get(&key) {
            Some(&i) => groups[i].push(f),
            None => {
                index.insert(key, groups.len());
                groups.push(vec![f]);
            }
        }
    }
    groups
}

/// At most this many messages and call chains are listed under a shared
/// snippet; the JSON report and `--compact` list every finding.
const GROUP_LIST_MAX: usize = 6;

/// Under a shared snippet: the group's distinct messages (when they differ)
/// and the module calls that reach the place.
fn render_group_members(out: &mut String, group: &[&Finding]) {
    let mut messages: Vec<(&str, usize)> = Vec::new();
    for f in group {
        match messages.iter_mut().find(|(m, _)| *m == f.message) {
            Some((_, n)) => *n += 1,
            None => messages.push((&f.message, 1)),
        }
    }
    let mut chains: Vec<String> = group
        .iter()
        .map(|f| match &f.via {
            Some(via) => via.chain(),
            None => "(scanned as a root module)".to_owned(),
        })
        .collect();
    chains.sort();
    chains.dedup();
    let _ = writeln!(
        out,
        "  {} findings here, reached through {} module call{}:",
        group.len(),
        chains.len(),
        plural(chains.len())
    );
    if messages.len() > 1 {
        for (m, n) in messages.iter().take(GROUP_LIST_MAX) {
            let _ = writeln!(out, "    {n} × {}", escape_for_terminal(m));
        }
        if messages.len() > GROUP_LIST_MAX {
            let _ = writeln!(
                out,
                "    ... {} more messages",
                messages.len() - GROUP_LIST_MAX
            );
        }
    }
    for c in chains.iter().take(GROUP_LIST_MAX) {
        let _ = writeln!(out, "  via {}", escape_for_terminal(c));
    }
    if chains.len() > GROUP_LIST_MAX {
        let _ = writeln!(
            out,
            "  ... and {} more (--compact lists every finding)",
            chains.len() - GROUP_LIST_MAX
        );
    }
}

fn render_finding(
    handler: &GraphicalReportHandler,
    out: &mut String,
    group: &[&Finding],
    file: Option<&Arc<SourceFile>>,
    ctx: &HumanContext<'_>,
) {
    let f = group[0];
    let severity = match f.severity {
        Severity::Low => miette::Severity::Advice,
        Severity::Medium => miette::Severity::Warning,
        Severity::High | Severity::Critical => miette::Severity::Error,
    };
    let mut diag = MietteDiagnostic::new(
        escape_for_terminal(&format!("{} [{}] {}", f.rule_id, f.severity, f.title)).into_owned(),
    )
    .with_severity(severity);
    if let Some(help) = ctx.remediation.get(f.rule_id.as_str()) {
        diag = diag.with_help(without_fences(help));
    }
    let Some(file) = file else {
        for f in group {
            let _ = writeln!(
                out,
                "{} {}:{}:{} {}",
                f.rule_id,
                escape_for_terminal(&f.file),
                f.line,
                f.column,
                escape_for_terminal(&f.message)
            );
        }
        return;
    };
    let start = file
        .offset_of(LineCol {
            line: f.line,
            column: f.column,
        })
        .unwrap_or(0);
    let end = file
        .offset_of(LineCol {
            line: f.end_line,
            column: f.end_column,
        })
        .unwrap_or(start)
        .max(start + 1);
    // The excerpt underlines the span's first line only, and never shows a
    // whole long line (a one-line plan is megabytes).
    let excerpt = file.excerpt(start..end);
    diag = diag.with_label(LabeledSpan::at(
        excerpt.label(),
        escape_for_terminal(&f.message).into_owned(),
    ));
    let report = miette::Report::new(diag).with_source_code(excerpt);
    let _ = handler.render_report(out, report.as_ref());
    if group.len() > 1 {
        render_group_members(out, group);
    } else if let Some(via) = &f.via {
        let _ = writeln!(out, "  via {}", escape_for_terminal(&via.chain()));
    }
    out.push('\n');
}

/// Remediation is Markdown; on a terminal the code fences are noise. A
/// custom policy's text is escaped like any other input.
fn without_fences(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("```"))
        .map(escape_for_terminal)
        .collect::<Vec<_>>()
        .join("\n")
}

fn render_error(
    handler: &GraphicalReportHandler,
    out: &mut String,
    e: &Diagnostic,
    file: Option<&Arc<SourceFile>>,
    kind: &str,
) {
    let severity = if kind == "error" {
        miette::Severity::Error
    } else {
        miette::Severity::Warning
    };
    let mut diag =
        MietteDiagnostic::new(escape_for_terminal(&e.message).into_owned()).with_severity(severity);
    let offset = e.offset.or_else(|| {
        file.and_then(|f| {
            f.offset_of(LineCol {
                line: e.line,
                column: e.column,
            })
        })
    });
    match (file, offset) {
        (Some(f), Some(offset)) if e.line > 0 => {
            let excerpt = f.excerpt(offset..offset + 1);
            diag = diag.with_label(LabeledSpan::at(excerpt.label(), "here"));
            let report = miette::Report::new(diag).with_source_code(excerpt);
            let _ = handler.render_report(out, report.as_ref());
        }
        _ => {
            let at = if e.line > 0 {
                format!("{}:{}:{}", e.file, e.line, e.column)
            } else {
                e.file.clone()
            };
            let _ = writeln!(
                out,
                "{kind}: {}: {}",
                escape_for_terminal(&at),
                escape_for_terminal(&e.message)
            );
        }
    }
}

/// The plans' changes and drift, one compact diff per resource.
fn render_changes(report: &Report, out: &mut String) {
    use crate::analyse::diff::show;
    const MAX_LINES: usize = 25;
    if let Some(changes) = report.changes.as_ref().filter(|c| !c.is_empty()) {
        let _ = writeln!(out, "Planned changes ({}):", changes.len());
        for c in changes {
            let mark = match c.kind.as_ref() {
                "create" => "+",
                "delete" => "-",
                "replace" => "-/+",
                "read" => "<=",
                _ => "~",
            };
            let _ = writeln!(
                out,
                "  {mark} {} ({})",
                escape_for_terminal(&c.address),
                c.kind
            );
            if c.kind == "create" || c.kind == "delete" {
                let _ = writeln!(
                    out,
                    "      {} attribute{}",
                    c.diff.len(),
                    plural(c.diff.len())
                );
                continue;
            }
            for d in c.diff.iter().take(MAX_LINES) {
                let _ = writeln!(
                    out,
                    "      {}: {} -> {}{}",
                    escape_for_terminal(&d.path),
                    escape_for_terminal(&show(&d.before, false, d.sensitive)),
                    escape_for_terminal(&show(&d.after, d.unknown, d.sensitive)),
                    if d.forces_replacement {
                        "  # forces replacement"
                    } else {
                        ""
                    }
                );
            }
            if c.diff.len() > MAX_LINES {
                let _ = writeln!(out, "      ... {} more", c.diff.len() - MAX_LINES);
            }
        }
        out.push('\n');
    }
    if let Some(drift) = report.drift.as_ref().filter(|d| !d.is_empty()) {
        let _ = writeln!(out, "Changed outside Terraform ({}):", drift.len());
        for d in drift {
            let _ = writeln!(out, "  ~ {} ({})", escape_for_terminal(&d.address), d.kind);
            for e in d.diff.iter().take(MAX_LINES) {
                let _ = writeln!(
                    out,
                    "      {}: {} -> {}",
                    escape_for_terminal(&e.path),
                    escape_for_terminal(&show(&e.before, false, e.sensitive)),
                    escape_for_terminal(&show(&e.after, e.unknown, e.sensitive))
                );
            }
            if !d.overwritten_by_plan.is_empty() {
                let _ = writeln!(
                    out,
                    "      the plan sets back: {}",
                    escape_for_terminal(&d.overwritten_by_plan.join(", "))
                );
            }
        }
        out.push('\n');
    }
}

/// Findings grouped by framework control (`--group-by control`).
fn render_compliance(report: &Report, out: &mut String) {
    let Some(groups) = &report.compliance else {
        return;
    };
    let _ = writeln!(
        out,
        "Compliance view ({} control{} with findings):",
        groups.len(),
        plural(groups.len())
    );
    let mut framework = "";
    for g in groups {
        if g.framework != framework {
            framework = &g.framework;
            let _ = writeln!(out, "  {framework}");
        }
        let shown: Vec<_> = g
            .addresses
            .iter()
            .take(3)
            .map(|a| escape_for_terminal(a))
            .collect();
        let more = g.addresses.len().saturating_sub(3);
        let _ = writeln!(
            out,
            "    {:<12} {} — {} finding{}: {}{}",
            g.control,
            g.rules.join(", "),
            g.findings.len(),
            plural(g.findings.len()),
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        );
    }
    out.push('\n');
}

/// `12 findings (1 CRITICAL, 3 HIGH, 6 MEDIUM, 2 LOW) in 4 files, ...`
pub fn summary_line(report: &Report) -> String {
    let s = &report.summary;
    let total: usize = s.findings.values().sum();
    let counts: Vec<String> = Severity::ALL
        .iter()
        .filter_map(|sev| {
            let n = s.findings.get(sev.as_str()).copied().unwrap_or(0);
            (n > 0).then(|| format!("{n} {sev}"))
        })
        .collect();
    let mut line = format!(
        "{} finding{}{} in {} file{}, {} module{}, {} resource{}; {} polic{} evaluated",
        total,
        plural(total),
        if counts.is_empty() {
            String::new()
        } else {
            format!(" ({})", counts.join(", "))
        },
        s.files,
        plural(s.files),
        s.modules,
        plural(s.modules),
        s.resources,
        plural(s.resources),
        s.policies,
        if s.policies == 1 { "y" } else { "ies" },
    );
    if s.suppressed > 0 {
        let _ = write!(
            line,
            "; {} suppressed (listed in --format json)",
            s.suppressed
        );
    }
    if s.baselined > 0 {
        let _ = write!(line, "; {} in the baseline", s.baselined);
    }
    let not_installed = s.module_calls.not_installed;
    if not_installed > 0 {
        let _ = write!(
            line,
            "; {not_installed} module call{} not evaluated (not installed: run terraform init)",
            plural(not_installed)
        );
    }
    if s.errors > 0 {
        let _ = write!(line, "; {} error{} (exit 2)", s.errors, plural(s.errors));
    }
    if let Some(u) = &report.undecided {
        if !u.is_empty() {
            let _ = write!(
                line,
                "; {} check{} undecided on unknown values",
                u.len(),
                plural(u.len())
            );
        }
    }
    line.push('\n');
    line
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
