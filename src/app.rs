//! One function per subcommand, wiring the stages together. Returns the
//! process exit status; a failure that stops the run is a [`Fatal`].

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use crate::cli::{
    Cli, Command, Format, PolicyArgs, PolicyCommand, ReportArgs, ReportFormat, ScanArgs, Unknowns,
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

fn scan_command(args: ScanArgs) -> Result<ExitStatus, Fatal> {
    init_threads(args.threads);
    let set = load_policies(&args.policies)?;
    let compiled = compile(&set, &args.policies)?;
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
        usage: load_usage(args.usage.as_deref())?,
    };
    for p in &opts.plans {
        if !p.is_file() {
            return Err(Fatal(format!("--plan {}: no such file", p.display())));
        }
    }
    let out = scan::scan(&opts, &compiled);
    let show_undecided = args.unknowns == Unknowns::Report;
    let report = Report::new(&out, show_undecided);
    let text = match args.format {
        Format::Json => report::json::render(&report),
        Format::Human => {
            let color = !args.no_color
                && args.output.is_none()
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
    };
    emit(&text, args.output.as_ref())?;
    Ok(exit_status(&report, args.fail_on.threshold()))
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
        ReportFormat::Markdown => ("md", report::markdown::render(&built)),
        ReportFormat::Json => {
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

fn policy_list(args: &PolicyArgs, format: Format) -> Result<ExitStatus, Fatal> {
    let set = load_policies(args)?;
    let text = match format {
        Format::Json => {
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
        Format::Human => {
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
