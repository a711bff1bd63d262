//! The Platform Change Report in Markdown, for a pull request or a docs
//! folder. Reads the report model only, and every value that comes from the
//! plan, a policy or the command line goes through `md` (escaped for where
//! it lands). The page stands alone: it links to nothing in tfward's
//! repository and explains its scores inline.

use std::fmt::Write as _;

use super::md::{code, code_cell, rich, rich_cell, text};
use super::platform::PlatformReport;
use crate::analyse::cost::{self, money, ResourceCost, Status};
use crate::analyse::diff::show;

/// A table cell: pipes escaped, newlines flattened (kept for callers that
/// render tfward's own text; values go through `md`).
pub fn cell(s: &str) -> String {
    text(s)
}

/// The "before" and "after" columns of a cost row; a side that does not
/// exist is a dash, an unpriced one says so.
pub fn cost_sides(r: &ResourceCost) -> (String, String) {
    let side = |v: Option<f64>, absent: bool| match v {
        _ if absent => "—".to_owned(),
        Some(v) => money(v, false),
        None => "not priced".to_owned(),
    };
    (
        side(r.monthly_before, r.action == "create"),
        side(r.monthly_after, r.action == "delete"),
    )
}

/// Cost rows worth a reviewer's time: changes that move the bill or
/// cannot be priced (unchanged no-ops and zero-delta updates are left out).
pub fn cost_row_shown(x: &ResourceCost) -> bool {
    x.action != "no-op"
        && !(matches!(x.action.as_str(), "update") && x.delta == Some(0.0))
        && !(x.status == Status::Free && x.delta == Some(0.0))
}

/// The delta column.
pub fn cost_delta(r: &ResourceCost) -> String {
    match (r.delta, r.status) {
        (Some(d), _) => money(d, true),
        (None, Status::UsageBased) => "usage-based".into(),
        (None, _) => "not priced".into(),
    }
}

/// What the cost row adds: status, reason, notes, usage-based parts.
pub fn cost_notes(r: &ResourceCost) -> String {
    let mut parts = Vec::new();
    if let Some((a, b)) = &r.size_change {
        parts.push(format!("{a} → {b}"));
    }
    if let Some(reason) = &r.reason {
        parts.push(reason.clone());
    }
    if !r.usage_based.is_empty() {
        parts.push(format!("usage-based: {}", r.usage_based.join(", ")));
    }
    parts.extend(r.notes.iter().cloned());
    parts.join("; ")
}

fn module_name(m: &str) -> String {
    if m.is_empty() {
        "(root)".into()
    } else {
        code_cell(m)
    }
}

/// A drifted attribute's recorded value: absent rather than null.
pub fn before_value(v: &serde_json::Value, sensitive: bool) -> String {
    if v.is_null() && !sensitive {
        "(absent)".into()
    } else {
        show(v, false, sensitive)
    }
}

/// A value shown in a diff: the markers as words, values as code.
fn value_cell(v: &str) -> String {
    if v.starts_with('(') && v.ends_with(')') {
        format!("*{}*", text(v))
    } else {
        code_cell(v)
    }
}

/// How the risk score is computed, for the collapsed block under it.
pub const RISK_FORMULA: &[&str] = &[
    "Each resource change scores the sum of: the action (replace 45, delete 40, update 15, forget 10, create 5); \
     the resource's sensitivity (encryption key or secret 30, identity/IAM 25, data store 25, network exposure 20, \
     DNS 15, compute 8; half for a create); the resources that depend on it (3 each, at most 20; not for creates); \
     its findings (CRITICAL 25, HIGH 15, MEDIUM 7, LOW 2 each, at most 40); 10 for each approval item on it \
     (public exposure opened, IAM widened); 10 when it drifted outside Terraform; and its monthly cost increase \
     (at least $1,000: 15, $100: 8, $10: 3). A score is capped at 100.",
    "The change set scores its riskiest change, plus 3 for each other high or critical change (at most 15), plus \
     the cost points of the total monthly increase, capped at 100.",
    "Bands: 0–24 low, 25–49 medium, 50–74 high, 75–100 critical. The score ranks how much a mistake in a change \
     can hurt and how much is already known to be wrong; it is not a probability.",
];

pub fn render(r: &PlatformReport) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Platform Change Report: {}\n", text(&r.change_id));
    request(&mut s, r);
    let _ = writeln!(s, "| | |\n|---|---|");
    let _ = writeln!(s, "| Date | {} |", text(&r.date));
    let _ = writeln!(
        s,
        "| Plan | {} (Terraform {}) |",
        code_cell(&r.plan),
        text(if r.terraform_version.is_empty() {
            "?"
        } else {
            &r.terraform_version
        })
    );
    if let Some(req) = &r.request {
        let _ = writeln!(s, "| Change request | {} |", code_cell(req));
    }
    let _ = writeln!(
        s,
        "| Risk | **{}/100 ({})** |",
        r.risk.score,
        r.risk.level.as_str()
    );
    let c = &r.cost.summary;
    let _ = writeln!(
        s,
        "| Monthly cost | **{}** — {} |",
        text(&cost::headline(c)),
        text(&cost::coverage(c))
    );
    let _ = writeln!(
        s,
        "| Approvals | {} |",
        if r.approvals.is_empty() {
            "none needed".to_owned()
        } else {
            let mut groups: Vec<&str> = r.approvals.iter().map(|a| a.group.as_str()).collect();
            groups.sort_unstable();
            groups.dedup();
            format!(
                "{} needed ({})",
                r.approvals.len(),
                text(&groups.join(", "))
            )
        }
    );
    let _ = writeln!(s, "| Generated by | {} {} |", r.tool.name, r.tool.version);
    summary(&mut s, r);
    diffs(&mut s, r);
    risk(&mut s, r);
    findings(&mut s, r);
    drift(&mut s, r);
    cost_section(&mut s, r);
    optimisation(&mut s, r);
    monitoring(&mut s, r);
    rollback(&mut s, r);
    approvals(&mut s, r);
    checklist(&mut s, r);
    acceptance(&mut s, r);
    unknowns(&mut s, r);
    s
}

/// The change request at the top: title, owner, status, and a warning
/// when it is not marked approved.
fn request(s: &mut String, r: &PlatformReport) {
    let Some(q) = &r.change_request else {
        return;
    };
    let _ = writeln!(
        s,
        "**Change request:** {} — {}\n",
        text(q.title.as_deref().unwrap_or("(no title)")),
        code(&q.path)
    );
    let _ = writeln!(
        s,
        "- Owner: {}\n- Approval status: {}",
        text(q.owner.as_deref().unwrap_or("not stated")),
        text(q.status.as_deref().unwrap_or("not stated"))
    );
    if !q.criteria.is_empty() {
        let done = q.criteria.iter().filter(|c| c.checked).count();
        let _ = writeln!(
            s,
            "- Acceptance criteria: {done} of {} met (listed below)",
            q.criteria.len()
        );
    }
    if !q.approved {
        let _ = writeln!(
            s,
            "\n> **Warning:** the change request is not marked approved. Do not apply until it is."
        );
    }
    s.push('\n');
}

fn summary(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(s, "\n## Summary of changes\n");
    if r.summary.total == 0 {
        let _ = writeln!(
            s,
            "The plan changes no resources ({} unchanged).",
            r.summary.unchanged
        );
        return;
    }
    let order = ["create", "update", "replace", "delete", "forget"];
    let parts: Vec<String> = order
        .iter()
        .filter_map(|a| r.summary.by_action.get(*a).map(|n| format!("{n} to {a}")))
        .collect();
    let _ = writeln!(
        s,
        "{} resource change{}: {}; {} unchanged.\n",
        r.summary.total,
        if r.summary.total == 1 { "" } else { "s" },
        parts.join(", "),
        r.summary.unchanged
    );
    let _ = writeln!(s, "| Module | Resource | Action |\n|---|---|---|");
    for m in &r.summary.modules {
        for (address, action) in &m.changes {
            let _ = writeln!(
                s,
                "| {} | {} | {} |",
                module_name(&m.module),
                code_cell(address),
                text(action)
            );
        }
    }
}

fn diffs(s: &mut String, r: &PlatformReport) {
    if r.diffs.is_empty() {
        return;
    }
    let _ = writeln!(s, "\n## What changes, attribute by attribute\n");
    let _ = writeln!(
        s,
        "Every update and replace. **forces replacement** marks the attributes that make Terraform destroy and recreate the object."
    );
    for d in &r.diffs {
        let forced: Vec<&str> = d
            .lines
            .iter()
            .filter(|l| l.forces_replacement)
            .map(|l| l.path.as_str())
            .collect();
        let _ = writeln!(s, "\n### {} ({})\n", code(&d.address), text(&d.action));
        if d.action == "replace" {
            let why = if forced.is_empty() {
                d.action_reason
                    .as_deref()
                    .map(|r| format!("Terraform's reason: {}", text(r)))
                    .unwrap_or_else(|| "the plan does not say which attribute forces it".into())
            } else {
                format!(
                    "forced by {}",
                    forced
                        .iter()
                        .map(|p| code(p))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            let _ = writeln!(s, "Replaced: {why}.\n");
        }
        if d.lines.is_empty() {
            let _ = writeln!(s, "No attribute changes in the plan (the action comes from elsewhere, e.g. a replace_triggered_by or taint).");
            continue;
        }
        let _ = writeln!(s, "| Attribute | Before | After | |\n|---|---|---|---|");
        for l in &d.lines {
            let mark = if l.forces_replacement {
                "**forces replacement**"
            } else {
                ""
            };
            let _ = writeln!(
                s,
                "| {} | {} | {} | {mark} |",
                code_cell(&l.path),
                value_cell(&l.before),
                value_cell(&l.after)
            );
        }
    }
}

fn risk(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(
        s,
        "\n## Overall risk: {}/100 ({})\n",
        r.risk.score,
        r.risk.level.as_str()
    );
    for reason in &r.risk.reasons {
        let _ = writeln!(s, "- +{} {}", reason.points, text(&reason.text));
    }
    if !r.risk.resources.is_empty() {
        let _ = writeln!(
            s,
            "\n| Resource | Action | Score | Level | Reasons (points) |\n|---|---|---:|---|---|"
        );
        for res in &r.risk.resources {
            let reasons: Vec<String> = res
                .reasons
                .iter()
                .map(|x| format!("{} (+{})", x.text, x.points))
                .collect();
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                code_cell(&res.address),
                text(&res.action),
                res.score,
                res.level.as_str(),
                text(&reasons.join("; "))
            );
        }
    }
    let _ = writeln!(
        s,
        "\n<details><summary>How the score is computed</summary>\n"
    );
    for p in RISK_FORMULA {
        let _ = writeln!(s, "{}\n", text(p));
    }
    let _ = writeln!(s, "</details>");
}

fn findings(s: &mut String, r: &PlatformReport) {
    let f = &r.findings;
    let _ = writeln!(s, "\n## Security and compliance findings\n");
    let counts: Vec<String> = ["CRITICAL", "HIGH", "MEDIUM", "LOW"]
        .iter()
        .map(|k| format!("{} {}", f.counts.get(*k).copied().unwrap_or(0), k))
        .collect();
    let _ = writeln!(s, "{}.", counts.join(" · "));
    if f.findings.is_empty() {
        let _ = writeln!(s, "\nNo policy finding on the planned state.");
    } else {
        let _ = writeln!(s, "\n### By severity\n\n| Severity | Rule | Resource | Finding | Where |\n|---|---|---|---|---|");
        for row in &f.findings {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                row.severity,
                text(&row.rule_id),
                code_cell(&row.address),
                text(&row.message),
                code_cell(&row.location)
            );
        }
    }
    if !f.by_control.is_empty() {
        let _ = writeln!(s, "\n### By framework control\n\n| Framework | Control | Rules | Resources |\n|---|---|---|---|");
        for c in &f.by_control {
            let res: Vec<String> = c.resources.iter().map(|a| code_cell(a)).collect();
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} |",
                text(&c.framework),
                text(&c.control),
                text(&c.rules.join(", ")),
                res.join(", ")
            );
        }
    }
    if f.undecided > 0 {
        let _ = writeln!(
            s,
            "\n{} check(s) could not be decided (values known only after apply).",
            f.undecided
        );
    }
}

fn drift(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(s, "\n## Drift detected\n");
    if r.drift.is_empty() {
        let _ = writeln!(
            s,
            "None: the refreshed state matches the last applied state."
        );
        return;
    }
    let _ = writeln!(
        s,
        "{} resource{} changed outside Terraform:\n",
        r.drift.len(),
        if r.drift.len() == 1 { "" } else { "s" }
    );
    for n in &r.drift_notes {
        let _ = writeln!(s, "**Exposure:** {}.\n", text(n));
    }
    for d in &r.drift {
        let _ = writeln!(s, "- {} ({})", code(&d.address), text(&d.kind));
        for e in &d.diff {
            let overwritten = if d.overwritten_by_plan.contains(&e.path) {
                " — this plan sets it back"
            } else {
                ""
            };
            let _ = writeln!(
                s,
                "  - {}: {} → {}{overwritten}",
                code(&e.path),
                code(&before_value(&e.before, e.sensitive)),
                code(&show(&e.after, e.unknown, e.sensitive))
            );
        }
    }
}

fn cost_section(s: &mut String, r: &PlatformReport) {
    let c = &r.cost.summary;
    let _ = writeln!(s, "\n## Cost implications\n");
    let _ = writeln!(
        s,
        "Monthly estimate ({}, on-demand list prices of {}, 730 h/month): **{}**.",
        text(&c.currency),
        text(&c.catalogue_date),
        text(&cost::headline(c))
    );
    let _ = writeln!(s, "\n{}.", text(&cost::coverage(c)));
    let _ = writeln!(s, "Totals include priced resources only; unpriced and usage-based ones are listed, never counted as zero.");
    let rows: Vec<&ResourceCost> = c.resources.iter().filter(|x| cost_row_shown(x)).collect();
    if !rows.is_empty() {
        let _ = writeln!(s, "\n| Resource | Action | Before | After | Delta | Notes |\n|---|---|---:|---:|---:|---|");
        for x in rows {
            let (before, after) = cost_sides(x);
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | {} |",
                code_cell(&x.address),
                text(&x.action),
                before,
                after,
                cost_delta(x),
                text(&cost_notes(x))
            );
        }
    }
}

fn optimisation(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(s, "\n## Cost optimisation\n");
    if r.cost.hints.is_empty() {
        let _ = writeln!(s, "Nothing to suggest for this plan.");
        return;
    }
    let total: f64 = r.cost.hints.iter().filter_map(|h| h.monthly_saving).sum();
    if total > 0.0 {
        let _ = writeln!(
            s,
            "Up to **{}/month** (list prices of {}):\n",
            money(total, false),
            text(&r.cost.summary.catalogue_date)
        );
    }
    let _ = writeln!(
        s,
        "| Resource | Suggestion | Monthly saving |\n|---|---|---:|"
    );
    for h in &r.cost.hints {
        let saving = h
            .monthly_saving
            .map(|m| money(m, false))
            .unwrap_or_else(|| "not priced".into());
        let _ = writeln!(
            s,
            "| {} | {} | {saving} |",
            code_cell(&h.address),
            rich_cell(&h.text)
        );
    }
}

fn monitoring(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(s, "\n## Monitoring and alerting\n");
    if r.monitoring.is_empty() {
        let _ = writeln!(
            s,
            "The plan creates or replaces no database, queue, load balancer, cluster or function."
        );
        return;
    }
    let gaps = r.monitoring.iter().filter(|c| !c.gaps.is_empty()).count();
    let _ = writeln!(
        s,
        "{} new or replaced component{}; {} with gaps.\n",
        r.monitoring.len(),
        if r.monitoring.len() == 1 { "" } else { "s" },
        gaps
    );
    let _ = writeln!(
        s,
        "| Component | Kind | Logs | Alarms | Gaps |\n|---|---|---|---|---|"
    );
    for c in &r.monitoring {
        let mut alarms: Vec<String> = c.alarms.iter().map(|a| code_cell(a)).collect();
        alarms.extend(c.diagnostics.iter().map(|a| code_cell(a)));
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} |",
            code_cell(&c.address),
            c.kind,
            text(c.logs.as_deref().unwrap_or("none")),
            if alarms.is_empty() {
                "none".to_owned()
            } else {
                alarms.join(", ")
            },
            if c.gaps.is_empty() {
                "—".to_owned()
            } else {
                text(&c.gaps.join("; "))
            }
        );
    }
}

fn rollback(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(s, "\n## Rollback plan\n");
    if r.rollback.is_empty() {
        let _ = writeln!(
            s,
            "No resource is deleted or replaced: roll back by reverting the change and applying again."
        );
        return;
    }
    let _ = writeln!(s, "Destructive changes, in the order to roll them back:\n");
    for item in &r.rollback {
        let _ = writeln!(
            s,
            "{}. **{}** ({})",
            item.order,
            code(&item.address),
            text(&item.action)
        );
        let _ = writeln!(s, "   - Lost: {}", rich(&item.lost));
        if !item.protections.is_empty() {
            let _ = writeln!(s, "   - Safeguards and ordering:");
            for p in &item.protections {
                let _ = writeln!(s, "     - {}", rich(p));
            }
        }
        let _ = writeln!(s, "   - Roll back: {}", rich(&item.step));
        if !item.commands.is_empty() {
            let _ = writeln!(s, "   - Commands:\n");
            let fence = fence_for(&item.commands);
            let _ = writeln!(s, "     {fence}sh");
            for c in &item.commands {
                let _ = writeln!(s, "     {}", c.replace(['\n', '\r'], " "));
            }
            let _ = writeln!(s, "     {fence}");
        }
    }
}

/// A code fence longer than any run of backticks in the lines.
fn fence_for(lines: &[String]) -> String {
    let longest = lines
        .iter()
        .flat_map(|l| l.split(|c| c != '`').map(str::len))
        .max()
        .unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

fn approvals(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(s, "\n## Items needing explicit approval\n");
    if r.approvals.is_empty() {
        let _ = writeln!(
            s,
            "None: no data store or key is lost, no access is widened or exposed, the cost stays within budget, and no new provider, module or service is introduced."
        );
        return;
    }
    let _ = writeln!(
        s,
        "| | Approval | Subject | Why | Approver |\n|---|---|---|---|---|"
    );
    for a in &r.approvals {
        let _ = writeln!(
            s,
            "| ☐ | {} | {} | {} | {} |",
            a.kind,
            code_cell(&a.subject),
            text(&a.detail),
            text(&a.group)
        );
    }
}

fn checklist(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(s, "\n## Before apply\n");
    for c in &r.checklist {
        let _ = writeln!(
            s,
            "- [{}] {}",
            if c.done { "x" } else { " " },
            rich(&c.text)
        );
    }
}

fn acceptance(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(s, "\n## Acceptance criteria\n");
    if r.acceptance.is_empty() {
        match &r.request {
            Some(req) => {
                let _ = writeln!(
                    s,
                    "{} lists no checklist under an \"Acceptance criteria\" heading.",
                    code(req)
                );
            }
            None => {
                let _ = writeln!(
                    s,
                    "No change request given (`--request docs/platform/<id>.platform.md`)."
                );
            }
        }
        return;
    }
    for c in &r.acceptance {
        let _ = writeln!(
            s,
            "- [{}] {}",
            if c.checked { "x" } else { " " },
            rich(&c.text)
        );
    }
}

fn unknowns(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(s, "\n## Open unknowns\n");
    if r.unknowns.is_empty() && r.errors.is_empty() {
        let _ = writeln!(s, "None.");
    }
    for e in &r.errors {
        let _ = writeln!(s, "- error: {}", text(e));
    }
    for u in &r.unknowns {
        let _ = writeln!(s, "- {}", rich(u));
    }
}
