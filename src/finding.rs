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
    let module_path = project_relative(module_path);
    let mut h = Sha256::new();
    for part in [rule_id, &module_path, address, &dotted(path)] {
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
    fn severities_order_and_parse() {
        assert!(Severity::Critical > Severity::High && Severity::Medium > Severity::Low);
        assert_eq!(Severity::parse("high"), Some(Severity::High));
        assert_eq!(Severity::parse("severe"), None);
    }
}
