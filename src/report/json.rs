//! The JSON report: the machine-readable source of truth, also the input of
//! `tfward diff`, `merge` and baselines.

use std::io::Write;

use rayon::prelude::*;
use serde::Serialize;

use super::Report;

/// Renders the report as pretty JSON with a trailing newline.
pub fn render(report: &Report) -> String {
    let mut s =
        serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// Writes what [`render`] returns, straight to `w`, without holding the
/// whole text: a 10,000-resource plan's report is over 30 MB. The long
/// lists (findings, changes, drift, suppressed findings) are rendered on
/// every worker thread, a window of entries at a time, and the rest of the
/// report around them.
pub fn write(report: &Report, w: &mut dyn Write) -> std::io::Result<()> {
    // The report with the long lists empty: each shows as `"key": []` at
    // the top level, where its entries go.
    let frame = Report {
        version: report.version,
        tool: report.tool.clone(),
        summary: report.summary.clone(),
        findings: Vec::new(),
        errors: report.errors.clone(),
        warnings: report.warnings.clone(),
        undecided: report.undecided.clone(),
        changes: report.changes.as_ref().map(|_| Vec::new()),
        drift: report.drift.as_ref().map(|_| Vec::new()),
        compliance: report.compliance.clone(),
        suppressed: Vec::new(),
    };
    let frame = serde_json::to_string_pretty(&frame)?;
    let mut rest = frame.as_str();
    let lists: [(&str, &WriteList<'_>); 4] = [
        ("findings", &|w| write_list(&report.findings, w)),
        ("changes", &|w| {
            write_list(report.changes.as_deref().unwrap_or(&[]), w)
        }),
        ("drift", &|w| {
            write_list(report.drift.as_deref().unwrap_or(&[]), w)
        }),
        ("suppressed", &|w| write_list(&report.suppressed, w)),
    ];
    for (key, list) in lists {
        // Top-level keys are the only ones indented by exactly two spaces.
        let marker = format!("\n  \"{key}\": ");
        let Some(at) = rest.find(&format!("{marker}[]")) else {
            continue;
        };
        let (before, after) = rest.split_at(at + marker.len());
        w.write_all(before.as_bytes())?;
        list(w)?;
        rest = &after[2..];
    }
    w.write_all(rest.as_bytes())?;
    w.write_all(b"\n")
}

/// Writes one of the report's long lists.
type WriteList<'a> = dyn Fn(&mut dyn Write) -> std::io::Result<()> + 'a;

/// Entries rendered at once: enough to keep both threads busy, few enough
/// that a window's text stays a few megabytes. (tests/it/formats.rs checks
/// the output against [`render`] over several windows.)
const WINDOW: usize = 4096;

/// A top-level list as the pretty printer writes it: `[]`, or each entry on
/// its own lines indented by four spaces (two levels) and the closing
/// bracket by two.
fn write_list<T: Serialize + Sync>(items: &[T], w: &mut dyn Write) -> std::io::Result<()> {
    if items.is_empty() {
        return w.write_all(b"[]");
    }
    w.write_all(b"[")?;
    for (n, window) in items.chunks(WINDOW).enumerate() {
        let parts: Vec<Vec<u8>> = window
            .par_chunks(256)
            .map(|chunk| {
                let mut out = Vec::new();
                for item in chunk {
                    let text = serde_json::to_string_pretty(item)?;
                    out.extend_from_slice(b",\n    ");
                    // JSON strings escape their line breaks: every one in
                    // the text is between tokens.
                    out.extend_from_slice(text.replace('\n', "\n    ").as_bytes());
                }
                Ok(out)
            })
            .collect::<serde_json::Result<_>>()?;
        for (i, part) in parts.iter().enumerate() {
            // Every entry was written after ",\n    "; the very first goes
            // after "\n    ".
            let skip = usize::from(n == 0 && i == 0);
            w.write_all(&part[skip..])?;
        }
    }
    w.write_all(b"\n  ]")
}
