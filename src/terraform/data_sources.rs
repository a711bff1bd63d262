//! Data sources whose result is a pure function of their arguments (and of
//! the provider configuration), computed here as the provider computes it,
//! so the policy documents most modules build with
//! `data "aws_iam_policy_document"` can be checked. Every other data source
//! is read by the provider at plan time and stays unknown.
//!
//! - `aws_iam_policy_document`: `json` and `minified_json`, following the
//!   AWS provider's `IAMPolicyDoc` (statement keys in the provider's order,
//!   `"Sid": ""` when there is none, a one-element string list written as a
//!   string and longer ones reverse-sorted, principals merged by type,
//!   `{"*": ["*"]}` written `"*"`, condition values always a list,
//!   `&{...}` written `${...}`), with `source_policy_documents` merged first
//!   and `override_policy_documents` last, statements with the same `sid`
//!   replaced. Unknown leaves stay unknown inside a known structure.
//! - `google_iam_policy`: `policy_data`, the bindings and audit configs as
//!   the Google provider serialises them.
//! - `aws_partition` and `aws_region`: from the provider configuration's
//!   `region` when it is known.

use std::collections::BTreeMap;

use super::value::{Refinement, Unknown, Value};

/// What a data source can know of its provider configuration.
#[derive(Debug, Clone, Default)]
pub struct ProviderFacts {
    /// The `region` argument of the AWS provider configuration in use.
    pub region: Option<Value>,
}

/// True for the data sources computed here.
pub fn is_computed(rtype: &str) -> bool {
    matches!(
        rtype,
        "aws_iam_policy_document" | "google_iam_policy" | "aws_partition" | "aws_region"
    )
}

/// The attributes the provider would compute for data source `rtype` with
/// arguments `args` (the evaluated block body).
pub fn computed(rtype: &str, args: &Value, provider: &ProviderFacts) -> BTreeMap<String, Value> {
    match rtype {
        "aws_iam_policy_document" => policy_document(args),
        "google_iam_policy" => google_iam_policy(args),
        "aws_partition" => partition(provider),
        "aws_region" => region(args, provider),
        _ => BTreeMap::new(),
    }
}

fn get<'v>(obj: &'v Value, key: &str) -> Option<&'v Value> {
    obj.as_object()?.get(key).filter(|v| !v.is_null())
}

/// A string list as the provider writes it: one element as a string, more
/// reverse-sorted. Unknown elements keep their place after the known ones.
fn string_list(v: &Value) -> Option<Value> {
    let items = match v {
        Value::Unknown(u) => return Some(Value::Unknown(u.plain())),
        Value::List(items) => items,
        Value::Null => return None,
        other => return Some(other.clone()),
    };
    let mut known: Vec<String> = Vec::new();
    let mut unknown = Vec::new();
    for item in items {
        match item.to_template_string() {
            Some(s) => known.push(s),
            None => unknown.push(item.clone()),
        }
    }
    known.sort();
    known.dedup();
    known.reverse();
    let mut out: Vec<Value> = known.into_iter().map(Value::String).collect();
    out.extend(unknown);
    match out.len() {
        0 => None,
        1 => out.pop(),
        _ => Some(Value::List(out)),
    }
}

/// `&{aws:username}` is how a policy variable is written in HCL, where
/// `${...}` would be an interpolation.
fn policy_variables(v: Value) -> Value {
    match v {
        Value::String(s) => Value::String(s.replace("&{", "${")),
        Value::List(items) => Value::List(items.into_iter().map(policy_variables).collect()),
        other => other,
    }
}

/// One `principals`/`not_principals` set in JSON policy form.
fn principals(blocks: &Value) -> Option<Value> {
    let list = match blocks {
        Value::Unknown(u) => return Some(Value::Unknown(u.plain())),
        Value::List(items) if !items.is_empty() => items,
        _ => return None,
    };
    let mut by_type: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for p in list {
        let Some(ty) = get(p, "type") else {
            continue;
        };
        let Some(ty) = ty.as_str() else {
            return Some(Value::unknown(
                "a principals type is known only after apply",
            ));
        };
        let ids = get(p, "identifiers")
            .and_then(string_list)
            .map(policy_variables)
            .unwrap_or(Value::List(Vec::new()));
        if list.len() == 1 && ty == "*" && ids == Value::from("*") {
            return Some(Value::from("*"));
        }
        let entry = by_type.entry(ty.to_owned()).or_default();
        match ids {
            Value::List(items) => entry.extend(items),
            other => entry.push(other),
        }
    }
    Some(Value::Object(
        by_type
            .into_iter()
            .map(|(ty, mut ids)| {
                let v = if ids.len() == 1 {
                    ids.remove(0)
                } else {
                    Value::List(ids)
                };
                (ty, v)
            })
            .collect(),
    ))
}

/// `condition` blocks as `{test: {variable: [values]}}`.
fn conditions(blocks: &Value) -> Option<Value> {
    let list = match blocks {
        Value::Unknown(u) => return Some(Value::Unknown(u.plain())),
        Value::List(items) if !items.is_empty() => items,
        _ => return None,
    };
    let mut out: BTreeMap<String, Value> = BTreeMap::new();
    for c in list {
        let (Some(test), Some(variable)) = (
            get(c, "test").and_then(Value::as_str),
            get(c, "variable").and_then(Value::as_str),
        ) else {
            return Some(Value::unknown(
                "a condition's test or variable is known only after apply",
            ));
        };
        let values = match get(c, "values") {
            Some(Value::List(items)) => Value::List(items.clone()),
            Some(other) => other.clone(),
            None => Value::List(Vec::new()),
        };
        let entry = out
            .entry(test.to_owned())
            .or_insert_with(|| Value::Object(BTreeMap::new()));
        if let Value::Object(vars) = entry {
            let slot = vars
                .entry(variable.to_owned())
                .or_insert_with(|| Value::List(Vec::new()));
            match (slot, policy_variables(values)) {
                (Value::List(have), Value::List(more)) => have.extend(more),
                (slot, other) => *slot = other,
            }
        }
    }
    Some(Value::Object(out))
}

/// A `statement` block in JSON policy form.
fn statement(block: &Value) -> Value {
    if let Value::Unknown(u) = block {
        return Value::Unknown(u.plain());
    }
    let mut s = BTreeMap::new();
    s.insert(
        "Sid".to_owned(),
        get(block, "sid").cloned().unwrap_or(Value::from("")),
    );
    s.insert(
        "Effect".to_owned(),
        get(block, "effect")
            .cloned()
            .unwrap_or(Value::from("Allow")),
    );
    for (attr, key) in [
        ("actions", "Action"),
        ("not_actions", "NotAction"),
        ("resources", "Resource"),
        ("not_resources", "NotResource"),
    ] {
        if let Some(v) = get(block, attr).and_then(string_list) {
            let v = if key.ends_with("Resource") {
                policy_variables(v)
            } else {
                v
            };
            s.insert(key.to_owned(), v);
        }
    }
    for (attr, key) in [
        ("principals", "Principal"),
        ("not_principals", "NotPrincipal"),
    ] {
        if let Some(v) = get(block, attr).and_then(principals) {
            s.insert(key.to_owned(), v);
        }
    }
    if let Some(v) = get(block, "condition").and_then(conditions) {
        s.insert("Condition".to_owned(), v);
    }
    Value::Object(s)
}

/// A statement read from a JSON policy document, as the provider re-writes
/// it: `Sid` always present, principal identifiers reverse-sorted,
/// condition values always lists.
fn normalise_json_statement(s: &Value) -> Value {
    let Value::Object(map) = s else {
        return s.clone();
    };
    let mut out = map.clone();
    out.entry("Sid".to_owned()).or_insert(Value::from(""));
    if let Some(Value::Object(p)) = out.get_mut("Principal") {
        for ids in p.values_mut() {
            if let Value::List(items) = ids {
                if items.iter().all(|i| i.as_str().is_some()) {
                    items.sort_by(|a, b| b.as_str().cmp(&a.as_str()));
                }
            }
        }
    }
    if let Some(Value::Object(tests)) = out.get_mut("Condition") {
        for vars in tests.values_mut() {
            if let Value::Object(vars) = vars {
                for v in vars.values_mut() {
                    if let Value::String(_) = v {
                        *v = Value::List(vec![v.clone()]);
                    }
                }
            }
        }
    }
    Value::Object(out)
}

/// A policy document's Version, Id and statements.
type DocumentParts = (Option<Value>, Option<Value>, Vec<Value>);

/// A policy document given as JSON (a string, or a partially known one):
/// its Version, Id and statements; Err(unknown) when it cannot be read.
fn parse_document(v: &Value) -> Result<DocumentParts, Value> {
    let decoded = match v {
        Value::String(text) => match serde_json::from_str::<serde_json::Value>(text) {
            Ok(json) => Value::from_json(&json),
            Err(e) => return Err(Value::unknown(format!("error: invalid policy JSON: {e}"))),
        },
        Value::Unknown(u) => match u.refinement() {
            Some(Refinement::Json(v)) => v.clone(),
            _ => return Err(Value::Unknown(u.plain())),
        },
        other => other.clone(),
    };
    let statements = match get(&decoded, "Statement") {
        Some(Value::List(items)) => items.iter().map(normalise_json_statement).collect(),
        Some(Value::Unknown(u)) => return Err(Value::Unknown(u.plain())),
        Some(single) => vec![normalise_json_statement(single)],
        None => Vec::new(),
    };
    Ok((
        get(&decoded, "Version").cloned(),
        get(&decoded, "Id").cloned(),
        statements,
    ))
}

/// Merges `more` into `into` as the provider's `IAMPolicyDoc.Merge` does:
/// a statement with a sid already present replaces it, others are appended.
fn merge_statements(into: &mut Vec<Value>, more: Vec<Value>) {
    for s in more {
        let sid = get(&s, "Sid").and_then(Value::as_str).unwrap_or("");
        if !sid.is_empty() {
            if let Some(slot) = into
                .iter_mut()
                .find(|e| get(e, "Sid").and_then(Value::as_str) == Some(sid))
            {
                *slot = s;
                continue;
            }
        }
        into.push(s);
    }
}

fn policy_document(args: &Value) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    let doc = match document_value(args) {
        Ok(doc) => doc,
        Err(unknown) => {
            out.insert("json".to_owned(), unknown.clone());
            out.insert("minified_json".to_owned(), unknown);
            return out;
        }
    };
    let (json, minified) = if let Some(u) = doc.first_unknown() {
        let v = Value::Unknown(Unknown::json(u.reason(), doc.clone()));
        (v.clone(), v)
    } else {
        let mut pretty = String::new();
        write_json(&doc, 0, true, &mut pretty);
        let mut compact = String::new();
        write_json(&doc, 0, false, &mut compact);
        (Value::String(pretty), Value::String(compact))
    };
    out.insert("json".to_owned(), json);
    out.insert("minified_json".to_owned(), minified);
    out
}

/// The merged document as a value with JSON policy keys.
fn document_value(args: &Value) -> Result<Value, Value> {
    let mut version: Option<Value> = None;
    let mut id: Option<Value> = None;
    let mut statements: Vec<Value> = Vec::new();
    let merge_docs = |list: Option<&Value>,
                      version: &mut Option<Value>,
                      id: &mut Option<Value>,
                      statements: &mut Vec<Value>|
     -> Result<(), Value> {
        let docs = match list {
            None => return Ok(()),
            Some(Value::List(items)) => items.clone(),
            Some(Value::Unknown(u)) => return Err(Value::Unknown(u.plain())),
            Some(single) => vec![single.clone()],
        };
        for d in docs {
            let (v, i, s) = parse_document(&d)?;
            if i.is_some() {
                *id = i;
            }
            if let Some(v) = v {
                if version.as_ref().and_then(Value::as_str) < v.as_str() {
                    *version = Some(v);
                }
            }
            merge_statements(statements, s);
        }
        Ok(())
    };
    merge_docs(
        get(args, "source_policy_documents"),
        &mut version,
        &mut id,
        &mut statements,
    )?;
    merge_docs(
        get(args, "source_json"),
        &mut version,
        &mut id,
        &mut statements,
    )?;
    let own_version = get(args, "version")
        .cloned()
        .unwrap_or(Value::from("2012-10-17"));
    if version.as_ref().and_then(Value::as_str) < own_version.as_str() || version.is_none() {
        version = Some(own_version);
    }
    if let Some(i) = get(args, "policy_id") {
        id = Some(i.clone());
    }
    let own = match get(args, "statement") {
        Some(Value::List(blocks)) => blocks.iter().map(statement).collect(),
        Some(Value::Unknown(u)) => {
            return Ok(document(version, id, Value::Unknown(u.plain())));
        }
        _ => Vec::new(),
    };
    merge_statements(&mut statements, own);
    merge_docs(
        get(args, "override_policy_documents"),
        &mut version,
        &mut id,
        &mut statements,
    )?;
    merge_docs(
        get(args, "override_json"),
        &mut version,
        &mut id,
        &mut statements,
    )?;
    Ok(document(version, id, Value::List(statements)))
}

fn document(version: Option<Value>, id: Option<Value>, statements: Value) -> Value {
    let mut doc = BTreeMap::new();
    if let Some(v) = version {
        doc.insert("Version".to_owned(), v);
    }
    if let Some(i) = id {
        doc.insert("Id".to_owned(), i);
    }
    doc.insert("Statement".to_owned(), statements);
    Value::Object(doc)
}

/// Key order of the provider's Go structs; other objects are Go maps,
/// written with sorted keys.
const DOCUMENT_KEYS: [&str; 3] = ["Version", "Id", "Statement"];
const STATEMENT_KEYS: [&str; 9] = [
    "Sid",
    "Effect",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Principal",
    "NotPrincipal",
    "Condition",
];

/// Go's `json.MarshalIndent(v, "", "  ")` (`pretty`) or `json.Marshal`.
/// `depth` 0 is the document, 2 a statement.
fn write_json(v: &Value, depth: usize, pretty: bool, out: &mut String) {
    let newline = |out: &mut String, level: usize| {
        if pretty {
            out.push('\n');
            out.push_str(&"  ".repeat(level));
        }
    };
    match v {
        Value::Object(map) => {
            if map.is_empty() {
                out.push_str("{}");
                return;
            }
            let order: Vec<&String> = match depth {
                0 => ordered(map, &DOCUMENT_KEYS),
                2 => ordered(map, &STATEMENT_KEYS),
                _ => map.keys().collect(),
            };
            out.push('{');
            for (i, k) in order.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                super::functions::json_string_go(k, out);
                out.push(':');
                if pretty {
                    out.push(' ');
                }
                write_json(&map[*k], depth + 1, pretty, out);
            }
            newline(out, depth);
            out.push('}');
        }
        Value::List(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                write_json(item, depth + 1, pretty, out);
            }
            newline(out, depth);
            out.push(']');
        }
        Value::String(s) => super::functions::json_string_go(s, out),
        Value::Null | Value::Unknown(_) => out.push_str("null"),
        other => out.push_str(&other.to_json().to_string()),
    }
}

fn ordered<'m>(map: &'m BTreeMap<String, Value>, keys: &[&str]) -> Vec<&'m String> {
    let mut out: Vec<&String> = keys
        .iter()
        .filter_map(|k| map.get_key_value(*k).map(|(k, _)| k))
        .collect();
    out.extend(map.keys().filter(|k| !keys.contains(&k.as_str())));
    out
}

/// `google_iam_policy`: `{"auditConfigs": [...], "bindings": [...]}` with
/// bindings sorted by role and members sorted, as the provider writes it.
fn google_iam_policy(args: &Value) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    let policy = (|| -> Result<Value, Value> {
        let mut policy = BTreeMap::new();
        match get(args, "binding") {
            Some(Value::List(blocks)) => {
                let mut bindings = Vec::new();
                for b in blocks {
                    if let Value::Unknown(u) = b {
                        return Err(Value::Unknown(u.plain()));
                    }
                    let mut binding = BTreeMap::new();
                    if let Some(role) = get(b, "role") {
                        binding.insert("role".to_owned(), role.clone());
                    }
                    let mut members = match get(b, "members") {
                        Some(Value::List(items)) => items.clone(),
                        Some(Value::Unknown(u)) => return Err(Value::Unknown(u.plain())),
                        _ => Vec::new(),
                    };
                    members.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
                    binding.insert("members".to_owned(), Value::List(members));
                    if let Some(Value::List(conds)) = get(b, "condition") {
                        if let Some(c) = conds.first() {
                            binding.insert("condition".to_owned(), c.clone());
                        }
                    }
                    bindings.push(Value::Object(binding));
                }
                bindings.sort_by(|a, b| {
                    get(a, "role")
                        .and_then(Value::as_str)
                        .cmp(&get(b, "role").and_then(Value::as_str))
                });
                if !bindings.is_empty() {
                    policy.insert("bindings".to_owned(), Value::List(bindings));
                }
            }
            Some(Value::Unknown(u)) => return Err(Value::Unknown(u.plain())),
            _ => {}
        }
        if let Some(Value::List(audits)) = get(args, "audit_config") {
            let configs: Vec<Value> = audits
                .iter()
                .map(|a| {
                    let mut c = BTreeMap::new();
                    if let Some(s) = get(a, "service") {
                        c.insert("service".to_owned(), s.clone());
                    }
                    if let Some(Value::List(logs)) = get(a, "audit_log_configs") {
                        let logs = logs
                            .iter()
                            .map(|l| {
                                let mut m = BTreeMap::new();
                                if let Some(t) = get(l, "log_type") {
                                    m.insert("logType".to_owned(), t.clone());
                                }
                                if let Some(e) = get(l, "exempted_members") {
                                    m.insert("exemptedMembers".to_owned(), e.clone());
                                }
                                Value::Object(m)
                            })
                            .collect();
                        c.insert("auditLogConfigs".to_owned(), Value::List(logs));
                    }
                    Value::Object(c)
                })
                .collect();
            policy.insert("auditConfigs".to_owned(), Value::List(configs));
        }
        Ok(Value::Object(policy))
    })();
    let data = match policy {
        Ok(p) => match p.first_unknown() {
            Some(u) => Value::Unknown(Unknown::json(u.reason(), p.clone())),
            None => {
                let mut s = String::new();
                write_json(&p, 1, false, &mut s);
                Value::String(s)
            }
        },
        Err(u) => u,
    };
    out.insert("policy_data".to_owned(), data);
    out
}

/// The partition of an AWS region name.
fn partition_of(region: &str) -> (&'static str, &'static str) {
    if region.starts_with("cn-") {
        ("aws-cn", "amazonaws.com.cn")
    } else if region.starts_with("us-gov-") {
        ("aws-us-gov", "amazonaws.com")
    } else if region.starts_with("us-iso-") {
        ("aws-iso", "c2s.ic.gov")
    } else if region.starts_with("us-isob-") {
        ("aws-iso-b", "sc2s.sgov.gov")
    } else {
        ("aws", "amazonaws.com")
    }
}

fn provider_region(provider: &ProviderFacts) -> Result<String, Value> {
    match &provider.region {
        Some(Value::String(r)) => Ok(r.clone()),
        Some(Value::Unknown(u)) => Err(Value::Unknown(u.plain())),
        _ => Err(Value::unknown(
            "the AWS provider's region is not set in the configuration (it comes from the environment)",
        )),
    }
}

fn partition(provider: &ProviderFacts) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    match provider_region(provider) {
        Ok(region) => {
            let (partition, suffix) = partition_of(&region);
            out.insert("partition".to_owned(), Value::from(partition));
            out.insert("id".to_owned(), Value::from(partition));
            out.insert("dns_suffix".to_owned(), Value::from(suffix));
            let reverse: Vec<&str> = suffix.split('.').rev().collect();
            out.insert(
                "reverse_dns_prefix".to_owned(),
                Value::from(reverse.join(".")),
            );
        }
        Err(unknown) => {
            for k in ["partition", "id", "dns_suffix", "reverse_dns_prefix"] {
                out.insert(k.to_owned(), unknown.clone());
            }
        }
    }
    out
}

fn region(args: &Value, provider: &ProviderFacts) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    let name = match get(args, "name").or_else(|| get(args, "region")) {
        Some(v) => v.clone(),
        None => provider_region(provider).map_or_else(|u| u, Value::String),
    };
    for k in ["name", "region", "id"] {
        out.insert(k.to_owned(), name.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(pairs: &[(&str, Value)]) -> Value {
        Value::Object(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        )
    }

    fn list(items: &[&str]) -> Value {
        Value::List(items.iter().map(|s| Value::from(*s)).collect())
    }

    #[test]
    fn policy_document_json_is_the_providers() {
        let args = obj(&[(
            "statement",
            Value::List(vec![obj(&[
                ("actions", list(&["s3:GetObject", "s3:ListBucket"])),
                ("resources", list(&["arn:aws:s3:::b/&{aws:username}"])),
                (
                    "principals",
                    Value::List(vec![obj(&[
                        ("type", "*".into()),
                        ("identifiers", list(&["*"])),
                    ])]),
                ),
                (
                    "condition",
                    Value::List(vec![obj(&[
                        ("test", "Bool".into()),
                        ("variable", "aws:SecureTransport".into()),
                        ("values", list(&["false"])),
                    ])]),
                ),
            ])]),
        )]);
        let out = policy_document(&args);
        assert_eq!(
            out["json"].as_str(),
            Some(
                r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "",
      "Effect": "Allow",
      "Action": [
        "s3:ListBucket",
        "s3:GetObject"
      ],
      "Resource": "arn:aws:s3:::b/${aws:username}",
      "Principal": "*",
      "Condition": {
        "Bool": {
          "aws:SecureTransport": [
            "false"
          ]
        }
      }
    }
  ]
}"#
            )
        );
    }

    #[test]
    fn unknown_leaves_keep_the_structure_and_sids_merge() {
        let source = r#"{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Deny","Action":"*","Resource":"*"},{"Sid":"B","Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#;
        let args = obj(&[
            ("source_policy_documents", Value::List(vec![source.into()])),
            (
                "statement",
                Value::List(vec![obj(&[
                    ("sid", "B".into()),
                    ("actions", list(&["s3:GetObject"])),
                    ("resources", Value::List(vec![Value::unknown("arn")])),
                ])]),
            ),
        ]);
        let out = policy_document(&args);
        let Some(shape) = out["json"].known_shape() else {
            panic!("partially known: {:?}", out["json"]);
        };
        let statements = get(&shape, "Statement")
            .and_then(Value::as_list)
            .expect("list");
        assert_eq!(statements.len(), 2);
        assert_eq!(get(&statements[0], "Effect"), Some(&Value::from("Deny")));
        assert_eq!(
            get(&statements[1], "Action"),
            Some(&Value::from("s3:GetObject"))
        );
        assert!(get(&statements[1], "Resource").is_some_and(Value::is_unknown));
    }

    #[test]
    fn partition_and_region_follow_the_provider() {
        let p = ProviderFacts {
            region: Some("cn-north-1".into()),
        };
        assert_eq!(partition(&p)["partition"], Value::from("aws-cn"));
        assert_eq!(region(&obj(&[]), &p)["name"], Value::from("cn-north-1"));
        assert!(partition(&ProviderFacts::default())["partition"].is_unknown());
    }
}
