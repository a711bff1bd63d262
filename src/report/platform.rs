//! The Platform Change Report model: one plan's changes, risk, findings,
//! drift, cost, rollback notes, approvals and acceptance criteria, built
//! from the scan output (findings, diffs, drift come from the scan
//! pipeline; this module only arranges and explains them). Markdown, HTML
//! and JSON render this model.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::analyse::approvals::{self, list, ApprovalInput, ApprovalRules};
use crate::analyse::cost::{self, Catalogue, CostSummary, Status, Usage};
use crate::analyse::dependents::dependents;
use crate::analyse::diff::{review, ReviewLine};
use crate::analyse::diff::{ChangeEntry, DriftEntry};
use crate::analyse::exposure::drift_exposure;
use crate::analyse::monitoring::{self, Coverage};
use crate::analyse::request::{parse_request, ChangeRequest};
use crate::analyse::risk::{self, ChangeFacts, ChangeSetRisk};
use crate::analyse::rollback::rollback;
use crate::analyse::savings::hints;
use crate::finding::{Finding, Severity};
use crate::pipeline::ScanOutput;
use crate::plan::{strip_index, Loaded};
use crate::policy::Policy;

pub use crate::analyse::approvals::Approval;
pub use crate::analyse::checklist::ChecklistItem;
pub use crate::analyse::request::Criterion;
pub use crate::analyse::rollback::RollbackItem;
pub use crate::analyse::savings::Hint;

/// What the report is built from.
pub struct ReportInput<'a> {
    pub change_id: &'a str,
    /// YYYY-MM-DD.
    pub date: &'a str,
    pub out: &'a ScanOutput,
    /// The policies that ran (for titles and framework controls).
    pub policies: &'a [Policy],
    /// The change request (Markdown) and its path, when given.
    pub request: Option<(&'a str, &'a str)>,
    pub usage: &'a Usage,
    /// A configuration directory was given (lifecycle blocks are known).
    pub has_config: bool,
    /// Who approves what (tfward.toml `[approvals]`).
    pub approval_rules: &'a ApprovalRules,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlatformReport {
    pub version: u32,
    pub tool: super::Tool,
    pub change_id: String,
    /// The file name stem: the id lowercased, non-alphanumerics as hyphens.
    pub slug: String,
    pub date: String,
    pub plan: String,
    pub terraform_version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<String>,
    pub summary: ChangeSummary,
    pub risk: ChangeSetRisk,
    pub findings: FindingsSection,
    pub drift: Vec<DriftEntry>,
    /// What the drift exposes that the recorded state did not.
    pub drift_notes: Vec<String>,
    pub cost: CostSection,
    pub rollback: Vec<RollbackItem>,
    pub approvals: Vec<Approval>,
    pub acceptance: Vec<Criterion>,
    /// The change request's title, owner and approval status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change_request: Option<ChangeRequest>,
    /// Logs, alarms and diagnostic settings of new components.
    pub monitoring: Vec<Coverage>,
    /// What to check before `terraform apply`.
    pub checklist: Vec<ChecklistItem>,
    /// Attribute diffs of every update and replace, as a reviewer reads them.
    pub diffs: Vec<ChangeDiff>,
    pub unknowns: Vec<String>,
    pub errors: Vec<String>,
    /// Resource changes with attribute diffs.
    pub changes: Vec<ChangeEntry>,
}

/// One update or replace, attribute by attribute.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeDiff {
    pub address: String,
    pub action: String,
    /// Terraform's reason for the action (`replace_because_cannot_update`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action_reason: Option<String>,
    pub lines: Vec<ReviewLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChangeSummary {
    /// create/update/replace/delete/... -> count (no-ops and reads left out).
    pub by_action: BTreeMap<String, usize>,
    pub total: usize,
    pub unchanged: usize,
    pub modules: Vec<ModuleChanges>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ModuleChanges {
    /// "" is the root module.
    pub module: String,
    pub changes: Vec<(String, String)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingRow {
    pub rule_id: String,
    pub severity: Severity,
    pub title: String,
    pub address: String,
    pub message: String,
    pub location: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ControlRow {
    pub framework: String,
    pub control: String,
    pub rules: Vec<String>,
    pub resources: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingsSection {
    /// CRITICAL..LOW -> count.
    pub counts: BTreeMap<String, usize>,
    /// Most severe first.
    pub findings: Vec<FindingRow>,
    pub by_control: Vec<ControlRow>,
    /// Checks left undecided because a value is unknown.
    pub undecided: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct CostSection {
    pub summary: CostSummary,
    pub hints: Vec<Hint>,
    /// Figures the catalogue deliberately leaves out.
    pub catalogue_left_out: Vec<String>,
}

/// `CHG-1234 / Add DB` -> `chg-1234-add-db`.
pub fn slug(id: &str) -> String {
    let mut s = String::new();
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') {
            s.push('-');
        }
    }
    s.trim_matches('-').to_owned()
}

/// Builds the report for the first plan of the scan (the report command
/// scans one plan).
pub fn build(input: &ReportInput<'_>) -> PlatformReport {
    let out = input.out;
    let empty = Loaded::empty(crate::plan::JsonKind::Plan, String::new(), String::new());
    let plan = out.plan_models.first().unwrap_or(&empty);
    let summary_plan = out.plans.first();
    let changes: Vec<ChangeEntry> = summary_plan
        .map(|p| {
            p.changes
                .iter()
                .filter(|c| c.kind != "read")
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let drift: Vec<DriftEntry> = summary_plan.map(|p| p.drift.clone()).unwrap_or_default();
    let catalogue = Catalogue::embedded();
    let costs = cost::plan_costs(plan, catalogue, input.usage);
    let meta: HashMap<&str, &Policy> = input
        .policies
        .iter()
        .map(|p| (p.meta.id.as_str(), p))
        .collect();

    let dependents = dependents(plan);
    let mut approvals = approvals::approvals(&ApprovalInput {
        plan,
        changes: &changes,
        findings: &out.findings,
        rules: input.approval_rules,
    });
    let facts: Vec<ChangeFacts> = changes
        .iter()
        .map(|c| ChangeFacts {
            address: c.address.clone(),
            rtype: c.rtype.clone(),
            kind: c.kind.to_string(),
            findings: out
                .findings
                .iter()
                .filter(|f| f.address == c.address)
                .map(|f| f.severity)
                .collect(),
            drifted: drift.iter().any(|d| d.address == c.address),
            cost_delta: costs
                .resources
                .iter()
                .find(|r| r.address == c.address)
                .and_then(|r| r.delta),
            dependents: dependents
                .get(&strip_index(&c.address))
                .cloned()
                .unwrap_or_default(),
            approvals: approvals
                .iter()
                .filter(|a| a.subject == c.address)
                .filter(|a| matches!(a.kind, "public-exposure" | "iam-widening"))
                .map(|a| format!("{}: {}", a.kind.replace('-', " "), a.detail))
                .collect(),
        })
        .collect();
    let risk = risk::score_change_set(&facts, Some(costs.total_delta));
    if let Some(a) = approvals::high_risk(&risk, &approvals, input.approval_rules) {
        approvals.push(a);
    }

    let mut by_action = BTreeMap::new();
    let mut modules: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for c in &changes {
        *by_action.entry(c.kind.to_string()).or_insert(0) += 1;
        modules
            .entry(c.module.clone())
            .or_default()
            .push((c.address.clone(), c.kind.to_string()));
    }
    let unchanged = plan
        .changes
        .iter()
        .filter(|c| c.kind() == "no-op" && c.mode == "managed")
        .count();

    let mut unknowns = Vec::new();
    let rollback = rollback(plan, &changes, &dependents, input.has_config, &mut unknowns);
    let hints = hints(plan, &costs, catalogue);
    let drift_notes = drift_exposure(plan);
    let change_request = input.request.map(|(text, path)| parse_request(text, path));
    let acceptance = change_request
        .as_ref()
        .map(|r| r.criteria.clone())
        .unwrap_or_default();
    let monitoring = monitoring::coverage(plan);
    let checklist =
        crate::analyse::checklist::before_apply(&crate::analyse::checklist::ChecklistInput {
            rollback: &rollback,
            approvals: &approvals,
            monitoring: &monitoring,
            request: change_request.as_ref(),
            drifted: drift.len(),
        });
    let diffs = changes
        .iter()
        .filter(|c| matches!(c.kind.as_ref(), "update" | "replace"))
        .map(|c| {
            let raw = plan.changes.iter().find(|x| x.address == c.address);
            let null = serde_json::Value::Null;
            let (b, a) = raw.map_or((&null, &null), |r| (&r.before, &r.after));
            ChangeDiff {
                address: c.address.clone(),
                action: c.kind.to_string(),
                action_reason: c.action_reason.clone(),
                lines: review(&c.diff, b, a),
            }
        })
        .collect();
    if input.request.is_some() && acceptance.is_empty() {
        unknowns.push(
            "the change request has no checklist under an \"Acceptance criteria\" heading".into(),
        );
    }
    unknowns.extend(open_unknowns(out, &changes, &costs));

    PlatformReport {
        version: super::REPORT_VERSION,
        tool: super::TOOL,
        change_id: input.change_id.to_owned(),
        slug: slug(input.change_id),
        date: input.date.to_owned(),
        plan: summary_plan.map(|p| p.file.clone()).unwrap_or_default(),
        terraform_version: plan.terraform_version.clone(),
        request: input.request.map(|(_, path)| path.to_owned()),
        summary: ChangeSummary {
            total: changes.len(),
            by_action,
            unchanged,
            modules: modules
                .into_iter()
                .map(|(module, changes)| ModuleChanges { module, changes })
                .collect(),
        },
        risk,
        findings: findings_section(&out.findings, &meta, out.undecided.len()),
        drift,
        drift_notes,
        cost: CostSection {
            summary: costs,
            hints,
            catalogue_left_out: catalogue.left_out.clone(),
        },
        rollback,
        approvals,
        acceptance,
        change_request,
        monitoring,
        checklist,
        diffs,
        unknowns,
        errors: out
            .diagnostics
            .iter()
            .filter(|d| d.level == crate::diagnostic::Level::Error)
            .map(|d| format!("{}:{}:{}: {}", d.file, d.line, d.column, d.message))
            .collect(),
        changes,
    }
}

fn findings_section(
    findings: &[Finding],
    meta: &HashMap<&str, &Policy>,
    undecided: usize,
) -> FindingsSection {
    let mut counts: BTreeMap<String, usize> = Severity::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), 0))
        .collect();
    let mut rows: Vec<FindingRow> = findings
        .iter()
        .map(|f| {
            *counts.entry(f.severity.as_str().to_owned()).or_default() += 1;
            FindingRow {
                rule_id: f.rule_id.clone(),
                severity: f.severity,
                title: f.title.clone(),
                address: f.address.clone(),
                message: f.message.clone(),
                location: if f.line > 0 {
                    format!("{}:{}", f.file, f.line)
                } else {
                    f.file.clone()
                },
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.rule_id.cmp(&b.rule_id))
            .then_with(|| a.address.cmp(&b.address))
    });
    let mut controls: BTreeMap<(String, String), (BTreeSet<String>, BTreeSet<String>)> =
        BTreeMap::new();
    for f in findings {
        let Some(p) = meta.get(f.rule_id.as_str()) else {
            continue;
        };
        for (framework, ids) in &p.meta.frameworks {
            for id in ids {
                let e = controls.entry((framework.clone(), id.clone())).or_default();
                e.0.insert(f.rule_id.clone());
                e.1.insert(f.address.clone());
            }
        }
    }
    FindingsSection {
        counts,
        findings: rows,
        by_control: controls
            .into_iter()
            .map(|((framework, control), (rules, resources))| ControlRow {
                framework,
                control,
                rules: rules.into_iter().collect(),
                resources: resources.into_iter().collect(),
            })
            .collect(),
        undecided,
    }
}

fn open_unknowns(out: &ScanOutput, changes: &[ChangeEntry], costs: &CostSummary) -> Vec<String> {
    let mut u = Vec::new();
    let unknown: Vec<String> = changes
        .iter()
        .flat_map(|c| {
            c.diff
                .iter()
                .filter(|d| d.unknown)
                .map(move |d| format!("{}.{}", c.address, d.path))
        })
        .collect();
    if !unknown.is_empty() {
        let shown: Vec<&str> = unknown.iter().take(4).map(String::as_str).collect();
        let more = if unknown.len() > 4 {
            format!(" and {} more", unknown.len() - 4)
        } else {
            String::new()
        };
        u.push(format!(
            "{} attribute value{} known only after apply: {}{more}",
            unknown.len(),
            if unknown.len() == 1 { " is" } else { "s are" },
            shown.join(", ")
        ));
    }
    let unpriced: Vec<String> = costs
        .resources
        .iter()
        .filter(|r| r.status == Status::Unpriced && r.action != "no-op")
        .map(|r| {
            format!(
                "{} ({})",
                r.address,
                r.reason.as_deref().unwrap_or("no price")
            )
        })
        .collect();
    if !unpriced.is_empty() {
        u.push(format!(
            "cost not estimated for {} resource{}: {}",
            unpriced.len(),
            if unpriced.len() == 1 { "" } else { "s" },
            unpriced.join("; ")
        ));
    }
    let usage: Vec<&str> = costs
        .resources
        .iter()
        .filter(|r| !r.usage_based.is_empty() && r.action != "no-op" && r.action != "delete")
        .map(|r| r.address.as_str())
        .collect();
    if !usage.is_empty() {
        u.push(format!(
            "usage-based charges (requests, data processed, stored GB) are not in the totals for {}; a --usage file adds them",
            list(&usage)
        ));
    }
    let defaulted: BTreeSet<&str> = costs
        .resources
        .iter()
        .filter(|r| {
            r.action != "no-op"
                && r.notes
                    .iter()
                    .any(|n| n.contains("default region") || n.contains("price is used"))
        })
        .map(|r| r.address.as_str())
        .collect();
    if !defaulted.is_empty() {
        let d: Vec<&str> = defaulted.into_iter().collect();
        u.push(format!(
            "prices for {} use the default region's figures (see the notes in the cost table)",
            list(&d)
        ));
    }
    if !out.undecided.is_empty() {
        u.push(format!(
            "{} policy check{} could not be decided because a value is unknown (run `tfward scan --unknowns report`)",
            out.undecided.len(),
            if out.undecided.len() == 1 { "" } else { "s" }
        ));
    }
    u
}
