//! One report model, many renderers. The model is built once from the scan
//! output and every renderer reads it; nothing here decides what a finding
//! is. The CI renderers (SARIF, JUnit, GitHub, GitLab, Markdown) are pure
//! functions of the report and a [`Context`].

pub mod compact;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod md;
pub mod platform;
pub mod platform_markdown;
pub mod prices;
pub mod publish;
pub mod sarif;
pub mod stored;

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::analyse::diff::{ChangeEntry, DriftEntry};
use crate::diagnostic::{Diagnostic, Level};
use crate::evaluate::Undecided;
use crate::finding::{Finding, Severity};
use crate::pipeline::ScanOutput;
use crate::policy::Metadata;
use crate::suppress::Suppressed;

pub use crate::tool::{Tool, REPORT_VERSION, TOOL};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Summary {
    pub files: usize,
    pub modules: usize,
    pub resources: usize,
    pub policies: usize,
    pub findings: BTreeMap<String, usize>,
    pub errors: usize,
    /// Findings a valid ignore suppressed (listed in `suppressed`).
    #[serde(default)]
    pub suppressed: usize,
    /// Findings left out because their fingerprint is in the `--baseline`.
    #[serde(default)]
    pub baselined: usize,
    /// Module calls evaluated, not installed (run `terraform init`),
    /// missing (a local source that does not exist) and not followed.
    #[serde(
        default,
        skip_serializing_if = "crate::model::document::CallCounts::is_empty"
    )]
    pub module_calls: crate::model::document::CallCounts,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub version: u32,
    pub tool: Tool,
    pub summary: Summary,
    pub findings: Vec<Finding>,
    pub errors: Vec<Diagnostic>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "diagnostic_warnings"
    )]
    pub warnings: Vec<Diagnostic>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undecided: Option<Vec<Undecided>>,
    /// Resource changes of the plans scanned, with attribute diffs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<Vec<ChangeEntry>>,
    /// Changes made outside Terraform (the plans' resource_drift).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub drift: Option<Vec<DriftEntry>>,
    /// Findings grouped by framework control (`--group-by control`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compliance: Option<Vec<ControlGroup>>,
    /// Findings that a valid ignore suppressed, with the ignore's reason.
    #[serde(default)]
    pub suppressed: Vec<Suppressed>,
}

/// The findings under one framework control: the compliance view.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ControlGroup {
    pub framework: String,
    pub control: String,
    pub rules: Vec<String>,
    /// Fingerprints of the findings, in report order.
    pub findings: Vec<String>,
    /// Resource addresses with findings under this control.
    pub addresses: Vec<String>,
}

/// Groups findings by (framework, control) using each rule's METADATA.
/// `only` restricts the frameworks (`--framework cis-aws`).
pub fn group_by_control<'a>(
    findings: &[Finding],
    metadata: impl Iterator<Item = &'a crate::policy::Metadata>,
    only: &[String],
) -> Vec<ControlGroup> {
    let by_id: std::collections::HashMap<&str, &crate::policy::Metadata> =
        metadata.map(|m| (m.id.as_str(), m)).collect();
    let mut groups: BTreeMap<(String, String), ControlGroup> = BTreeMap::new();
    for f in findings {
        let Some(m) = by_id.get(f.rule_id.as_str()) else {
            continue;
        };
        for (framework, controls) in &m.frameworks {
            if !only.is_empty()
                && !only
                    .iter()
                    .any(|o| crate::policy::framework_matches(framework, o))
            {
                continue;
            }
            for control in controls {
                let g = groups
                    .entry((framework.clone(), control.clone()))
                    .or_insert_with(|| ControlGroup {
                        framework: framework.clone(),
                        control: control.clone(),
                        rules: Vec::new(),
                        findings: Vec::new(),
                        addresses: Vec::new(),
                    });
                if !g.rules.contains(&f.rule_id) {
                    g.rules.push(f.rule_id.clone());
                }
                g.findings.push(f.fingerprint.clone());
                if !g.addresses.contains(&f.address) {
                    g.addresses.push(f.address.clone());
                }
            }
        }
    }
    let mut out: Vec<ControlGroup> = groups.into_values().collect();
    for g in &mut out {
        g.rules.sort();
        g.addresses.sort();
    }
    out
}

/// Warnings lose their level when serialised (it is the list they are in).
fn diagnostic_warnings<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<Diagnostic>, D::Error> {
    let mut v = Vec::<Diagnostic>::deserialize(d)?;
    for w in &mut v {
        w.level = Level::Warning;
    }
    Ok(v)
}

/// What a report takes from a scan, moved or copied.
struct Parts {
    findings: Vec<Finding>,
    plans: Vec<crate::analyse::diff::PlanSummary>,
    suppressed: Vec<crate::suppress::Suppressed>,
    undecided: Vec<crate::evaluate::Undecided>,
}

impl Report {
    /// Like [`Report::new`], moving the findings, plan changes and
    /// suppressions out of `out` rather than copying them (a large plan has
    /// tens of thousands of each).
    pub fn taking(out: &mut ScanOutput, show_undecided: bool) -> Report {
        let parts = Parts {
            findings: std::mem::take(&mut out.findings),
            plans: std::mem::take(&mut out.plans),
            suppressed: std::mem::take(&mut out.suppressed),
            undecided: std::mem::take(&mut out.undecided),
        };
        Report::with_parts(out, parts, show_undecided)
    }

    pub fn new(out: &ScanOutput, show_undecided: bool) -> Report {
        let parts = Parts {
            findings: out.findings.clone(),
            plans: out.plans.clone(),
            suppressed: out.suppressed.clone(),
            undecided: if show_undecided {
                out.undecided.clone()
            } else {
                Vec::new()
            },
        };
        Report::with_parts(out, parts, show_undecided)
    }

    fn with_parts(out: &ScanOutput, parts: Parts, show_undecided: bool) -> Report {
        let Parts {
            findings,
            plans,
            suppressed,
            undecided,
        } = parts;
        let mut by_sev: BTreeMap<String, usize> = Severity::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), 0))
            .collect();
        for f in &findings {
            *by_sev.entry(f.severity.as_str().to_owned()).or_default() += 1;
        }
        let errors: Vec<Diagnostic> = out
            .diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
            .cloned()
            .collect();
        let warnings: Vec<Diagnostic> = out
            .diagnostics
            .iter()
            .filter(|d| d.level == Level::Warning)
            .cloned()
            .collect();
        let (changes, drift) = if plans.is_empty() {
            (None, None)
        } else {
            let mut changes = Vec::new();
            let mut drift = Vec::new();
            for p in plans {
                changes.extend(p.changes);
                drift.extend(p.drift);
            }
            (Some(changes), Some(drift))
        };
        Report {
            version: REPORT_VERSION,
            tool: TOOL,
            summary: Summary {
                files: out.files.len(),
                modules: out.modules,
                resources: out.resources,
                policies: out.policies,
                findings: by_sev,
                errors: errors.len(),
                suppressed: suppressed.len(),
                baselined: out.baselined,
                module_calls: out.module_calls,
            },
            findings,
            errors,
            warnings,
            undecided: show_undecided.then_some(undecided),
            changes,
            compliance: None,
            drift,
            suppressed,
        }
    }

    /// True when some finding is at or above the threshold.
    pub fn fails(&self, threshold: Severity) -> bool {
        self.findings.iter().any(|f| f.severity >= threshold)
    }
}

/// What the CI renderers read besides the report.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The facts of every policy that ran, sorted by id: SARIF `rules[]` and
    /// JUnit's one suite per policy come from here.
    pub rules: Vec<&'a Metadata>,
    /// Absolute paths under this directory (the repository root in CI: the
    /// current directory) are shown relative to it, as code scanning and
    /// merge-request widgets expect.
    pub base_dir: Option<&'a Path>,
}

impl<'a> Context<'a> {
    pub fn new(
        rules: impl IntoIterator<Item = &'a Metadata>,
        base_dir: Option<&'a Path>,
    ) -> Context<'a> {
        let mut rules: Vec<&Metadata> = rules.into_iter().collect();
        rules.sort_by(|a, b| a.id.cmp(&b.id));
        rules.dedup_by(|a, b| a.id == b.id);
        Context { rules, base_dir }
    }

    /// A report path relative to [`Context::base_dir`] with `/` separators,
    /// or unchanged (but with `/`) when it is relative already or lies
    /// elsewhere.
    pub fn rel_path(&self, file: &str) -> String {
        let file = file.replace('\\', "/");
        let file = file
            .strip_prefix("./")
            .filter(|r| !r.is_empty())
            .unwrap_or(&file);
        if let Some(base) = self.base_dir.filter(|_| Path::new(file).is_absolute()) {
            if let Ok(rest) = Path::new(file).strip_prefix(base) {
                let rest = rest.to_string_lossy().replace('\\', "/");
                if !rest.is_empty() {
                    return rest;
                }
            }
        }
        file.to_owned()
    }

    pub fn rule(&self, id: &str) -> Option<(usize, &'a Metadata)> {
        let i = self
            .rules
            .binary_search_by(|m| m.id.as_str().cmp(id))
            .ok()?;
        Some((i, self.rules[i]))
    }
}

/// Findings ordered for a reader: most severe first, then file, line, rule.
pub fn by_severity(findings: &[Finding]) -> Vec<&Finding> {
    let mut v: Vec<&Finding> = findings.iter().collect();
    v.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.sort_key().cmp(&b.sort_key()))
    });
    v
}
