//! Items a reviewer must approve explicitly: new providers, external
//! modules and services, public exposure and IAM widening.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::analyse::diff::ChangeEntry;
use crate::plan::{strip_index, Loaded};

use super::exposure::public_exposure;
use super::iam::iam_widening;

#[derive(Debug, Clone, Serialize)]
pub struct Approval {
    /// new-provider, new-module, new-service, public-exposure, iam-widening.
    pub kind: &'static str,
    pub subject: String,
    pub detail: String,
}

/// The service part of a type: `aws_db_instance` -> `aws_db`.
fn service_of(rtype: &str) -> String {
    rtype.splitn(3, '_').take(2).collect::<Vec<_>>().join("_")
}

/// Items a reviewer must approve explicitly.
pub fn approvals(plan: &Loaded, changes: &[ChangeEntry]) -> Vec<Approval> {
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

pub fn list(addrs: &[&str]) -> String {
    if addrs.len() <= 3 {
        addrs.join(", ")
    } else {
        format!("{} and {} more", addrs[..3].join(", "), addrs.len() - 3)
    }
}
