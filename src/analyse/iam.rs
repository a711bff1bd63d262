//! IAM widening: whether a change grants broader access than before (a
//! broad managed role, new allowed actions or resources in a policy
//! document).

use std::collections::BTreeSet;

use serde_json::Value as Json;

use super::exposure::strings;

/// Allowed (action, resource) pairs of an IAM policy document (JSON text).
pub fn policy_grants(doc: &str) -> BTreeSet<(String, String)> {
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
pub fn iam_widening(rtype: &str, before: &Json, after: &Json) -> Option<String> {
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
