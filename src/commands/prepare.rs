//! What every scanning command does first: find and validate tfward.toml,
//! load and select the policies (flags win over the config), compile them,
//! and build the pipeline options.

use std::io::IsTerminal as _;

use super::init_threads;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::cli::{DownloadArgs, FailOn, PolicyArgs, ScanArgs, Unknowns};
use crate::config;
use crate::config::Config;
use crate::error::Fatal;
use crate::fetch::{hosts::AllowedHosts, Download};
use crate::pipeline::{ScanOptions, ScanOutput};
use crate::policy::engine::{Compiled, EngineOptions};
use crate::policy::PolicySet;
use crate::suppress::SuppressOptions;

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
    let t0 = std::time::Instant::now();
    let mut set = PolicySet::embedded().map_err(|e| Fatal(format!("built-in policy {e}")))?;
    if std::env::var_os("TFWARD_PROFILE").is_some() {
        crate::progress::report_timing(&format!("built-in policies loaded in {:?}", t0.elapsed()));
    }
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
pub(crate) struct PreparedScan {
    pub set: PolicySet,
    pub compiled: Compiled,
    pub opts: ScanOptions,
    pub config: Config,
    pub fail_on: FailOn,
}

/// Finds and validates the config, loads and selects the policies (flags
/// win over the config), and builds the scan options.
pub(crate) fn prepare_scan(args: &ScanArgs) -> Result<PreparedScan, Fatal> {
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
            input_file("--config", path)?;
            Some(path.clone())
        }
        (None, true) => None,
        (None, false) => config::find(&paths[0]),
    };
    let mut config = match &config_path {
        Some(path) => Config::load(path).map_err(|e| Fatal(e.render()))?,
        None => Config::default(),
    };
    if args.no_repo_policies && args.config.is_none() && !config.policy_dirs.is_empty() {
        let path = config_path
            .as_deref()
            .unwrap_or(std::path::Path::new("tfward.toml"));
        let dirs: Vec<String> = config
            .policy_dirs
            .iter()
            .map(|d| d.display().to_string())
            .collect();
        return Err(Fatal(format!(
            "{}: policy_dirs ({}) comes from the scanned repository, and --no-repo-policies refuses it; pass trusted policy folders with --policy or a trusted --config FILE",
            path.display(),
            dirs.join(", ")
        )));
    }
    let mut dirs = config.policy_dirs.clone();
    dirs.extend(args.policies.policy_dirs.iter().cloned());
    let mut set = load_all_policies(&dirs)?;
    config
        .check_ids(|id| {
            set.resolve_ids(id)
                .into_iter()
                .map(|p| p.meta.id.clone())
                .collect()
        })
        .map_err(|e| Fatal(e.render()))?;
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
    let vars = args.vars.clone();
    for f in &args.var_files {
        input_file("--var-file", f)?;
    }
    for p in &args.plans {
        input_file("--plan", p)?;
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
        max_instances: config.max_instances,
        var_files: args.var_files.clone(),
        var_order: args.var_order.clone(),
        vars,
        env_vars: std::env::vars()
            .filter_map(|(k, v)| k.strip_prefix("TF_VAR_").map(|n| (n.to_owned(), v)))
            .collect(),
        workspace: args.workspace.clone(),
        provider_schema: load_provider_schema(args.provider_schema.as_deref())?,
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
        // Only `tfward report` reads the plans as loaded, and it does not
        // come through here.
        drop_plans: true,
        report_undecided: args.unknowns == Unknowns::Report,
        usage: load_usage(args.usage.as_deref())?,
        download_modules: download(&args.download, &config)?,
        // TFWARD_TREE_BUDGET (bytes): how much configuration a scan parses
        // and holds at once (docs/architecture.md, "Memory").
        tree_budget: std::env::var("TFWARD_TREE_BUDGET")
            .ok()
            .and_then(|v| v.parse().ok()),
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
pub(crate) fn run_scan(p: &PreparedScan) -> ScanOutput {
    let mut out = crate::pipeline::run(&p.opts, &p.compiled);
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

/// The `--usage` file, or no usage figures.
pub fn load_usage(path: Option<&std::path::Path>) -> Result<crate::analyse::cost::Usage, Fatal> {
    let found = crate::analyse::cost::Usage::default_file();
    path.or(found.as_deref()).map_or_else(
        || Ok(Default::default()),
        |p| crate::analyse::cost::Usage::load(p).map_err(Fatal),
    )
}

/// `--provider-schema FILE`, read once for the whole scan.
pub(crate) fn load_provider_schema(
    path: Option<&std::path::Path>,
) -> Result<Option<std::sync::Arc<crate::terraform::schema::ProviderSchemas>>, Fatal> {
    let Some(path) = path else {
        return Ok(None);
    };
    crate::terraform::schema::ProviderSchemas::load(path)
        .map(|s| Some(std::sync::Arc::new(s)))
        .map_err(|e| Fatal(format!("--provider-schema {}: {e}", path.display())))
}

/// What `--download-modules` may do, when asked for: the cache it fills
/// and the hosts it may use. `--module-host` replaces the config's
/// `module_hosts`, so a pull request that edits the repository's
/// tfward.toml cannot widen a list the pipeline gives (without one, the
/// repository's own list can only narrow "any host").
pub(crate) fn download(args: &DownloadArgs, config: &Config) -> Result<Option<Download>, Fatal> {
    let configured = config
        .module_hosts(crate::fetch::hosts::parse_flag)
        .map_err(|e| Fatal(e.render()))?;
    if !args.download_modules {
        return Ok(None);
    }
    let Some(cache) = args
        .module_cache
        .clone()
        .or_else(crate::fetch::default_cache)
    else {
        return Err(Fatal(
            "--download-modules needs a cache: set --module-cache DIR (neither XDG_CACHE_HOME nor HOME is set)".into(),
        ));
    };
    let hosts = match (args.module_hosts.as_slice(), configured) {
        ([], None) => None,
        ([], Some(list)) => Some(AllowedHosts::parse(&list).map_err(Fatal)?),
        (flags, _) => Some(AllowedHosts::parse(flags).map_err(Fatal)?),
    };
    Ok(Some(Download { cache, hosts }))
}

/// A file a flag names: it must exist and be a regular file. A device or
/// a pipe (`--var-file /dev/zero`) would be read without end, and saying
/// "no such file" of it, as tfward did, sends the user looking for a typo.
pub(crate) fn input_file(flag: &str, path: &Path) -> Result<(), Fatal> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(()),
        Ok(m) if m.is_dir() => Err(Fatal(format!(
            "{flag} {}: is a directory, not a file",
            path.display()
        ))),
        Ok(_) => Err(Fatal(format!(
            "{flag} {}: not a regular file (a device, pipe or socket); tfward reads only files",
            path.display()
        ))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(Fatal(format!("{flag} {}: no such file", path.display())))
        }
        Err(e) => Err(Fatal(format!("{flag} {}: {e}", path.display()))),
    }
}
