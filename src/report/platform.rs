//! The Platform Change Report model: one plan's changes, risk, findings,
//! drift, cost, rollback notes, approvals and acceptance criteria, built
//! from the scan output (findings, diffs, drift come from the scan
//! pipeline; this module only arranges and explains them). Markdown, HTML
//! and JSON render this model.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;
use serde_json::Value as Json;

use crate::analyse::cost::{self, Catalogue, CostSummary, Status, Usage};
use crate::analyse::diff::{ChangeEntry, DriftEntry};
use crate::analyse::risk::{self, ChangeFacts, ChangeSetRisk, Sensitivity};
use crate::finding::{Finding, Severity};
use crate::pipeline::ScanOutput;
use crate::plan::{strip_index, Loaded};
use crate::policy::Policy;

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
    pub unknowns: Vec<String>,
    pub errors: Vec<String>,
    /// Resource changes with attribute diffs.
    pub changes: Vec<ChangeEntry>,
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
pub struct Hint {
    pub address: String,
    pub text: String,
    /// Estimated monthly saving, when it can be computed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_saving: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CostSection {
    pub summary: CostSummary,
    pub hints: Vec<Hint>,
    /// Figures the catalogue deliberately leaves out.
    pub catalogue_left_out: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RollbackItem {
    pub address: String,
    pub action: String,
    pub lost: String,
    pub protections: Vec<String>,
    /// What to do to roll back this resource, in `order`.
    pub step: String,
    pub order: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Approval {
    /// new-provider, new-module, new-service, public-exposure, iam-widening.
    pub kind: &'static str,
    pub subject: String,
    pub detail: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Criterion {
    pub text: String,
    pub checked: bool,
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
    let approvals = approvals(plan, &changes);
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
                .map(|a| format!("{}: {}", a.kind.replace('-', " "), a.detail))
                .collect(),
        })
        .collect();
    let risk = risk::score_change_set(&facts, Some(costs.total_delta));

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
    let acceptance = input
        .request
        .map(|(text, _)| acceptance_criteria(text))
        .unwrap_or_default();
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

/// Base address -> the addresses that reference it (configuration
/// references and prior-state dependencies).
fn dependents(plan: &Loaded) -> HashMap<String, Vec<String>> {
    let mut map: HashMap<String, BTreeSet<String>> = HashMap::new();
    for r in &plan.resources {
        let me = strip_index(&r.address);
        for refs in r.references.values() {
            for target in refs {
                let full = if r.module.is_empty() || target.starts_with("module.") {
                    target.clone()
                } else {
                    format!("{}.{target}", strip_index(&r.module))
                };
                if full != me {
                    map.entry(full).or_default().insert(r.address.clone());
                }
            }
        }
    }
    for (address, deps) in &plan.prior_dependencies {
        let me = strip_index(address);
        for target in deps {
            if *target != me {
                map.entry(target.clone())
                    .or_default()
                    .insert(address.clone());
            }
        }
    }
    map.into_iter()
        .map(|(k, v)| (k, v.into_iter().collect()))
        .collect()
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

fn get<'v>(v: &'v Json, key: &str) -> Option<&'v Json> {
    v.get(key).filter(|x| !x.is_null())
}

fn truthy(v: &Json, key: &str) -> Option<bool> {
    match get(v, key)? {
        Json::Bool(b) => Some(*b),
        Json::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// Rollback notes for every delete and replace, ordered so that what
/// others depend on is restored first.
fn rollback(
    plan: &Loaded,
    changes: &[ChangeEntry],
    dependents: &HashMap<String, Vec<String>>,
    has_config: bool,
    unknowns: &mut Vec<String>,
) -> Vec<RollbackItem> {
    let destructive: Vec<&ChangeEntry> = changes
        .iter()
        .filter(|c| matches!(c.kind.as_ref(), "delete" | "replace"))
        .collect();
    if destructive.is_empty() {
        return Vec::new();
    }
    if !has_config {
        unknowns.push(
            "lifecycle blocks (prevent_destroy, create_before_destroy) are not in plan JSON; pass the configuration \
             directory to `tfward report` to read them"
                .into(),
        );
    }
    let mut items: Vec<(usize, RollbackItem)> = destructive
        .iter()
        .map(|c| {
            let raw = plan.changes.iter().find(|x| x.address == c.address);
            let before = raw.map(|r| &r.before).unwrap_or(&Json::Null);
            let base = strip_index(&c.address);
            let deps_in_set = dependents
                .get(&base)
                .map(|d| {
                    d.iter()
                        .filter(|a| destructive.iter().any(|x| &x.address == *a))
                        .count()
                })
                .unwrap_or(0);
            let lifecycle = plan.lifecycle.get(&base);
            let actions = raw.map(|r| r.actions.clone()).unwrap_or_default();
            (deps_in_set, rollback_item(c, before, lifecycle, &actions))
        })
        .collect();
    // Restore first what the other destroyed resources depend on.
    items.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.address.cmp(&b.1.address)));
    items
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut item))| {
            item.order = i + 1;
            item
        })
        .collect()
}

fn rollback_item(
    c: &ChangeEntry,
    before: &Json,
    lifecycle: Option<&Json>,
    actions: &[String],
) -> RollbackItem {
    let class = risk::classify(&c.rtype);
    let mut protections = Vec::new();
    if c.kind == "replace" {
        if actions.first().map(String::as_str) == Some("create") {
            protections.push("create_before_destroy: the replacement is created before the old object is destroyed".into());
        } else {
            protections.push(
                "destroyed before its replacement is created (no create_before_destroy): expect downtime".into(),
            );
        }
    }
    match lifecycle.and_then(|l| l.get("prevent_destroy")) {
        Some(Json::Bool(true)) => {
            protections.push("prevent_destroy = true in the configuration: the apply will stop before destroying".into())
        }
        _ => protections.push(
            "prevent_destroy is not set (Terraform refuses to plan a destroy of a resource that sets it)".into(),
        ),
    }
    let mut snapshot = None;
    match truthy(before, "skip_final_snapshot") {
        Some(false) => {
            let id = get(before, "final_snapshot_identifier")
                .and_then(Json::as_str)
                .unwrap_or("(unnamed)");
            protections.push(format!("a final snapshot is taken: {id}"));
            snapshot = Some(id.to_owned());
        }
        Some(true) => {
            protections.push("skip_final_snapshot = true: no final snapshot is taken".into())
        }
        None => {}
    }
    if truthy(before, "deletion_protection") == Some(true) {
        protections
            .push("deletion_protection = true: the destroy fails until it is turned off".into());
    }
    let backups = get(before, "backup_retention_period").and_then(Json::as_f64);
    match backups {
        Some(d) if d > 0.0 => {
            let kept = if truthy(before, "delete_automated_backups") == Some(false) {
                "kept after deletion (delete_automated_backups = false)"
            } else {
                "deleted with the instance (delete_automated_backups defaults to true)"
            };
            protections.push(format!("automated backups: {d} days retention, {kept}"));
        }
        Some(_) => protections.push("backup_retention_period = 0: no automated backups".into()),
        None => {}
    }
    if c.rtype == "aws_s3_bucket" {
        if truthy(before, "force_destroy") == Some(true) {
            protections
                .push("force_destroy = true: every object is deleted with the bucket".into());
        } else {
            protections.push(
                "force_destroy is off: the destroy fails while the bucket holds objects".into(),
            );
        }
    }
    let window = get(before, "deletion_window_in_days")
        .and_then(Json::as_f64)
        .unwrap_or(30.0);
    let lost = match class {
        Some(Sensitivity::DataStore) => format!("the data stored in {}", c.address),
        Some(Sensitivity::EncryptionKey) if c.rtype == "aws_kms_key" => format!(
            "the key material after a {window}-day waiting period; every object encrypted under the key \
             (volumes, snapshots, secrets, S3 objects) becomes unreadable"
        ),
        Some(Sensitivity::EncryptionKey) if c.rtype.ends_with("_alias") => {
            "the alias name: callers that refer to the key by alias fail until it is recreated".into()
        }
        Some(Sensitivity::EncryptionKey) => "the key or secret and everything that can only be decrypted with it".into(),
        Some(Sensitivity::Identity) => "the identity's ARN/unique id: trust policies naming the old one stop matching".into(),
        Some(Sensitivity::NetworkExposure) => "its ID and addresses: connections through it drop while it is recreated".into(),
        Some(Sensitivity::Dns) => "the records it serves until it is recreated (cached answers expire by TTL)".into(),
        Some(Sensitivity::Compute) if c.rtype.contains("instance") || c.rtype.contains("virtual_machine") => {
            "instance-local state (instance store, anything not on a kept volume) and its IP addresses".into()
        }
        Some(Sensitivity::Compute) => "the deployed definition: the new one replaces it for everything that runs it".into(),
        None => "the object's ID; dependents pick up the new one".into(),
    };
    if c.rtype == "aws_kms_key" && c.kind == "delete" {
        protections.push(format!(
            "KMS waits {window} days before deleting the key material"
        ));
    }
    let step = match (class, c.kind.as_ref()) {
        (Some(Sensitivity::EncryptionKey), "delete") if c.rtype == "aws_kms_key" => format!(
            "Within {window} days: `aws kms cancel-key-deletion --key-id <key id>` then `aws kms enable-key`, \
             restore the resource block and `terraform import` it"
        ),
        (Some(Sensitivity::DataStore), _) => match (&snapshot, backups) {
            (Some(id), _) => format!("Restore from the final snapshot `{id}` (e.g. snapshot_identifier = \"{id}\"), then revert the change"),
            (None, Some(d)) if d > 0.0 => {
                "Restore from the latest automated backup or point-in-time recovery before it is deleted, then revert the change".into()
            }
            _ => "No snapshot or backup is visible in the plan: take one before applying; without it the data cannot be restored".into(),
        },
        _ => "Revert the change in version control and apply; the object is recreated with a new ID".into(),
    };
    RollbackItem {
        address: c.address.clone(),
        action: c.kind.to_string(),
        lost,
        protections,
        step,
        order: 0,
    }
}

/// Public exposure that drift introduced (the actual object is more open
/// than the recorded state).
fn drift_exposure(plan: &Loaded) -> Vec<String> {
    plan.drift
        .iter()
        .filter_map(|d| {
            let now = public_exposure(&d.rtype, &d.after)?;
            let was = public_exposure(&d.rtype, &d.before);
            (was.as_deref() != Some(now.as_str())).then(|| {
                let fixed = plan
                    .changes
                    .iter()
                    .find(|c| c.address == d.address)
                    .and_then(|c| public_exposure(&c.rtype, &c.after))
                    .is_none_or(|after| after != now);
                let tail = if fixed {
                    "this plan removes it"
                } else {
                    "this plan keeps it"
                };
                format!("{} was opened outside Terraform: {now}; {tail}", d.address)
            })
        })
        .collect()
}

/// The service part of a type: `aws_db_instance` -> `aws_db`.
fn service_of(rtype: &str) -> String {
    rtype.splitn(3, '_').take(2).collect::<Vec<_>>().join("_")
}

/// Items a reviewer must approve explicitly.
fn approvals(plan: &Loaded, changes: &[ChangeEntry]) -> Vec<Approval> {
    let mut out = Vec::new();
    let existing: Vec<&crate::plan::Change> = plan
        .changes
        .iter()
        .filter(|c| c.mode == "managed" && c.before.is_object())
        .collect();
    let old_providers: BTreeSet<&str> = existing.iter().map(|c| c.provider.as_str()).collect();
    let old_services: BTreeSet<String> = existing.iter().map(|c| service_of(&c.rtype)).collect();
    let old_modules: BTreeSet<String> = existing.iter().map(|c| strip_index(&c.module)).collect();
    let creates: Vec<&crate::plan::Change> = plan
        .changes
        .iter()
        .filter(|c| c.mode == "managed" && c.kind() == "create")
        .collect();
    let mut new_providers: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut new_services: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for c in &creates {
        if !old_providers.contains(c.provider.as_str()) {
            new_providers
                .entry(&c.provider)
                .or_default()
                .push(&c.address);
        }
        let svc = service_of(&c.rtype);
        if !old_services.contains(&svc) && old_providers.contains(c.provider.as_str()) {
            new_services.entry(svc).or_default().push(&c.address);
        }
    }
    for (p, addrs) in new_providers {
        out.push(Approval {
            kind: "new-provider",
            subject: p.to_owned(),
            detail: format!("first use of provider {p}: {}", list(&addrs)),
        });
    }
    for (module, calls) in &plan.module_calls {
        for call in calls {
            let (Some(name), Some(source)) = (call["name"].as_str(), call["source"].as_str())
            else {
                continue;
            };
            if source.starts_with("./") || source.starts_with("../") {
                continue;
            }
            let addr = if module.is_empty() {
                format!("module.{name}")
            } else {
                format!("{module}.module.{name}")
            };
            if old_modules.contains(&addr) {
                continue;
            }
            let version = call["version"]
                .as_str()
                .map(|v| format!(" {v}"))
                .unwrap_or_else(|| " (no version pinned)".into());
            out.push(Approval {
                kind: "new-module",
                subject: addr,
                detail: format!("new external module {source}{version}"),
            });
        }
    }
    for (svc, addrs) in new_services {
        out.push(Approval {
            kind: "new-service",
            subject: svc.clone(),
            detail: format!("first resources of {svc}: {}", list(&addrs)),
        });
    }
    for c in changes
        .iter()
        .filter(|c| matches!(c.kind.as_ref(), "create" | "update" | "replace"))
    {
        let Some(raw) = plan.changes.iter().find(|x| x.address == c.address) else {
            continue;
        };
        if let Some(why) = public_exposure(&c.rtype, &raw.after) {
            let was = public_exposure(&c.rtype, &raw.before);
            if was.as_deref() != Some(why.as_str()) {
                out.push(Approval {
                    kind: "public-exposure",
                    subject: c.address.clone(),
                    detail: why,
                });
            }
        }
        if let Some(why) = iam_widening(&c.rtype, &raw.before, &raw.after) {
            out.push(Approval {
                kind: "iam-widening",
                subject: c.address.clone(),
                detail: why,
            });
        }
    }
    out
}

fn list(addrs: &[&str]) -> String {
    if addrs.len() <= 3 {
        addrs.join(", ")
    } else {
        format!("{} and {} more", addrs[..3].join(", "), addrs.len() - 3)
    }
}

fn strings(v: Option<&Json>) -> Vec<&str> {
    match v {
        Some(Json::Array(a)) => a.iter().filter_map(Json::as_str).collect(),
        Some(Json::String(s)) => vec![s.as_str()],
        _ => Vec::new(),
    }
}

const OPEN: [&str; 2] = ["0.0.0.0/0", "::/0"];

/// Why these values expose something to the internet, if they do.
fn public_exposure(rtype: &str, v: &Json) -> Option<String> {
    if !v.is_object() {
        return None;
    }
    let open_rule = |r: &Json| {
        strings(r.get("cidr_blocks"))
            .into_iter()
            .chain(strings(r.get("ipv6_cidr_blocks")))
            .find(|c| OPEN.contains(c))
            .map(|c| {
                let from = r.get("from_port").map(Json::to_string).unwrap_or_default();
                let to = r.get("to_port").map(Json::to_string).unwrap_or_default();
                let ports = if from == to {
                    format!("port {from}")
                } else {
                    format!("ports {from}-{to}")
                };
                format!("ingress from {c} on {ports}")
            })
    };
    match rtype {
        "aws_security_group" => {
            let open: Vec<String> = v
                .get("ingress")
                .and_then(Json::as_array)
                .into_iter()
                .flatten()
                .filter_map(open_rule)
                .collect();
            (!open.is_empty()).then(|| open.join("; "))
        }
        "aws_security_group_rule" if v.get("type").and_then(Json::as_str) == Some("ingress") => {
            open_rule(v)
        }
        "aws_vpc_security_group_ingress_rule" => strings(v.get("cidr_ipv4"))
            .into_iter()
            .chain(strings(v.get("cidr_ipv6")))
            .find(|c| OPEN.contains(c))
            .map(|c| format!("ingress from {c}")),
        "aws_db_instance" | "aws_rds_cluster_instance"
            if truthy(v, "publicly_accessible") == Some(true) =>
        {
            Some("publicly_accessible = true: the database gets a public endpoint".into())
        }
        "aws_lb" | "aws_alb" | "aws_elb" if truthy(v, "internal") == Some(false) => {
            Some("internet-facing load balancer".into())
        }
        "aws_instance" if truthy(v, "associate_public_ip_address") == Some(true) => {
            Some("instance gets a public IP address".into())
        }
        "aws_eip" | "azurerm_public_ip" => Some("allocates a public IP address".into()),
        "aws_s3_bucket_acl" => v
            .get("acl")
            .and_then(Json::as_str)
            .filter(|a| a.starts_with("public-"))
            .map(|a| format!("bucket ACL {a}")),
        "aws_s3_bucket_public_access_block" => [
            "block_public_acls",
            "block_public_policy",
            "ignore_public_acls",
            "restrict_public_buckets",
        ]
        .iter()
        .find(|k| truthy(v, k) == Some(false))
        .map(|k| format!("{k} = false")),
        "google_compute_firewall" => strings(v.get("source_ranges"))
            .into_iter()
            .find(|c| OPEN.contains(c))
            .map(|c| format!("firewall allows {c}")),
        "azurerm_network_security_rule" => {
            let inbound = v.get("direction").and_then(Json::as_str) == Some("Inbound");
            let allow = v.get("access").and_then(Json::as_str) == Some("Allow");
            let src = v
                .get("source_address_prefix")
                .and_then(Json::as_str)
                .unwrap_or_default();
            (inbound && allow && matches!(src, "*" | "Internet" | "0.0.0.0/0"))
                .then(|| format!("inbound allowed from {src}"))
        }
        _ => None,
    }
}

/// Allowed (action, resource) pairs of an IAM policy document (JSON text).
fn policy_grants(doc: &str) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    let Ok(v) = serde_json::from_str::<Json>(doc) else {
        return out;
    };
    let statements = match v.get("Statement") {
        Some(Json::Array(a)) => a.clone(),
        Some(s @ Json::Object(_)) => vec![s.clone()],
        _ => return out,
    };
    for s in statements {
        if s.get("Effect").and_then(Json::as_str) != Some("Allow") {
            continue;
        }
        let resources = strings(s.get("Resource"));
        let resources = if resources.is_empty() {
            vec!["*"]
        } else {
            resources
        };
        for a in strings(s.get("Action")) {
            for r in &resources {
                out.insert((a.to_owned(), (*r).to_owned()));
            }
        }
    }
    out
}

const BROAD_ROLES: [&str; 6] = [
    "AdministratorAccess",
    "PowerUserAccess",
    "IAMFullAccess",
    "roles/owner",
    "roles/editor",
    "Owner",
];

/// Why a change widens access, if it does.
fn iam_widening(rtype: &str, before: &Json, after: &Json) -> Option<String> {
    for key in ["policy_arn", "role", "role_definition_name"] {
        if let Some(v) = after.get(key).and_then(Json::as_str) {
            if let Some(broad) = BROAD_ROLES.iter().find(|b| v.ends_with(*b)) {
                if before.get(key).and_then(Json::as_str) != Some(v)
                    && (rtype.contains("iam") || rtype.contains("role"))
                {
                    return Some(format!("grants {broad}"));
                }
            }
        }
    }
    if !rtype.starts_with("aws_iam_") {
        return None;
    }
    let doc = |v: &Json| {
        v.get("policy")
            .and_then(Json::as_str)
            .map(policy_grants)
            .unwrap_or_default()
    };
    let (old, new) = (doc(before), doc(after));
    let added: Vec<String> = new
        .difference(&old)
        .map(|(a, r)| format!("{a} on {r}"))
        .collect();
    if added.is_empty() {
        return None;
    }
    let wildcard = new
        .difference(&old)
        .any(|(a, r)| a.contains('*') || r == "*");
    let head = if wildcard {
        "adds wildcard permissions"
    } else {
        "adds permissions"
    };
    let shown: Vec<&str> = added.iter().take(5).map(String::as_str).collect();
    let more = if added.len() > 5 {
        format!(" and {} more", added.len() - 5)
    } else {
        String::new()
    };
    Some(format!("{head}: {}{more}", shown.join(", ")))
}

/// Previous-generation families and what replaces them.
const PREVIOUS_GEN: &[(&str, &str)] = &[
    ("t2.", "t3 (or t4g on Graviton)"),
    ("m4.", "m6i (or m7g on Graviton)"),
    ("m3.", "m6i"),
    ("c4.", "c6i"),
    ("c3.", "c6i"),
    ("r4.", "r6i"),
    ("r3.", "r6i"),
    ("db.t2.", "db.t3 / db.t4g"),
    ("db.m4.", "db.m6i / db.m6g"),
    ("db.r4.", "db.r6i / db.r6g"),
    ("cache.t2.", "cache.t3 / cache.t4g"),
    ("cache.m4.", "cache.m6g"),
    ("Standard_D2_v2", "Standard_D2s_v5"),
    ("n1-", "n2 / n2d / e2"),
];

/// Cost optimisation hints on the planned state.
fn hints(plan: &Loaded, costs: &CostSummary, cat: &Catalogue) -> Vec<Hint> {
    let mut out = Vec::new();
    let region_of = |address: &str| {
        costs
            .resources
            .iter()
            .find(|r| r.address == address)
            .map(|r| r.region.clone())
            .unwrap_or_else(|| cat.default_region("aws").to_owned())
    };
    let gp2_saving = |gb: f64, region: &str| {
        let gp2 = cat.price("aws", "aws_ebs", "gp2", region)?.value;
        let gp3 = cat.price("aws", "aws_ebs", "gp3", region)?.value;
        Some(cost::round2((gp2 - gp3) * gb))
    };
    let nat: Vec<&str> = plan
        .resources
        .iter()
        .filter(|r| r.rtype == "aws_nat_gateway" && r.mode == "managed")
        .map(|r| r.address.as_str())
        .collect();
    for r in plan.resources.iter().filter(|r| r.mode == "managed") {
        let v = &r.values;
        match r.rtype.as_str() {
            "aws_ebs_volume" if v.get("type").and_then(Json::as_str).unwrap_or("gp2") == "gp2" => {
                let gb = v.get("size").and_then(Json::as_f64).unwrap_or(0.0);
                out.push(Hint {
                    address: r.address.clone(),
                    text: format!("gp2 volume ({gb} GB): gp3 costs ~20% less per GB with a 3,000 IOPS baseline"),
                    monthly_saving: gp2_saving(gb, &region_of(&r.address)),
                });
            }
            "aws_instance" => {
                let root = &v["root_block_device"][0];
                if root.get("volume_type").and_then(Json::as_str) == Some("gp2") {
                    let gb = root.get("volume_size").and_then(Json::as_f64).unwrap_or(0.0);
                    out.push(Hint {
                        address: r.address.clone(),
                        text: format!("gp2 root volume ({gb} GB): set volume_type = \"gp3\""),
                        monthly_saving: gp2_saving(gb, &region_of(&r.address)),
                    });
                }
            }
            "aws_db_instance" if v.get("storage_type").and_then(Json::as_str) == Some("gp2") => out.push(Hint {
                address: r.address.clone(),
                text: "gp2 database storage: gp3 has the same price per GB and a 3,000 IOPS / 125 MB/s baseline at any size"
                    .into(),
                monthly_saving: None,
            }),
            _ => {}
        }
        for attr in [
            "instance_type",
            "instance_class",
            "node_type",
            "vm_size",
            "size",
            "machine_type",
        ] {
            let Some(t) = v.get(attr).and_then(Json::as_str) else {
                continue;
            };
            if let Some((_, next)) = PREVIOUS_GEN.iter().find(|(p, _)| t.starts_with(p)) {
                out.push(Hint {
                    address: r.address.clone(),
                    text: format!("{t} is a previous-generation type: {next} costs the same or less for more performance"),
                    monthly_saving: None,
                });
            }
        }
    }
    if nat.len() > 1 {
        let each = cat
            .price("aws", "aws_nat_gateway", "hour", &region_of(nat[0]))
            .map(|p| p.value * cat.hours_per_month)
            .unwrap_or(0.0);
        out.push(Hint {
            address: nat.join(", "),
            text: format!(
                "{} NAT gateways (one per AZ) at {}/month each before data processing: keep them for production \
                 resilience, share one in non-production environments",
                nat.len(),
                cost::money(each, false)
            ),
            monthly_saving: Some(cost::round2(each * (nat.len() - 1) as f64)),
        });
    }
    for r in costs
        .resources
        .iter()
        .filter(|r| r.status == Status::UsageBased && r.action != "delete")
    {
        if r.rtype == "aws_nat_gateway" {
            continue;
        }
        if r.rtype == "aws_s3_bucket" {
            out.push(Hint {
                address: r.address.clone(),
                text: "S3 storage is usage-based: a lifecycle rule to STANDARD_IA/GLACIER_IR for cold objects cuts it by 45–80%"
                    .into(),
                monthly_saving: None,
            });
        }
    }
    out.sort_by(|a, b| a.address.cmp(&b.address).then_with(|| a.text.cmp(&b.text)));
    out
}

/// `- [ ]` / `- [x]` items under an "Acceptance criteria" heading.
pub fn acceptance_criteria(markdown: &str) -> Vec<Criterion> {
    let mut out = Vec::new();
    let mut level = None;
    for line in markdown.lines() {
        let t = line.trim();
        if t.starts_with('#') {
            let hashes = t.chars().take_while(|c| *c == '#').count();
            let title = t[hashes..]
                .trim()
                .trim_end_matches(':')
                .to_ascii_lowercase();
            if level.is_some_and(|l| hashes <= l) {
                level = None;
            }
            if level.is_none() && title.starts_with("acceptance criteria") {
                level = Some(hashes);
            }
            continue;
        }
        if level.is_none() {
            continue;
        }
        let item = t.strip_prefix("- ").or_else(|| t.strip_prefix("* "));
        let Some(item) = item else { continue };
        let (checked, text) = if let Some(rest) = item.strip_prefix("[ ]") {
            (false, rest)
        } else if let Some(rest) = item
            .strip_prefix("[x]")
            .or_else(|| item.strip_prefix("[X]"))
        {
            (true, rest)
        } else {
            continue;
        };
        out.push(Criterion {
            text: text.trim().to_owned(),
            checked,
        });
    }
    out
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
