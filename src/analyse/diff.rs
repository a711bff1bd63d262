//! Attribute-level diffs of plan changes and drift: which paths change,
//! from what to what, with values known only after apply and sensitive
//! values marked as such and never carried.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::plan::{Change, Loaded};

/// One changed attribute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiffEntry {
    pub path: String,
    /// Null when absent, unknown or sensitive (see the flags).
    pub before: Json,
    pub after: Json,
    /// The new value is known only after apply.
    pub unknown: bool,
    /// The value is sensitive: neither side is shown.
    pub sensitive: bool,
    pub forces_replacement: bool,
}

/// A resource change with its diff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeEntry {
    pub address: String,
    pub module: String,
    #[serde(rename = "type")]
    pub rtype: String,
    pub actions: Vec<String>,
    /// create, update, delete, replace, read, no-op, forget.
    pub kind: Cow<'static, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action_reason: Option<String>,
    pub diff: Vec<DiffEntry>,
}

/// A change made outside Terraform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DriftEntry {
    pub address: String,
    /// "changed" or "deleted".
    pub kind: Cow<'static, str>,
    pub diff: Vec<DiffEntry>,
    /// Drifted paths the plan will set back (the change touches them).
    pub overwritten_by_plan: Vec<String>,
}

/// The changes and drift of one plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanSummary {
    pub file: String,
    pub format_version: String,
    pub terraform_version: String,
    pub changes: Vec<ChangeEntry>,
    pub drift: Vec<DriftEntry>,
}

/// Summarises a loaded plan (states have no changes).
pub fn summarise(plan: &Loaded, file: &str) -> PlanSummary {
    let changes: Vec<ChangeEntry> = plan
        .changes
        .iter()
        .filter(|c| c.kind() != "no-op")
        .map(|c| ChangeEntry {
            address: c.address.clone(),
            module: c.module.clone(),
            rtype: c.rtype.clone(),
            actions: c.actions.clone(),
            kind: Cow::Borrowed(c.kind()),
            action_reason: c.action_reason.clone(),
            diff: diff(c),
        })
        .collect();
    let drift = plan
        .drift
        .iter()
        .map(|d| {
            let entries = diff(d);
            let planned = plan.changes.iter().find(|c| c.address == d.address);
            let overwritten = planned
                .map(|c| {
                    let touched: Vec<String> = diff(c).into_iter().map(|e| e.path).collect();
                    entries
                        .iter()
                        .filter(|e| {
                            touched
                                .iter()
                                .any(|t| t == &e.path || e.path.starts_with(&format!("{t}.")))
                        })
                        .map(|e| e.path.clone())
                        .collect()
                })
                .unwrap_or_default();
            DriftEntry {
                address: d.address.clone(),
                kind: Cow::Borrowed(if d.after.is_null() || d.kind() == "delete" {
                    "deleted"
                } else {
                    "changed"
                }),
                diff: entries,
                overwritten_by_plan: overwritten,
            }
        })
        .collect();
    PlanSummary {
        file: file.to_owned(),
        format_version: plan.format_version.clone(),
        terraform_version: plan.terraform_version.clone(),
        changes,
        drift,
    }
}

/// The changed leaves between before and after.
pub fn diff(c: &Change) -> Vec<DiffEntry> {
    let mut out = Vec::new();
    let replace: Vec<String> = c
        .replace_paths
        .iter()
        .map(|p| {
            p.iter()
                .map(|s| match s {
                    Json::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(".")
        })
        .collect();
    let ctx = Ctx {
        unknown: &c.after_unknown,
        before_sensitive: &c.before_sensitive,
        after_sensitive: &c.after_sensitive,
        replace: &replace,
    };
    walk(&ctx, "", Some(&c.before), Some(&c.after), &mut out);
    out
}

struct Ctx<'a> {
    unknown: &'a Json,
    before_sensitive: &'a Json,
    after_sensitive: &'a Json,
    replace: &'a [String],
}

/// True when the marker tree has `true` at this path or above it.
fn marked(tree: &Json, path: &str) -> bool {
    if tree == &Json::Bool(true) {
        return true;
    }
    let mut cur = tree;
    if path.is_empty() {
        return false;
    }
    for seg in path.split('.') {
        let next = match cur {
            Json::Object(m) => m.get(seg),
            Json::Array(a) => seg.parse::<usize>().ok().and_then(|i| a.get(i)),
            _ => None,
        };
        match next {
            Some(Json::Bool(true)) => return true,
            Some(n) => cur = n,
            None => return false,
        }
    }
    false
}

fn join(path: &str, seg: &str) -> String {
    if path.is_empty() {
        seg.to_owned()
    } else {
        format!("{path}.{seg}")
    }
}

fn walk(
    ctx: &Ctx<'_>,
    path: &str,
    before: Option<&Json>,
    after: Option<&Json>,
    out: &mut Vec<DiffEntry>,
) {
    let unknown = !path.is_empty() && marked(ctx.unknown, path);
    let sensitive = !path.is_empty()
        && (marked(ctx.before_sensitive, path) || marked(ctx.after_sensitive, path));
    let b = before.filter(|v| !v.is_null());
    let a = after.filter(|v| !v.is_null());
    if !unknown && !sensitive {
        match (b, a) {
            (Some(Json::Object(bm)), Some(Json::Object(am))) => {
                let mut keys: Vec<&String> = bm.keys().chain(am.keys()).collect();
                keys.sort();
                keys.dedup();
                for k in keys {
                    walk(ctx, &join(path, k), bm.get(k), am.get(k), out);
                }
                // Unknown keys that exist only in after_unknown.
                if let Some(Json::Object(um)) = lookup(ctx.unknown, path) {
                    for k in um
                        .keys()
                        .filter(|k| !bm.contains_key(*k) && !am.contains_key(*k))
                    {
                        walk(ctx, &join(path, k), None, None, out);
                    }
                }
                return;
            }
            (Some(Json::Array(ba)), Some(Json::Array(aa))) => {
                for i in 0..ba.len().max(aa.len()) {
                    walk(ctx, &join(path, &i.to_string()), ba.get(i), aa.get(i), out);
                }
                return;
            }
            (None, Some(Json::Object(am))) if !am.is_empty() => {
                for (k, v) in am {
                    walk(ctx, &join(path, k), None, Some(v), out);
                }
                if let Some(Json::Object(um)) = lookup(ctx.unknown, path) {
                    for k in um.keys().filter(|k| !am.contains_key(*k)) {
                        walk(ctx, &join(path, k), None, None, out);
                    }
                }
                return;
            }
            (Some(Json::Object(bm)), None) if !bm.is_empty() => {
                for (k, v) in bm {
                    walk(ctx, &join(path, k), Some(v), None, out);
                }
                return;
            }
            _ => {}
        }
    }
    if path.is_empty() {
        return;
    }
    let changed = unknown || b != a;
    if !changed {
        return;
    }
    // A sensitive value that did not change is not a change worth listing,
    // but we cannot compare without looking: compare, never print.
    out.push(DiffEntry {
        path: path.to_owned(),
        before: if sensitive {
            Json::Null
        } else {
            b.cloned().unwrap_or(Json::Null)
        },
        after: if sensitive || unknown {
            Json::Null
        } else {
            a.cloned().unwrap_or(Json::Null)
        },
        unknown,
        sensitive,
        forces_replacement: ctx
            .replace
            .iter()
            .any(|r| r == path || path.starts_with(&format!("{r}."))),
    });
}

fn lookup<'a>(tree: &'a Json, path: &str) -> Option<&'a Json> {
    if path.is_empty() {
        return Some(tree);
    }
    let mut cur = tree;
    for seg in path.split('.') {
        cur = match cur {
            Json::Object(m) => m.get(seg)?,
            Json::Array(a) => a.get(seg.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// A value as a reviewer reads it in a diff line.
pub fn show(v: &Json, unknown: bool, sensitive: bool) -> String {
    if sensitive {
        "(sensitive)".into()
    } else if unknown {
        "(known after apply)".into()
    } else if v.is_null() {
        "null".into()
    } else {
        v.to_string()
    }
}

/// One line of a reviewer's diff: an attribute (a nested path, list
/// indexes as `[i]`), what it was and what it becomes, as text. A list of
/// plain values that changes is one line with its removed and added
/// elements, not one line per shifted index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewLine {
    /// `settings[0].tier`, `tags.Owner`.
    pub path: String,
    /// changed, added (absent before), removed (absent after), list.
    pub op: &'static str,
    pub before: String,
    pub after: String,
    pub forces_replacement: bool,
    pub unknown: bool,
    pub sensitive: bool,
}

/// A dotted diff path as a reviewer reads it: `ingress.0.cidr_blocks` ->
/// `ingress[0].cidr_blocks`.
pub fn display_path(path: &str) -> String {
    let mut out = String::new();
    for seg in path.split('.') {
        if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) {
            out.push('[');
            out.push_str(seg);
            out.push(']');
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(seg);
        }
    }
    out
}

fn scalar_list(v: Option<&Json>) -> Option<&Vec<Json>> {
    match v {
        Some(Json::Array(a)) if a.iter().all(|x| !x.is_object() && !x.is_array()) => Some(a),
        _ => None,
    }
}

/// The reviewer's lines of one change: its diff entries, with lists of plain
/// values folded into one line each.
/// A JSON document held in a string attribute (an IAM policy, ECS
/// container definitions) is compared as JSON: its changed paths become
/// lines of their own, `policy (JSON): Statement[1].Action`.
pub fn review(entries: &[DiffEntry], before: &Json, after: &Json) -> Vec<ReviewLine> {
    let mut out: Vec<ReviewLine> = Vec::new();
    let mut folded: Vec<String> = Vec::new();
    for e in entries {
        if let Some(lines) = json_document_lines(e) {
            out.extend(lines);
            continue;
        }
        let parent = e
            .path
            .rsplit_once('.')
            .filter(|(_, last)| last.bytes().all(|b| b.is_ascii_digit()))
            .map(|(p, _)| p.to_owned());
        if let Some(parent) = parent.filter(|_| !e.unknown && !e.sensitive) {
            let (b, a) = (
                scalar_list(lookup(before, &parent)),
                scalar_list(lookup(after, &parent)),
            );
            if let (Some(b), Some(a)) = (b, a) {
                if folded.contains(&parent) {
                    if e.forces_replacement {
                        if let Some(l) = out.iter_mut().find(|l| l.path == display_path(&parent)) {
                            l.forces_replacement = true;
                        }
                    }
                    continue;
                }
                folded.push(parent.clone());
                let removed: Vec<String> = b
                    .iter()
                    .filter(|x| !a.contains(x))
                    .map(Json::to_string)
                    .collect();
                let added: Vec<String> = a
                    .iter()
                    .filter(|x| !b.contains(x))
                    .map(Json::to_string)
                    .collect();
                let (before, after) = if removed.is_empty() && added.is_empty() {
                    // Same elements, new order.
                    (
                        Json::Array(b.clone()).to_string(),
                        Json::Array(a.clone()).to_string(),
                    )
                } else {
                    let side = |items: &[String], sign: &str, none: &str| {
                        if items.is_empty() {
                            none.to_owned()
                        } else {
                            items
                                .iter()
                                .map(|r| format!("{sign} {r}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        }
                    };
                    (
                        side(&removed, "-", "(nothing removed)"),
                        side(&added, "+", "(nothing added)"),
                    )
                };
                out.push(ReviewLine {
                    path: display_path(&parent),
                    op: "list",
                    before,
                    after,
                    forces_replacement: e.forces_replacement,
                    unknown: false,
                    sensitive: false,
                });
                continue;
            }
        }
        let op = if e.sensitive || e.unknown {
            "changed"
        } else if e.before.is_null() {
            "added"
        } else if e.after.is_null() {
            "removed"
        } else {
            "changed"
        };
        let side = |v: &Json, unknown: bool| {
            if e.sensitive {
                "(sensitive)".to_owned()
            } else if unknown {
                "(known after apply)".to_owned()
            } else if v.is_null() {
                "(absent)".to_owned()
            } else {
                v.to_string()
            }
        };
        out.push(ReviewLine {
            path: display_path(&e.path),
            op,
            before: side(&e.before, false),
            after: side(&e.after, e.unknown),
            forces_replacement: e.forces_replacement,
            unknown: e.unknown,
            sensitive: e.sensitive,
        });
    }
    out
}

/// A string that holds a JSON object or array, parsed.
fn json_document(v: &Json) -> Option<Json> {
    let text = v.as_str()?.trim_start();
    if !(text.starts_with('{') || text.starts_with('[')) {
        return None;
    }
    serde_json::from_str::<Json>(text)
        .ok()
        .filter(|j| j.is_object() || j.is_array())
}

/// The lines of a change between two JSON documents held in strings, or
/// None when the entry is not one (unknown, sensitive, absent on a side,
/// not JSON).
fn json_document_lines(e: &DiffEntry) -> Option<Vec<ReviewLine>> {
    if e.unknown || e.sensitive {
        return None;
    }
    let (b, a) = (json_document(&e.before)?, json_document(&e.after)?);
    let prefix = format!("{} (JSON)", display_path(&e.path));
    if b == a {
        return Some(vec![ReviewLine {
            path: prefix,
            op: "changed",
            before: "(the same document,".into(),
            after: "reformatted)".into(),
            forces_replacement: e.forces_replacement,
            unknown: false,
            sensitive: false,
        }]);
    }
    let none = Json::Object(Default::default());
    let ctx = Ctx {
        unknown: &none,
        before_sensitive: &none,
        after_sensitive: &none,
        replace: &[],
    };
    let mut inner = Vec::new();
    walk(&ctx, "", Some(&b), Some(&a), &mut inner);
    let lines: Vec<ReviewLine> = review(&inner, &b, &a)
        .into_iter()
        .map(|l| ReviewLine {
            path: format!("{prefix}: {}", l.path),
            forces_replacement: e.forces_replacement,
            ..l
        })
        .collect();
    // An object that became an array: show the two strings.
    (!lines.is_empty()).then_some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn change(before: Json, after: Json, unknown: Json, sens: Json) -> Change {
        Change {
            address: "aws_db_instance.main".into(),
            module: String::new(),
            mode: "managed".into(),
            rtype: "aws_db_instance".into(),
            name: "main".into(),
            provider: "aws".into(),
            actions: vec!["delete".into(), "create".into()],
            before: before.into(),
            after: after.into(),
            after_unknown: unknown.into(),
            before_sensitive: sens.clone().into(),
            after_sensitive: sens.into(),
            replace_paths: vec![vec![json!("engine")]],
            action_reason: None,
        }
    }

    #[test]
    fn diff_marks_unknown_sensitive_and_replacement() {
        let c = change(
            json!({"engine": "mysql", "password": "hunter22", "id": "db-1", "tags": {"a": "1"}}),
            json!({"engine": "postgres", "password": "hunter23", "id": null, "tags": {"a": "1"}}),
            json!({"id": true}),
            json!({"password": true}),
        );
        let d = diff(&c);
        let paths: Vec<&str> = d.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["engine", "id", "password"]);
        assert!(d[0].forces_replacement);
        assert!(d[1].unknown && d[1].after.is_null());
        assert!(d[2].sensitive && d[2].before.is_null() && d[2].after.is_null());
        let text = serde_json::to_string(&d).expect("serialises");
        assert!(!text.contains("hunter2"));
    }

    #[test]
    fn review_folds_lists_and_names_nested_paths() {
        let c = Change {
            replace_paths: vec![vec![json!("settings"), json!(0), json!("tier")]],
            actions: vec!["update".into()],
            ..change(
                json!({"cidr": ["10.0.0.0/8", "0.0.0.0/0"], "settings": [{"tier": "db-f1-micro"}], "tags": {"Owner": "a"}}),
                json!({"cidr": ["10.0.0.0/8", "192.168.0.0/16"], "settings": [{"tier": "db-custom-2-7680"}], "tags": {"Owner": "b", "Env": "prod"}}),
                json!({}),
                json!({}),
            )
        };
        let lines = review(&diff(&c), &c.before, &c.after);
        let paths: Vec<&str> = lines.iter().map(|l| l.path.as_str()).collect();
        assert_eq!(
            paths,
            ["cidr", "settings[0].tier", "tags.Env", "tags.Owner"]
        );
        assert_eq!(lines[0].before, "- \"0.0.0.0/0\"");
        assert_eq!(lines[0].after, "+ \"192.168.0.0/16\"");
        assert!(lines[1].forces_replacement);
        assert_eq!(
            (lines[2].op, lines[2].before.as_str()),
            ("added", "(absent)")
        );
    }

    #[test]
    fn json_documents_in_strings_are_compared_as_json() {
        let policy = |actions: Json, extra: bool| {
            let mut statements =
                vec![json!({"Effect": "Allow", "Action": actions, "Resource": "arn:aws:s3:::b/*"})];
            if extra {
                statements.push(json!({"Effect": "Allow", "Action": "sqs:*", "Resource": "*"}));
            }
            json!({"Version": "2012-10-17", "Statement": statements}).to_string()
        };
        let c = Change {
            actions: vec!["update".into()],
            replace_paths: vec![],
            ..change(
                json!({"policy": policy(json!(["s3:GetObject"]), false), "name": "{not json"}),
                json!({"policy": policy(json!(["s3:GetObject", "s3:PutObject"]), true), "name": "{still not"}),
                json!({}),
                json!({}),
            )
        };
        let lines = review(&diff(&c), &c.before, &c.after);
        let shown: Vec<(&str, &str, &str)> = lines
            .iter()
            .map(|l| (l.path.as_str(), l.before.as_str(), l.after.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("name", "\"{not json\"", "\"{still not\""),
                (
                    "policy (JSON): Statement[0].Action",
                    "(nothing removed)",
                    "+ \"s3:PutObject\""
                ),
                // An added object keeps the document's own key order.
                (
                    "policy (JSON): Statement[1].Effect",
                    "(absent)",
                    "\"Allow\""
                ),
                (
                    "policy (JSON): Statement[1].Action",
                    "(absent)",
                    "\"sqs:*\""
                ),
                ("policy (JSON): Statement[1].Resource", "(absent)", "\"*\""),
            ]
        );
        // Reformatting alone is said as such.
        let c = Change {
            actions: vec!["update".into()],
            replace_paths: vec![],
            ..change(
                json!({"policy": "{\"a\": [1, 2]}"}),
                json!({"policy": "{\"a\":[1,2]}"}),
                json!({}),
                json!({}),
            )
        };
        let lines = review(&diff(&c), &c.before, &c.after);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].path, "policy (JSON)");
        assert!(lines[0].before.contains("same document"));
    }
}
