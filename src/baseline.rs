//! Baselines: the findings a project has accepted for now, by fingerprint.
//! `tfward baseline create` writes one; `scan --baseline FILE` reports only
//! findings whose fingerprint it lacks. Fingerprints carry no line numbers,
//! so moving a block or reformatting a file keeps its findings baselined.
//! A full JSON report works as a baseline too.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Fatal;
use crate::finding::{Finding, Severity};
use crate::source::display_path;
use crate::tool::{Tool, TOOL};

/// The baseline file's `kind`, to tell it from a report.
pub const KIND: &str = "tfward-baseline";

/// A baseline file: one entry per accepted finding, with enough context
/// for a reviewer to read it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Baseline {
    pub kind: String,
    pub version: u32,
    pub tool: Tool,
    pub findings: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub fingerprint: String,
    pub rule_id: String,
    pub severity: Severity,
    pub address: String,
    pub file: String,
}

impl Baseline {
    pub fn of(findings: &[Finding]) -> Baseline {
        let mut entries: Vec<Entry> = findings
            .iter()
            .map(|f| Entry {
                fingerprint: f.fingerprint.clone(),
                rule_id: f.rule_id.clone(),
                severity: f.severity,
                address: f.address.clone(),
                file: f.file.clone(),
            })
            .collect();
        entries.sort_by(|a, b| {
            (&a.file, &a.rule_id, &a.address, &a.fingerprint).cmp(&(
                &b.file,
                &b.rule_id,
                &b.address,
                &b.fingerprint,
            ))
        });
        entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        Baseline {
            kind: KIND.into(),
            version: 1,
            tool: TOOL,
            findings: entries,
        }
    }

    pub fn render(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// The fingerprints of a baseline file or a JSON report.
pub fn load(path: &Path) -> Result<BTreeSet<String>, Fatal> {
    #[derive(Deserialize)]
    struct Any {
        findings: Vec<WithFingerprint>,
    }
    #[derive(Deserialize)]
    struct WithFingerprint {
        fingerprint: String,
    }
    let name = display_path(path);
    let text = std::fs::read_to_string(path)
        .map_err(|e| Fatal(format!("--baseline {name}: cannot read it: {e}")))?;
    let any: Any = serde_json::from_str(&text).map_err(|e| {
        Fatal(format!(
            "--baseline {name}:{}:{}: not a baseline or JSON report ({e}); create one with `tfward baseline create`",
            e.line(),
            e.column()
        ))
    })?;
    Ok(any.findings.into_iter().map(|f| f.fingerprint).collect())
}

/// Leaves out the findings whose fingerprint is in the baseline.
/// Drops the findings the baseline holds; returns how many.
pub fn apply(findings: &mut Vec<Finding>, baseline: &BTreeSet<String>) -> usize {
    let before = findings.len();
    findings.retain(|f| !baseline.contains(&f.fingerprint));
    before - findings.len()
}
