//! One function per subcommand, wiring the stages together. Returns the
//! process exit status; a failure that stops the run is a [`Fatal`].

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use crate::cli::{
    ChangeReportFormat, Cli, Command, DriftArgs, Format, ListFormat, OutputTarget, PolicyArgs,
    PolicyCommand, ReportArgs, ReportFormat, ScanArgs, Unknowns,
};
use crate::policy::engine::{Compiled, EngineOptions};
use crate::policy::PolicySet;
use crate::report::{self, human, Report};
use crate::scan::{self, ScanOptions};

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
        Command::Scan(args) => scan_command(args),
        Command::Input(args) => input_command(args),
        Command::Drift(args) => drift_command(args),
        Command::Policy(PolicyCommand::List { policies, format }) => policy_list(&policies, format),
        Command::Policy(PolicyCommand::Explain { id, policies }) => policy_explain(&id, &policies),
        Command::Policy(PolicyCommand::Test { dirs, format }) => {
            crate::policy::test::run(&dirs, format)
        }
        Command::Report(args) => report_command(args),
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
    let mut set = PolicySet::embedded().map_err(|e| Fatal(format!("built-in policy {e}")))?;
    for dir in &args.policy_dirs {
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
    set.select(&args.only, &args.skip, &args.frameworks)
        .map_err(Fatal)?;
    Ok(set)
}

pub fn compile(set: &PolicySet, args: &PolicyArgs) -> Result<Compiled, Fatal> {
    let opts = EngineOptions {
        timeout: Duration::from_secs(args.policy_timeout.max(1)),
        ..EngineOptions::default()
    };
    Compiled::new(set, &opts).map_err(|e| Fatal(e.to_string()))
}

/// `tfward input`: the policy input documents, as policies see them.
fn input_command(args: ScanArgs) -> Result<ExitStatus, Fatal> {
    init_threads(args.threads);
    let set = load_policies(&args.policies)?;
    let compiled = compile(&set, &args.policies)?;
    let mut opts = scan_options(&args)?;
    opts.keep_inputs = true;
    let mut out = scan::scan(&opts, &compiled);
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

fn scan_command(args: ScanArgs) -> Result<ExitStatus, Fatal> {
    let targets = output_plan(args.format, &args.output)?;
    init_threads(args.threads);
    let set = load_policies(&args.policies)?;
    let compiled = compile(&set, &args.policies)?;
    let opts = scan_options(&args)?;
    let out = scan::scan(&opts, &compiled);
    report_scan(&args, &set, &out, &targets)
}

/// The scan options a `scan`-like command line asks for.
fn scan_options(args: &ScanArgs) -> Result<ScanOptions, Fatal> {
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
    let opts = ScanOptions {
        paths,
        max_file_size: args.max_file_size,
        var_files: args.var_files.clone(),
        vars,
        env_vars: std::env::vars()
            .filter_map(|(k, v)| k.strip_prefix("TF_VAR_").map(|n| (n.to_owned(), v)))
            .collect(),
        workspace: args.workspace.clone(),
        exclude: args.exclude.clone(),
        plans: args.plans.clone(),
        keep_inputs: false,
        report_undecided: args.unknowns == Unknowns::Report,
        usage: load_usage(args.usage.as_deref())?,
    };
    for p in &opts.plans {
        if !p.is_file() {
            return Err(Fatal(format!("--plan {}: no such file", p.display())));
        }
    }
    Ok(opts)
}

/// Renders a scan's report in the chosen format and decides the exit status.
fn report_scan(
    args: &ScanArgs,
    set: &PolicySet,
    out: &scan::ScanOutput,
    targets: &[(ReportFormat, Option<PathBuf>)],
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
    Ok(exit_status(&report, args.fail_on.threshold()))
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

fn write_file(path: &std::path::Path, text: &str) -> Result<(), Fatal> {
    std::fs::write(path, text).map_err(|e| Fatal(format!("cannot write {}: {e}", path.display())))
}

/// Appends a dated entry to the platform change log, creating it (and its
/// folder) when missing.
fn append_log(
    log: &std::path::Path,
    r: &report::platform::PlatformReport,
    report_path: &std::path::Path,
) -> Result<(), Fatal> {
    use std::io::Write as _;
    if let Some(dir) = log.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Fatal(format!("cannot create {}: {e}", dir.display())))?;
    }
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
        r.change_id,
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

/// The `--usage` file, or no usage figures.
pub fn load_usage(path: Option<&std::path::Path>) -> Result<crate::analyse::cost::Usage, Fatal> {
    path.map_or_else(
        || Ok(Default::default()),
        |p| crate::analyse::cost::Usage::load(p).map_err(Fatal),
    )
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
