//! Structure-aware plan and state JSON: documents shaped like `terraform
//! show -json` output (plans, states) and raw `terraform.tfstate` v4 files,
//! with the mutations real files and attackers bring: missing and
//! mistyped fields, addresses that disagree with their module, sensitive
//! and unknown markers of another shape than the values, drift, prior
//! state, configuration with module calls and provider regions.

use arbitrary::{Result, Unstructured};
use serde_json::{json, Map, Value as Json};

use super::dict;
use super::values;

const ACTIONS: &[&[&str]] = &[
    &["create"],
    &["delete"],
    &["update"],
    &["no-op"],
    &["read"],
    &["delete", "create"],
    &["create", "delete"],
    &["forget"],
    &[],
    &["bogus"],
];

const MODULES: &[&str] = &[
    "",
    "module.a",
    "module.a[0]",
    "module.a[\"k\"].module.b",
    "module.",
    "module.a.module.b[\"\\u001b[2J\"]",
];

const INDEXES: &[&str] = &[
    "",
    "[0]",
    "[1]",
    "[\"k\"]",
    "[\"\\n::error::PWNED\"]",
    "[",
    "[-1]",
];

/// A document the loader should accept or reject cleanly.
pub fn document(u: &mut Unstructured<'_>) -> Result<Json> {
    Ok(match u.int_in_range(0..=5u8)? {
        0..=3 => plan(u)?,
        4 => show_state(u)?,
        _ => raw_state(u)?,
    })
}

struct Res {
    address: String,
    module: String,
    rtype: String,
    name: String,
    index: Option<Json>,
}

fn resource(u: &mut Unstructured<'_>) -> Result<Res> {
    let d = dict::get();
    let rtype = (*u.choose(&d.resource_types)?).to_owned();
    let name = (*u.choose(&["a", "b", "this", "x-y", "é", ""])?).to_owned();
    let module = (*u.choose(MODULES)?).to_owned();
    let index = *u.choose(INDEXES)?;
    let data = u.ratio(1u8, 6)?;
    let mut address = String::new();
    if !module.is_empty() {
        address.push_str(&module);
        address.push('.');
    }
    if data {
        address.push_str("data.");
    }
    address.push_str(&format!("{rtype}.{name}{index}"));
    let index = match index {
        "[0]" => Some(json!(0)),
        "[1]" => Some(json!(1)),
        "[\"k\"]" => Some(json!("k")),
        _ => None,
    };
    Ok(Res {
        address,
        module,
        rtype,
        name,
        index,
    })
}

fn attrs(u: &mut Unstructured<'_>) -> Result<Json> {
    let d = dict::get();
    let mut map = Map::new();
    for _ in 0..u.int_in_range(0..=5)? {
        let key = (*u.choose(&d.attributes)?).to_owned();
        map.insert(key, values::json(u, 3, &d.attributes)?);
    }
    Ok(Json::Object(map))
}

/// An unknown or sensitive marker tree for `values`: `true`, `false`, or
/// the same shape with booleans (sometimes another shape entirely).
fn markers(u: &mut Unstructured<'_>, values: &Json) -> Result<Json> {
    Ok(match u.int_in_range(0..=5u8)? {
        0 => json!({}),
        1 => Json::Bool(u.arbitrary()?),
        2 => values::json(u, 2, &dict::get().attributes)?,
        _ => mirror(u, values)?,
    })
}

fn mirror(u: &mut Unstructured<'_>, v: &Json) -> Result<Json> {
    Ok(match v {
        Json::Object(map) => {
            let mut out = Map::new();
            for (k, v) in map {
                if u.arbitrary()? {
                    out.insert(k.clone(), mirror(u, v)?);
                }
            }
            Json::Object(out)
        }
        Json::Array(items) => {
            let mut out = Vec::new();
            for v in items {
                out.push(mirror(u, v)?);
            }
            Json::Array(out)
        }
        _ => Json::Bool(u.arbitrary()?),
    })
}

fn state_resource(u: &mut Unstructured<'_>, r: &Res) -> Result<Json> {
    let values = attrs(u)?;
    let sensitive = markers(u, &values)?;
    let mut out = json!({
        "address": r.address,
        "mode": if r.address.contains("data.") { "data" } else { "managed" },
        "type": r.rtype,
        "name": r.name,
        "provider_name": provider_of(&r.rtype),
        "schema_version": 0,
        "values": values,
        "sensitive_values": sensitive,
    });
    if let Some(i) = &r.index {
        out["index"] = i.clone();
    }
    if u.ratio(1u8, 4)? {
        out["depends_on"] = json!([r.address.clone(), "aws_iam_role.a"]);
    }
    Ok(out)
}

fn provider_of(rtype: &str) -> String {
    let short = rtype.split('_').next().unwrap_or("aws");
    format!("registry.terraform.io/hashicorp/{short}")
}

/// `root_module` with resources spread into `child_modules` by address.
fn module_tree(u: &mut Unstructured<'_>, resources: &[(Res, Json)]) -> Result<Json> {
    let mut root = Vec::new();
    let mut children: Map<String, Json> = Map::new();
    for (r, v) in resources {
        if r.module.is_empty() || u.ratio(1u8, 8)? {
            root.push(v.clone());
        } else {
            let child = children
                .entry(r.module.clone())
                .or_insert_with(|| json!({"address": r.module, "resources": []}));
            if let Some(list) = child["resources"].as_array_mut() {
                list.push(v.clone());
            }
        }
    }
    let mut out = json!({ "resources": root });
    if !children.is_empty() {
        out["child_modules"] = Json::Array(children.into_iter().map(|(_, v)| v).collect());
    }
    Ok(out)
}

fn change(u: &mut Unstructured<'_>) -> Result<Json> {
    let actions = *u.choose(ACTIONS)?;
    let before = if actions.contains(&"create") && u.arbitrary()? {
        Json::Null
    } else {
        attrs(u)?
    };
    let after = if actions.contains(&"delete") && u.arbitrary()? {
        Json::Null
    } else {
        attrs(u)?
    };
    let mut c = json!({
        "actions": actions,
        "before": before,
        "after": after,
        "after_unknown": markers(u, &after)?,
        "before_sensitive": markers(u, &before)?,
        "after_sensitive": markers(u, &after)?,
    });
    if u.ratio(1u8, 3)? {
        let d = dict::get();
        let a = (*u.choose(&d.attributes)?).to_owned();
        c["replace_paths"] = json!([[a], [0, "x"], "bad"]);
    }
    if u.ratio(1u8, 6)? {
        c["importing"] = json!({"id": values::string(u)?});
    }
    Ok(c)
}

fn resource_change(u: &mut Unstructured<'_>, r: &Res) -> Result<Json> {
    let mut out = json!({
        "address": r.address,
        "mode": if r.address.contains("data.") { "data" } else { "managed" },
        "type": r.rtype,
        "name": r.name,
        "provider_name": provider_of(&r.rtype),
        "change": change(u)?,
    });
    if !r.module.is_empty() || u.ratio(1u8, 8)? {
        out["module_address"] = Json::String(r.module.clone());
    }
    if let Some(i) = &r.index {
        out["index"] = i.clone();
    }
    if u.ratio(1u8, 4)? {
        out["action_reason"] = json!("replace_because_cannot_update");
    }
    Ok(out)
}

fn configuration(
    u: &mut Unstructured<'_>,
    resources: &[(Res, Json)],
    depth: usize,
) -> Result<Json> {
    let mut conf = Vec::new();
    for (r, _) in resources.iter().filter(|(r, _)| r.module.is_empty()) {
        let mut expressions = Map::new();
        for _ in 0..u.int_in_range(0..=3)? {
            let a = (*u.choose(&dict::get().attributes)?).to_owned();
            let e = match u.int_in_range(0..=2u8)? {
                0 => json!({"constant_value": values::json(u, 2, &[])?}),
                1 => json!({"references": ["var.a", "aws_s3_bucket.a.id", "aws_s3_bucket.a"]}),
                _ => values::json(u, 2, &["constant_value", "references"])?,
            };
            expressions.insert(a, e);
        }
        let base = r.address.split('[').next().unwrap_or_default().to_owned();
        let mut c = json!({
            "address": base,
            "mode": "managed",
            "type": r.rtype,
            "name": r.name,
            "provider_config_key": if u.arbitrary()? { "aws" } else { "aws.east" },
            "expressions": expressions,
        });
        if u.ratio(1u8, 4)? {
            c["count_expression"] = json!({"constant_value": u.int_in_range(0..=3u8)?});
        }
        conf.push(c);
    }
    let mut module = json!({ "resources": conf });
    if depth > 0 && u.ratio(1u8, 2)? {
        let name = (*u.choose(&["a", "b", ""])?).to_owned();
        let source =
            (*u.choose(&["./modules/a", "terraform-aws-modules/vpc/aws", "../../x"])?).to_owned();
        module["module_calls"] = json!({
            name: {
                "source": source,
                "version_constraint": values::string(u)?,
                "module": configuration(u, &[], depth - 1)?,
            }
        });
    }
    Ok(module)
}

fn plan(u: &mut Unstructured<'_>) -> Result<Json> {
    let mut resources = Vec::new();
    for _ in 0..u.int_in_range(0..=5)? {
        let r = resource(u)?;
        let v = state_resource(u, &r)?;
        resources.push((r, v));
    }
    let mut changes = Vec::new();
    for (r, _) in &resources {
        if u.ratio(7u8, 8)? {
            changes.push(resource_change(u, r)?);
        }
    }
    // Deleted resources appear only in resource_changes.
    for _ in 0..u.int_in_range(0..=1)? {
        let r = resource(u)?;
        changes.push(resource_change(u, &r)?);
    }
    let mut drift = Vec::new();
    for _ in 0..u.int_in_range(0..=2)? {
        let r = resource(u)?;
        drift.push(resource_change(u, &r)?);
    }
    let version = *u.choose(&["1.2", "1.1", "1.0", "0.2", "0.1", "2.0", "", "x"])?;
    let mut doc = json!({
        "format_version": version,
        "terraform_version": *u.choose(&["1.9.5", "1.6.0-alpha", "", "opentofu 1.8"])?,
        "planned_values": { "root_module": module_tree(u, &resources)? },
        "resource_changes": changes,
        "configuration": {
            "provider_config": {
                "aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws",
                        "expressions": {"region": {"constant_value": values::string(u)?}}},
                "aws.east": {"name": "aws", "alias": "east", "expressions": {"region": {"references": ["var.region"]}}}
            },
            "root_module": configuration(u, &resources, 2)?,
        },
    });
    if !drift.is_empty() {
        doc["resource_drift"] = Json::Array(drift);
    }
    if u.arbitrary()? {
        let mut prior = Vec::new();
        for (r, _) in &resources {
            if u.arbitrary()? {
                prior.push((
                    Res {
                        address: r.address.clone(),
                        module: r.module.clone(),
                        rtype: r.rtype.clone(),
                        name: r.name.clone(),
                        index: r.index.clone(),
                    },
                    state_resource(u, r)?,
                ));
            }
        }
        doc["prior_state"] = json!({
            "format_version": "1.0",
            "values": { "root_module": module_tree(u, &prior)? },
        });
    }
    if u.ratio(1u8, 3)? {
        doc["output_changes"] = json!({"o": {"actions": ["create"], "before": null, "after": values::json(u, 2, &[])?, "after_unknown": false, "before_sensitive": false, "after_sensitive": true}});
    }
    if u.ratio(1u8, 4)? {
        doc["variables"] = json!({"a": {"value": values::json(u, 2, &[])?}});
    }
    // A field of the wrong type where the loader expects a structure.
    if u.ratio(1u8, 10)? {
        let key = *u.choose(&[
            "planned_values",
            "resource_changes",
            "configuration",
            "prior_state",
            "resource_drift",
        ])?;
        doc[key] = values::json(u, 1, &[])?;
    }
    Ok(doc)
}

fn show_state(u: &mut Unstructured<'_>) -> Result<Json> {
    let mut resources = Vec::new();
    for _ in 0..u.int_in_range(0..=5)? {
        let r = resource(u)?;
        let v = state_resource(u, &r)?;
        resources.push((r, v));
    }
    Ok(json!({
        "format_version": *u.choose(&["1.0", "0.1", "3.0"])?,
        "terraform_version": "1.9.5",
        "values": { "root_module": module_tree(u, &resources)?, "outputs": {"o": {"sensitive": true, "value": values::json(u, 1, &[])?}} },
    }))
}

fn raw_state(u: &mut Unstructured<'_>) -> Result<Json> {
    let mut resources = Vec::new();
    for _ in 0..u.int_in_range(0..=4)? {
        let r = resource(u)?;
        let mut instances = Vec::new();
        for _ in 0..u.int_in_range(0..=2)? {
            let attributes = attrs(u)?;
            let mut inst = json!({
                "schema_version": 0,
                "attributes": attributes,
                "sensitive_attributes": [[{"type": "get_attr", "value": "password"}], "bad"],
                "dependencies": ["aws_iam_role.a"],
            });
            if u.arbitrary()? {
                inst["index_key"] = values::json(u, 0, &[])?;
            }
            instances.push(inst);
        }
        let mut entry = json!({
            "mode": *u.choose(&["managed", "data", "bogus"])?,
            "type": r.rtype,
            "name": r.name,
            "provider": format!("provider[\"{}\"]", provider_of(&r.rtype)),
            "instances": instances,
        });
        if !r.module.is_empty() {
            entry["module"] = Json::String(r.module.clone());
        }
        if u.arbitrary()? {
            entry["each"] = json!(*u.choose(&["list", "map", "x"])?);
        }
        resources.push(entry);
    }
    Ok(json!({
        "version": *u.choose(&[4, 3, 5])?,
        "terraform_version": "1.9.5",
        "serial": 1,
        "lineage": "x",
        "outputs": {},
        "resources": resources,
    }))
}
