//! `tfward input`: the policy input documents, as policies see them.

use crate::cli::ScanArgs;
use crate::error::{ExitStatus, Fatal};

use super::output::emit;
use super::prepare::{prepare_scan, run_scan};

/// `tfward input`: the policy input documents, as policies see them.
pub(crate) fn input_command(args: ScanArgs) -> Result<ExitStatus, Fatal> {
    let mut prepared = prepare_scan(&args)?;
    prepared.opts.keep_inputs = true;
    let mut out = run_scan(&prepared);
    out.inputs.sort_by(|a, b| {
        let key = |v: &serde_json::Value| (v["module_path"].to_string(), v["module"].to_string());
        key(a).cmp(&key(b))
    });
    let mut text = serde_json::to_string_pretty(&out.inputs).unwrap_or_default();
    text.push('\n');
    let path = args
        .output
        .iter()
        .find(|o| o.format.is_none())
        .map(|o| &o.path);
    emit(&text, path)?;
    let errors = out
        .diagnostics
        .iter()
        .any(|d| d.level == crate::diagnostic::Level::Error);
    Ok(if errors {
        ExitStatus::Error
    } else {
        ExitStatus::Clean
    })
}
