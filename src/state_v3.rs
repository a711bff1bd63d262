//! Terraform 0.11's state format (version 3): `modules` with a `path`,
//! resources keyed by address, flat attribute maps (`tags.%`, `list.#`,
//! `list.0.key`). Rewritten as the version 4 form, so one reader gives the
//! same resources and values for either.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value as Json};

/// A version 4 resource's identity: module, mode, type, name.
type ResourceKey = (String, String, String, String);

/// The version 4 document holding what a version 3 state does.
pub fn to_v4(doc: &Json) -> Json {
    // Each resource's provider and instances.
    let mut groups: BTreeMap<ResourceKey, (String, Vec<Json>)> = BTreeMap::new();
    for m in doc
        .get("modules")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
    {
        let module: Vec<String> = m
            .get("path")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
            .filter_map(Json::as_str)
            .skip(1)
            .map(|p| format!("module.{p}"))
            .collect();
        let module = module.join(".");
        let Some(resources) = m.get("resources").and_then(Json::as_object) else {
            continue;
        };
        for (key, r) in resources {
            let Some((mode, rtype, name, index)) = split_key(key) else {
                continue;
            };
            let primary = r.get("primary").cloned().unwrap_or_else(|| json!({}));
            let flat: BTreeMap<String, String> = primary
                .get("attributes")
                .and_then(Json::as_object)
                .into_iter()
                .flatten()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
                .collect();
            let mut attributes = unflatten(&flat, "");
            if let (Json::Object(a), Some(id)) = (&mut attributes, primary.get("id")) {
                a.entry("id").or_insert_with(|| id.clone());
            }
            let mut instance = json!({
                "attributes": attributes,
                "dependencies": r.get("depends_on").cloned().unwrap_or_else(|| json!([])),
            });
            if let Some(i) = index {
                instance["index_key"] = json!(i);
            }
            let provider = r
                .get("provider")
                .and_then(Json::as_str)
                .unwrap_or_default()
                .trim_start_matches("provider.")
                .to_owned();
            groups
                .entry((module.clone(), mode.to_owned(), rtype, name))
                .or_insert_with(|| (provider, Vec::new()))
                .1
                .push(instance);
        }
    }
    let resources: Vec<Json> = groups
        .into_iter()
        .map(|((module, mode, rtype, name), (provider, instances))| {
            let mut r = json!({
                "mode": mode, "type": rtype, "name": name,
                "provider": provider, "instances": instances,
            });
            if !module.is_empty() {
                r["module"] = json!(module);
            }
            r
        })
        .collect();
    json!({
        "version": 4,
        "terraform_version": doc.get("terraform_version").cloned().unwrap_or(Json::Null),
        "lineage": doc.get("lineage").cloned().unwrap_or(Json::Null),
        "resources": resources,
    })
}

/// `aws_s3_bucket.b`, `aws_s3_bucket.c.1`, `data.aws_iam_policy_document.p`
/// -> (mode, type, name, count index).
fn split_key(key: &str) -> Option<(&'static str, String, String, Option<u64>)> {
    let (mode, rest) = match key.strip_prefix("data.") {
        Some(rest) => ("data", rest),
        None => ("managed", key),
    };
    let mut parts = rest.split('.');
    let rtype = parts.next()?.to_owned();
    let name = parts.next()?.to_owned();
    let index = match parts.next() {
        Some(i) => Some(i.parse().ok()?),
        None => None,
    };
    Some((mode, rtype, name, index))
}

/// The attributes under `prefix` as an object: `k.#` marks a list of that
/// many items, `k.%` a map (whose keys may hold dots, as tags' do).
fn unflatten(flat: &BTreeMap<String, String>, prefix: &str) -> Json {
    let mut out = Map::new();
    let mut names: Vec<&str> = flat
        .keys()
        .filter_map(|k| k.strip_prefix(prefix))
        .map(|rest| rest.split('.').next().unwrap_or(rest))
        .filter(|n| *n != "%" && *n != "#")
        .collect();
    names.dedup();
    for name in names {
        let here = format!("{prefix}{name}");
        out.insert(name.to_owned(), value_at(flat, &here));
    }
    Json::Object(out)
}

/// The value whose flat key is `key`.
fn value_at(flat: &BTreeMap<String, String>, key: &str) -> Json {
    if let Some(n) = flat.get(&format!("{key}.#")) {
        let n: usize = n.parse().unwrap_or(0);
        // Sets are keyed by a hash, not 0..n: take the items in key order.
        let inner = format!("{key}.");
        let mut items: Vec<&str> = flat
            .keys()
            .filter_map(|k| k.strip_prefix(&inner))
            .map(|rest| rest.split('.').next().unwrap_or(rest))
            .filter(|i| *i != "#")
            .collect();
        items.sort_by_key(|i| (i.parse::<u64>().unwrap_or(u64::MAX), *i));
        items.dedup();
        return Json::Array(
            items
                .into_iter()
                .take(n)
                .map(|i| value_at(flat, &format!("{key}.{i}")))
                .collect(),
        );
    }
    if flat.contains_key(&format!("{key}.%")) {
        let inner = format!("{key}.");
        let rests: Vec<&str> = flat
            .keys()
            .filter_map(|k| k.strip_prefix(&inner))
            .filter(|r| *r != "%")
            .collect();
        // A map of strings (tags): each rest is one key, dots and all.
        let nested = rests.iter().any(|r| {
            r.ends_with(".%") || r.ends_with(".#") || {
                let first = r.split('.').next().unwrap_or(r);
                first != *r && !flat.contains_key(&format!("{inner}{r}"))
            }
        });
        if !nested {
            return Json::Object(
                rests
                    .into_iter()
                    .map(|r| (r.to_owned(), json!(flat[&format!("{inner}{r}")])))
                    .collect(),
            );
        }
        return unflatten(flat, &inner);
    }
    match flat.get(key) {
        Some(v) => Json::String(v.clone()),
        None => unflatten(flat, &format!("{key}.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_attributes_become_objects_and_lists() {
        let doc = json!({"version": 3, "lineage": "l", "modules": [
            {"path": ["root"], "resources": {"aws_s3_bucket.b": {"type": "aws_s3_bucket",
              "provider": "provider.aws",
              "primary": {"id": "b", "attributes": {
                "bucket": "b", "tags.%": "2", "tags.Name": "n", "tags.kubernetes.io/role": "r",
                "versioning.#": "1", "versioning.0.enabled": "true",
                "cors_rule.#": "0"}}}}},
            {"path": ["root", "child"], "resources": {"aws_sqs_queue.q.1": {"type": "aws_sqs_queue",
              "primary": {"id": "q", "attributes": {"name": "q"}}}}}
        ]});
        let v4 = to_v4(&doc);
        let rs = v4["resources"].as_array().expect("resources");
        let b = rs.iter().find(|r| r["name"] == "b").expect("b");
        assert_eq!(
            b["instances"][0]["attributes"],
            json!({"bucket": "b", "id": "b", "tags": {"Name": "n", "kubernetes.io/role": "r"},
                   "versioning": [{"enabled": "true"}], "cors_rule": []})
        );
        let q = rs.iter().find(|r| r["name"] == "q").expect("q");
        assert_eq!(q["module"], "module.child");
        assert_eq!(q["instances"][0]["index_key"], 1);
    }
}
