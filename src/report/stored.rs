//! JSON reports read back from disk, for `tfward diff`, `merge` and
//! `--baseline`. A file that is not JSON, or not a tfward report, is an
//! error naming the file, line and column.

use std::path::Path;

use super::{Report, REPORT_VERSION};
use crate::error::Fatal;
use crate::source::display_path;

/// Reads a tfward JSON report.
pub fn read(path: &Path) -> Result<Report, Fatal> {
    let name = display_path(path);
    let text = std::fs::read_to_string(path)
        .map_err(|e| Fatal(format!("{name}: cannot read the report: {e}")))?;
    let report: Report = serde_json::from_str(&text).map_err(|e| {
        let what = if e.is_syntax() || e.is_eof() {
            "invalid JSON"
        } else {
            "not a tfward JSON report"
        };
        Fatal(format!(
            "{name}:{}:{}: {what}: {}",
            e.line(),
            e.column(),
            strip_position(&e.to_string())
        ))
    })?;
    if report.tool.name != "tfward" {
        return Err(Fatal(format!(
            "{name}: written by {:?}, not tfward",
            report.tool.name
        )));
    }
    if report.version > REPORT_VERSION {
        return Err(Fatal(format!(
            "{name}: report format {} is newer than this tfward reads ({REPORT_VERSION}); upgrade tfward",
            report.version
        )));
    }
    Ok(report)
}

/// serde_json appends " at line L column C"; we put the position first.
fn strip_position(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |i| &message[..i])
}
