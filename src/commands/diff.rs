//! `tfward diff BASE HEAD`: two JSON reports compared by fingerprint.

use crate::cli::{DiffArgs, Format};
use crate::error::{ExitStatus, Fatal};
use crate::report;

use super::output::emit;

pub(crate) fn diff_command(args: &DiffArgs) -> Result<ExitStatus, Fatal> {
    let base = report::stored::read(&args.base)?;
    let head = report::stored::read(&args.head)?;
    let d = crate::compare::diff(&base, &head);
    let text = match args.format {
        Format::Json => d.render_json(),
        Format::Human => d.render_human(),
    };
    emit(&text, args.output.as_ref())?;
    Ok(if d.fails(args.fail_on.threshold()) {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
}
