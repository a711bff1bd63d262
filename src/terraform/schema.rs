//! Provider schemas (`terraform providers schema -json`, given with
//! `--provider-schema`): what each resource type's attributes and nested
//! blocks are, so a resource's values follow them as Terraform makes them
//! follow them when it decodes the configuration: each attribute value
//! converted to the attribute's type, set-typed attributes and `set` blocks
//! without duplicates, and attributes only the provider sets
//! (computed and neither optional nor required) unknown until apply (for
//! managed resources: a data source is read at plan time).
//!
//! Only what is used is kept: types, the computed/optional/required flags
//! and the block nesting. Descriptions, deprecation and the provider's own
//! configuration schema are skipped while reading.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;

use super::address::Mode;
use super::types::{self, Attribute as ObjectAttribute, Type};
use super::value::Value;

/// Every resource and data source schema of every provider in the file.
#[derive(Debug, Default)]
pub struct ProviderSchemas {
    /// Resource type -> (provider type, the last part of its address:
    /// `aws` for `registry.terraform.io/hashicorp/aws`; its block).
    managed: HashMap<String, Vec<(String, Block)>>,
    data: HashMap<String, Vec<(String, Block)>>,
}

/// A block's schema: its attributes and nested block types.
#[derive(Debug, Default)]
pub struct Block {
    pub attributes: BTreeMap<String, Attribute>,
    pub block_types: BTreeMap<String, NestedBlock>,
}

/// An attribute: its type, and whether the provider computes it.
#[derive(Debug)]
pub struct Attribute {
    pub ty: Type,
    pub computed: bool,
    /// Computed, and neither optional nor required: only the provider
    /// sets it, so it is unknown until apply.
    pub computed_only: bool,
}

/// A nested block type.
#[derive(Debug)]
pub struct NestedBlock {
    pub nesting: Nesting,
    pub block: Block,
}

/// How a nested block type repeats (the schema's `nesting_mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nesting {
    Single,
    Group,
    List,
    Set,
    Map,
}

#[derive(Deserialize)]
struct RawFile {
    format_version: Option<String>,
    #[serde(default)]
    provider_schemas: BTreeMap<String, RawProvider>,
}

#[derive(Deserialize)]
struct RawProvider {
    #[serde(default)]
    resource_schemas: BTreeMap<String, RawSchema>,
    #[serde(default)]
    data_source_schemas: BTreeMap<String, RawSchema>,
}

#[derive(Deserialize)]
struct RawSchema {
    #[serde(default)]
    block: RawBlock,
}

#[derive(Deserialize, Default)]
struct RawBlock {
    #[serde(default)]
    attributes: BTreeMap<String, RawAttribute>,
    #[serde(default)]
    block_types: BTreeMap<String, RawBlockType>,
}

#[derive(Deserialize)]
struct RawAttribute {
    #[serde(rename = "type")]
    ty: Option<serde_json::Value>,
    nested_type: Option<RawNested>,
    #[serde(default)]
    computed: bool,
    #[serde(default)]
    optional: bool,
    #[serde(default)]
    required: bool,
}

/// A nested attribute type (plugin framework providers).
#[derive(Deserialize)]
struct RawNested {
    #[serde(default)]
    attributes: BTreeMap<String, RawAttribute>,
    nesting_mode: String,
}

#[derive(Deserialize)]
struct RawBlockType {
    nesting_mode: String,
    #[serde(default)]
    block: RawBlock,
}

impl ProviderSchemas {
    /// Reads a `terraform providers schema -json` file.
    pub fn load(path: &Path) -> Result<ProviderSchemas, String> {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        ProviderSchemas::parse(&text)
    }

    /// Parses the JSON of `terraform providers schema -json`.
    pub fn parse(text: &str) -> Result<ProviderSchemas, String> {
        let raw: RawFile = serde_json::from_str(text).map_err(|e| {
            format!(
                "not the JSON of `terraform providers schema -json`: {e} (line {}, column {})",
                e.line(),
                e.column()
            )
        })?;
        if raw.format_version.is_none() {
            return Err(
                "not the JSON of `terraform providers schema -json`: it has no format_version"
                    .into(),
            );
        }
        let mut out = ProviderSchemas::default();
        for (address, provider) in raw.provider_schemas {
            let name = address.rsplit('/').next().unwrap_or(&address).to_owned();
            for (rtype, s) in provider.resource_schemas {
                out.managed
                    .entry(rtype)
                    .or_default()
                    .push((name.clone(), block(s.block)));
            }
            for (rtype, s) in provider.data_source_schemas {
                out.data
                    .entry(rtype)
                    .or_default()
                    .push((name.clone(), block(s.block)));
            }
        }
        Ok(out)
    }

    /// The schema of a resource (or data source) type of the provider
    /// with local name `provider`, or of whichever provider has the type.
    pub fn block(&self, mode: Mode, provider: &str, rtype: &str) -> Option<&Block> {
        let by_type = match mode {
            Mode::Managed => &self.managed,
            Mode::Data => &self.data,
            _ => return None,
        };
        let candidates = by_type.get(rtype)?;
        candidates
            .iter()
            .find(|(p, _)| p == provider)
            .or_else(|| candidates.first())
            .map(|(_, b)| b)
    }

    /// Resource and data source types in the file (for tests and figures).
    pub fn len(&self) -> usize {
        self.managed.len() + self.data.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn block(raw: RawBlock) -> Block {
    Block {
        attributes: raw
            .attributes
            .into_iter()
            .map(|(k, a)| (k, attribute(a)))
            .collect(),
        block_types: raw
            .block_types
            .into_iter()
            .map(|(k, b)| {
                let nesting = match b.nesting_mode.as_str() {
                    "single" => Nesting::Single,
                    "group" => Nesting::Group,
                    "set" => Nesting::Set,
                    "map" => Nesting::Map,
                    _ => Nesting::List,
                };
                (
                    k,
                    NestedBlock {
                        nesting,
                        block: block(b.block),
                    },
                )
            })
            .collect(),
    }
}

fn attribute(raw: RawAttribute) -> Attribute {
    let ty = match (&raw.ty, raw.nested_type) {
        (Some(t), _) => cty_type(t),
        (None, Some(nested)) => nested_type(nested),
        (None, None) => Type::Any,
    };
    Attribute {
        ty,
        computed: raw.computed,
        computed_only: raw.computed && !raw.optional && !raw.required,
    }
}

/// A type in cty's JSON form: `"string"`, `["list", T]`,
/// `["object", {name: T}, [optional names]]`, ...; `"dynamic"` and
/// anything not understood is `any` (the value is taken as it is).
fn cty_type(t: &serde_json::Value) -> Type {
    use serde_json::Value as J;
    match t {
        J::String(s) => match s.as_str() {
            "string" => Type::String,
            "number" => Type::Number,
            "bool" => Type::Bool,
            _ => Type::Any,
        },
        J::Array(parts) => {
            let kind = parts.first().and_then(J::as_str).unwrap_or_default();
            let arg = parts.get(1);
            match (kind, arg) {
                ("list", Some(e)) => Type::List(Box::new(cty_type(e))),
                ("set", Some(e)) => Type::Set(Box::new(cty_type(e))),
                ("map", Some(e)) => Type::Map(Box::new(cty_type(e))),
                ("tuple", Some(J::Array(items))) => {
                    Type::Tuple(items.iter().map(cty_type).collect())
                }
                ("object", Some(J::Object(attrs))) => {
                    let optional: Vec<&str> = parts
                        .get(2)
                        .and_then(J::as_array)
                        .into_iter()
                        .flatten()
                        .filter_map(J::as_str)
                        .collect();
                    Type::Object(
                        attrs
                            .iter()
                            .map(|(k, t)| {
                                (
                                    k.clone(),
                                    ObjectAttribute {
                                        ty: cty_type(t),
                                        optional: optional.contains(&k.as_str()),
                                        default: None,
                                    },
                                )
                            })
                            .collect(),
                    )
                }
                _ => Type::Any,
            }
        }
        _ => Type::Any,
    }
}

/// A nested attribute type as a cty type: an object whose attributes not
/// required may be left out (null), in a list, set or map by its nesting.
fn nested_type(raw: RawNested) -> Type {
    let object = Type::Object(
        raw.attributes
            .into_iter()
            .map(|(k, a)| {
                let optional = !a.required;
                let ty = attribute(a).ty;
                (
                    k,
                    ObjectAttribute {
                        ty,
                        optional,
                        default: None,
                    },
                )
            })
            .collect(),
    );
    match raw.nesting_mode.as_str() {
        "list" => Type::List(Box::new(object)),
        "set" => Type::Set(Box::new(object)),
        "map" => Type::Map(Box::new(object)),
        _ => object,
    }
}

/// What applying a schema to a resource's values found.
#[derive(Debug, Default)]
pub struct Applied {
    /// (attribute path, message) for each value that does not convert:
    /// Terraform's "Incorrect attribute value type".
    pub errors: Vec<(String, String)>,
    /// (path of a `set` block type, the old indexes of the blocks kept):
    /// duplicate blocks collapse, so later blocks move up.
    pub collapsed: Vec<(String, Vec<usize>)>,
}

/// The resource whose values a schema is applied to.
pub struct Target<'a> {
    /// Its address, in the reasons of unknowns.
    pub label: &'a str,
    /// A data source (read at plan time) rather than a managed resource.
    pub data: bool,
    /// Whether the attribute at a path was written as `name = ...` rather
    /// than as blocks (`name { ... }`, which providers accept for some
    /// list-of-object attributes, leaving unwritten members null).
    pub written_as_attribute: &'a dyn Fn(&str) -> bool,
}

/// Makes a resource's evaluated body (`values`, an object) follow its
/// schema.
pub fn apply(schema: &Block, values: &mut Value, target: &Target<'_>) -> Applied {
    let mut out = Applied::default();
    if let Value::Object(map) = values {
        apply_block(schema, map, "", target, &mut out);
    }
    out
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn apply_block(
    schema: &Block,
    map: &mut BTreeMap<String, Value>,
    path: &str,
    ctx: &Target<'_>,
    out: &mut Applied,
) {
    let label = ctx.label;
    for (name, attr) in &schema.attributes {
        let p = join(path, name);
        match map.get_mut(name) {
            Some(v) => {
                let relaxed;
                let ty = if (ctx.written_as_attribute)(&p) {
                    &attr.ty
                } else {
                    relaxed = members_optional(&attr.ty);
                    &relaxed
                };
                let before = std::mem::replace(v, Value::Null);
                match types::convert(before.clone(), ty) {
                    Ok(converted) => *v = converted,
                    Err(e) => {
                        *v = before;
                        out.errors.push((
                            p,
                            format!(
                                "Incorrect attribute value type: Inappropriate value for attribute {name:?}: {}.",
                                detail(&e)
                            ),
                        ));
                    }
                }
            }
            // A data source is read while Terraform plans, so what it
            // reads is known in the plan: not marked unknown here.
            None if attr.computed_only && !ctx.data => {
                map.insert(
                    name.clone(),
                    Value::unknown(format!(
                        "{label}.{p} is set by the provider (computed in its schema): known after apply"
                    )),
                );
            }
            None => {}
        }
    }
    for (name, nested) in &schema.block_types {
        let Some(Value::List(items)) = map.get_mut(name) else {
            continue;
        };
        let base = join(path, name);
        for (i, item) in items.iter_mut().enumerate() {
            if let Value::Object(obj) = item {
                let p = format!("{base}.{i}");
                apply_block(&nested.block, obj, &p, ctx, out);
            }
        }
        if nested.nesting == Nesting::Set {
            let n = items.len();
            let mut kept: Vec<usize> = Vec::with_capacity(n);
            let mut unique: Vec<Value> = Vec::with_capacity(items.len());
            for (i, item) in std::mem::take(items).into_iter().enumerate() {
                // Blocks with unknown parts may differ once known: kept.
                if item.is_wholly_known() && unique.contains(&item) {
                    continue;
                }
                kept.push(i);
                unique.push(item);
            }
            if kept.len() < n {
                out.collapsed.push((base.clone(), kept));
            }
            *items = unique;
        }
    }
}

/// A list or set of objects whose members may all be left out: an
/// attribute written as blocks.
fn members_optional(ty: &Type) -> Type {
    let relax = |t: &Type| match t {
        Type::Object(attrs) => Type::Object(
            attrs
                .iter()
                .map(|(k, a)| {
                    (
                        k.clone(),
                        ObjectAttribute {
                            ty: a.ty.clone(),
                            optional: true,
                            default: None,
                        },
                    )
                })
                .collect(),
        ),
        other => other.clone(),
    };
    match ty {
        Type::List(e) => Type::List(Box::new(relax(e))),
        Type::Set(e) => Type::Set(Box::new(relax(e))),
        other => relax(other),
    }
}

/// A conversion error as Terraform words it after the attribute's name:
/// each step of the path (`element 0`, `element "key"`, `attribute "x"`),
/// then cty's message.
fn detail(e: &types::ConversionError) -> String {
    let mut steps = Vec::new();
    let mut rest = e.path.as_str();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            steps.push(format!("attribute {:?}", &r[..end]));
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix("[\"") {
            // A Debug-quoted key: up to the first unescaped quote.
            let mut end = 0;
            let mut escaped = false;
            for (i, c) in r.char_indices() {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => {
                        end = i;
                        break;
                    }
                    _ => escaped = false,
                }
            }
            steps.push(format!("element \"{}\"", &r[..end]));
            rest = r.get(end + 2..).unwrap_or_default();
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').unwrap_or(r.len());
            steps.push(format!("element {}", &r[..end]));
            rest = r.get(end + 1..).unwrap_or_default();
        } else {
            break;
        }
    }
    steps.push(e.message.clone());
    steps.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema(block: serde_json::Value) -> ProviderSchemas {
        let doc = json!({
            "format_version": "1.0",
            "provider_schemas": {
                "registry.terraform.io/hashicorp/aws": {
                    "resource_schemas": { "aws_thing": { "version": 0, "block": block } }
                }
            }
        });
        ProviderSchemas::parse(&doc.to_string()).expect("parses")
    }

    #[test]
    fn reads_types_flags_and_nesting() {
        let s = schema(json!({
            "attributes": {
                "size": {"type": "number", "optional": true},
                "arn": {"type": "string", "computed": true},
                "ids": {"type": ["set", "string"], "optional": true, "computed": true},
                "rule": {"type": ["list", ["object", {"a": "string", "b": "number"}, ["b"]]], "optional": true}
            },
            "block_types": {
                "grant": {"nesting_mode": "set", "block": {"attributes": {"id": {"type": "string", "required": true}}}}
            }
        }));
        let b = s.block(Mode::Managed, "aws", "aws_thing").expect("found");
        assert_eq!(b.attributes["size"].ty, Type::Number);
        assert!(b.attributes["arn"].computed_only);
        assert!(!b.attributes["ids"].computed_only);
        assert_eq!(b.attributes["ids"].ty, Type::Set(Box::new(Type::String)));
        let Type::List(e) = &b.attributes["rule"].ty else {
            panic!("a list");
        };
        let Type::Object(o) = &**e else {
            panic!("of objects");
        };
        assert!(o["b"].optional && !o["a"].optional);
        assert_eq!(b.block_types["grant"].nesting, Nesting::Set);
        assert!(s.block(Mode::Managed, "aws", "aws_other").is_none());
        assert!(ProviderSchemas::parse("{}").is_err());
    }

    #[test]
    fn errors_are_worded_like_terraform() {
        let e = types::ConversionError {
            path: "[0].cidr[\"a\"]".into(),
            message: "a number is required".into(),
        };
        assert_eq!(
            detail(&e),
            r#"element 0: attribute "cidr": element "a": a number is required"#
        );
    }
}
