//! One function per subcommand, wiring the stages together. Returns the
//! process exit status; a failure that stops the run is a [`Fatal`].

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use crate::cli::{
    BaselineCommand, ChangeReportFormat, Cli, Command, DiffArgs, DriftArgs, FailOn, Format,
    InitArgs, ListFormat, MergeArgs, OutputTarget, PolicyArgs, PolicyCommand, PricesCommand,
    ReportArgs, ReportFormat, ScanArgs, Unknowns,
};
use crate::config::{self, Config};
use crate::policy::engine::{Compiled, EngineOptions};
use crate::policy::PolicySet;
use crate::report::{self, human, Report};
use crate::scan::{self, ScanOptions, ScanOutput};
use crate::suppress::SuppressOptions;

/// Exit statuses (an API: tested in the CLI tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing at or above the threshold.
    Clean = 0,
    /// Findings at or above the threshold.
    Findings = 1,
    /// tfward could not do its job.
    Error = 2,
}

/// An error that stops the run (exit 2), with what to do about it.
#[derive(Debug)]
pub struct Fatal(pub String);

impl std::fmt::Display for Fatal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn run(cli: Cli) -> Result<ExitStatus, Fatal> {
    match cli.command {
        Command::Scan(args) => scan_command(*args),
        Command::Input(args) => input_command(*args),
        Command::Drift(args) => drift_command(args),
        Command::Report(args) => report_command(args),
        Command::Policy(PolicyCommand::List { policies, format }) => policy_list(&policies, format),
        Command::Policy(PolicyCommand::Explain { id, policies }) => policy_explain(&id, &policies),
        Command::Policy(PolicyCommand::Test { dirs, format, vm }) => {
            crate::policy::test::run(&dirs, format, vm)
        }
        Command::Init(args) => init_command(&args),
        Command::Baseline(BaselineCommand::Create(args)) => baseline_create(&args),
        Command::Diff(args) => diff_command(&args),
        Command::Merge(args) => merge_command(&args),
        Command::Prices(PricesCommand::Import(args)) => {
            let date = args.date.clone().unwrap_or_else(today);
            let line =
                report::prices::import(&args.files, args.base.as_deref(), &args.output, &date)
                    .map_err(Fatal)?;
            emit(&line, None).map(|()| ExitStatus::Clean)
        }
    }
}

/// Sets up the global worker pool. Worker stacks are large so deeply nested
/// (but accepted) input cannot overflow them.
pub fn init_threads(threads: Option<usize>) {
    let mut b = rayon::ThreadPoolBuilder::new().stack_size(64 * 1024 * 1024);
    if let Some(n) = threads.filter(|&n| n > 0) {
        b = b.num_threads(n);
    }
    // Fails only when already initialised (tests, benches): keep that pool.
    let _ = b.build_global();
}

/// Loads the built-in policies plus `--policy` folders and applies the
/// selection flags.
pub fn load_policies(args: &PolicyArgs) -> Result<PolicySet, Fatal> {
    let mut set = load_all_policies(&args.policy_dirs)?;
    set.select(&args.only, &args.skip, &args.frameworks)
        .map_err(Fatal)?;
    Ok(set)
}

/// The built-in policies plus policy folders, before any selection.
pub fn load_all_policies(dirs: &[PathBuf]) -> Result<PolicySet, Fatal> {
    let mut set = PolicySet::embedded().map_err(|e| Fatal(format!("built-in policy {e}")))?;
    for dir in dirs {
        if !dir.is_dir() {
            return Err(Fatal(format!(
                "--policy {}: not a directory; pass a folder holding policy folders",
                dir.display()
            )));
        }
        let files = crate::policy::read_dir(dir).map_err(|e| Fatal(e.to_string()))?;
        let user =
            PolicySet::from_files(files, Some(dir), false).map_err(|e| Fatal(e.to_string()))?;
        set.add(user).map_err(|e| Fatal(e.to_string()))?;
    }
    Ok(set)
}

pub fn compile(set: &PolicySet, args: &PolicyArgs) -> Result<Compiled, Fatal> {
    let opts = EngineOptions {
        timeout: Duration::from_secs(args.policy_timeout.max(1)),
        ..EngineOptions::default()
    };
    Compiled::new(set, &opts).map_err(|e| Fatal(e.to_string()))
}

/// Everything a scan needs, with the config file and the flags combined.
struct PreparedScan {
    set: PolicySet,
    compiled: Compiled,
    opts: ScanOptions,
    config: Config,
    fail_on: FailOn,
}

/// Finds and validates the config, loads and selects the policies (flags
/// win over the config), and builds the scan options.
fn prepare_scan(args: &ScanArgs) -> Result<PreparedScan, Fatal> {
    init_threads(args.threads);
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    for p in &paths {
        if !p.exists() {
            return Err(Fatal(format!("{}: no such file or directory", p.display())));
        }
    }
    let config_path = match (&args.config, args.no_config) {
        (Some(path), _) => {
            if !path.is_file() {
                return Err(Fatal(format!("--config {}: no such file", path.display())));
            }
            Some(path.clone())
        }
        (None, true) => None,
        (None, false) => config::find(&paths[0]),
    };
    let mut config = match &config_path {
        Some(path) => Config::load(path).map_err(|e| Fatal(e.render()))?,
        None => Config::default(),
    };
    let mut dirs = config.policy_dirs.clone();
    dirs.extend(args.policies.policy_dirs.iter().cloned());
    let mut set = load_all_policies(&dirs)?;
    config.check_ids(&set).map_err(|e| Fatal(e.render()))?;
    let known_ids = set
        .policies
        .iter()
        .flat_map(|p| {
            std::iter::once((p.meta.id.clone(), p.meta.id.clone())).chain(
                p.meta
                    .aliases
                    .iter()
                    .map(|a| (a.clone(), p.meta.id.clone())),
            )
        })
        .collect();
    let pick = |cli: &[String], cfg: Vec<String>| if cli.is_empty() { cfg } else { cli.to_vec() };
    let only = pick(
        &args.policies.only,
        config.enable.iter().map(|s| s.get_ref().clone()).collect(),
    );
    let skip = pick(
        &args.policies.skip,
        config.disable.iter().map(|s| s.get_ref().clone()).collect(),
    );
    let frameworks = pick(&args.policies.frameworks, config.frameworks.clone());
    set.select(&only, &skip, &frameworks).map_err(Fatal)?;
    let engine_opts = EngineOptions {
        timeout: Duration::from_secs(args.policies.policy_timeout.max(1)),
        config: config.policy_data(),
        ..EngineOptions::default()
    };
    let compiled = Compiled::new(&set, &engine_opts).map_err(|e| Fatal(e.to_string()))?;
    let mut vars = Vec::new();
    for v in &args.vars {
        let Some((k, val)) = v.split_once('=') else {
            return Err(Fatal(format!("--var {v:?}: expected NAME=VALUE")));
        };
        vars.push((k.trim().to_owned(), val.to_owned()));
    }
    for f in &args.var_files {
        if !f.is_file() {
            return Err(Fatal(format!("--var-file {}: no such file", f.display())));
        }
    }
    for p in &args.plans {
        if !p.is_file() {
            return Err(Fatal(format!("--plan {}: no such file", p.display())));
        }
    }
    let has_plans = !args.plans.is_empty()
        || paths
            .iter()
            .any(|p| p.is_file() && crate::discover::FileKind::of(p).is_none());
    if args.shard.is_some() && has_plans {
        return Err(Fatal(
            "--shard splits configuration scans by module; a plan is one unit: scan it in a single job".into(),
        ));
    }
    let mut exclude = config.exclude.clone();
    exclude.extend(args.exclude.iter().cloned());
    let opts = ScanOptions {
        paths,
        max_file_size: args.max_file_size,
        var_files: args.var_files.clone(),
        vars,
        env_vars: std::env::vars()
            .filter_map(|(k, v)| k.strip_prefix("TF_VAR_").map(|n| (n.to_owned(), v)))
            .collect(),
        workspace: args.workspace.clone(),
        exclude,
        plans: args.plans.clone(),
        suppress: SuppressOptions {
            no_inline: args.no_inline_ignores,
            config: config.ignores.clone(),
            known_ids: Some(known_ids),
            today: None,
        },
        shard: args.shard,
        progress: std::io::stderr().is_terminal(),
        keep_inputs: false,
        report_undecided: args.unknowns == Unknowns::Report,
        usage: load_usage(args.usage.as_deref())?,
    };
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or(FailOn::Low);
    Ok(PreparedScan {
        set,
        compiled,
        opts,
        config,
        fail_on,
    })
}

/// Scans, then applies the config's severity overrides.
fn run_scan(p: &PreparedScan) -> ScanOutput {
    let mut out = scan::scan(&p.opts, &p.compiled);
    if !p.config.severity_overrides.is_empty() {
        let findings = out
            .findings
            .iter_mut()
            .chain(out.suppressed.iter_mut().map(|s| &mut s.finding));
        for f in findings {
            if let Some((sev, _)) = p.config.severity_overrides.get(&f.rule_id) {
                f.severity = *sev;
            }
        }
    }
    out
}

fn scan_command(args: ScanArgs) -> Result<ExitStatus, Fatal> {
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
        crate::baseline::apply(&mut out, b);
    }
    let set = &prepared.set;
    let targets = output_plan(args.format, &args.output)?;
    report_scan(&args, set, &out, &targets, prepared.fail_on)
}

/// `tfward baseline create`: the scan's findings, as a baseline file.
fn baseline_create(args: &ScanArgs) -> Result<ExitStatus, Fatal> {
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

fn init_command(args: &InitArgs) -> Result<ExitStatus, Fatal> {
    let path = args.dir.join(config::FILE_NAME);
    if path.exists() {
        return Err(Fatal(format!(
            "{} already exists; tfward init never overwrites it",
            path.display()
        )));
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| Fatal(format!("cannot create {}: {e}", path.display())))?;
    file.write_all(config::STARTER.as_bytes())
        .map_err(|e| Fatal(format!("cannot write {}: {e}", path.display())))?;
    emit(&format!("wrote {}\n", path.display()), None)?;
    Ok(ExitStatus::Clean)
}

fn diff_command(args: &DiffArgs) -> Result<ExitStatus, Fatal> {
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

fn merge_command(args: &MergeArgs) -> Result<ExitStatus, Fatal> {
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
    if let Some(path) = output {
        return std::fs::write(path, text)
            .map_err(|e| Fatal(format!("cannot write {}: {e}", path.display())));
    }
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Fatal(format!("cannot write the report: {e}"))),
    }
}

fn policy_list(args: &PolicyArgs, format: ListFormat) -> Result<ExitStatus, Fatal> {
    let set = load_policies(args)?;
    let text = match format {
        ListFormat::Markdown => policy_table(&set),
        ListFormat::Json => {
            let items: Vec<serde_json::Value> = set
                .sorted()
                .iter()
                .map(|p| {
                    serde_json::json!({
                        "id": p.meta.id,
                        "title": p.meta.title,
                        "severity": p.meta.severity,
                        "category": p.meta.category,
                        "resource_types": p.meta.resource_types,
                        "frameworks": p.meta.frameworks,
                        "equivalents": p.meta.equivalents,
                        "aliases": p.meta.aliases,
                        "file": p.file.display,
                    })
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&items).unwrap_or_default();
            s.push('\n');
            s
        }
        ListFormat::Human => {
            let mut s = String::new();
            for p in set.sorted() {
                s.push_str(&format!(
                    "{:<13} {:<8} {:<11} {}\n",
                    p.meta.id,
                    p.meta.severity.as_str(),
                    p.meta.category.as_str(),
                    p.meta.title
                ));
            }
            s.push_str(&format!("{} policies\n", set.policies.len()));
            s
        }
    };
    emit(&text, None)?;
    Ok(ExitStatus::Clean)
}

/// The Markdown table of docs/policies.md (regenerate with
/// `cargo run -- policy list --format markdown > docs/policies.md`).
pub fn policy_table(set: &PolicySet) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out = String::from(
        "# Policies\n\nGenerated by `tfward policy list --format markdown`; do not edit by hand.\n\n",
    );
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for p in &set.policies {
        let provider = p.meta.id.split('-').nth(1).unwrap_or("").to_owned();
        *counts.entry(provider).or_default() += 1;
    }
    let summary: Vec<String> = counts.iter().map(|(k, v)| format!("{k} {v}")).collect();
    out.push_str(&format!(
        "{} policies: {}.\n\n",
        set.policies.len(),
        summary.join(", ")
    ));
    out.push_str("| Id | Title | Severity | Category | Frameworks | Equivalents |\n|---|---|---|---|---|---|\n");
    for p in set.sorted() {
        let m = &p.meta;
        let frameworks: Vec<String> = m
            .frameworks
            .iter()
            .map(|(k, v)| format!("{k}: {}", v.join(", ")))
            .collect();
        let equivalents: Vec<String> = m
            .equivalents
            .iter()
            .map(|(k, v)| format!("{k}: {}", v.join(", ")))
            .collect();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            m.id,
            cell(&m.title),
            m.severity,
            m.category.as_str(),
            cell(&frameworks.join("; ")),
            cell(&equivalents.join("; "))
        ));
    }
    out
}

fn policy_explain(id: &str, args: &PolicyArgs) -> Result<ExitStatus, Fatal> {
    let set = load_policies(args)?;
    let Some(p) = set.resolve_id(id) else {
        return Err(Fatal(format!(
            "unknown policy id {id:?}; `tfward policy list` shows the ids"
        )));
    };
    let m = &p.meta;
    let mut s = format!("{} [{}] {}\n\n", m.id, m.severity, m.title);
    s.push_str(&format!("category:       {}\n", m.category.as_str()));
    s.push_str(&format!(
        "resource types: {}\n",
        m.resource_types.join(", ")
    ));
    if !m.frameworks.is_empty() {
        let f: Vec<String> = m
            .frameworks
            .iter()
            .map(|(k, v)| format!("{k} {}", v.join(", ")))
            .collect();
        s.push_str(&format!("frameworks:     {}\n", f.join("; ")));
    }
    if !m.equivalents.is_empty() {
        let e: Vec<String> = m
            .equivalents
            .iter()
            .map(|(k, v)| format!("{k} {}", v.join(", ")))
            .collect();
        s.push_str(&format!("equivalents:    {}\n", e.join("; ")));
    }
    if !m.aliases.is_empty() {
        s.push_str(&format!("aliases:        {}\n", m.aliases.join(", ")));
    }
    s.push_str(&format!("source:         {}\n", p.file.display));
    if !m.description.is_empty() {
        s.push_str(&format!("\n{}\n", m.description));
    }
    s.push_str(&format!("\nRemediation:\n{}\n", m.remediation));
    if !m.related_resources.is_empty() {
        s.push_str("\nSee:\n");
        for r in &m.related_resources {
            s.push_str(&format!("  {r}\n"));
        }
    }
    emit(&s, None)?;
    Ok(ExitStatus::Clean)
}

/// Prints a fatal error on stderr.
#[allow(clippy::print_stderr)]
pub fn report_fatal(fatal: &Fatal) {
    eprintln!("error: {fatal}");
}

/// `tfward input`: the policy input documents, as policies see them.
fn input_command(args: ScanArgs) -> Result<ExitStatus, Fatal> {
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

/// Renders a scan's report in the chosen format and decides the exit status.
fn report_scan(
    args: &ScanArgs,
    set: &PolicySet,
    out: &scan::ScanOutput,
    targets: &[(ReportFormat, Option<PathBuf>)],
    fail_on: FailOn,
) -> Result<ExitStatus, Fatal> {
    let show_undecided = args.unknowns == Unknowns::Report;
    let mut report = Report::new(out, show_undecided);
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
                let color = !args.no_color
                    && path.is_none()
                    && std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none();
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
                    },
                )
            }
            ReportFormat::Json => report::json::render(&report),
            ReportFormat::Sarif => report::sarif::render(&report, &ctx),
            ReportFormat::Junit => report::junit::render(&report, &ctx),
            ReportFormat::Github => report::github::render(&report, &ctx),
            ReportFormat::Gitlab => report::gitlab::render(&report, &ctx),
            ReportFormat::Markdown => report::markdown::render(&report, &ctx),
        };
        emit(&text, path.as_ref())?;
    }
    // With no human report on the terminal, errors and warnings still reach
    // a person: one line each on stderr (CI logs show it beside the exit code).
    let human_on_stdout = targets
        .iter()
        .any(|(f, p)| *f == ReportFormat::Human && p.is_none());
    if !human_on_stdout {
        print_diagnostics(&report);
    }
    Ok(exit_status(&report, fail_on.threshold()))
}

/// `error: file:line:col: message`, one line per error and warning.
#[allow(clippy::print_stderr)]
fn print_diagnostics(report: &Report) {
    for (kind, list) in [("error", &report.errors), ("warning", &report.warnings)] {
        for d in list {
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
    }
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
fn civil_date(days: u64) -> String {
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

fn report_command(args: ReportArgs) -> Result<ExitStatus, Fatal> {
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
        max_file_size: scan::DEFAULT_MAX_FILE_SIZE,
        workspace: "default".into(),
        plans: vec![args.plan.clone()],
        usage: usage.clone(),
        ..ScanOptions::default()
    };
    let out = scan::scan(&opts, &compiled);
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

/// The `--usage` file, or no usage figures.
pub fn load_usage(path: Option<&std::path::Path>) -> Result<crate::analyse::cost::Usage, Fatal> {
    let found = crate::analyse::cost::Usage::default_file();
    path.or(found.as_deref()).map_or_else(
        || Ok(Default::default()),
        |p| crate::analyse::cost::Usage::load(p).map_err(Fatal),
    )
}

/// Prints a phase timing on stderr (TFWARD_PROFILE=1).
#[allow(clippy::print_stderr)]
pub fn report_timing(line: &str) {
    eprintln!("timing: {line}");
}

/// `tfward drift --state STATE DIR`.
fn drift_command(args: DriftArgs) -> Result<ExitStatus, Fatal> {
    use crate::analyse::drift::{self, ConfigResource, DriftKind};
    init_threads(None);
    let (state_file, state) = crate::plan_scan::read_plan(&args.state)
        .map_err(|d| Fatal(format!("{}:{}:{}: {}", d.file, d.line, d.column, d.message)))?;
    if state.kind == crate::plan::JsonKind::Plan {
        return Err(Fatal(format!(
            "{} is a plan; `tfward drift` compares a state (its drift is shown by `tfward scan PLAN`)",
            state_file.display
        )));
    }
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    if !dir.is_dir() {
        return Err(Fatal(format!("{}: not a directory", dir.display())));
    }
    let mut vars = Vec::new();
    for v in &args.vars {
        let Some((k, val)) = v.split_once('=') else {
            return Err(Fatal(format!("--var {v:?}: expected NAME=VALUE")));
        };
        vars.push((k.trim().to_owned(), val.to_owned()));
    }
    let none = Compiled::new(&PolicySet::default(), &EngineOptions::default())
        .map_err(|e| Fatal(e.to_string()))?;
    let opts = ScanOptions {
        paths: vec![dir.clone()],
        max_file_size: scan::DEFAULT_MAX_FILE_SIZE,
        var_files: args.var_files.clone(),
        vars,
        workspace: "default".into(),
        keep_inputs: true,
        ..ScanOptions::default()
    };
    let out = scan::scan(&opts, &none);
    // Only the root module tree at DIR (not every directory below it).
    let root = crate::source::display_path(&dir);
    let config: Vec<ConfigResource> = out
        .inputs
        .iter()
        .filter(|doc| doc["module"] != "" || doc["module_path"] == root.as_str())
        .flat_map(|doc| doc["resources"].as_array().cloned().unwrap_or_default())
        .filter(|r| r["mode"] == "managed")
        .map(|r| ConfigResource {
            address: r["address"].as_str().unwrap_or_default().to_owned(),
            values: r["values"].clone(),
            expanded: r.get("expanded") != Some(&serde_json::Value::Bool(false)),
        })
        .collect();
    let drifted = drift::compare(&state.resources, &config);
    let errors: Vec<&crate::diagnostic::Diagnostic> = out
        .diagnostics
        .iter()
        .filter(|d| d.level == crate::diagnostic::Level::Error)
        .collect();
    let text = match args.format {
        Format::Json => {
            let doc = serde_json::json!({
                "version": report::REPORT_VERSION,
                "tool": report::TOOL,
                "state": state_file.display,
                "config": root,
                "drift": drifted,
                "errors": errors,
            });
            let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
            s.push('\n');
            s
        }
        Format::Human => {
            let mut s = String::new();
            for e in &errors {
                s.push_str(&format!(
                    "error: {}:{}:{}: {}\n",
                    e.file, e.line, e.column, e.message
                ));
            }
            for d in &drifted {
                match d.kind {
                    DriftKind::NotInConfig => s.push_str(&format!(
                        "- {}: in state, not in configuration (removed from code, still live)\n",
                        d.address
                    )),
                    DriftKind::NotInState => s.push_str(&format!(
                        "+ {}: in configuration, not in state (never applied, or deleted outside Terraform)\n",
                        d.address
                    )),
                    DriftKind::Changed => {
                        s.push_str(&format!("~ {}: configuration and state differ\n", d.address));
                        for a in &d.attributes {
                            let show = |v: &serde_json::Value| {
                                if a.sensitive { "(sensitive)".to_owned() } else { v.to_string() }
                            };
                            s.push_str(&format!("    {}: config {} != state {}\n", a.path, show(&a.config), show(&a.state)));
                        }
                    }
                }
            }
            s.push_str(&format!(
                "{} resource{} drifted between {} and {}\n",
                drifted.len(),
                if drifted.len() == 1 { "" } else { "s" },
                state_file.display,
                root
            ));
            s
        }
    };
    emit(&text, None)?;
    Ok(if !errors.is_empty() {
        ExitStatus::Error
    } else if drifted.is_empty() {
        ExitStatus::Clean
    } else {
        ExitStatus::Findings
    })
}
