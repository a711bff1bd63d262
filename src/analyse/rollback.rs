//! Rollback notes for the destructive changes of a plan: what is lost,
//! which safeguards (snapshots, backups, lifecycle, deletion protection)
//! apply, how to roll back, and in which order.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value as Json;

use crate::analyse::diff::ChangeEntry;
use crate::analyse::risk::{self, Sensitivity};
use crate::plan::{strip_index, Loaded};

#[derive(Debug, Clone, Serialize)]
pub struct RollbackItem {
    pub address: String,
    pub action: String,
    pub lost: String,
    pub protections: Vec<String>,
    /// What to do to roll back this resource, in `order`.
    pub step: String,
    /// The commands of the rollback, in order: a backup to take before
    /// applying, then what restores the object and brings it back under
    /// Terraform.
    pub commands: Vec<String>,
    pub order: usize,
}

fn get<'v>(v: &'v Json, key: &str) -> Option<&'v Json> {
    v.get(key).filter(|x| !x.is_null())
}

pub fn truthy(v: &Json, key: &str) -> Option<bool> {
    match get(v, key)? {
        Json::Bool(b) => Some(*b),
        Json::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// Rollback notes for every delete and replace, ordered so that what
/// others depend on is restored first.
pub fn rollback(
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
            let before = raw.map_or(&Json::Null, |r| &*r.before);
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
    let commands = commands(c, before, snapshot.as_deref(), window);
    RollbackItem {
        address: c.address.clone(),
        action: c.kind.to_string(),
        lost,
        protections,
        step,
        commands,
        order: 0,
    }
}

fn text<'v>(v: &'v Json, key: &str) -> Option<&'v str> {
    get(v, key).and_then(Json::as_str).filter(|s| !s.is_empty())
}

/// The rollback commands for one destructive change. Identifiers come from
/// the prior state; where it has none, a placeholder in angle brackets says
/// what to fill in. Every value is quoted for a POSIX shell.
fn commands(c: &ChangeEntry, before: &Json, snapshot: Option<&str>, window: f64) -> Vec<String> {
    let q = shell_quote;
    let addr = q(&c.address);
    let id = text(before, "id").unwrap_or("<id>");
    let mut out = Vec::new();
    match c.rtype.as_str() {
        "aws_db_instance" => {
            let db = text(before, "identifier").unwrap_or(id);
            let pre = format!("{db}-pre-change");
            out.push(format!(
                "aws rds create-db-snapshot --db-instance-identifier {} --db-snapshot-identifier {}   # before apply",
                q(db),
                q(&pre)
            ));
            out.push(format!(
                "aws rds wait db-snapshot-available --db-snapshot-identifier {}",
                q(&pre)
            ));
            let from = snapshot.unwrap_or(&pre);
            out.push(format!(
                "aws rds restore-db-instance-from-db-snapshot --db-instance-identifier {} --db-snapshot-identifier {}",
                q(db),
                q(from)
            ));
            out.push(format!("terraform import {addr} {}", q(db)));
        }
        "aws_rds_cluster" => {
            let db = text(before, "cluster_identifier").unwrap_or(id);
            let pre = format!("{db}-pre-change");
            out.push(format!(
                "aws rds create-db-cluster-snapshot --db-cluster-identifier {} --db-cluster-snapshot-identifier {}   # before apply",
                q(db),
                q(&pre)
            ));
            out.push(format!(
                "aws rds restore-db-cluster-from-snapshot --db-cluster-identifier {} --snapshot-identifier {} --engine {}",
                q(db),
                q(snapshot.unwrap_or(&pre)),
                q(text(before, "engine").unwrap_or("<engine>"))
            ));
            out.push(format!("terraform import {addr} {}", q(db)));
        }
        "aws_kms_key" => {
            let key = text(before, "key_id").unwrap_or(id);
            out.push(format!(
                "aws kms cancel-key-deletion --key-id {}   # within {window} days of the apply",
                q(key)
            ));
            out.push(format!("aws kms enable-key --key-id {}", q(key)));
            out.push(format!("terraform import {addr} {}", q(key)));
        }
        "aws_s3_bucket" => {
            let b = text(before, "bucket").unwrap_or(id);
            out.push(format!(
                "aws s3 sync {} {}   # before apply; or enable versioning/replication",
                q(&format!("s3://{b}")),
                q(&format!("./backup-{b}"))
            ));
            out.push(format!("terraform import {addr} {}", q(b)));
        }
        "aws_dynamodb_table" => {
            let t = text(before, "name").unwrap_or(id);
            out.push(format!(
                "aws dynamodb create-backup --table-name {} --backup-name {}   # before apply",
                q(t),
                q(&format!("{t}-pre-change"))
            ));
            out.push(format!(
                "aws dynamodb restore-table-from-backup --target-table-name {} --backup-arn <backup arn>",
                q(t)
            ));
            out.push(format!("terraform import {addr} {}", q(t)));
        }
        "google_sql_database_instance" => {
            let i = text(before, "name").unwrap_or(id);
            out.push(format!(
                "gcloud sql backups create --instance={}   # before apply",
                q(i)
            ));
            out.push(format!(
                "gcloud sql backups restore <backup id> --restore-instance={}",
                q(i)
            ));
            out.push(format!("terraform import {addr} {}", q(id)));
        }
        "azurerm_mssql_database" => {
            out.push(format!(
                "az sql db restore --dest-name <name> --time <UTC time before the apply> --ids {}",
                q(id)
            ));
            out.push(format!("terraform import {addr} {}", q(id)));
        }
        _ => {}
    }
    out.push("git revert <the change's merge commit>".into());
    out.push(
        "terraform plan -out rollback.tfplan   # check it recreates only what this change removed"
            .into(),
    );
    out.push("terraform apply rollback.tfplan".into());
    out
}

/// A word for a POSIX shell: as is when it is plain, else single-quoted.
pub fn shell_quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ':' | '@' | '=' | ',')
        });
    if plain {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}
