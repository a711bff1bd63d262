//! One function per subcommand, wiring the stages together. Returns the
//! process exit status; a failure that stops the run is a [`Fatal`].

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use crate::cli::{
    BaselineCommand, Cli, Command, DiffArgs, FailOn, Format, InitArgs, MergeArgs, PolicyArgs,
    PolicyCommand, ScanArgs, Unknowns,
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
        Command::Policy(PolicyCommand::List { policies, format }) => policy_list(&policies, format),
        Command::Policy(PolicyCommand::Explain { id, policies }) => policy_explain(&id, &policies),
        Command::Policy(PolicyCommand::Test { dirs, format }) => crate::policy::test::run(&dirs, format),
        Command::Init(args) => init_command(&args),
        Command::Baseline(BaselineCommand::Create(args)) => baseline_create(&args),
        Command::Diff(args) => diff_command(&args),
        Command::Merge(args) => merge_command(&args),
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
    set.select(&args.only, &args.skip, &args.frameworks).map_err(Fatal)?;
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
        let user = PolicySet::from_files(files, Some(dir), false).map_err(|e| Fatal(e.to_string()))?;
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
    let paths = if args.paths.is_empty() { vec![PathBuf::from(".")] } else { args.paths.clone() };
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
    Ok(exit_status(&report, prepared.fail_on.threshold()))
}

/// `tfward baseline create`: the scan's findings, as a baseline file.
fn baseline_create(args: &ScanArgs) -> Result<ExitStatus, Fatal> {
    let prepared = prepare_scan(args)?;
    let out = run_scan(&prepared);
    let baseline = crate::baseline::Baseline::of(&out.findings);
    emit(&baseline.render(), args.output.as_ref())?;
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
        return std::fs::write(path, text).map_err(|e| Fatal(format!("cannot write {}: {e}", path.display())));
    }
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
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
        return Err(Fatal(format!("unknown policy id {id:?}; `tfward policy list` shows the ids")));
    };
    let m = &p.meta;
    let mut s = format!("{} [{}] {}\n\n", m.id, m.severity, m.title);
    s.push_str(&format!("category:       {}\n", m.category.as_str()));
    s.push_str(&format!("resource types: {}\n", m.resource_types.join(", ")));
    if !m.frameworks.is_empty() {
        let f: Vec<String> = m.frameworks.iter().map(|(k, v)| format!("{k} {}", v.join(", "))).collect();
        s.push_str(&format!("frameworks:     {}\n", f.join("; ")));
    }
    if !m.equivalents.is_empty() {
        let e: Vec<String> = m.equivalents.iter().map(|(k, v)| format!("{k} {}", v.join(", "))).collect();
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
