//! The "before apply" checklist: what someone must confirm before running
//! `terraform apply` on this plan — backups of what is destroyed, the change
//! window, the approvals, monitoring of new components, drift that the
//! apply overwrites, the change request's own status. An item is ticked
//! only when the plan itself shows it is done.

use serde::Serialize;

use super::approvals::Approval;
use super::monitoring::Coverage;
use super::request::ChangeRequest;
use super::risk::{classify, Sensitivity};
use super::rollback::RollbackItem;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChecklistItem {
    /// backups, change-window, approvals, monitoring, drift, request, plan.
    pub topic: &'static str,
    pub text: String,
    pub done: bool,
}

pub struct ChecklistInput<'a> {
    pub rollback: &'a [RollbackItem],
    pub approvals: &'a [Approval],
    pub monitoring: &'a [Coverage],
    pub request: Option<&'a ChangeRequest>,
    /// Resources changed outside Terraform.
    pub drifted: usize,
}

pub fn before_apply(input: &ChecklistInput<'_>) -> Vec<ChecklistItem> {
    let mut out = Vec::new();
    let item = |topic, text: String, done| ChecklistItem { topic, text, done };
    for r in input.rollback {
        let stores = matches!(
            classify_address(&r.address),
            Some(Sensitivity::DataStore | Sensitivity::EncryptionKey)
        );
        if !stores {
            continue;
        }
        let backup = r
            .commands
            .iter()
            .find(|c| c.ends_with("# before apply") || c.contains("# before apply;"))
            .map(|c| format!(": `{}`", c.split("   #").next().unwrap_or(c)))
            .unwrap_or_default();
        out.push(item(
            "backups",
            format!("Backup of `{}` taken and restore tested{backup}", r.address),
            false,
        ));
    }
    out.push(item(
        "change-window",
        "Change window agreed and the owners of dependent services told".into(),
        false,
    ));
    if input.approvals.is_empty() {
        out.push(item(
            "approvals",
            "No item needs an explicit approval beyond the usual review".into(),
            true,
        ));
    } else {
        let mut groups: Vec<&str> = input.approvals.iter().map(|a| a.group.as_str()).collect();
        groups.sort_unstable();
        groups.dedup();
        out.push(item(
            "approvals",
            format!(
                "{} approval{} obtained from {}",
                input.approvals.len(),
                if input.approvals.len() == 1 { "" } else { "s" },
                groups.join(", ")
            ),
            false,
        ));
    }
    let gaps: Vec<&str> = input
        .monitoring
        .iter()
        .filter(|c| !c.gaps.is_empty())
        .map(|c| c.address.as_str())
        .collect();
    if !input.monitoring.is_empty() {
        out.push(item(
            "monitoring",
            if gaps.is_empty() {
                format!(
                    "Monitoring and alerting configured for the {} new component{}",
                    input.monitoring.len(),
                    if input.monitoring.len() == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "Monitoring gaps closed or accepted for {}",
                    gaps.iter()
                        .map(|g| format!("`{g}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            },
            gaps.is_empty(),
        ));
    }
    if input.drifted > 0 {
        out.push(item(
            "drift",
            format!(
                "{} drifted resource{} reviewed: the apply overwrites changes made outside Terraform",
                input.drifted,
                if input.drifted == 1 { "" } else { "s" }
            ),
            false,
        ));
    }
    if let Some(r) = input.request {
        out.push(item(
            "request",
            format!(
                "Change request `{}` approved (status: {})",
                r.path,
                r.status.as_deref().unwrap_or("not stated")
            ),
            r.approved,
        ));
    }
    out.push(item(
        "plan",
        "The plan applied is the one reviewed here (`terraform apply` of the saved plan file, not a new plan)".into(),
        false,
    ));
    out
}

/// The class of a resource from its address (`module.a.aws_db_instance.x[0]`).
fn classify_address(address: &str) -> Option<Sensitivity> {
    let parts: Vec<&str> = address.split('.').collect();
    let mut i = 0;
    while i + 1 < parts.len() && parts[i] == "module" {
        i += 2;
    }
    parts.get(i).and_then(|t| classify(t))
}
