//! Findings: what a policy reported, where, how severe, and a fingerprint
//! that identifies it across runs without depending on line numbers.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A rule's severity, ordered from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "LOW",
            Severity::Medium => "MEDIUM",
            Severity::High => "HIGH",
            Severity::Critical => "CRITICAL",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_uppercase().as_str() {
            "LOW" => Some(Severity::Low),
            "MEDIUM" => Some(Severity::Medium),
            "HIGH" => Some(Severity::High),
            "CRITICAL" => Some(Severity::Critical),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The severity at which a run fails (`--fail-on`, tfward.toml `fail_on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
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

/// One element of an attribute path: a name or a list index.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PathSegment {
    Index(u64),
    Key(String),
}

impl fmt::Display for PathSegment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathSegment::Index(i) => write!(f, "{i}"),
            PathSegment::Key(k) => f.write_str(k),
        }
    }
}

/// Joins a path with dots: `ingress.0.cidr_blocks`.
pub fn dotted(path: &[PathSegment]) -> String {
    let mut s = String::new();
    for (i, seg) in path.iter().enumerate() {
        if i > 0 {
            s.push('.');
        }
        s.push_str(&seg.to_string());
    }
    s
}

/// A policy finding, as reported in every output format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub rule_id: String,
    pub severity: Severity,
    pub title: String,
    pub message: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub address: String,
    pub path: Vec<PathSegment>,
    pub module: String,
    pub fingerprint: String,
    /// For a finding in a child module: the root module whose calls lead to
    /// it and the module blocks on the way (a shared module's findings say
    /// which caller produced them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<Via>,
}

/// The chain of module calls from a root module to a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Via {
    /// The root module's directory.
    pub root: String,
    /// The module instance: `module.a["x"].module.b`.
    pub module: String,
    /// The `module` blocks on the way, outermost first.
    pub calls: Vec<CallSite>,
}

/// Where a `module` block is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallSite {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl Via {
    /// `examples/complete → module.aks → module.node_pool`.
    pub fn chain(&self) -> String {
        let mut s = self.root.clone();
        let mut rest = self.module.as_str();
        while let Some(tail) = rest.strip_prefix("module.") {
            let end = next_module_boundary(tail);
            s.push_str(" → module.");
            s.push_str(&tail[..end]);
            rest = tail[end..].strip_prefix('.').unwrap_or("");
        }
        s
    }
}

/// The end of the first module name (with its instance key) in
/// `a["x.y"].module.b`: the first `.` outside brackets and quotes.
fn next_module_boundary(s: &str) -> usize {
    let mut depth = 0usize;
    let mut quoted = false;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => depth += 1,
            ']' if !quoted => depth = depth.saturating_sub(1),
            '.' if !quoted && depth == 0 => return i,
            _ => {}
        }
    }
    s.len()
}

impl Finding {
    /// The order of every report: file, line, rule, address (then the rest,
    /// so equal keys still sort the same way on every run).
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            &self.file,
            self.line,
            &self.rule_id,
            &self.address,
            self.column,
            &self.path,
            &self.message,
        )
    }
}

/// What tells a finding apart from every other: its rule, module directory,
/// address and attribute path, and for a finding in a child module the root
/// module and module instance that evaluated it (one shared module called by
/// two examples gives two findings). `key` separates two findings a policy
/// reports on one attribute (SSH and RDP on one network ACL rule).
#[derive(Debug, Clone, Copy)]
pub struct Identity<'a> {
    pub rule_id: &'a str,
    pub module_path: &'a str,
    /// The root module's directory, "" for a finding in a root module.
    pub root: &'a str,
    /// The module instance address, "" for a root module.
    pub module: &'a str,
    pub address: &'a str,
    pub path: &'a [PathSegment],
    pub key: Option<&'a str>,
}

impl Identity<'_> {
    /// The line-independent fingerprint. For a finding in a root module
    /// with no `key` it is [`fingerprint`]'s, so baselines made before
    /// child-module callers were told apart still match root findings.
    pub fn fingerprint(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.module.is_empty() {
            parts.push(format!("root={}", project_relative(self.root)));
            if !self.address.starts_with(self.module) {
                parts.push(format!("module={}", self.module));
            }
        }
        if let Some(k) = self.key {
            parts.push(format!("key={k}"));
        }
        fingerprint_with(
            self.rule_id,
            self.module_path,
            self.address,
            self.path,
            &parts,
        )
    }
}

/// The line-independent identity of a finding: rule id, module path,
/// resource address and attribute path. Moving or reformatting a block keeps
/// it; renaming the resource or the module changes it.
///
/// The module path counts from the project root (see [`project_relative`]),
/// so a baseline made with `tfward scan infra` from the repository root
/// still matches `tfward scan .` run inside `infra/`.
pub fn fingerprint(
    rule_id: &str,
    module_path: &str,
    address: &str,
    path: &[PathSegment],
) -> String {
    fingerprint_with(rule_id, module_path, address, path, &[])
}

fn fingerprint_with(
    rule_id: &str,
    module_path: &str,
    address: &str,
    path: &[PathSegment],
    extra: &[String],
) -> String {
    let module_path = project_relative(module_path);
    let mut h = Sha256::new();
    for part in [rule_id, &module_path, address, &dotted(path)] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    for part in extra {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    let digest = h.finalize();
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// `path` (as shown to users, relative to the working directory) relative
/// to its project root: the nearest directory at or above it holding `.git`
/// or `tfward.toml`. Unchanged when there is none or the path does not
/// exist (a plan's module address, a path from another machine's report).
pub fn project_relative(path: &str) -> String {
    static CACHE: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(hit) = cache.lock().ok().and_then(|c| c.get(path).cloned()) {
        return hit;
    }
    let relative = std::fs::canonicalize(path)
        .ok()
        .and_then(|abs| {
            let root = abs
                .ancestors()
                .find(|d| d.join(".git").exists() || d.join("tfward.toml").is_file())?;
            let rel = abs.strip_prefix(root).ok()?;
            Some(if rel.as_os_str().is_empty() {
                ".".to_owned()
            } else {
                crate::source::display_path(rel)
            })
        })
        .unwrap_or_else(|| path.to_owned());
    if let Ok(mut c) = cache.lock() {
        c.insert(path.to_owned(), relative.clone());
    }
    relative
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_nothing_but_location() {
        let p = vec![PathSegment::Key("acl".into())];
        let a = fingerprint("TFW-AWS-0001", "infra", "aws_s3_bucket.b", &p);
        assert_eq!(
            a,
            fingerprint("TFW-AWS-0001", "infra", "aws_s3_bucket.b", &p)
        );
        assert_ne!(
            a,
            fingerprint("TFW-AWS-0001", "infra", "aws_s3_bucket.c", &p)
        );
        assert_ne!(
            a,
            fingerprint("TFW-AWS-0001", "other", "aws_s3_bucket.b", &p)
        );
        assert_eq!(a.len(), 16);
    }

    #[test]
    fn identity_tells_callers_and_keys_apart() {
        let p = vec![PathSegment::Key("acl".into())];
        let id = |root, module, address, key| Identity {
            rule_id: "TFW-AWS-0001",
            module_path: "modules/b",
            root,
            module,
            address,
            path: &p,
            key,
        };
        let root_finding = id("", "", "aws_s3_bucket.b", None);
        assert_eq!(
            root_finding.fingerprint(),
            fingerprint("TFW-AWS-0001", "modules/b", "aws_s3_bucket.b", &p)
        );
        let a = id("examples/a", "module.b", "module.b.aws_s3_bucket.x", None).fingerprint();
        let b = id("examples/b", "module.b", "module.b.aws_s3_bucket.x", None).fingerprint();
        assert_ne!(a, b);
        let call1 = id("ex", "module.one", "module.ecs", None).fingerprint();
        let call2 = id("ex", "module.two", "module.ecs", None).fingerprint();
        assert_ne!(call1, call2);
        let ssh = id("", "", "aws_network_acl.n", Some("ssh")).fingerprint();
        let rdp = id("", "", "aws_network_acl.n", Some("rdp")).fingerprint();
        assert_ne!(ssh, rdp);
    }

    #[test]
    fn via_chain_reads_as_module_calls() {
        let v = Via {
            root: "examples/complete".into(),
            module: "module.a[\"x.y\"].module.b[0]".into(),
            calls: Vec::new(),
        };
        assert_eq!(
            v.chain(),
            "examples/complete → module.a[\"x.y\"] → module.b[0]"
        );
    }

    #[test]
    fn severities_order_and_parse() {
        assert!(Severity::Critical > Severity::High && Severity::Medium > Severity::Low);
        assert_eq!(Severity::parse("high"), Some(Severity::High));
        assert_eq!(Severity::parse("severe"), None);
    }
}
