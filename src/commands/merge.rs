//! `tfward merge`: shard reports into one.

use std::collections::HashMap;

use crate::cli::{Format, MergeArgs};
use crate::error::{ExitStatus, Fatal};
use crate::report;
use crate::report::human;

use super::output::{emit, exit_status};

pub(crate) fn merge_command(args: &MergeArgs) -> Result<ExitStatus, Fatal> {
    let mut reports = Vec::new();
    for path in &args.reports {
        reports.push((
            crate::source::display_path(path),
            report::stored::read(path)?,
        ));
    }
    let merged = crate::compare::merge(reports)?;
    let text = match args.format {
        Format::Json => report::json::render(&merged),
        Format::Human => human::render(
            &merged,
            &human::HumanContext {
                files: &[],
                remediation: HashMap::new(),
                color: false,
                show_undecided: merged.undecided.is_some(),
            },
        ),
    };
    emit(&text, args.output.as_ref())?;
    Ok(exit_status(&merged, args.fail_on.threshold()))
}
