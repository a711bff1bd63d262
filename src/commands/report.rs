//! `tfward report`: the Platform Change Report for a plan, written to
//! docs/platform/ and logged in .ai/platform-changes.md.

use std::time::Duration;

use crate::cli::{ChangeReportFormat, ReportArgs};
use crate::config::{self, Config};
use crate::error::{ExitStatus, Fatal};
use crate::pipeline::ScanOptions;
use crate::policy::engine::{Compiled, EngineOptions};
use crate::report;

use super::init_threads;
use super::output::emit;
use super::prepare::{load_policies, load_usage};

pub(crate) fn report_command(args: ReportArgs) -> Result<ExitStatus, Fatal> {
    init_threads(None);
    super::prepare::input_file("--plan", &args.plan)?;
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
    // The change request: --request, else docs/platform/<id>.platform.md.
    let request_path = args.request.clone().or_else(|| {
        let p = args.out_dir.join(format!("{slug}.platform.md"));
        p.is_file().then_some(p)
    });
    let request = match &request_path {
        Some(p) => Some((
            std::fs::read_to_string(p)
                .map_err(|e| Fatal(format!("--request {}: {e}", p.display())))?,
            crate::source::display_path(p),
        )),
        None => None,
    };
    // tfward.toml: the budget and settings policies read, and `[approvals]`.
    let config = match config::find(args.dir.as_deref().unwrap_or(std::path::Path::new("."))) {
        Some(path) => Config::load(&path).map_err(|e| Fatal(e.render()))?,
        None => Config::default(),
    };
    let set = load_policies(&args.policies)?;
    let compiled = Compiled::new(
        &set,
        &EngineOptions {
            timeout: Duration::from_secs(args.policies.policy_timeout.max(1)),
            config: config.policy_data(),
            ..EngineOptions::default()
        },
    )
    .map_err(|e| Fatal(e.to_string()))?;
    let usage = load_usage(args.usage.as_deref())?;
    if let Some(p) = &args.prices {
        crate::analyse::cost::Catalogue::install(
            crate::analyse::cost::Catalogue::load(p).map_err(Fatal)?,
        );
    }
    let opts = ScanOptions {
        paths: args.dir.iter().cloned().collect(),
        max_file_size: crate::load::DEFAULT_MAX_FILE_SIZE,
        workspace: "default".into(),
        plans: vec![args.plan.clone()],
        usage: usage.clone(),
        download_modules: super::prepare::download(&args.download, &config)?,
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
        approval_rules: &config.approval_rules(),
    });
    let (ext, text) = match args.format {
        ChangeReportFormat::Markdown => ("md", report::platform_markdown::render(&built)),
        ChangeReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(&built)
                .map_err(|e| Fatal(format!("cannot serialise the report: {e}")))?;
            s.push('\n');
            ("json", s)
        }
    };
    let (main_path, html_path) = report::publish::publish(
        &report::publish::Outputs {
            out_dir: &args.out_dir,
            slug: &slug,
            ext,
            main: &text,
            html: &report::html::render(&built),
            log: &args.log,
        },
        &built,
    )
    .map_err(Fatal)?;
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
