//! Comparing and combining JSON reports by fingerprint: `tfward diff`
//! (new, fixed and unchanged findings between two runs) and `tfward merge`
//! (the per-shard reports of one scan into one report).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;

use crate::error::Fatal;
use crate::finding::{Finding, Severity};
use crate::report::Report;

/// What changed between two reports.
#[derive(Debug, Clone, Serialize)]
pub struct FindingsDiff {
    pub summary: DiffSummary,
    /// In the head report, not in the base.
    pub new: Vec<Finding>,
    /// In the base report, not in the head.
    pub fixed: Vec<Finding>,
    /// In both (as the head reports them).
    pub unchanged: Vec<Finding>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DiffSummary {
    pub new: usize,
    pub fixed: usize,
    pub unchanged: usize,
}

/// Compares findings by fingerprint, so moved or reformatted code is
/// unchanged.
pub fn diff(base: &Report, head: &Report) -> FindingsDiff {
    let base_fps: BTreeSet<&str> = base
        .findings
        .iter()
        .map(|f| f.fingerprint.as_str())
        .collect();
    let head_fps: BTreeSet<&str> = head
        .findings
        .iter()
        .map(|f| f.fingerprint.as_str())
        .collect();
    let (unchanged, new): (Vec<Finding>, Vec<Finding>) = head
        .findings
        .iter()
        .cloned()
        .partition(|f| base_fps.contains(f.fingerprint.as_str()));
    let fixed: Vec<Finding> = base
        .findings
        .iter()
        .filter(|f| !head_fps.contains(f.fingerprint.as_str()))
        .cloned()
        .collect();
    FindingsDiff {
        summary: DiffSummary {
            new: new.len(),
            fixed: fixed.len(),
            unchanged: unchanged.len(),
        },
        new,
        fixed,
        unchanged,
    }
}

impl FindingsDiff {
    /// True when a new finding is at or above the threshold.
    pub fn fails(&self, threshold: Option<Severity>) -> bool {
        threshold.is_some_and(|t| self.new.iter().any(|f| f.severity >= t))
    }

    pub fn render_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    pub fn render_human(&self) -> String {
        let mut out = String::new();
        for (title, list) in [("new", &self.new), ("fixed", &self.fixed)] {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(out, "{title}:");
            for f in list {
                let _ = writeln!(
                    out,
                    "  {:<8} {} {}:{} {}: {}",
                    f.severity.as_str(),
                    f.rule_id,
                    f.file,
                    f.line,
                    f.address,
                    f.message
                );
            }
        }
        let s = &self.summary;
        let _ = writeln!(
            out,
            "{} new, {} fixed, {} unchanged",
            s.new, s.fixed, s.unchanged
        );
        out
    }
}

/// Combines the reports of the shards of one scan: findings and
/// diagnostics united, de-duplicated and sorted as one scan sorts them,
/// the summary recomputed. Every input must come from the same tfward.
pub fn merge(reports: Vec<(String, Report)>) -> Result<Report, Fatal> {
    let mut iter = reports.into_iter();
    let Some((first_name, mut merged)) = iter.next() else {
        return Err(Fatal("merge needs at least one report".into()));
    };
    for (name, r) in iter {
        if r.tool != merged.tool || r.version != merged.version {
            return Err(Fatal(format!(
                "{name} was written by {} {} (report format {}), but {first_name} by {} {} (format {}); merge reports of one tfward version",
                r.tool.name, r.tool.version, r.version, merged.tool.name, merged.tool.version, merged.version
            )));
        }
        let s = &mut merged.summary;
        s.files += r.summary.files;
        s.modules += r.summary.modules;
        s.resources += r.summary.resources;
        s.policies = s.policies.max(r.summary.policies);
        s.baselined += r.summary.baselined;
        s.module_calls.add(r.summary.module_calls);
        merged.findings.extend(r.findings);
        merged.errors.extend(r.errors);
        merged.warnings.extend(r.warnings);
        merged.suppressed.extend(r.suppressed);
        merge_option(&mut merged.undecided, r.undecided);
        merge_option(&mut merged.changes, r.changes);
        merge_option(&mut merged.drift, r.drift);
    }
    merged
        .findings
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    merged.findings.dedup();
    for list in [&mut merged.errors, &mut merged.warnings] {
        list.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        list.dedup();
    }
    merged
        .suppressed
        .sort_by(|a, b| a.finding.sort_key().cmp(&b.finding.sort_key()));
    merged.suppressed.dedup();
    if let Some(u) = &mut merged.undecided {
        u.sort();
        u.dedup();
    }
    // Plans are scanned whole by every job: keep each change once, in order.
    if let Some(c) = &mut merged.changes {
        dedup_keep_order(c);
    }
    if let Some(d) = &mut merged.drift {
        dedup_keep_order(d);
    }
    let mut by_sev: BTreeMap<String, usize> = Severity::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), 0))
        .collect();
    for f in &merged.findings {
        *by_sev.entry(f.severity.as_str().to_owned()).or_default() += 1;
    }
    merged.summary.findings = by_sev;
    merged.summary.errors = merged.errors.len();
    merged.summary.suppressed = merged.suppressed.len();
    Ok(merged)
}

fn merge_option<T>(into: &mut Option<Vec<T>>, from: Option<Vec<T>>) {
    if let Some(from) = from {
        into.get_or_insert_with(Vec::new).extend(from);
    }
}

fn dedup_keep_order<T: PartialEq>(v: &mut Vec<T>) {
    let mut kept: Vec<T> = Vec::with_capacity(v.len());
    for item in v.drain(..) {
        if !kept.contains(&item) {
            kept.push(item);
        }
    }
    *v = kept;
}
