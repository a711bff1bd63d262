//! Provider schemas (`terraform providers schema -json`, given with
//! `--provider-schema`): what each resource type's attributes and nested
//! blocks are, so a resource's values follow them as Terraform makes them
//! follow them when it decodes the configuration: each attribute value
//! converted to the attribute's type, set-typed attributes and `set` blocks
//! without duplicates, `single` and `group` blocks an object and `map`
//! blocks an object keyed by their labels, and attributes only the provider
//! sets (computed and neither optional nor required, at the top or inside
//! a nested attribute type) unknown until apply (for managed resources: a
//! data source is read at plan time).
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
    /// The members of a nested attribute type (`nested_type`, protocol 6
    /// providers), which may be computed themselves.
    pub nested: Option<NestedAttributes>,
}

/// A nested attribute type: an object, or a list, set or map of objects.
#[derive(Debug)]
pub struct NestedAttributes {
    pub nesting: Nesting,
    pub attributes: BTreeMap<String, Attribute>,
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
                (
                    k,
                    NestedBlock {
                        nesting: nesting(&b.nesting_mode),
                        block: block(b.block),
                    },
                )
            })
            .collect(),
    }
}

/// A `nesting_mode`; `list` for one tfward does not know.
fn nesting(mode: &str) -> Nesting {
    match mode {
        "single" => Nesting::Single,
        "group" => Nesting::Group,
        "set" => Nesting::Set,
        "map" => Nesting::Map,
        _ => Nesting::List,
    }
}

fn attribute(raw: RawAttribute) -> Attribute {
    let (ty, nested) = match (&raw.ty, raw.nested_type) {
        (Some(t), _) => (cty_type(t), None),
        (None, Some(n)) => {
            let (ty, nested) = nested_type(n);
            (ty, Some(nested))
        }
        (None, None) => (Type::Any, None),
    };
    Attribute {
        ty,
        computed: raw.computed,
        computed_only: raw.computed && !raw.optional && !raw.required,
        nested,
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

/// A nested attribute type as a cty type (an object whose attributes not
/// required may be left out, null, in a list, set or map by its nesting:
/// Terraform's `configschema.Object.ImpliedType`), and its members.
fn nested_type(raw: RawNested) -> (Type, NestedAttributes) {
    let mut members = BTreeMap::new();
    let mut object = BTreeMap::new();
    for (k, a) in raw.attributes {
        let optional = !a.required;
        let member = attribute(a);
        object.insert(
            k.clone(),
            ObjectAttribute {
                ty: member.ty.clone(),
                optional,
                default: None,
            },
        );
        members.insert(k, member);
    }
    let nesting = nesting(&raw.nesting_mode);
    let object = Type::Object(object);
    let ty = match nesting {
        Nesting::List => Type::List(Box::new(object)),
        Nesting::Set => Type::Set(Box::new(object)),
        Nesting::Map => Type::Map(Box::new(object)),
        Nesting::Single | Nesting::Group => object,
    };
    (
        ty,
        NestedAttributes {
            nesting,
            attributes: members,
        },
    )
}

/// What applying a schema to a resource's values found.
#[derive(Debug, Default)]
pub struct Applied {
    /// (path as written, message) for each value or block Terraform
    /// rejects while it decodes the body: a value that does not convert
    /// ("Incorrect attribute value type"), a block with labels its type
    /// does not take, a `single` block written twice, a `map` block label
    /// used twice.
    pub errors: Vec<(String, String)>,
    /// Blocks no longer where they were written (`name.N`): set blocks
    /// after duplicates collapsed, `single` and `group` blocks at `name`,
    /// `map` blocks at `name.LABEL`. Inner block types come before the
    /// block type that holds them.
    pub moved: Vec<Moved>,
}

/// Where the blocks of one block type went.
#[derive(Debug, PartialEq)]
pub struct Moved {
    /// The block type's path as written (`rule`, `rule.0.action`).
    pub base: String,
    /// By written position: the step from `base` that now leads to the
    /// block, or None when it is gone (a duplicate, or a block Terraform
    /// rejects).
    pub to: Vec<Option<Step>>,
}

/// A step from a block type's path to one of its blocks.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// `base.N`: an element of a list or set.
    Index(usize),
    /// `base.LABEL`: a `map` block.
    Key(String),
    /// `base` itself: the block of a `single` or `group` type.
    Whole,
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
    /// The labels of each nested block written with labels, by its path
    /// as written (`setting.0` -> ["name"]).
    pub labels: &'a HashMap<String, Vec<String>>,
}

/// Makes a resource's evaluated body (`values`, an object) follow its
/// schema: first as Terraform decodes the configuration (conversions,
/// block shapes, sets), then the attributes the provider sets are marked
/// unknown, as its plan has them.
pub fn apply(schema: &Block, values: &mut Value, target: &Target<'_>) -> Applied {
    let mut out = Applied::default();
    if let Value::Object(map) = values {
        decode_block(schema, map, "", target, &mut out);
        if !target.data {
            mark_computed(schema, map, "", target.label);
        }
    }
    out
}

/// A value of attribute `attr` from elsewhere (a reference to it):
/// converted to its type, its provider-set members unknown. Unchanged when
/// it does not convert (the error is reported where it is written).
pub fn attribute_value(attr: &Attribute, v: Value, label: &str, path: &str, data: bool) -> Value {
    let mut v = match types::convert(v.clone(), &attr.ty) {
        Ok(converted) => converted,
        Err(_) => return v,
    };
    if let (Some(nested), false) = (&attr.nested, data) {
        mark_members(nested, &mut v, path, label);
    }
    v
}

/// `path.key`; `path` itself for the empty step of a single object.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else if key.is_empty() {
        path.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Decodes a block's evaluated body against its schema, as Terraform's
/// hcldec spec for it does (`configschema.Block.DecoderSpec`). `path` is
/// the block's path as written, where spans and labels are found.
fn decode_block(
    schema: &Block,
    map: &mut BTreeMap<String, Value>,
    path: &str,
    ctx: &Target<'_>,
    out: &mut Applied,
) {
    for (name, attr) in &schema.attributes {
        let p = join(path, name);
        let Some(v) = map.get_mut(name) else {
            continue;
        };
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
    for (name, nested) in &schema.block_types {
        let base = join(path, name);
        let written = match map.remove(name) {
            Some(Value::List(items)) => Some(items),
            // An unknown dynamic for_each: which blocks is not known.
            Some(other) => {
                map.insert(name.clone(), other);
                continue;
            }
            None => None,
        };
        let value = match nested.nesting {
            Nesting::List | Nesting::Set => {
                written.map(|items| list_blocks(nested, name, items, &base, ctx, out))
            }
            Nesting::Map => written.map(|items| map_blocks(nested, name, items, &base, ctx, out)),
            Nesting::Single | Nesting::Group => {
                one_block(nested, name, written.unwrap_or_default(), &base, ctx, out)
            }
        };
        if let Some(v) = value {
            map.insert(name.clone(), v);
        }
    }
}

/// The labels a block was written with.
fn labels<'c>(ctx: &Target<'c>, path: &str) -> &'c [String] {
    ctx.labels.get(path).map(Vec::as_slice).unwrap_or_default()
}

/// Whether the block at `path` has labels, which a block type other than
/// `map` does not take (HCL's "Extraneous label"): an error, and the block
/// is left out, as Terraform leaves it out.
fn unexpected_labels(name: &str, path: &str, ctx: &Target<'_>, out: &mut Applied) -> bool {
    if labels(ctx, path).is_empty() {
        return false;
    }
    out.errors.push((
        path.to_owned(),
        format!("Extraneous label for {name}: No labels are expected for {name} blocks."),
    ));
    true
}

/// A `list` or `set` block type: its blocks as a list (hcldec's
/// BlockListSpec, BlockSetSpec); a set holds each block once.
fn list_blocks(
    nested: &NestedBlock,
    name: &str,
    items: Vec<Value>,
    base: &str,
    ctx: &Target<'_>,
    out: &mut Applied,
) -> Value {
    let mut to = Vec::with_capacity(items.len());
    let mut kept: Vec<Value> = Vec::with_capacity(items.len());
    for (i, mut item) in items.into_iter().enumerate() {
        let p = format!("{base}.{i}");
        if unexpected_labels(name, &p, ctx, out) {
            to.push(None);
            continue;
        }
        if let Value::Object(obj) = &mut item {
            decode_block(&nested.block, obj, &p, ctx, out);
        }
        // Blocks with unknown parts may differ once known: kept.
        if nested.nesting == Nesting::Set && item.is_wholly_known() && kept.contains(&item) {
            to.push(None);
            continue;
        }
        to.push(Some(Step::Index(kept.len())));
        kept.push(item);
    }
    let in_place = to
        .iter()
        .enumerate()
        .all(|(i, s)| *s == Some(Step::Index(i)));
    if !in_place {
        out.moved.push(Moved {
            base: base.to_owned(),
            to,
        });
    }
    Value::List(kept)
}

/// A `map` block type: an object keyed by each block's one label
/// (hcldec's BlockMapSpec with the label name `key`). A block without
/// exactly one label, or with a label used before, is an error and left
/// out, in HCL's and hcldec's words.
fn map_blocks(
    nested: &NestedBlock,
    name: &str,
    items: Vec<Value>,
    base: &str,
    ctx: &Target<'_>,
    out: &mut Applied,
) -> Value {
    let mut to = Vec::with_capacity(items.len());
    let mut blocks = BTreeMap::new();
    for (i, mut item) in items.into_iter().enumerate() {
        let p = format!("{base}.{i}");
        let problem = match labels(ctx, &p) {
            [] => Some(format!(
                "Missing key for {name}: All {name} blocks must have 1 labels (key)."
            )),
            [key] if blocks.contains_key(key) => Some(format!(
                "Duplicate {name} block: A block for {name} {key:?} was already defined. The {name} labels must be unique."
            )),
            [_] => None,
            [_, ..] => Some(format!(
                "Extraneous label for {name}: Only 1 labels (key) are expected for {name} blocks."
            )),
        };
        if let Some(message) = problem {
            out.errors.push((p, message));
            to.push(None);
            continue;
        }
        let key = labels(ctx, &p)[0].clone();
        if let Value::Object(obj) = &mut item {
            decode_block(&nested.block, obj, &p, ctx, out);
        }
        to.push(Some(Step::Key(key.clone())));
        blocks.insert(key, item);
    }
    out.moved.push(Moved {
        base: base.to_owned(),
        to,
    });
    Value::Object(blocks)
}

/// A `single` or `group` block type: its one block as an object (hcldec's
/// BlockSpec). None written is null; for `group`, the object of an empty
/// block (a DefaultSpec over the block type's empty value).
fn one_block(
    nested: &NestedBlock,
    name: &str,
    items: Vec<Value>,
    base: &str,
    ctx: &Target<'_>,
    out: &mut Applied,
) -> Option<Value> {
    let mut to = Vec::with_capacity(items.len());
    let mut kept = None;
    for (i, mut item) in items.into_iter().enumerate() {
        let p = format!("{base}.{i}");
        if unexpected_labels(name, &p, ctx, out) {
            to.push(None);
            continue;
        }
        if kept.is_some() {
            out.errors.push((
                p,
                format!("Duplicate {name} block: Only one block of type {name:?} is allowed."),
            ));
            to.push(None);
            continue;
        }
        if let Value::Object(obj) = &mut item {
            decode_block(&nested.block, obj, &p, ctx, out);
        }
        to.push(Some(Step::Whole));
        kept = Some(item);
    }
    if !to.is_empty() {
        out.moved.push(Moved {
            base: base.to_owned(),
            to,
        });
    }
    match kept {
        None if nested.nesting == Nesting::Group => {
            let mut empty = BTreeMap::new();
            decode_block(&nested.block, &mut empty, base, ctx, out);
            Some(Value::Object(empty))
        }
        kept => kept,
    }
}

/// Marks the attributes of a decoded block that only the provider sets,
/// and are not set, unknown (known after apply), in its blocks and nested
/// attribute types too: the provider plans them unknown (the SDK's and the
/// plugin framework's MarkComputedNilsAsUnknown). `path` is the block's
/// path in the value.
fn mark_computed(schema: &Block, map: &mut BTreeMap<String, Value>, path: &str, label: &str) {
    mark_attributes(&schema.attributes, map, path, label);
    for (name, nested) in &schema.block_types {
        let Some(v) = map.get_mut(name) else {
            continue;
        };
        let base = join(path, name);
        for (step, block) in elements(nested.nesting, v) {
            mark_computed(&nested.block, block, &join(&base, &step), label);
        }
    }
}

/// Marks the provider-set attributes of one object (a block's, or a
/// nested attribute type's), and of the nested types inside them.
fn mark_attributes(
    attributes: &BTreeMap<String, Attribute>,
    obj: &mut BTreeMap<String, Value>,
    path: &str,
    label: &str,
) {
    for (name, attr) in attributes {
        let p = join(path, name);
        match obj.get_mut(name) {
            None | Some(Value::Null) if attr.computed_only => {
                obj.insert(name.clone(), computed(label, &p));
            }
            Some(v) => {
                if let Some(nested) = &attr.nested {
                    mark_members(nested, v, &p, label);
                }
            }
            None => {}
        }
    }
}

/// Marks the provider-set members of a nested attribute type's objects.
fn mark_members(nested: &NestedAttributes, v: &mut Value, path: &str, label: &str) {
    for (step, obj) in elements(nested.nesting, v) {
        mark_attributes(&nested.attributes, obj, &join(path, &step), label);
    }
}

/// The objects of a value nested as `nesting` says, each with the step
/// that leads to it ("" for a single object).
fn elements(nesting: Nesting, v: &mut Value) -> Vec<(String, &mut BTreeMap<String, Value>)> {
    let v = match v {
        Value::Sensitive(inner) => &mut **inner,
        v => v,
    };
    match (nesting, v) {
        (Nesting::Single | Nesting::Group, Value::Object(obj)) => vec![(String::new(), obj)],
        (Nesting::List | Nesting::Set, Value::List(items)) => items
            .iter_mut()
            .enumerate()
            .filter_map(|(i, item)| match item {
                Value::Object(obj) => Some((i.to_string(), obj)),
                _ => None,
            })
            .collect(),
        (Nesting::Map, Value::Object(entries)) => entries
            .iter_mut()
            .filter_map(|(k, item)| match item {
                Value::Object(obj) => Some((k.clone(), obj)),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn computed(label: &str, path: &str) -> Value {
    Value::unknown(format!(
        "{label}.{path} is set by the provider (computed in its schema): known after apply"
    ))
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
    use crate::terraform::number::Number;
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

    fn object(pairs: &[(&str, Value)]) -> Value {
        Value::Object(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        )
    }

    fn unknown_paths(v: &Value, path: &str, out: &mut Vec<String>) {
        match v {
            Value::Unknown(_) => out.push(path.to_owned()),
            Value::Object(m) => m
                .iter()
                .for_each(|(k, v)| unknown_paths(v, &join(path, k), out)),
            Value::List(l) => l
                .iter()
                .enumerate()
                .for_each(|(i, v)| unknown_paths(v, &join(path, &i.to_string()), out)),
            _ => {}
        }
    }

    #[test]
    fn blocks_take_the_shape_of_their_nesting_and_nested_members_are_marked() {
        let s = schema(json!({
            "attributes": {
                "rules": {"nested_type": {"nesting_mode": "set", "attributes": {
                    "port": {"type": "number", "required": true},
                    "id": {"type": "string", "computed": true}
                }}, "optional": true}
            },
            "block_types": {
                "setting": {"nesting_mode": "map", "block": {"attributes": {
                    "value": {"type": "number", "optional": true}
                }}},
                "timeouts": {"nesting_mode": "single", "block": {"attributes": {
                    "create": {"type": "string", "optional": true}
                }}}
            }
        }));
        let b = s.block(Mode::Managed, "aws", "aws_thing").expect("found");
        let rule = |port: &str| object(&[("port", Value::String(port.into()))]);
        let block = |k: &str, v: Value| object(&[(k, v)]);
        let mut values = object(&[
            ("rules", Value::List(vec![rule("1"), rule("1"), rule("2")])),
            (
                "setting",
                Value::List(vec![
                    block("value", Value::String("3".into())),
                    block("value", Value::String("4".into())),
                ]),
            ),
            (
                "timeouts",
                Value::List(vec![block("create", Value::String("5m".into()))]),
            ),
        ]);
        let labels = HashMap::from([
            ("setting.0".to_owned(), vec!["b".to_owned()]),
            ("setting.1".to_owned(), vec!["a".to_owned()]),
        ]);
        let target = Target {
            label: "aws_thing.t",
            data: false,
            written_as_attribute: &|p| p == "rules",
            labels: &labels,
        };
        let applied = apply(b, &mut values, &target);
        assert!(applied.errors.is_empty(), "{:?}", applied.errors);
        let Value::Object(map) = &values else {
            panic!("an object");
        };
        assert_eq!(
            map["setting"],
            object(&[
                ("a", object(&[("value", Value::Number(Number::Int(4)))])),
                ("b", object(&[("value", Value::Number(Number::Int(3)))])),
            ])
        );
        assert_eq!(map["timeouts"], block("create", Value::String("5m".into())));
        let mut unknown = Vec::new();
        unknown_paths(&values, "", &mut unknown);
        assert_eq!(
            unknown,
            ["rules.0.id", "rules.1.id"],
            "equal rules collapse first"
        );
        assert_eq!(
            applied.moved,
            [
                Moved {
                    base: "setting".into(),
                    to: vec![Some(Step::Key("b".into())), Some(Step::Key("a".into()))]
                },
                Moved {
                    base: "timeouts".into(),
                    to: vec![Some(Step::Whole)]
                }
            ]
        );
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
