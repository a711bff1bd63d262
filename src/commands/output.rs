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
    emit_with(output, |w| w.write_all(text.as_bytes()))
}

/// Like [`emit`], with the report written straight to its destination by
/// `write` (through a buffer), so a large report is never held whole: a
/// 10,000-resource plan's JSON report is over 30 MB.
pub fn emit_with(
    output: Option<&PathBuf>,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), Fatal> {
    if let Some(path) = output {
        return write_file_with(path, write);
    }
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    stream_written(write(&mut stdout).and_then(|()| stdout.flush()))
        .map_err(|e| Fatal(format!("cannot write the report: {e}")))
}

/// A stream's write result, where a closed pipe (`tfward scan | head`) is
/// not an error.
fn stream_written(result: std::io::Result<()>) -> std::io::Result<()> {
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
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
pub(crate) fn print_diagnostics(report: &Report) {
    for (kind, list) in [("error", &report.errors), ("warning", &report.warnings)] {
        for d in list {
            print_diagnostic(kind, d);
        }
    }
}

/// `kind: file:line:col: message` on stderr.
#[allow(clippy::print_stderr)]
pub(crate) fn print_diagnostic(kind: &str, d: &crate::diagnostic::Diagnostic) {
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

/// Refuses a path that is a symbolic link: a pull request can commit
/// `docs/platform/x.report.md` or a report file as a link to `~/.bashrc`
/// or `.git/hooks/pre-commit`, and the CI job would write there. A device
/// or pipe ([`written_in_place`]) is not refused.
pub fn refuse_link(path: &std::path::Path) -> Result<(), Fatal> {
    if written_in_place(path) {
        return Ok(());
    }
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Fatal(format!(
            "{} is a symbolic link; refusing to write through it (remove the link)",
            path.display()
        )));
    }
    // No folder on the way may be a link either (`docs/platform` -> `~`):
    // the real folder must be where the path says it is. Relative paths
    // only: those are the ones a repository can plant; an absolute path is
    // the user's own choice.
    if path.is_absolute() {
        return Ok(());
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let dir = dir.unwrap_or(std::path::Path::new("."));
    if let (Ok(real), Ok(cwd)) = (dir.canonicalize(), std::env::current_dir()) {
        let cwd = cwd.canonicalize().unwrap_or(cwd);
        let said = crate::paths::normalise(&cwd.join(dir));
        if real != said {
            return Err(Fatal(format!(
                "{} is reached through a symbolic link (it is {}); refusing to write there",
                dir.display(),
                real.display()
            )));
        }
    }
    Ok(())
}

/// Whether `path` is written where it is rather than replaced: a character
/// device, pipe or socket (`/dev/null`, a FIFO), and the standard streams and
/// descriptors as `/dev/stdout`, `/dev/stderr` and `/dev/fd/N` name them
/// (links to whatever the shell redirected them to). Replacing one by a
/// renamed file would turn `/dev/null` into a regular file for everyone.
fn written_in_place(path: &std::path::Path) -> bool {
    let stream = ["/dev/stdout", "/dev/stderr", "/dev/fd/"]
        .iter()
        .any(|p| path.to_str().is_some_and(|s| s.starts_with(p)));
    // Not through a link, and never a disk: a repository can commit
    // `report.json` as a link to `/dev/sda`.
    stream || std::fs::symlink_metadata(path).is_ok_and(|m| is_stream_like(m.file_type()))
}

#[cfg(unix)]
fn is_stream_like(t: std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt as _;
    t.is_char_device() || t.is_fifo() || t.is_socket()
}

#[cfg(not(unix))]
fn is_stream_like(_: std::fs::FileType) -> bool {
    false
}

/// Writes a file whole: never through a symbolic link ([`refuse_link`]),
/// by a new temporary file beside it renamed over it, so a link planted
/// between the check and the write is replaced rather than followed.
pub fn write_file(path: &std::path::Path, text: &str) -> Result<(), Fatal> {
    write_file_with(path, |w| w.write_all(text.as_bytes()))
}

/// Like [`write_file`], with the text written by `write` through a buffer.
/// A device or pipe ([`written_in_place`]) is written in place.
pub fn write_file_with(
    path: &std::path::Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), Fatal> {
    let fail = |e: std::io::Error| Fatal(format!("cannot write {}: {e}", path.display()));
    if written_in_place(path) {
        // Appending: a stream redirected to a file (`>>`, or `>` that the
        // shell already emptied) keeps what is there.
        let f = std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .map_err(fail)?;
        let mut w = std::io::BufWriter::new(f);
        return stream_written(write(&mut w).and_then(|()| w.flush())).map_err(fail);
    }
    refuse_link(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tfward-{}.tmp", std::process::id()));
    let f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .map_err(fail)?;
    let mut w = std::io::BufWriter::new(f);
    write(&mut w).and_then(|()| w.flush()).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })?;
    drop(w);
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}
