//! One report model, many renderers. The model is built once from the scan
//! output and every renderer reads it; nothing here decides what a finding
//! is.

pub mod human;
pub mod json;
pub mod stored;

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::analyse::diff::{ChangeEntry, DriftEntry};
use crate::diagnostic::{Diagnostic, Level};
use crate::finding::{Finding, Severity};
use crate::scan::{ScanOutput, Undecided};
use crate::suppress::Suppressed;

/// The report's schema version (bumped on incompatible changes).
pub const REPORT_VERSION: u32 = 1;

/// The tool that wrote a report (reports are read back by `diff`, `merge`
/// and `--baseline`, hence the owned form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tool {
    pub name: Cow<'static, str>,
    pub version: Cow<'static, str>,
}

pub const TOOL: Tool = Tool {
    name: Cow::Borrowed("tfward"),
    version: Cow::Borrowed(env!("CARGO_PKG_VERSION")),
};

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
    /// Findings that a valid ignore suppressed, with the ignore's reason.
    #[serde(default)]
    pub suppressed: Vec<Suppressed>,
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

impl Report {
    pub fn new(out: &ScanOutput, show_undecided: bool) -> Report {
        let mut by_sev: BTreeMap<String, usize> = Severity::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), 0))
            .collect();
        for f in &out.findings {
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
                suppressed: out.suppressed.len(),
                baselined: out.baselined,
            },
            findings: out.findings.clone(),
            errors,
            warnings,
            undecided: show_undecided.then(|| out.undecided.clone()),
            changes: (!out.plans.is_empty()).then(|| {
                out.plans
                    .iter()
                    .flat_map(|p| p.changes.iter().cloned())
                    .collect()
            }),
            drift: (!out.plans.is_empty()).then(|| {
                out.plans
                    .iter()
                    .flat_map(|p| p.drift.iter().cloned())
                    .collect()
            }),
            suppressed: out.suppressed.clone(),
        }
    }

    /// True when some finding is at or above the threshold.
    pub fn fails(&self, threshold: Severity) -> bool {
        self.findings.iter().any(|f| f.severity >= threshold)
    }
}
