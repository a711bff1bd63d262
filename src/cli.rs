//! The command line. Every field's doc comment is its `--help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::finding::Severity;

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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan Terraform configuration (directories, .tf files) and report findings.
    Scan(Box<ScanArgs>),
    /// List, explain and test policies.
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Write a commented starter tfward.toml (never overwrites one).
    Init(InitArgs),
    /// Accept today's findings: later scans with --baseline report only new ones.
    #[command(subcommand)]
    Baseline(BaselineCommand),
    /// Compare two JSON reports by fingerprint: new, fixed and unchanged findings.
    Diff(DiffArgs),
    /// Combine the JSON reports of `scan --shard K/N` jobs into one report.
    Merge(MergeArgs),
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
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct MergeArgs {
    /// The shards' JSON reports, all from the same tfward version.
    #[arg(value_name = "REPORT.json", required = true)]
    pub reports: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Low,
    Medium,
    High,
    Critical,
    /// Never fail on findings (errors still exit 2).
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Low => Some(Severity::Low),
            FailOn::Medium => Some(Severity::Medium),
            FailOn::High => Some(Severity::High),
            FailOn::Critical => Some(Severity::Critical),
            FailOn::Never => None,
        }
    }
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
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
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
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Skip (and report) files larger than this many bytes.
    #[arg(long, default_value_t = crate::scan::DEFAULT_MAX_FILE_SIZE, value_name = "BYTES")]
    pub max_file_size: u64,
    /// Load variable values from a .tfvars or .tfvars.json file (repeatable,
    /// later files win).
    #[arg(long = "var-file", value_name = "FILE")]
    pub var_files: Vec<PathBuf>,
    /// Set a variable: --var name=value (repeatable).
    #[arg(long = "var", value_name = "NAME=VALUE")]
    pub vars: Vec<String>,
    /// The value of terraform.workspace.
    #[arg(long, default_value = "default", value_name = "NAME")]
    pub workspace: String,
    /// Skip paths matching this glob (repeatable), e.g. '**/examples/**'.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// A plan or state (`terraform show -json` output, or terraform.tfstate)
    /// to scan; directories given are its configuration, so findings point
    /// at the HCL. JSON files given as PATH are detected by content.
    #[arg(long = "plan", value_name = "FILE")]
    pub plans: Vec<PathBuf>,
    /// How to treat checks that depend on values tfward cannot know.
    #[arg(long, value_enum, default_value_t = Unknowns::Hide)]
    pub unknowns: Unknowns,
    /// Never colour the output.
    #[arg(long)]
    pub no_color: bool,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// List the policies (built-in and --policy folders).
    List {
        #[command(flatten)]
        policies: PolicyArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
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
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
}
