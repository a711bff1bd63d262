//! The command line. Every field's doc comment is its `--help`.

use std::path::PathBuf;

pub use crate::finding::FailOn;
use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// Terraform / OpenTofu policy, drift, cost and risk analyser.
///
/// Exit codes: 0 = no finding at or above --fail-on; 1 = findings at or
/// above it; 2 = tfward could not do its job (unreadable or unparsable input,
/// a bad policy, a bad flag).
#[derive(Debug, Parser)]
#[command(name = "tfward", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Parses the process's arguments like [`Parser::parse`], and records
    /// the command-line order of `--var-file` and `--var`, which Terraform
    /// applies in that order (the later wins).
    pub fn parse_ordered() -> Cli {
        Self::parse_ordered_from(std::env::args_os())
    }

    /// [`Cli::parse_ordered`] on given arguments (the first is the program).
    pub fn parse_ordered_from<I, T>(args: I) -> Cli
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let matches = Cli::command().get_matches_from(args);
        let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
        let order = var_order(&matches);
        match &mut cli.command {
            Command::Scan(a)
            | Command::Input(a)
            | Command::Baseline(BaselineCommand::Create(a)) => {
                a.var_order = order;
            }
            Command::Drift(a) => a.var_order = order,
            _ => {}
        }
        cli
    }
}

pub use crate::terraform::module::VarSource;

/// The order of `--var-file` and `--var` in the (innermost) subcommand's
/// arguments; empty when it takes neither.
fn var_order(matches: &ArgMatches) -> Vec<VarSource> {
    let mut m = matches;
    while let Some((_, sub)) = m.subcommand() {
        m = sub;
    }
    let takes = |id: &str| m.ids().any(|i| i.as_str() == id);
    let mut at: Vec<(usize, VarSource)> = Vec::new();
    if takes("var_files") {
        if let Some(ix) = m.indices_of("var_files") {
            at.extend(ix.map(|i| (i, VarSource::File)));
        }
    }
    if takes("vars") {
        if let Some(ix) = m.indices_of("vars") {
            at.extend(ix.map(|i| (i, VarSource::Value)));
        }
    }
    at.sort_by_key(|(i, _)| *i);
    at.into_iter().map(|(_, s)| s).collect()
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan Terraform configuration (directories, .tf files) and report findings.
    Scan(Box<ScanArgs>),
    /// Print the policy input documents tfward builds (one per module), as
    /// policies see them: for writing and debugging policies.
    Input(Box<ScanArgs>),
    /// Compare a state with the configuration: resources removed from code
    /// but still live, never applied, or configured differently from what
    /// the state holds. Exit 1 when anything drifted.
    Drift(DriftArgs),
    /// List, explain and test policies.
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Write the Platform Change Report of a plan: changes, risk, findings,
    /// drift, cost, rollback, approvals (Markdown or JSON, plus HTML).
    Report(ReportArgs),
    /// Write a commented starter tfward.toml (never overwrites one).
    Init(InitArgs),
    /// Accept today's findings: later scans with --baseline report only new ones.
    #[command(subcommand)]
    Baseline(BaselineCommand),
    /// Compare two JSON reports by fingerprint: new, fixed and unchanged findings.
    Diff(DiffArgs),
    /// Combine the JSON reports of `scan --shard K/N` jobs into one report.
    Merge(MergeArgs),
    /// Price catalogue tools.
    #[command(subcommand)]
    Prices(PricesCommand),
}

#[derive(Debug, Subcommand)]
pub enum PricesCommand {
    /// Build a price catalogue from the clouds' bulk price files (JSON): AWS
    /// Price List offer files, Azure Retail Prices API pages, Google Cloud
    /// Billing Catalog SKU lists. Use it with `tfward report --prices FILE`.
    Import(PricesImportArgs),
}

#[derive(Debug, Clone, Args)]
pub struct PricesImportArgs {
    /// Bulk price files (the format of each is recognised by its content).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// The catalogue to update (default: the built-in one).
    #[arg(long, value_name = "FILE")]
    pub base: Option<PathBuf>,
    /// Where to write the catalogue.
    #[arg(long, short, default_value = "prices.json", value_name = "FILE")]
    pub output: PathBuf,
    /// The day the price files were fetched, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChangeReportFormat {
    /// <id>.report.md (and the HTML page).
    Markdown,
    /// <id>.report.json with the same content as data (and the HTML page).
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// The plan (`terraform show -json plan.out > plan.json`).
    #[arg(long = "plan", value_name = "FILE")]
    pub plan: PathBuf,
    /// The configuration directory behind the plan (optional): findings
    /// then point at the HCL and lifecycle blocks are read.
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// The change's id, e.g. CHG-1234; names the files (lowercased,
    /// non-alphanumerics as hyphens).
    #[arg(long, value_name = "ID")]
    pub change_id: String,
    /// The change request (Markdown); its "Acceptance criteria" checklist
    /// is copied into the report.
    #[arg(long, value_name = "FILE")]
    pub request: Option<PathBuf>,
    /// Output format of the report file.
    #[arg(short = 'f', long, value_enum, default_value_t = ChangeReportFormat::Markdown)]
    pub format: ChangeReportFormat,
    /// Where the report files go.
    #[arg(long, default_value = "docs/platform", value_name = "DIR")]
    pub out_dir: PathBuf,
    /// The change log that gets a dated entry per report (created if missing).
    #[arg(long, default_value = ".ai/platform-changes.md", value_name = "FILE")]
    pub log: PathBuf,
    /// Usage figures for usage-based prices (YAML or JSON; see docs/cost.md).
    #[arg(long, value_name = "FILE")]
    pub usage: Option<PathBuf>,
    /// A price catalogue from `tfward prices import` (default: the built-in one).
    #[arg(long, value_name = "FILE")]
    pub prices: Option<PathBuf>,
    #[command(flatten)]
    pub policies: PolicyArgs,
    #[command(flatten)]
    pub download: DownloadArgs,
}

#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    /// The folder to write tfward.toml in.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum BaselineCommand {
    /// Scan (same arguments as `scan`) and write the findings' fingerprints
    /// to --output (or standard output).
    Create(Box<ScanArgs>),
}

#[derive(Debug, Clone, Args)]
pub struct DiffArgs {
    /// The report of the base (e.g. the target branch): `scan --format json`.
    #[arg(value_name = "BASE.json")]
    pub base: PathBuf,
    /// The report of the change.
    #[arg(value_name = "HEAD.json")]
    pub head: PathBuf,
    /// Exit 1 when a new finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Low)]
    pub fail_on: FailOn,
    /// Output format.
    #[arg(short = 'f', long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct MergeArgs {
    /// The shards' JSON reports, all from the same tfward version.
    #[arg(value_name = "REPORT.json", required = true)]
    pub reports: Vec<PathBuf>,
    /// Output format.
    #[arg(short = 'f', long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a merged finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Low)]
    pub fail_on: FailOn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Rendered diagnostics with source snippets (colour only on a terminal).
    Human,
    /// The JSON report.
    Json,
}

/// The formats of a scan report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ValueEnum)]
pub enum ReportFormat {
    /// Rendered diagnostics with source snippets (colour only on a terminal).
    Human,
    /// The JSON report.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// JUnit XML: one suite per policy, one failing case per resource.
    Junit,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// GitLab Code Quality JSON (artifacts:reports:codequality).
    Gitlab,
    /// A compact Markdown summary for a pull-request comment.
    Markdown,
}

impl ReportFormat {
    pub fn name(self) -> &'static str {
        match self {
            ReportFormat::Human => "human",
            ReportFormat::Json => "json",
            ReportFormat::Sarif => "sarif",
            ReportFormat::Junit => "junit",
            ReportFormat::Github => "github",
            ReportFormat::Gitlab => "gitlab",
            ReportFormat::Markdown => "markdown",
        }
    }
}

/// One `--output`: a file for the `--format` report, or `FORMAT=FILE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputTarget {
    /// None: the format given by `--format`.
    pub format: Option<ReportFormat>,
    pub path: PathBuf,
}

/// Parses `--output FILE` or `--output FORMAT=FILE`. A word before `=` that
/// is not a format is an error rather than a file name, so a typo such as
/// `--output xml=out.xml` does not silently write a file called `xml=out.xml`
/// (write `./a=b` for such a name).
pub fn parse_output(s: &str) -> Result<OutputTarget, String> {
    let Some((name, path)) = s.split_once('=') else {
        return Ok(OutputTarget {
            format: None,
            path: PathBuf::from(s),
        });
    };
    let looks_like_format = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !looks_like_format {
        return Ok(OutputTarget {
            format: None,
            path: PathBuf::from(s),
        });
    }
    let known: Vec<&str> = ReportFormat::value_variants()
        .iter()
        .map(|f| f.name())
        .collect();
    let format = ReportFormat::from_str(name, true)
        .map_err(|_| format!("unknown format {name:?} (known: {})", known.join(", ")))?;
    if path.is_empty() {
        return Err(format!("no file after {name}=; write --output {name}=FILE"));
    }
    Ok(OutputTarget {
        format: Some(format),
        path: PathBuf::from(path),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    /// Framework control (CIS section, SOC 2 criterion, PCI-DSS requirement...).
    Control,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// One line per policy.
    Human,
    /// Every policy's facts as data.
    Json,
    /// The policy table of docs/policies.md.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Unknowns {
    /// Stay silent on checks that depend on unknown values (default).
    Hide,
    /// List each check that could not be decided, and why.
    Report,
}

/// Which policies run.
#[derive(Debug, Clone, Args)]
pub struct PolicyArgs {
    /// Add a folder of your own policies (repeatable). One folder per policy
    /// with a policy.rego and its METADATA, as in the built-in set.
    #[arg(long = "policy", value_name = "DIR")]
    pub policy_dirs: Vec<PathBuf>,
    /// Run only these policy ids (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    pub only: Vec<String>,
    /// Do not run these policy ids (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    pub skip: Vec<String>,
    /// Run only the policies mapped to a framework: cis-aws, cis-azure,
    /// cis-gcp, soc2, pci-dss, hipaa, cwe (or a versioned name like cis-aws-1.5).
    #[arg(long = "framework", value_name = "NAME")]
    pub frameworks: Vec<String>,
    /// Seconds one policy may run on one module before it is stopped and
    /// reported as an error.
    #[arg(long, default_value_t = 5, value_name = "SECONDS")]
    pub policy_timeout: u64,
}

#[derive(Debug, Clone, Args)]
pub struct ScanArgs {
    /// Directories or files to scan (default: the current directory).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub policies: PolicyArgs,
    /// Output format of the report on standard output (or in a bare
    /// --output FILE).
    #[arg(short = 'f', long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// Write a report to a file (repeatable). `FILE` receives the --format
    /// report instead of standard output; `FORMAT=FILE` writes that format
    /// as well, e.g. --output sarif=tfward.sarif --output junit=tfward.xml.
    #[arg(short = 'o', long, value_name = "[FORMAT=]FILE", value_parser = parse_output)]
    pub output: Vec<OutputTarget>,
    #[command(flatten)]
    pub display: DisplayArgs,
    /// Exit 1 when a finding is at or above this severity [default: the
    /// config's fail_on, else low].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Read settings from this file instead of the tfward.toml found in the
    /// scanned directory or its parents.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Use no tfward.toml at all.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Refuse the policy_dirs of a tfward.toml found in the scanned tree
    /// (CI on pull requests: a change could add a policy that way). The
    /// folders of --policy and of a --config FILE still load.
    #[arg(long)]
    pub no_repo_policies: bool,
    /// Ignore every inline `tfward:ignore` comment (audits). Config
    /// [[ignore]] entries still apply.
    #[arg(long)]
    pub no_inline_ignores: bool,
    /// Report (and fail on) only findings whose fingerprint is not in this
    /// baseline (from `tfward baseline create`, or any JSON report).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Scan only shard K of N of the modules (a stable split by module
    /// path, for CI matrices); combine the JSON reports with `tfward merge`.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<crate::shard::Shard>,
    /// Worker threads (default: one per core; at most 1024).
    #[arg(long, value_name = "N", value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1024))]
    pub threads: Option<usize>,
    /// Skip (and report) files larger than this many bytes.
    #[arg(long, default_value_t = crate::load::DEFAULT_MAX_FILE_SIZE, value_name = "BYTES")]
    pub max_file_size: u64,
    /// Load variable values from a .tfvars or .tfvars.json file (repeatable,
    /// later files win).
    #[arg(long = "var-file", value_name = "FILE")]
    pub var_files: Vec<PathBuf>,
    /// Set a variable: --var name=value (repeatable).
    #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_var)]
    pub vars: Vec<(String, String)>,
    /// The order of the `--var-file`s and `--var`s (Cli::parse_ordered).
    #[arg(skip)]
    pub var_order: Vec<VarSource>,
    /// The value of terraform.workspace.
    #[arg(long, default_value = "default", value_name = "NAME")]
    pub workspace: String,
    /// The JSON of `terraform providers schema -json`: resources' values
    /// follow it (converted to the attributes' types, sets without
    /// duplicates, attributes only the provider sets unknown).
    #[arg(long, value_name = "FILE")]
    pub provider_schema: Option<PathBuf>,
    #[command(flatten)]
    pub download: DownloadArgs,
    /// Skip paths matching this glob (repeatable), e.g. '**/examples/**'.
    #[arg(long, value_name = "GLOB", value_parser = parse_glob)]
    pub exclude: Vec<String>,
    /// A plan or state (`terraform show -json` output, or terraform.tfstate)
    /// to scan; directories given are its configuration, so findings point
    /// at the HCL. JSON files given as PATH are detected by content.
    #[arg(long = "plan", value_name = "FILE")]
    pub plans: Vec<PathBuf>,
    /// Add a compliance view: findings grouped by framework control (with
    /// --framework, only that framework's controls).
    #[arg(long, value_enum, value_name = "GROUPING")]
    pub group_by: Option<GroupBy>,
    /// How to treat checks that depend on values tfward cannot know.
    #[arg(long, value_enum, default_value_t = Unknowns::Hide)]
    pub unknowns: Unknowns,
    /// Usage figures for usage-based prices (YAML or JSON, per resource
    /// address: monthly_storage_gb, monthly_requests, ...; see docs/cost.md).
    #[arg(long, value_name = "FILE")]
    pub usage: Option<PathBuf>,
}

/// Fetching the modules `terraform init` has not installed.
#[derive(Debug, Clone, Args)]
pub struct DownloadArgs {
    /// Download the registry, git and archive modules the configuration
    /// calls that `terraform init` has not installed (into --module-cache),
    /// so they are evaluated too. Without it they are reported not installed.
    #[arg(long)]
    pub download_modules: bool,
    /// The cache of downloaded modules [default: $XDG_CACHE_HOME/tfward/modules,
    /// else ~/.cache/tfward/modules].
    #[arg(long, value_name = "DIR", requires = "download_modules")]
    pub module_cache: Option<PathBuf>,
    /// Download modules only from this host (repeatable): HOST, HOST:PORT
    /// or *.DOMAIN. Every URL is checked, service discovery, download
    /// locations and redirects included. Replaces tfward.toml's
    /// module_hosts [default: that list, else any host].
    #[arg(long = "module-host", value_name = "HOST", requires = "download_modules",
          value_parser = crate::fetch::hosts::parse_flag)]
    pub module_hosts: Vec<String>,
}

/// How the human report looks (the other formats are data and ignore these).
#[derive(Debug, Clone, Args)]
pub struct DisplayArgs {
    /// One line per finding (`file:line:col: ID [SEVERITY] message`) instead
    /// of source snippets.
    #[arg(long)]
    pub compact: bool,
    /// Print findings and errors only: no warnings, no change lists, no
    /// summary line (nothing at all when the scan is clean).
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Show only findings at or above this severity; the others are counted
    /// in the summary. The exit code still follows --fail-on, and the
    /// machine formats (json, sarif, ...) keep every finding.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub min_severity: Option<MinSeverity>,
    /// When to colour: auto (a terminal, unless NO_COLOR is set), always or
    /// never. Files written with --output are never coloured.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Never colour the output (the same as --color never).
    #[arg(long)]
    pub no_color: bool,
}

impl DisplayArgs {
    /// Whether standard output gets colour, given whether it is a terminal.
    pub fn colored(&self, terminal: bool, no_color_env: bool) -> bool {
        match (self.no_color, self.color) {
            (true, _) | (false, ColorChoice::Never) => false,
            (false, ColorChoice::Always) => true,
            (false, ColorChoice::Auto) => terminal && !no_color_env,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless the NO_COLOR variable is set.
    Auto,
    /// Colour even when standard output is a pipe.
    Always,
    /// No colour.
    Never,
}

/// A display threshold (`--min-severity`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MinSeverity {
    Low,
    Medium,
    High,
    Critical,
}

impl MinSeverity {
    pub fn severity(self) -> crate::finding::Severity {
        use crate::finding::Severity;
        match self {
            MinSeverity::Low => Severity::Low,
            MinSeverity::Medium => Severity::Medium,
            MinSeverity::High => Severity::High,
            MinSeverity::Critical => Severity::Critical,
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct DriftArgs {
    /// The state: `terraform show -json` output or a terraform.tfstate file.
    #[arg(long, value_name = "FILE")]
    pub state: PathBuf,
    /// The configuration's root module directory (default: the current one).
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Output format.
    #[arg(short = 'f', long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Load variable values from a .tfvars file (repeatable).
    #[arg(long = "var-file", value_name = "FILE")]
    pub var_files: Vec<PathBuf>,
    /// Set a variable: --var name=value (repeatable).
    #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_var)]
    pub vars: Vec<(String, String)>,
    /// The order of the `--var-file`s and `--var`s (Cli::parse_ordered).
    #[arg(skip)]
    pub var_order: Vec<VarSource>,
    /// The JSON of `terraform providers schema -json`: the configuration's
    /// values follow it before they are compared with the state (converted
    /// to the attributes' types, sets without duplicates, blocks shaped as
    /// the state holds them).
    #[arg(long, value_name = "FILE")]
    pub provider_schema: Option<PathBuf>,
    #[command(flatten)]
    pub download: DownloadArgs,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// List the policies (built-in and --policy folders).
    List {
        #[command(flatten)]
        policies: PolicyArgs,
        /// Output format (markdown is the table in docs/policies.md).
        #[arg(short = 'f', long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Show everything about one policy: description, remediation, mappings.
    Explain {
        /// The policy id (or an alias).
        id: String,
        #[command(flatten)]
        policies: PolicyArgs,
    },
    /// Run policy folders' fixtures and Rego unit tests.
    Test {
        /// Policy folders (a folder holding policy folders is searched).
        #[arg(value_name = "DIR", default_value = "policies")]
        dirs: Vec<PathBuf>,
        /// Output format.
        #[arg(short = 'f', long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Run every policy's fixtures on regorus's VM as well as on the
        /// interpreter and fail when they disagree (the check built-in
        /// policies always get): for writing policies that will be built in.
        #[arg(long)]
        vm: bool,
        /// Wall-clock limit for one policy on one fixture, in seconds (as
        /// `scan --policy-timeout`).
        #[arg(long, default_value_t = 5, value_name = "SECONDS")]
        policy_timeout: u64,
    },
}

/// `--var NAME=VALUE`: the name trimmed, the value as written.
fn parse_var(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => {
            Ok((name.trim().to_owned(), value.to_owned()))
        }
        _ => Err(format!("{s:?} is not NAME=VALUE")),
    }
}

/// `--exclude GLOB`: a glob that compiles (the same rule as tfward.toml's
/// `exclude`, which reports a bad one at its line).
fn parse_glob(s: &str) -> Result<String, String> {
    globset::Glob::new(s)
        .map(|_| s.to_owned())
        .map_err(|e| format!("{s:?} is not a glob: {e}"))
}
