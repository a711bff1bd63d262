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
    Scan(ScanArgs),
    /// List, explain and test policies.
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Write the Platform Change Report of a plan: changes, risk, findings,
    /// drift, cost, rollback, approvals (Markdown or JSON, plus HTML).
    Report(ReportArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
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
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,
    /// Where the report files go.
    #[arg(long, default_value = "docs/platform", value_name = "DIR")]
    pub out_dir: PathBuf,
    /// The change log that gets a dated entry per report (created if missing).
    #[arg(long, default_value = ".ai/platform-changes.md", value_name = "FILE")]
    pub log: PathBuf,
    /// Usage figures for usage-based prices (YAML or JSON; see docs/cost.md).
    #[arg(long, value_name = "FILE")]
    pub usage: Option<PathBuf>,
    #[command(flatten)]
    pub policies: PolicyArgs,
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
    /// Exit 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Low)]
    pub fail_on: FailOn,
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
    /// Usage figures for usage-based prices (YAML or JSON, per resource
    /// address: monthly_storage_gb, monthly_requests, ...; see docs/cost.md).
    #[arg(long, value_name = "FILE")]
    pub usage: Option<PathBuf>,
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
