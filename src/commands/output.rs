//! Where results go: stdout or files (a closed pipe is not an error), which
//! reports one scan writes, the exit status, and stderr lines for people.

use std::io::Write as _;
use std::path::PathBuf;

use crate::cli::{OutputTarget, ReportFormat};
use crate::error::{ExitStatus, Fatal};
use crate::report::Report;

/// Errors win over findings: a scan that could not read everything exits 2.
pub fn exit_status(report: &Report, threshold: Option<crate::finding::Severity>) -> ExitStatus {
    if report.summary.errors > 0 {
        ExitStatus::Error
    } else if threshold.is_some_and(|t| report.fails(t)) {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}

/// Writes to the output file or stdout. A closed pipe is not an error.
pub fn emit(text: &str, output: Option<&PathBuf>) -> Result<(), Fatal> {
    if let Some(path) = output {
        return std::fs::write(path, text)
            .map_err(|e| Fatal(format!("cannot write {}: {e}", path.display())));
    }
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Fatal(format!("cannot write the report: {e}"))),
    }
}

/// Prints a fatal error on stderr.
#[allow(clippy::print_stderr)]
pub fn report_fatal(fatal: &Fatal) {
    // Line by line: a rendered config error spans lines on purpose, but a
    // file name or value inside it must not drive the terminal.
    let text = fatal.to_string();
    let lines: Vec<_> = text
        .split('\n')
        .map(crate::source::escape_for_terminal)
        .collect();
    eprintln!("error: {}", lines.join("\n"));
}

/// `error: file:line:col: message`, one line per error and warning.
#[allow(clippy::print_stderr)]
pub(crate) fn print_diagnostics(report: &Report) {
    for (kind, list) in [("error", &report.errors), ("warning", &report.warnings)] {
        for d in list {
            let at = if d.line > 0 {
                format!("{}:{}:{}", d.file, d.line, d.column)
            } else {
                d.file.clone()
            };
            eprintln!(
                "{kind}: {}: {}",
                crate::source::escape_for_terminal(&at),
                crate::source::escape_for_terminal(&d.message)
            );
        }
    }
}

/// Which reports one scan writes, and where (None: standard output). The
/// `--format` report goes to standard output unless a bare `--output FILE`
/// names its file; `FORMAT=FILE` outputs come on top. One file cannot
/// receive two reports.
pub fn output_plan(
    format: ReportFormat,
    outputs: &[OutputTarget],
) -> Result<Vec<(ReportFormat, Option<PathBuf>)>, Fatal> {
    let bare: Vec<&OutputTarget> = outputs.iter().filter(|o| o.format.is_none()).collect();
    if bare.len() > 1 {
        return Err(Fatal(format!(
            "--output {} and --output {}: only one output may be given without a format; write FORMAT=FILE for the others",
            bare[0].path.display(),
            bare[1].path.display()
        )));
    }
    let mut plan = vec![(format, bare.first().map(|o| o.path.clone()))];
    plan.extend(
        outputs
            .iter()
            .filter_map(|o| Some((o.format?, Some(o.path.clone())))),
    );
    let mut seen = std::collections::HashSet::new();
    for (_, path) in &plan {
        if let Some(p) = path {
            if !seen.insert(p) {
                return Err(Fatal(format!(
                    "--output {}: given twice; each report needs its own file",
                    p.display()
                )));
            }
        }
    }
    Ok(plan)
}
