//! `tfward report`: the Platform Change Report for a plan, written to
//! docs/platform/ and logged in .ai/platform-changes.md.

use crate::cli::{ChangeReportFormat, ReportArgs};
use crate::error::{ExitStatus, Fatal};
use crate::pipeline::ScanOptions;
use crate::report;

use super::init_threads;
use super::output::emit;
use super::prepare::{compile, load_policies, load_usage};

pub(crate) fn report_command(args: ReportArgs) -> Result<ExitStatus, Fatal> {
    init_threads(None);
    if !args.plan.is_file() {
        return Err(Fatal(format!(
            "--plan {}: no such file",
            args.plan.display()
        )));
    }
    if let Some(d) = &args.dir {
        if !d.is_dir() {
            return Err(Fatal(format!(
                "{}: not a directory (the configuration behind the plan)",
                d.display()
            )));
        }
    }
    let slug = report::platform::slug(&args.change_id);
    if slug.is_empty() {
        return Err(Fatal(format!(
            "--change-id {:?}: needs at least one letter or digit",
            args.change_id
        )));
    }
    let request = match &args.request {
        Some(p) => Some((
            std::fs::read_to_string(p)
                .map_err(|e| Fatal(format!("--request {}: {e}", p.display())))?,
            crate::source::display_path(p),
        )),
        None => None,
    };
    let set = load_policies(&args.policies)?;
    let compiled = compile(&set, &args.policies)?;
    let usage = load_usage(args.usage.as_deref())?;
    let opts = ScanOptions {
        paths: args.dir.iter().cloned().collect(),
        max_file_size: crate::load::DEFAULT_MAX_FILE_SIZE,
        workspace: "default".into(),
        plans: vec![args.plan.clone()],
        usage: usage.clone(),
        ..ScanOptions::default()
    };
    let out = crate::pipeline::run(&opts, &compiled);
    if out.plan_models.is_empty() {
        let why: Vec<String> = out
            .diagnostics
            .iter()
            .map(|d| format!("{}:{}: {}", d.file, d.line, d.message))
            .collect();
        return Err(Fatal(format!("cannot read the plan: {}", why.join("; "))));
    }
    let date = today();
    let built = report::platform::build(&report::platform::ReportInput {
        change_id: &args.change_id,
        date: &date,
        out: &out,
        policies: &compiled.policies,
        request: request.as_ref().map(|(t, p)| (t.as_str(), p.as_str())),
        usage: &usage,
        has_config: args.dir.is_some(),
    });
    std::fs::create_dir_all(&args.out_dir)
        .map_err(|e| Fatal(format!("cannot create {}: {e}", args.out_dir.display())))?;
    let (ext, text) = match args.format {
        ChangeReportFormat::Markdown => ("md", report::platform_markdown::render(&built)),
        ChangeReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(&built)
                .map_err(|e| Fatal(format!("cannot serialise the report: {e}")))?;
            s.push('\n');
            ("json", s)
        }
    };
    let main_path = args.out_dir.join(format!("{slug}.report.{ext}"));
    let html_path = args.out_dir.join(format!("{slug}.report.html"));
    write_file(&main_path, &text)?;
    write_file(&html_path, &report::html::render(&built))?;
    append_log(&args.log, &built, &main_path)?;
    emit(
        &format!(
            "wrote {} and {}; risk {}/100 ({}); logged in {}\n",
            crate::source::display_path(&main_path),
            crate::source::display_path(&html_path),
            built.risk.score,
            built.risk.level.as_str(),
            crate::source::display_path(&args.log)
        ),
        None,
    )?;
    Ok(if built.errors.is_empty() {
        ExitStatus::Clean
    } else {
        ExitStatus::Error
    })
}

pub(crate) fn write_file(path: &std::path::Path, text: &str) -> Result<(), Fatal> {
    super::output::write_file(path, text)
}

/// Appends a dated entry to the platform change log, creating it (and its
/// folder) when missing.
pub(crate) fn append_log(
    log: &std::path::Path,
    r: &report::platform::PlatformReport,
    report_path: &std::path::Path,
) -> Result<(), Fatal> {
    use std::io::Write as _;
    if let Some(dir) = log.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Fatal(format!("cannot create {}: {e}", dir.display())))?;
    }
    super::output::refuse_link(log)?;
    let new = !log.exists();
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .map_err(|e| Fatal(format!("cannot open {}: {e}", log.display())))?;
    let mut entry = String::new();
    if new {
        entry.push_str(
            "# Platform changes\n\nOne entry per Platform Change Report (`tfward report`).\n\n",
        );
    }
    let actions: Vec<String> = ["create", "update", "replace", "delete"]
        .iter()
        .filter_map(|a| r.summary.by_action.get(*a).map(|n| format!("{n} {a}")))
        .collect();
    entry.push_str(&format!(
        "- {} — {}: risk {}/100 ({}); {}; {} finding(s); cost {}/month; report `{}`\n",
        r.date,
        // The id is the user's text: one line, no Markdown that links out.
        report::markdown::text(&r.change_id),
        r.risk.score,
        r.risk.level.as_str(),
        if actions.is_empty() {
            "no changes".to_owned()
        } else {
            actions.join(", ")
        },
        r.findings.findings.len(),
        crate::analyse::cost::money(r.cost.summary.total_delta, true),
        crate::source::display_path(report_path)
    ));
    f.write_all(entry.as_bytes())
        .map_err(|e| Fatal(format!("cannot write {}: {e}", log.display())))
}

/// Today as YYYY-MM-DD (UTC), or `TFWARD_TODAY` when set (tests, reruns).
pub fn today() -> String {
    if let Ok(d) = std::env::var("TFWARD_TODAY") {
        if !d.is_empty() {
            return d;
        }
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date(secs / 86_400)
}

/// Days since 1970-01-01 -> YYYY-MM-DD (Howard Hinnant's civil_from_days).
pub(crate) fn civil_date(days: u64) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}
