//! State versus configuration: resources in state but not in the code (still
//! live after being removed), in the code but not in state (never applied),
//! and attributes whose literal configuration value differs from the state.
//! Sensitive state values are compared but never carried into the result.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;
use serde_json::Value as Json;

use crate::plan::{strip_index, JsonResource};

/// One attribute that differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttrDrift {
    pub path: String,
    /// The configuration's value (null when sensitive).
    pub config: Json,
    /// The state's value (null when sensitive).
    pub state: Json,
    pub sensitive: bool,
}

/// How a resource differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DriftKind {
    /// In state, not in configuration: removed from code, still live.
    NotInConfig,
    /// In configuration, not in state: never applied (or deleted outside
    /// Terraform).
    NotInState,
    /// Both, with attributes that differ.
    Changed,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResourceDrift {
    pub address: String,
    pub kind: DriftKind,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<AttrDrift>,
}

/// A configured resource as the evaluator saw it.
#[derive(Debug, Clone)]
pub struct ConfigResource {
    pub address: String,
    pub values: Json,
    /// Expanded instances have their final address; an unexpanded block
    /// (unknown count/for_each) matches every instance of its base address.
    pub expanded: bool,
}

/// Compares managed resources of a state with the configuration.
pub fn compare(state: &[JsonResource], config: &[ConfigResource]) -> Vec<ResourceDrift> {
    let state: Vec<&JsonResource> = state.iter().filter(|r| r.mode == "managed").collect();
    let by_address: BTreeMap<&str, &JsonResource> =
        state.iter().map(|r| (r.address.as_str(), *r)).collect();
    let unexpanded: HashSet<String> = config
        .iter()
        .filter(|c| !c.expanded)
        .map(|c| strip_index(&c.address))
        .collect();
    let config_addresses: HashSet<&str> = config.iter().map(|c| c.address.as_str()).collect();
    let mut out = Vec::new();
    for r in &state {
        let known = config_addresses.contains(r.address.as_str())
            || unexpanded.contains(&strip_index(&r.address));
        if !known {
            out.push(ResourceDrift {
                address: r.address.clone(),
                kind: DriftKind::NotInConfig,
                attributes: Vec::new(),
            });
        }
    }
    for c in config {
        if !c.expanded {
            continue;
        }
        let Some(s) = by_address.get(c.address.as_str()) else {
            out.push(ResourceDrift {
                address: c.address.clone(),
                kind: DriftKind::NotInState,
                attributes: Vec::new(),
            });
            continue;
        };
        let mut attributes = Vec::new();
        compare_values(&c.values, &s.values, "", &s.sensitive, &mut attributes);
        if !attributes.is_empty() {
            out.push(ResourceDrift {
                address: c.address.clone(),
                kind: DriftKind::Changed,
                attributes,
            });
        }
    }
    out.sort_by(|a, b| (a.kind, &a.address).cmp(&(b.kind, &b.address)));
    out
}

fn is_sensitive(path: &str, sensitive: &[String]) -> bool {
    sensitive.iter().any(|s| {
        path == s || path.starts_with(&format!("{s}.")) || s.starts_with(&format!("{path}."))
    })
}

/// Walks the configuration's known values; every leaf that the state holds
/// differently is a drift. Attributes only in state (computed ones) are not.
fn compare_values(
    config: &Json,
    state: &Json,
    path: &str,
    sensitive: &[String],
    out: &mut Vec<AttrDrift>,
) {
    let join = |k: &str| {
        if path.is_empty() {
            k.to_owned()
        } else {
            format!("{path}.{k}")
        }
    };
    match (config, state) {
        (Json::Object(c), Json::Object(s)) => {
            for (k, v) in c {
                let p = join(k);
                match s.get(k) {
                    Some(sv) => compare_values(v, sv, &p, sensitive, out),
                    None if v.is_null() => {}
                    None => push(out, &p, v, &Json::Null, sensitive),
                }
            }
        }
        (Json::Array(c), Json::Array(s))
            if c.iter().all(|x| x.is_object()) && c.len() == s.len() =>
        {
            for (i, (cv, sv)) in c.iter().zip(s).enumerate() {
                compare_values(cv, sv, &join(&i.to_string()), sensitive, out);
            }
        }
        (Json::Array(c), Json::Array(s)) => {
            // Sets come back from the provider in its own order.
            let mut a: Vec<String> = c.iter().map(scalar).collect();
            let mut b: Vec<String> = s.iter().map(scalar).collect();
            a.sort();
            b.sort();
            if a != b {
                push(out, path, config, state, sensitive);
            }
        }
        // A nested block written once comes back as a one-element list.
        (Json::Object(_), Json::Array(s)) if s.len() == 1 => {
            compare_values(config, &s[0], &join("0"), sensitive, out)
        }
        (c, s) => {
            if scalar(c) != scalar(s) {
                push(out, path, c, s, sensitive);
            }
        }
    }
}

/// Scalars compare the way Terraform converts them: 80 and "80" are equal.
fn scalar(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn push(out: &mut Vec<AttrDrift>, path: &str, config: &Json, state: &Json, sensitive: &[String]) {
    let hidden = is_sensitive(path, sensitive);
    out.push(AttrDrift {
        path: path.to_owned(),
        config: if hidden { Json::Null } else { config.clone() },
        state: if hidden { Json::Null } else { state.clone() },
        sensitive: hidden,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn state(address: &str, values: Json, sensitive: &[&str]) -> JsonResource {
        JsonResource {
            address: address.into(),
            module: String::new(),
            mode: "managed".into(),
            rtype: address.split('.').next().unwrap_or_default().into(),
            name: "x".into(),
            provider: "aws".into(),
            values,
            unknown: Vec::new(),
            sensitive: sensitive.iter().map(|s| (*s).to_owned()).collect(),
            change: None,
            drift: None,
            references: BTreeMap::new(),
        }
    }

    fn config(address: &str, values: Json) -> ConfigResource {
        ConfigResource {
            address: address.into(),
            values,
            expanded: true,
        }
    }

    #[test]
    fn finds_each_kind() {
        let s = vec![
            state(
                "aws_s3_bucket.a",
                json!({"bucket": "a", "acl": "public-read", "id": "a", "tags": {"x": "1"}}),
                &[],
            ),
            state("aws_s3_bucket.gone", json!({"bucket": "gone"}), &[]),
            state(
                "aws_db_instance.db",
                json!({"password": "s3cret-old", "port": 5432}),
                &["password"],
            ),
        ];
        let c = vec![
            config(
                "aws_s3_bucket.a",
                json!({"bucket": "a", "acl": "private", "tags": {"x": "1"}}),
            ),
            config("aws_s3_bucket.new", json!({"bucket": "new"})),
            config(
                "aws_db_instance.db",
                json!({"password": "s3cret-new", "port": "5432"}),
            ),
        ];
        let d = compare(&s, &c);
        let summary: Vec<(&str, DriftKind)> =
            d.iter().map(|r| (r.address.as_str(), r.kind)).collect();
        assert_eq!(
            summary,
            [
                ("aws_s3_bucket.gone", DriftKind::NotInConfig),
                ("aws_s3_bucket.new", DriftKind::NotInState),
                ("aws_db_instance.db", DriftKind::Changed),
                ("aws_s3_bucket.a", DriftKind::Changed),
            ]
        );
        assert_eq!(d[3].attributes[0].path, "acl");
        assert_eq!(d[2].attributes.len(), 1, "port 5432 == \"5432\"");
        assert!(d[2].attributes[0].sensitive);
        assert!(!serde_json::to_string(&d).expect("json").contains("s3cret"));
    }

    #[test]
    fn unexpanded_blocks_match_every_instance() {
        let s = vec![
            state("aws_instance.w[0]", json!({}), &[]),
            state("aws_instance.w[1]", json!({}), &[]),
        ];
        let c = vec![ConfigResource {
            address: "aws_instance.w".into(),
            values: json!({}),
            expanded: false,
        }];
        assert!(compare(&s, &c).is_empty());
    }
}
