//! `tfward baseline create`: today's findings as a baseline file.

use crate::cli::ScanArgs;
use crate::error::{ExitStatus, Fatal};
use crate::report::Report;

use super::output::emit;
use super::prepare::{prepare_scan, run_scan};

/// `tfward baseline create`: the scan's findings, as a baseline file.
pub(crate) fn baseline_create(args: &ScanArgs) -> Result<ExitStatus, Fatal> {
    let prepared = prepare_scan(args)?;
    let out = run_scan(&prepared);
    let baseline = crate::baseline::Baseline::of(&out.findings);
    let path = args
        .output
        .iter()
        .find(|o| o.format.is_none())
        .map(|o| &o.path);
    emit(&baseline.render(), path)?;
    let report = Report::new(&out, false);
    // A baseline of a scan that could not read everything is incomplete.
    Ok(if report.summary.errors > 0 {
        ExitStatus::Error
    } else {
        ExitStatus::Clean
    })
}
