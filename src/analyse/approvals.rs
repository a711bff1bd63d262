//! Items a reviewer must approve explicitly, each with the group that
//! approves it: changes that can lose data or open access (replacing or
//! deleting a data store, deleting or disabling a key, widening IAM, opening
//! public exposure), a cost increase above the budget, new providers,
//! external modules and services, and any high-risk change.
//!
//! One source per fact: new providers and external modules are the
//! findings of TFW-GEN-0005 and TFW-GEN-0006 (the policies read the prior
//! state; the report lists what they found), the budget is TFW-COST-0001's
//! finding; everything else is decided here from the plan.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value as Json;

use crate::analyse::diff::ChangeEntry;
use crate::analyse::risk::{classify, ChangeSetRisk, Level, Sensitivity};
use crate::finding::Finding;
use crate::plan::Loaded;

use super::exposure::public_exposure;
use super::iam::iam_widening;

/// What needs approval, and who approves it.
#[derive(Debug, Clone, Serialize)]
pub struct Approval {
    /// new-provider, new-module, new-service, public-exposure, iam-widening,
    /// data-store-replace, data-store-delete, key-delete, key-disable,
    /// cost-over-budget, high-risk.
    pub kind: &'static str,
    /// The category the approver group is chosen by (see [`CATEGORIES`]).
    pub category: &'static str,
    pub subject: String,
    pub detail: String,
    /// The approver group (tfward.toml `[approvals]`, else the default).
    pub group: String,
    /// A policy id when a policy decided it, else "tfward".
    pub source: String,
}

// The categories and the rules are tfward.toml's `[approvals]` table, so
// they live with the configuration (a lower layer).
pub use crate::config::{ApprovalRules, CATEGORIES};

/// What the approvals are decided from.
pub struct ApprovalInput<'a> {
    pub plan: &'a Loaded,
    pub changes: &'a [ChangeEntry],
    pub findings: &'a [Finding],
    pub rules: &'a ApprovalRules,
}

fn item(
    rules: &ApprovalRules,
    kind: &'static str,
    category: &'static str,
    subject: &str,
    detail: String,
    source: &str,
) -> Approval {
    Approval {
        kind,
        category,
        subject: subject.to_owned(),
        detail,
        group: rules.group(category),
        source: source.to_owned(),
    }
}

/// Every approval a plan needs, before the risk-based one (see
/// [`high_risk`]): policy findings first, then what the plan shows.
pub fn approvals(input: &ApprovalInput<'_>) -> Vec<Approval> {
    let rules = input.rules;
    let mut out = Vec::new();
    for (id, kind) in [
        ("TFW-GEN-0005", "new-provider"),
        ("TFW-GEN-0006", "new-module"),
        ("TFW-COST-0001", "cost-over-budget"),
    ] {
        let category = if kind == "cost-over-budget" {
            "cost"
        } else {
            kind
        };
        for f in input.findings.iter().filter(|f| f.rule_id == id) {
            let detail = f
                .message
                .strip_prefix("needs approval: ")
                .unwrap_or(&f.message)
                .to_owned();
            out.push(item(rules, kind, category, &f.address, detail, id));
        }
    }
    out.extend(plan_approvals(input.plan, input.changes, rules));
    out
}

/// The approval a high or critical change set needs when nothing else
/// asks for one (a 100/100 change never shows "no approval needed").
pub fn high_risk(
    risk: &ChangeSetRisk,
    existing: &[Approval],
    rules: &ApprovalRules,
) -> Option<Approval> {
    if risk.level < Level::High {
        return None;
    }
    let top = risk.resources.first()?;
    if risk.level < Level::Critical && !existing.is_empty() {
        return None;
    }
    Some(item(
        rules,
        "high-risk",
        "high-risk",
        &top.address,
        format!(
            "the change set scores {}/100 ({}); riskiest change: {}",
            risk.score,
            risk.level.as_str(),
            top.summary
        ),
        "tfward",
    ))
}

/// The service part of a type: `aws_db_instance` -> `aws_db`.
fn service_of(rtype: &str) -> String {
    rtype.splitn(3, '_').take(2).collect::<Vec<_>>().join("_")
}

/// What the plan itself shows: new services, public exposure, IAM
/// widening, data stores and keys that are lost.
fn plan_approvals(plan: &Loaded, changes: &[ChangeEntry], rules: &ApprovalRules) -> Vec<Approval> {
    let mut out = Vec::new();
    let existing: Vec<&crate::plan::Change> = plan
        .changes
        .iter()
        .filter(|c| c.mode == "managed" && c.before.is_object())
        .collect();
    let old_providers: BTreeSet<&str> = existing.iter().map(|c| c.provider.as_str()).collect();
    let old_services: BTreeSet<String> = existing.iter().map(|c| service_of(&c.rtype)).collect();
    let mut new_services: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for c in plan
        .changes
        .iter()
        .filter(|c| c.mode == "managed" && c.kind() == "create")
    {
        let svc = service_of(&c.rtype);
        if !old_services.contains(&svc) && old_providers.contains(c.provider.as_str()) {
            new_services.entry(svc).or_default().push(&c.address);
        }
    }
    for (svc, addrs) in new_services {
        let detail = format!("first resources of {svc}: {}", list(&addrs));
        out.push(item(
            rules,
            "new-service",
            "new-service",
            &svc,
            detail,
            "tfward",
        ));
    }
    for c in changes {
        let Some(raw) = plan.changes.iter().find(|x| x.address == c.address) else {
            continue;
        };
        let kind = c.kind.as_ref();
        match (classify(&c.rtype), kind) {
            (Some(Sensitivity::DataStore), "replace" | "delete") if stores_data(&c.rtype) => {
                let (k, verb) = if kind == "replace" {
                    ("data-store-replace", "replaced")
                } else {
                    ("data-store-delete", "deleted")
                };
                out.push(item(
                    rules,
                    k,
                    "data-store",
                    &c.address,
                    format!(
                        "the data store is {verb}: its data is lost unless restored from a backup"
                    ),
                    "tfward",
                ));
            }
            (Some(Sensitivity::EncryptionKey), "delete" | "replace") if is_key(&c.rtype) => {
                out.push(item(
                    rules,
                    "key-delete",
                    "encryption-key",
                    &c.address,
                    "the key is scheduled for deletion: data encrypted under it becomes unreadable"
                        .into(),
                    "tfward",
                ));
            }
            (Some(Sensitivity::EncryptionKey), "update")
                if disables_key(&raw.before, &raw.after) =>
            {
                out.push(item(
                    rules,
                    "key-disable",
                    "encryption-key",
                    &c.address,
                    "the key is disabled: nothing can decrypt with it until it is enabled again"
                        .into(),
                    "tfward",
                ));
            }
            _ => {}
        }
        if !matches!(kind, "create" | "update" | "replace") {
            continue;
        }
        if let Some(why) = public_exposure(&c.rtype, &raw.after) {
            let was = public_exposure(&c.rtype, &raw.before);
            if was.as_deref() != Some(why.as_str()) {
                out.push(item(
                    rules,
                    "public-exposure",
                    "public-exposure",
                    &c.address,
                    why,
                    "tfward",
                ));
            }
        }
        if let Some(why) = iam_widening(&c.rtype, &raw.before, &raw.after) {
            out.push(item(
                rules,
                "iam-widening",
                "iam",
                &c.address,
                why,
                "tfward",
            ));
        }
    }
    out
}

/// Data stores whose loss loses data (not their configuration parts:
/// `aws_s3_bucket_policy` is classed as a data store's, but holds none).
fn stores_data(rtype: &str) -> bool {
    const CONFIG_PARTS: [&str; 8] = [
        "_policy",
        "_acl",
        "_public_access_block",
        "_versioning",
        "_lifecycle_configuration",
        "_server_side_encryption_configuration",
        "_parameter_group",
        "_subnet_group",
    ];
    !CONFIG_PARTS.iter().any(|p| rtype.ends_with(p)) && !rtype.contains("_firewall_rule")
}

/// Key material, not aliases or secrets' versions.
fn is_key(rtype: &str) -> bool {
    matches!(
        rtype,
        "aws_kms_key"
            | "aws_kms_replica_key"
            | "aws_kms_external_key"
            | "google_kms_crypto_key"
            | "azurerm_key_vault_key"
            | "azurerm_key_vault"
    )
}

/// An update that turns a key off (`is_enabled`, `enabled`).
fn disables_key(before: &Json, after: &Json) -> bool {
    ["is_enabled", "enabled"].iter().any(|k| {
        before.get(*k) != Some(&Json::Bool(false)) && after.get(*k) == Some(&Json::Bool(false))
    })
}

pub fn list(addrs: &[&str]) -> String {
    if addrs.len() <= 3 {
        addrs.join(", ")
    } else {
        format!("{} and {} more", addrs[..3].join(", "), addrs.len() - 3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_key_turned_off_by_an_update_is_disabling_it() {
        assert!(disables_key(
            &json!({"is_enabled": true}),
            &json!({"is_enabled": false})
        ));
        assert!(disables_key(&json!({}), &json!({"enabled": false})));
        assert!(!disables_key(
            &json!({"is_enabled": false}),
            &json!({"is_enabled": false})
        ));
        assert!(is_key("aws_kms_key") && !is_key("aws_kms_alias"));
    }

    #[test]
    fn only_resources_that_hold_data_are_data_stores() {
        assert!(stores_data("aws_db_instance") && stores_data("aws_s3_bucket"));
        assert!(!stores_data("aws_s3_bucket_policy"));
        assert!(!stores_data("aws_db_subnet_group"));
        assert_eq!(service_of("aws_db_instance"), "aws_db");
    }

    #[test]
    fn groups_come_from_the_rules_then_the_defaults() {
        let rules = ApprovalRules {
            groups: [("iam".to_owned(), "sec".to_owned())].into_iter().collect(),
            default_group: None,
        };
        assert_eq!(rules.group("iam"), "sec");
        assert_eq!(rules.group("high-risk"), "change-advisory-board");
        let rules = ApprovalRules {
            default_group: Some("owners".into()),
            ..ApprovalRules::default()
        };
        assert_eq!(rules.group("data-store"), "owners");
    }
}
