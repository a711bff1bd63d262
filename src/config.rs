//! `tfward.toml`: the project's settings, found in the scanned directory or
//! one of its parents (or named with `--config`). Parsed with spans, then
//! validated into typed settings; every mistake — an unknown key, a bad
//! severity, an unknown policy id, a missing reason — stops the run with a
//! message pointing at its line in the file. Command-line flags win over it.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource};
use serde::Deserialize;
use toml::Spanned;

use crate::date::Date;
use crate::finding::{FailOn, Severity};
use crate::source::{display_path, SourceFile};

/// The file name looked for in the scanned directory and its parents.
pub const FILE_NAME: &str = "tfward.toml";

/// Every setting policies read at `data.tfward.config`, as a dotted path,
/// with an example value in TOML. A policy naming another is a test failure
/// (tests/it/config.rs), so docs, METADATA and this file cannot drift apart.
pub const POLICY_SETTINGS: &[(&str, &str)] = &[
    ("required_tags", r#"["Owner", "Environment"]"#),
    ("approved_module_sources", r#"["registry.terraform.io/"]"#),
    ("cost.monthly_budget", "500"),
    ("cost.disallowed_instance_families", r#"["t2", "m4"]"#),
    ("eks.min_version", r#""1.29""#),
    ("aws_account_ids", r#"["111122223333"]"#),
    (
        "lambda_deprecated_runtimes",
        r#"["python3.8", "nodejs16.x"]"#,
    ),
    ("kms_min_deletion_window_days", "30"),
];

/// Every top-level key and table of tfward.toml (for checking the names
/// docs mention).
pub const KEYS: &[&str] = &[
    "fail_on",
    "exclude",
    "policy_dirs",
    "required_tags",
    "approved_module_sources",
    "module_hosts",
    "policies",
    "policies.enable",
    "policies.disable",
    "policies.frameworks",
    "severity_overrides",
    "cost",
    "cost.monthly_budget",
    "cost.disallowed_instance_families",
    "eks",
    "eks.min_version",
    "aws_account_ids",
    "lambda_deprecated_runtimes",
    "kms_min_deletion_window_days",
    "limits",
    "limits.instances",
    "approvals",
    "approvals.default",
    "approvals.groups",
    "ignore",
    "ignore.id",
    "ignore.address",
    "ignore.reason",
    "ignore.until",
];

/// Validated settings. Paths are resolved against the config file's folder.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file, when one was loaded.
    pub file: Option<String>,
    /// `[limits] instances`: resource and module instances one root
    /// module's tree may expand to (default
    /// [`crate::terraform::module::MAX_INSTANCES`]).
    pub max_instances: Option<usize>,
    pub fail_on: Option<FailOn>,
    pub enable: Vec<Spanned<String>>,
    pub disable: Vec<Spanned<String>>,
    pub frameworks: Vec<String>,
    /// Current policy id -> severity (ids checked by [`Config::check_ids`]).
    pub severity_overrides: BTreeMap<String, (Severity, Range<usize>)>,
    pub exclude: Vec<String>,
    pub policy_dirs: Vec<PathBuf>,
    pub required_tags: Vec<String>,
    /// Module source prefixes a team approves (TFW-GEN-0004 runs only with it).
    pub approved_module_sources: Option<Vec<String>>,
    /// The hosts `--download-modules` may fetch from, as written
    /// (`--module-host` replaces it; checked by [`Config::module_hosts`]).
    module_hosts: Option<Vec<Spanned<String>>>,
    /// `[cost]` as given, passed to policies at data.tfward.config.cost.
    pub cost: Option<serde_json::Value>,
    /// `[eks]` as given (data.tfward.config.eks).
    pub eks: Option<serde_json::Value>,
    /// Single-value policy settings as given (`aws_account_ids`,
    /// `lambda_deprecated_runtimes`, `kms_min_deletion_window_days`).
    pub settings: serde_json::Map<String, serde_json::Value>,
    pub ignores: Vec<ConfigIgnore>,
    /// `[approvals]`: approval category -> approver group, and the group
    /// for categories without a rule (the change report reads these).
    pub approval_groups: BTreeMap<String, String>,
    pub approval_default: Option<String>,
    /// Spans of each ignore's id, for unknown-id errors.
    ignore_id_spans: Vec<Range<usize>>,
    text: String,
}

/// An `[[ignore]]` entry of tfward.toml, validated when the config loaded.
#[derive(Debug, Clone)]
pub struct ConfigIgnore {
    pub ids: Vec<String>,
    /// Glob over finding addresses; None matches every address.
    pub address: Option<String>,
    pub reason: String,
    pub until: Option<Date>,
    /// Where the entry is: the config file and 1-based line.
    pub file: String,
    pub line: usize,
}

/// A mistake in the config file, with where it is.
#[derive(Debug, Clone)]
pub struct ConfigError {
    pub file: String,
    pub text: String,
    pub span: Option<Range<usize>>,
    pub message: String,
}

impl ConfigError {
    /// `file:line:col: message`, then the line with the mistake underlined.
    pub fn render(&self) -> String {
        let source = SourceFile::new(
            PathBuf::from(&self.file),
            self.file.clone(),
            self.text.as_str(),
        );
        let Some(span) = self.span.clone() else {
            return format!("{}: {}", self.file, self.message);
        };
        let at = source.line_col(span.start);
        let mut out = format!(
            "{}:{}:{}: {}\n",
            self.file, at.line, at.column, self.message
        );
        let end = span
            .end
            .max(span.start + 1)
            .min(self.text.len())
            .max(span.start);
        let diag = MietteDiagnostic::new(self.message.clone())
            .with_severity(miette::Severity::Error)
            .with_label(LabeledSpan::at(span.start..end, "here"));
        let report = miette::Report::new(diag)
            .with_source_code(NamedSource::new(&self.file, self.text.clone()));
        let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
            .with_width(100)
            .with_links(false)
            .with_context_lines(1);
        let _ = handler.render_report(&mut out, report.as_ref());
        out
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    fail_on: Option<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    policy_dirs: Vec<Spanned<String>>,
    #[serde(default)]
    required_tags: Vec<String>,
    approved_module_sources: Option<Vec<String>>,
    module_hosts: Option<Vec<Spanned<String>>>,
    aws_account_ids: Option<Vec<toml::Value>>,
    lambda_deprecated_runtimes: Option<Vec<String>>,
    kms_min_deletion_window_days: Option<f64>,
    #[serde(default)]
    policies: RawPolicies,
    #[serde(default)]
    severity_overrides: BTreeMap<String, Spanned<String>>,
    cost: Option<RawCost>,
    eks: Option<RawEks>,
    approvals: Option<RawApprovals>,
    limits: Option<RawLimits>,
    #[serde(default)]
    ignore: Vec<Spanned<RawIgnore>>,
}

/// `[limits]`: tfward's budgets on the work one scan may do.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLimits {
    instances: Option<Spanned<i64>>,
}

/// The most `[limits] instances` may raise the budget to.
pub const MAX_INSTANCES_LIMIT: usize = 10_000_000;

/// `[approvals]`: `default = "group"` and `[approvals.groups]` with one
/// `category = "group"` per rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawApprovals {
    default: Option<String>,
    #[serde(default)]
    groups: BTreeMap<Spanned<String>, String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicies {
    #[serde(default)]
    enable: Vec<Spanned<String>>,
    #[serde(default)]
    disable: Vec<Spanned<String>>,
    #[serde(default)]
    frameworks: Vec<String>,
}

#[derive(Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
struct RawCost {
    #[serde(skip_serializing_if = "Option::is_none")]
    monthly_budget: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    disallowed_instance_families: Option<Vec<String>>,
}

#[derive(Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
struct RawEks {
    #[serde(skip_serializing_if = "Option::is_none")]
    min_version: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIgnore {
    id: Spanned<String>,
    address: Option<Spanned<String>>,
    reason: Option<Spanned<String>>,
    /// A TOML date (`2027-03-31`) or a string holding one.
    until: Option<Spanned<toml::Value>>,
}

/// The config file for a scan of `start` (a directory or a file): the
/// nearest `tfward.toml` in it or its parents.
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = if start.is_dir() {
        start.to_path_buf()
    } else {
        start.parent()?.to_path_buf()
    };
    let abs = start.canonicalize().ok()?;
    let found = abs
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())?;
    // Shown relative to the current directory when it is below it.
    let cwd = std::env::current_dir().and_then(|d| d.canonicalize()).ok();
    match cwd.as_deref().and_then(|cwd| found.strip_prefix(cwd).ok()) {
        Some(rel) => Some(rel.to_path_buf()),
        None => Some(found),
    }
}

impl Config {
    /// Reads and validates a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let file = display_path(path);
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: file.clone(),
            text: String::new(),
            span: None,
            message: format!("cannot read the config file: {e}"),
        })?;
        let base = path.parent().unwrap_or(Path::new(""));
        Config::parse(&file, &text, base)
    }

    /// Parses config text; `base` is the folder relative paths start from.
    pub fn parse(file: &str, text: &str, base: &Path) -> Result<Config, ConfigError> {
        let err = |span: Option<Range<usize>>, message: String| ConfigError {
            file: file.to_owned(),
            text: text.to_owned(),
            span,
            message,
        };
        let raw: Raw =
            toml::from_str(text).map_err(|e| err(e.span(), e.message().trim().to_owned()))?;
        let mut c = Config {
            file: Some(file.to_owned()),
            text: text.to_owned(),
            ..Config::default()
        };
        if let Some(f) = raw.fail_on {
            c.fail_on = Some(parse_fail_on(f.get_ref()).ok_or_else(|| {
                err(
                    Some(f.span()),
                    format!(
                        "fail_on = {:?} is not one of low, medium, high, critical, never",
                        f.get_ref()
                    ),
                )
            })?);
        }
        for g in raw.exclude {
            globset::Glob::new(g.get_ref()).map_err(|e| {
                err(
                    Some(g.span()),
                    format!("exclude: {:?} is not a glob: {e}", g.get_ref()),
                )
            })?;
            c.exclude.push(g.into_inner());
        }
        for d in raw.policy_dirs {
            let dir = base.join(d.get_ref());
            if !dir.is_dir() {
                return Err(err(
                    Some(d.span()),
                    format!("policy_dirs: {} is not a directory (paths are relative to the config file)", display_path(&dir)),
                ));
            }
            c.policy_dirs.push(dir);
        }
        c.required_tags = raw.required_tags;
        c.enable = raw.policies.enable;
        c.disable = raw.policies.disable;
        c.frameworks = raw.policies.frameworks;
        for (id, sev) in raw.severity_overrides {
            let severity = Severity::parse(sev.get_ref()).ok_or_else(|| {
                err(
                    Some(sev.span()),
                    format!(
                        "severity_overrides.{id}: {:?} is not one of LOW, MEDIUM, HIGH, CRITICAL",
                        sev.get_ref()
                    ),
                )
            })?;
            c.severity_overrides
                .insert(id.trim().to_ascii_uppercase(), (severity, sev.span()));
        }
        c.approved_module_sources = raw.approved_module_sources;
        c.module_hosts = raw.module_hosts;
        if let Some(n) = raw.limits.and_then(|l| l.instances) {
            let v = *n.get_ref();
            if !(1..=MAX_INSTANCES_LIMIT as i64).contains(&v) {
                return Err(err(
                    Some(n.span()),
                    format!("limits.instances = {v} is not between 1 and {MAX_INSTANCES_LIMIT}"),
                ));
            }
            c.max_instances = Some(v as usize);
        }
        c.cost = raw.cost.and_then(|cost| serde_json::to_value(cost).ok());
        c.eks = raw.eks.and_then(|eks| serde_json::to_value(eks).ok());
        if let Some(a) = raw.approvals {
            c.approval_default = a.default;
            for (category, group) in a.groups {
                let known = CATEGORIES.iter().any(|(k, _)| k == category.get_ref());
                if !known {
                    let names: Vec<&str> = CATEGORIES.iter().map(|(k, _)| *k).collect();
                    return Err(err(
                        Some(category.span()),
                        format!(
                            "approvals.groups: {:?} is not an approval category ({})",
                            category.get_ref(),
                            names.join(", ")
                        ),
                    ));
                }
                c.approval_groups.insert(category.into_inner(), group);
            }
        }
        if let Some(ids) = raw.aws_account_ids {
            // Account ids are strings; a TOML number loses leading zeros.
            let ids: Vec<String> = ids
                .iter()
                .map(|v| match v {
                    toml::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect();
            c.settings
                .insert("aws_account_ids".into(), serde_json::json!(ids));
        }
        if let Some(r) = raw.lambda_deprecated_runtimes {
            c.settings
                .insert("lambda_deprecated_runtimes".into(), serde_json::json!(r));
        }
        if let Some(d) = raw.kms_min_deletion_window_days {
            c.settings
                .insert("kms_min_deletion_window_days".into(), serde_json::json!(d));
        }
        for entry in raw.ignore {
            let span = entry.span();
            let line = SourceFile::new(PathBuf::from(file), file.to_owned(), text)
                .line_col(span.start)
                .line;
            let ig = entry.into_inner();
            let Some(reason) = ig.reason.filter(|r| !r.get_ref().trim().is_empty()) else {
                return Err(err(
                    Some(span),
                    "this [[ignore]] has no reason: add reason = \"why the finding is acceptable\""
                        .into(),
                ));
            };
            let until = match ig.until {
                None => None,
                Some(u) => {
                    let text_value = match u.get_ref() {
                        toml::Value::String(s) => s.clone(),
                        toml::Value::Datetime(d) => d.to_string(),
                        other => other.to_string(),
                    };
                    Some(Date::parse(&text_value).ok_or_else(|| {
                        err(
                            Some(u.span()),
                            format!("until = {text_value}: not a date; write YYYY-MM-DD"),
                        )
                    })?)
                }
            };
            if let Some(a) = &ig.address {
                globset::Glob::new(a.get_ref()).map_err(|e| {
                    err(
                        Some(a.span()),
                        format!("address: {:?} is not a glob: {e}", a.get_ref()),
                    )
                })?;
            }
            c.ignore_id_spans.push(ig.id.span());
            c.ignores.push(ConfigIgnore {
                ids: ig
                    .id
                    .get_ref()
                    .split(',')
                    .map(|s| s.trim().to_ascii_uppercase())
                    .filter(|s| !s.is_empty())
                    .collect(),
                address: ig.address.map(Spanned::into_inner),
                reason: reason.into_inner(),
                until,
                file: file.to_owned(),
                line,
            });
        }
        Ok(c)
    }

    /// Checks every policy id the config names against the loaded policies
    /// (ids and aliases), and rewrites aliases to current ids.
    /// `resolve` maps an id or alias to the current id (None: unknown).
    pub fn check_ids(&mut self, resolve: impl Fn(&str) -> Vec<String>) -> Result<(), ConfigError> {
        let unknown = |c: &Config, span: Range<usize>, id: &str| ConfigError {
            file: c.file.clone().unwrap_or_default(),
            text: c.text.clone(),
            span: Some(span),
            message: format!("unknown policy id {id:?}; `tfward policy list` shows the ids"),
        };
        for id in self.enable.iter().chain(&self.disable) {
            if resolve(id.get_ref()).is_empty() {
                return Err(unknown(self, id.span(), id.get_ref()));
            }
        }
        let mut overrides = BTreeMap::new();
        for (id, (sev, span)) in &self.severity_overrides {
            let current = resolve(id);
            if current.is_empty() {
                return Err(unknown(self, span.clone(), id));
            }
            for c in current {
                overrides.insert(c, (*sev, span.clone()));
            }
        }
        self.severity_overrides = overrides;
        for (ig, span) in self.ignores.iter_mut().zip(&self.ignore_id_spans) {
            if ig.ids.is_empty() {
                return Err(ConfigError {
                    file: ig.file.clone(),
                    text: self.text.clone(),
                    span: Some(span.clone()),
                    message: "this [[ignore]] names no policy id".into(),
                });
            }
            let mut resolved = Vec::new();
            for id in &ig.ids {
                let current = resolve(id);
                if current.is_empty() {
                    return Err(ConfigError {
                        file: ig.file.clone(),
                        text: self.text.clone(),
                        span: Some(span.clone()),
                        message: format!(
                            "unknown policy id {id:?}; `tfward policy list` shows the ids"
                        ),
                    });
                }
                resolved.extend(current);
            }
            ig.ids = resolved;
        }
        Ok(())
    }

    /// `module_hosts`, each entry checked by `check` (the download's own
    /// reading of a host), a bad one an error at its line.
    pub fn module_hosts(
        &self,
        check: impl Fn(&str) -> Result<String, String>,
    ) -> Result<Option<Vec<String>>, ConfigError> {
        let Some(hosts) = &self.module_hosts else {
            return Ok(None);
        };
        let checked = hosts
            .iter()
            .map(|h| {
                check(h.get_ref()).map_err(|e| ConfigError {
                    file: self.file.clone().unwrap_or_default(),
                    text: self.text.clone(),
                    span: Some(h.span()),
                    message: format!("module_hosts: {e}"),
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Some(checked))
    }

    /// Who approves what in the change report.
    pub fn approval_rules(&self) -> ApprovalRules {
        ApprovalRules {
            groups: self.approval_groups.clone(),
            default_group: self.approval_default.clone(),
        }
    }

    /// What policies see at `data.tfward.config`.
    pub fn policy_data(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        if !self.required_tags.is_empty() {
            m.insert(
                "required_tags".into(),
                serde_json::json!(self.required_tags),
            );
        }
        if let Some(sources) = &self.approved_module_sources {
            m.insert("approved_module_sources".into(), serde_json::json!(sources));
        }
        if let Some(cost) = &self.cost {
            m.insert("cost".into(), cost.clone());
        }
        if let Some(eks) = &self.eks {
            m.insert("eks".into(), eks.clone());
        }
        for (k, v) in &self.settings {
            m.insert(k.clone(), v.clone());
        }
        serde_json::Value::Object(m)
    }
}

fn parse_fail_on(s: &str) -> Option<FailOn> {
    match s.to_ascii_lowercase().as_str() {
        "low" => Some(FailOn::Low),
        "medium" => Some(FailOn::Medium),
        "high" => Some(FailOn::High),
        "critical" => Some(FailOn::Critical),
        "never" => Some(FailOn::Never),
        _ => None,
    }
}

/// The file `tfward init` writes: every setting, commented, with its default.
pub const STARTER: &str = r#"# tfward.toml: settings for `tfward scan` in this directory and below.
# Command-line flags win over these. Paths are relative to this file.

# Exit 1 when a finding is at or above this severity:
# low | medium | high | critical | never
fail_on = "low"

# Paths to skip (globs over the path as shown in reports). Nothing is
# skipped by default: a module repository's examples are how its modules
# are evaluated. `.terraform/` is never scanned as a root.
# exclude = ["**/test/**", "**/fixtures/**"]

# Folders of your own policies, added to the built-in set.
# policy_dirs = ["policies"]

# Your organisation's conventions. The policies that enforce them run only
# when they are set here.
#
# Tags every taggable resource must carry (TFW-GEN-0007):
# required_tags = ["Owner", "Environment"]
#
# Module source prefixes you approve (TFW-GEN-0004); local paths always are:
# approved_module_sources = ["registry.terraform.io/", "app.terraform.io/acme/", "git::https://git.acme.example/"]

# The hosts `scan --download-modules` may fetch modules from (every URL is
# checked, redirects included). A --module-host flag replaces this list, so
# a pipeline that must not trust a pull request's edits passes its own.
# module_hosts = ["registry.terraform.io", "github.com", "*.acme.example"]

# Settings some policies read, with their defaults:
# AWS accounts of your own: cross-account trust to them is not flagged (TFW-AWS-0403).
# aws_account_ids = ["111122223333"]
# Lambda runtimes you treat as deprecated (replaces the built-in list).
# lambda_deprecated_runtimes = ["python3.8", "nodejs16.x"]
# The shortest KMS key deletion window you accept, in days (TFW-AWS-0419).
# kms_min_deletion_window_days = 30

[policies]
# Run only these policy ids (empty: all).
enable = []
# Never run these.
disable = []
# Run only the policies mapped to these frameworks, e.g. ["cis-aws", "soc2"].
frameworks = []

[severity_overrides]
# "TFW-AWS-0009" = "MEDIUM"

# [cost]
# monthly_budget = 500                              # TFW-COST-0001: the plan's monthly cost increase
# disallowed_instance_families = ["t2", "m4"]      # TFW-COST-0002

# [eks]
# min_version = "1.29"                              # the oldest Kubernetes version you accept

# Budgets on the work one scan may do. A pull request can edit this file:
# CI that scans untrusted changes passes its own with --config FILE.
# [limits]
# instances = 20000                                 # resource and module instances per root module's tree

# Who approves what in the change report (`tfward report`). Categories:
# data-store, encryption-key, iam, public-exposure, cost, new-provider,
# new-module, new-service, high-risk; unlisted ones go to `default`.
# [approvals]
# default = "platform-owners"
# groups = { data-store = "dba-oncall", iam = "security" }

# Accepted findings. Every entry needs a reason; until= makes it expire.
# [[ignore]]
# id = "TFW-AWS-0001"
# address = "aws_s3_bucket_acl.website*"
# reason = "public website bucket, reviewed by security"
# until = 2027-03-31
"#;

/// Approval categories and their default approver groups (the change
/// report's approvals, analyse::approvals).
pub const CATEGORIES: &[(&str, &str)] = &[
    ("data-store", "data-owners"),
    ("encryption-key", "security"),
    ("iam", "security"),
    ("public-exposure", "security"),
    ("cost", "finops"),
    ("new-provider", "platform-architecture"),
    ("new-module", "platform-architecture"),
    ("new-service", "platform-architecture"),
    ("high-risk", "change-advisory-board"),
];

/// Who approves what: category -> group, and the group for a category
/// without a rule (tfward.toml `[approvals]`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ApprovalRules {
    pub groups: BTreeMap<String, String>,
    pub default_group: Option<String>,
}

impl ApprovalRules {
    /// The group that approves a category: the configured rule, else the
    /// configured default, else the built-in default.
    pub fn group(&self, category: &str) -> String {
        if let Some(g) = self.groups.get(category) {
            return g.clone();
        }
        if let Some(g) = &self.default_group {
            return g.clone();
        }
        CATEGORIES
            .iter()
            .find(|(c, _)| *c == category)
            .map_or("platform-owners", |(_, g)| g)
            .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse("tfward.toml", text, Path::new("."))
    }

    #[test]
    fn starter_parses() {
        let c = parse(STARTER).expect("the starter config is valid");
        assert_eq!(c.fail_on, Some(FailOn::Low));
        // Issue 12: a starter config hides nothing.
        assert!(c.exclude.is_empty());
        assert!(c.required_tags.is_empty() && c.approved_module_sources.is_none());
        assert_eq!(c.module_hosts(|h| Ok(h.to_owned())).ok(), Some(None));
    }

    #[test]
    fn module_hosts_are_checked_at_their_line() {
        let no_scheme = |h: &str| match h.contains("://") {
            true => Err(format!("{h:?} is not a host")),
            false => Ok(h.to_owned()),
        };
        let c = parse("module_hosts = [\"github.com\", \"*.acme.example\"]\n").expect("valid");
        assert_eq!(
            c.module_hosts(no_scheme).expect("valid"),
            Some(vec!["github.com".to_owned(), "*.acme.example".to_owned()])
        );
        let c =
            parse("fail_on = \"low\"\nmodule_hosts = [\"https://github.com\"]\n").expect("parses");
        let e = c.module_hosts(no_scheme).expect_err("a URL is no host");
        assert!(
            e.render().starts_with("tfward.toml:2:17:"),
            "{}",
            e.render()
        );
    }

    #[test]
    fn unknown_key_points_at_its_line() {
        let e = parse("fail_on = \"high\"\n\n[policies]\nenabel = []\n").expect_err("unknown key");
        assert!(e.message.contains("enabel"), "{}", e.message);
        assert!(e.render().starts_with("tfward.toml:4:1:"), "{}", e.render());
    }

    #[test]
    fn bad_values_point_at_the_value() {
        let e = parse("fail_on = \"severe\"\n").expect_err("bad fail_on");
        assert!(
            e.render().starts_with("tfward.toml:1:11:"),
            "{}",
            e.render()
        );
        let e = parse("[[ignore]]\nid = \"TFW-AWS-0001\"\n").expect_err("no reason");
        assert!(e.message.contains("no reason"));
        let e = parse("[[ignore]]\nid = \"X\"\nreason = \"r\"\nuntil = \"2027-02-30\"\n")
            .expect_err("bad date");
        assert!(e.render().starts_with("tfward.toml:4:9:"), "{}", e.render());
    }

    #[test]
    fn until_as_toml_date_or_string() {
        let c = parse("[[ignore]]\nid = \"X\"\nreason = \"r\"\nuntil = 2027-03-31\n")
            .expect("toml date");
        assert_eq!(
            c.ignores[0].until.map(|d| d.to_string()).as_deref(),
            Some("2027-03-31")
        );
        assert_eq!(c.ignores[0].line, 1);
    }
}
