//! `tfward scan`: the pipeline, then every report the flags ask for.

use std::collections::HashMap;
use std::io::IsTerminal as _;
use std::path::PathBuf;

use crate::cli::{FailOn, ReportFormat, ScanArgs, Unknowns};
use crate::error::{ExitStatus, Fatal};
use crate::policy::PolicySet;
use crate::report::{human, Report};
use crate::{pipeline, report};

use super::output::{emit, emit_with, exit_status, output_plan, print_diagnostics};
use super::prepare::{prepare_scan, run_scan};

pub(crate) fn scan_command(args: ScanArgs) -> Result<ExitStatus, Fatal> {
    // Output mistakes stop the run before any work.
    output_plan(args.format, &args.output)?;
    let prepared = prepare_scan(&args)?;
    let baseline = args
        .baseline
        .as_deref()
        .map(crate::baseline::load)
        .transpose()?;
    let mut out = run_scan(&prepared);
    if let Some(b) = &baseline {
        out.baselined = crate::baseline::apply(&mut out.findings, b);
    }
    let set = &prepared.set;
    let targets = output_plan(args.format, &args.output)?;
    let status = report_scan(&args, set, &mut out, &targets, prepared.fail_on);
    drop_in_background(out);
    status
}

/// Renders a scan's report in the chosen format and decides the exit status.
pub(crate) fn report_scan(
    args: &ScanArgs,
    set: &PolicySet,
    out: &mut pipeline::ScanOutput,
    targets: &[(ReportFormat, Option<PathBuf>)],
    fail_on: FailOn,
) -> Result<ExitStatus, Fatal> {
    let show_undecided = args.unknowns == Unknowns::Report;
    let profile = std::env::var_os("TFWARD_PROFILE").is_some();
    if profile {
        crate::progress::report_timing("report: start");
    }
    let mut report = Report::taking(out, show_undecided);
    if profile {
        crate::progress::report_timing("report: taken from the scan");
    }
    // The report has what it needs from the scan; a large plan's model,
    // documents and (without a human report, which quotes them) file texts
    // need not be held while it is written.
    out.plan_models = Vec::new();
    out.inputs = Vec::new();
    out.kept = Vec::new();
    if !targets.iter().any(|(f, _)| *f == ReportFormat::Human) {
        out.files = Vec::new();
    }
    if profile {
        crate::progress::report_timing("report: the scan's models dropped");
    }
    if args.group_by.is_some() {
        report.compliance = Some(report::group_by_control(
            &report.findings,
            set.policies.iter().map(|p| &p.meta),
            &args.policies.frameworks,
        ));
    }
    let base_dir = std::env::current_dir().ok();
    let ctx = report::Context::new(set.policies.iter().map(|p| &p.meta), base_dir.as_deref());
    for (format, path) in targets {
        let text = match format {
            ReportFormat::Human => {
                let color = path.is_none()
                    && args.display.colored(
                        std::io::stdout().is_terminal(),
                        std::env::var_os("NO_COLOR").is_some(),
                    );
                let remediation: HashMap<&str, &str> = set
                    .policies
                    .iter()
                    .map(|p| (p.meta.id.as_str(), p.meta.remediation.as_str()))
                    .collect();
                human::render(
                    &report,
                    &human::HumanContext {
                        files: &out.files,
                        remediation,
                        color,
                        show_undecided,
                        view: human::View {
                            compact: args.display.compact,
                            quiet: args.display.quiet,
                            min_severity: args.display.min_severity.map(|m| m.severity()),
                        },
                    },
                )
            }
            ReportFormat::Json => {
                emit_with(path.as_ref(), |w| report::json::write(&report, w))?;
                continue;
            }
            ReportFormat::Sarif => {
                emit_with(path.as_ref(), |w| report::sarif::write(&report, &ctx, w))?;
                continue;
            }
            ReportFormat::Junit => report::junit::render(&report, &ctx),
            ReportFormat::Github => report::github::render(&report, &ctx),
            ReportFormat::Gitlab => report::gitlab::render(&report, &ctx),
            ReportFormat::Markdown => report::markdown::render(&report, &ctx),
        };
        emit(&text, path.as_ref())?;
    }
    if profile {
        crate::progress::report_timing("report: written");
    }
    // With no human report on the terminal, errors and warnings still reach
    // a person: one line each on stderr (CI logs show it beside the exit code).
    let human_on_stdout = targets
        .iter()
        .any(|(f, p)| *f == ReportFormat::Human && p.is_none());
    if !human_on_stdout {
        print_diagnostics(&report);
    }
    let status = exit_status(&report, fail_on.threshold());
    drop_in_background(report);
    Ok(status)
}

/// Frees `value` on a thread of its own, so that the scan's answer does not
/// wait for its findings and documents to be freed: for a 100,000-resource
/// plan that is 0.3 s of frees, which the process, exiting, skips. (If the
/// thread cannot start, `value` is freed here.)
pub(crate) fn drop_in_background<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("tfward-free".into())
        .spawn(move || drop(value));
}
