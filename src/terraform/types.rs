//! Terraform's type constraints and its type conversion (go-cty's
//! `convert` package), for the places Terraform converts: a variable's
//! value to its declared `type` (from every source: default, tfvars,
//! `-var`, a module call's argument), `optional()` attribute defaults, and
//! the unification of a conditional's two results.
//!
//! [`Value`] does not carry a static type, so conversion works on the
//! value's shape: a list is a list, set or tuple, an object a map or object.

use std::collections::BTreeMap;

use hcl_edit::expr::{Expression, ObjectKey};

use super::eval::{Bindings, Eval};
use super::number::Number;
use super::value::Value;

/// A type constraint.
#[derive(Debug, Clone, PartialEq)]
pub enum Type {
    /// `any`: the value's own type.
    Any,
    String,
    Number,
    Bool,
    List(Box<Type>),
    Set(Box<Type>),
    Map(Box<Type>),
    Tuple(Vec<Type>),
    Object(BTreeMap<String, Attribute>),
}

/// An object type's attribute: `optional(type, default)` or `type`.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    pub ty: Type,
    pub optional: bool,
    pub default: Option<Value>,
}

impl Type {
    /// Parses a `type = ...` constraint; `default` values of `optional()`
    /// are evaluated with `eval`. None for a constraint tfward does not read
    /// (the value is then taken as it is).
    pub fn parse(expr: &Expression, eval: &Eval<'_>) -> Option<Type> {
        match expr {
            Expression::Variable(v) => Type::keyword(v.value().as_str()),
            // Terraform 0.11's quoted types.
            Expression::String(s) => match s.value().as_str() {
                "string" => Some(Type::String),
                "list" => Some(Type::List(Box::new(Type::Any))),
                "map" => Some(Type::Map(Box::new(Type::Any))),
                _ => None,
            },
            Expression::Parenthesis(p) => Type::parse(p.inner(), eval),
            Expression::FuncCall(call) => {
                let args: Vec<&Expression> = call.args.iter().collect();
                let one = || args.first().and_then(|a| Type::parse(a, eval));
                match call.name.name.value().as_str() {
                    "list" => Some(Type::List(Box::new(one()?))),
                    "set" => Some(Type::Set(Box::new(one()?))),
                    "map" => Some(Type::Map(Box::new(one()?))),
                    "tuple" => match args.first() {
                        Some(Expression::Array(items)) => Some(Type::Tuple(
                            items
                                .iter()
                                .map(|t| Type::parse(t, eval))
                                .collect::<Option<Vec<_>>>()?,
                        )),
                        _ => None,
                    },
                    "object" => match args.first() {
                        Some(Expression::Object(attrs)) => {
                            let mut out = BTreeMap::new();
                            for (key, ty) in attrs.iter() {
                                let name = match key {
                                    ObjectKey::Ident(i) => i.value().to_string(),
                                    ObjectKey::Expression(Expression::String(s)) => {
                                        s.value().clone()
                                    }
                                    ObjectKey::Expression(_) => return None,
                                };
                                out.insert(name, Attribute::parse(ty.expr(), eval)?);
                            }
                            Some(Type::Object(out))
                        }
                        _ => None,
                    },
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn keyword(name: &str) -> Option<Type> {
        match name {
            "any" => Some(Type::Any),
            "string" => Some(Type::String),
            "number" => Some(Type::Number),
            "bool" => Some(Type::Bool),
            // `list` and `map` alone are `list(any)` and `map(any)`.
            "list" => Some(Type::List(Box::new(Type::Any))),
            "map" => Some(Type::Map(Box::new(Type::Any))),
            "set" => Some(Type::Set(Box::new(Type::Any))),
            _ => None,
        }
    }

    pub fn is_primitive(&self) -> bool {
        matches!(self, Type::String | Type::Number | Type::Bool)
    }

    /// cty's friendly name, as in "list of string required".
    pub fn friendly_name(&self) -> String {
        match self {
            Type::Any => "any".into(),
            Type::String => "string".into(),
            Type::Number => "number".into(),
            Type::Bool => "bool".into(),
            Type::List(t) => format!("list of {}", t.friendly_name()),
            Type::Set(t) => format!("set of {}", t.friendly_name()),
            Type::Map(t) => format!("map of {}", t.friendly_name()),
            Type::Tuple(_) => "tuple".into(),
            Type::Object(_) => "object".into(),
        }
    }
}

impl Attribute {
    fn parse(expr: &Expression, eval: &Eval<'_>) -> Option<Attribute> {
        if let Expression::FuncCall(call) = expr {
            if call.name.name.value().as_str() == "optional" {
                let mut args = call.args.iter();
                let ty = Type::parse(args.next()?, eval)?;
                let default = args.next().map(|d| eval.expr(d, Bindings::EMPTY));
                return Some(Attribute {
                    ty,
                    optional: true,
                    default,
                });
            }
        }
        Some(Attribute {
            ty: Type::parse(expr, eval)?,
            optional: false,
            default: None,
        })
    }
}

/// Why a value does not convert: where in it, and cty's message.
#[derive(Debug, Clone, PartialEq)]
pub struct ConversionError {
    /// `.cpu`, `[0]`, `["key"]` steps, as Terraform's `FormatCtyPath` writes them.
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for ConversionError {
    /// Terraform's `tfdiags.FormatError`: the path, when there is one, then
    /// the message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

fn fail(path: &At<'_>, message: impl Into<String>) -> ConversionError {
    ConversionError {
        path: path.render(),
        message: message.into(),
    }
}

/// Where in the value a conversion is: written out as a
/// [`ConversionError`]'s path only when the conversion fails, so a value
/// that converts costs no string per element.
#[derive(Clone, Copy)]
enum At<'a> {
    Root,
    Index(&'a At<'a>, usize),
    Key(&'a At<'a>, &'a str),
    Attr(&'a At<'a>, &'a str),
}

impl At<'_> {
    fn render(&self) -> String {
        match self {
            At::Root => String::new(),
            At::Index(up, i) => format!("{}[{i}]", up.render()),
            At::Key(up, k) => format!("{}[{k:?}]", up.render()),
            At::Attr(up, name) => format!("{}.{name}", up.render()),
        }
    }
}

/// Converts `value` to type `ty` as Terraform does (cty's `convert.Convert`,
/// with `optional()` defaults applied first). Unknowns stay unknown; null
/// converts to any type.
pub fn convert(value: Value, ty: &Type) -> Result<Value, ConversionError> {
    convert_at(value, ty, &At::Root)
}

fn convert_at(value: Value, ty: &Type, path: &At<'_>) -> Result<Value, ConversionError> {
    if let Value::Sensitive(inner) = value {
        return convert_at(*inner, ty, path).map(Value::sensitive);
    }
    if matches!(value, Value::Null | Value::Unknown(_)) {
        return Ok(value);
    }
    match ty {
        Type::Any => Ok(value),
        Type::String => match value {
            Value::String(_) => Ok(value),
            Value::Number(n) => Ok(Value::String(super::value::number_text(n))),
            Value::Bool(b) => Ok(Value::String(b.to_string())),
            other => Err(fail(path, mismatch(&other, ty))),
        },
        Type::Number => match value {
            Value::Number(_) => Ok(value),
            Value::String(s) => match Number::parse(&s) {
                Some(n) => Ok(Value::Number(n)),
                None => Err(fail(path, "a number is required")),
            },
            other => Err(fail(path, mismatch(&other, ty))),
        },
        Type::Bool => match value {
            Value::Bool(_) => Ok(value),
            Value::String(s) if s == "true" => Ok(Value::Bool(true)),
            Value::String(s) if s == "false" => Ok(Value::Bool(false)),
            Value::String(_) => Err(fail(path, "a bool is required")),
            other => Err(fail(path, mismatch(&other, ty))),
        },
        Type::List(elem) | Type::Set(elem) => {
            let Value::List(items) = value else {
                return Err(fail(path, mismatch(&value, ty)));
            };
            let items = convert_elements(items, elem, path)?;
            Ok(Value::List(if matches!(ty, Type::Set(_)) {
                set_of(items)
            } else {
                items
            }))
        }
        Type::Map(elem) => {
            let Value::Object(map) = value else {
                return Err(fail(path, mismatch(&value, ty)));
            };
            let keys: Vec<String> = map.keys().cloned().collect();
            let values: Vec<Value> = map.into_values().collect();
            let values = if **elem == Type::Any {
                unify_values(values)
            } else {
                let mut out = Vec::with_capacity(values.len());
                for (k, v) in keys.iter().zip(values) {
                    out.push(convert_at(v, elem, &At::Key(path, k))?);
                }
                out
            };
            Ok(Value::Object(keys.into_iter().zip(values).collect()))
        }
        Type::Tuple(types) => {
            let Value::List(items) = value else {
                return Err(fail(path, mismatch(&value, ty)));
            };
            if items.len() != types.len() {
                return Err(fail(
                    path,
                    format!("tuple required with {} elements", types.len()),
                ));
            }
            items
                .into_iter()
                .zip(types)
                .enumerate()
                .map(|(i, (v, t))| convert_at(v, t, &At::Index(path, i)))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::List)
        }
        Type::Object(attrs) => {
            let Value::Object(mut map) = value else {
                return Err(fail(path, mismatch(&value, ty)));
            };
            let mut out = BTreeMap::new();
            for (name, attr) in attrs {
                let at = At::Attr(path, name);
                match map.remove(name) {
                    Some(Value::Null) | None if attr.optional => {
                        let v = match &attr.default {
                            Some(d) => convert_at(d.clone(), &attr.ty, &at)?,
                            None => Value::Null,
                        };
                        out.insert(name.clone(), v);
                    }
                    None => {
                        return Err(fail(path, format!("attribute {name:?} is required")));
                    }
                    Some(v) => {
                        out.insert(name.clone(), convert_at(v, &attr.ty, &at)?);
                    }
                }
            }
            Ok(Value::Object(out))
        }
    }
}

fn convert_elements(
    items: Vec<Value>,
    elem: &Type,
    path: &At<'_>,
) -> Result<Vec<Value>, ConversionError> {
    if *elem == Type::Any {
        return Ok(unify_values(items));
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, v)| convert_at(v, elem, &At::Index(path, i)))
        .collect()
}

/// cty's `MismatchMessage` for values whose kind cannot convert at all.
fn mismatch(value: &Value, want: &Type) -> String {
    match (value, want) {
        (Value::Object(_), Type::Object(_)) | (Value::List(_), Type::Tuple(_)) => {
            format!("{} required", want.friendly_name())
        }
        _ => format!("{} required", want.friendly_name()),
    }
}

/// A set's elements: de-duplicated, in Terraform's order for primitive
/// elements (strings lexically, numbers ascending, false before true).
fn set_of(items: Vec<Value>) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::with_capacity(items.len());
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    if out.iter().all(|v| v.as_str().is_some()) {
        out.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
    } else if out.iter().all(|v| matches!(v, Value::Number(_))) {
        out.sort_by(|a, b| match (a, b) {
            (Value::Number(x), Value::Number(y)) => x.cmp_num(*y),
            _ => std::cmp::Ordering::Equal,
        });
    } else if out.iter().all(|v| matches!(v, Value::Bool(_))) {
        out.sort_by_key(Value::as_bool);
    }
    out
}

/// The shape of a value's type, for unification; None for null and
/// unknown (cty's dynamic pseudo-type, which unifies with anything and
/// makes no conversion).
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    String,
    Number,
    Bool,
    Tuple(Vec<Option<Shape>>),
    Object(BTreeMap<String, Option<Shape>>),
}

fn shape(v: &Value) -> Option<Shape> {
    match v {
        Value::Sensitive(inner) => shape(inner),
        Value::Null | Value::Unknown(_) => None,
        Value::String(_) => Some(Shape::String),
        Value::Number(_) => Some(Shape::Number),
        Value::Bool(_) => Some(Shape::Bool),
        Value::List(items) => Some(Shape::Tuple(items.iter().map(shape).collect())),
        Value::Object(map) => Some(Shape::Object(
            map.iter().map(|(k, v)| (k.clone(), shape(v))).collect(),
        )),
    }
}

/// cty's `convert.Unify` over the shapes: primitives mixed with strings
/// become strings; tuples of one length unify element-wise, of several
/// lengths into a list; objects with the same attributes unify
/// attribute-wise, with different ones into a map. Err when they do not
/// unify (number with bool, a list with an object).
fn unify(shapes: &[Option<Shape>]) -> Result<Option<Type>, ()> {
    let known: Vec<&Shape> = shapes.iter().flatten().collect();
    let Some(first) = known.first() else {
        return Ok(None);
    };
    if known.iter().all(|s| *s == *first) {
        return Ok(Some(type_of_shape(first)));
    }
    let primitive = |s: &&Shape| matches!(s, Shape::String | Shape::Number | Shape::Bool);
    if known.iter().all(primitive) {
        return if known.iter().any(|s| **s == Shape::String) {
            Ok(Some(Type::String))
        } else {
            Err(())
        };
    }
    if known.iter().all(|s| matches!(s, Shape::Tuple(_))) {
        let tuples: Vec<&Vec<Option<Shape>>> = known
            .iter()
            .filter_map(|s| match s {
                Shape::Tuple(t) => Some(t),
                _ => None,
            })
            .collect();
        let len = tuples[0].len();
        if tuples.iter().all(|t| t.len() == len) {
            let mut types = Vec::with_capacity(len);
            for i in 0..len {
                let column: Vec<Option<Shape>> = tuples.iter().map(|t| t[i].clone()).collect();
                types.push(unify(&column)?.unwrap_or(Type::Any));
            }
            return Ok(Some(Type::Tuple(types)));
        }
        let all: Vec<Option<Shape>> = tuples.iter().flat_map(|t| t.iter().cloned()).collect();
        return Ok(Some(Type::List(Box::new(
            unify(&all)?.unwrap_or(Type::Any),
        ))));
    }
    if known.iter().all(|s| matches!(s, Shape::Object(_))) {
        let objects: Vec<&BTreeMap<String, Option<Shape>>> = known
            .iter()
            .filter_map(|s| match s {
                Shape::Object(o) => Some(o),
                _ => None,
            })
            .collect();
        let keys: Vec<&String> = objects[0].keys().collect();
        if objects.iter().all(|o| o.keys().collect::<Vec<_>>() == keys) {
            let mut attrs = BTreeMap::new();
            for k in keys {
                let column: Vec<Option<Shape>> = objects.iter().map(|o| o[k].clone()).collect();
                attrs.insert(
                    k.clone(),
                    Attribute {
                        ty: unify(&column)?.unwrap_or(Type::Any),
                        optional: false,
                        default: None,
                    },
                );
            }
            return Ok(Some(Type::Object(attrs)));
        }
        let all: Vec<Option<Shape>> = objects.iter().flat_map(|o| o.values().cloned()).collect();
        return Ok(Some(Type::Map(Box::new(unify(&all)?.unwrap_or(Type::Any)))));
    }
    Err(())
}

fn type_of_shape(s: &Shape) -> Type {
    match s {
        Shape::String => Type::String,
        Shape::Number => Type::Number,
        Shape::Bool => Type::Bool,
        Shape::Tuple(items) => Type::Tuple(
            items
                .iter()
                .map(|i| i.as_ref().map_or(Type::Any, type_of_shape))
                .collect(),
        ),
        Shape::Object(attrs) => Type::Object(
            attrs
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        Attribute {
                            ty: v.as_ref().map_or(Type::Any, type_of_shape),
                            optional: false,
                            default: None,
                        },
                    )
                })
                .collect(),
        ),
    }
}

/// Unifies the types of several values and converts each to the result
/// (the elements of a `list(any)`, the two results of a conditional).
/// Values that do not unify are left as they are.
pub fn unify_values(values: Vec<Value>) -> Vec<Value> {
    let shapes: Vec<Option<Shape>> = values.iter().map(shape).collect();
    // Values of one shape already have the type they unify to.
    if shapes.windows(2).all(|w| w[0] == w[1]) {
        return values;
    }
    let Ok(Some(ty)) = unify(&shapes) else {
        return values;
    };
    values
        .into_iter()
        .map(|v| convert(v.clone(), &ty).unwrap_or(v))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(src: &str) -> Type {
        let expr = hcl_edit::parser::parse_expr(src).expect("parses");
        let resolver = super::super::module::LiteralResolver;
        Type::parse(&expr, &Eval::new(&resolver)).expect("a type")
    }

    fn j(v: serde_json::Value) -> Value {
        Value::from_json(&v)
    }

    #[test]
    fn converts_like_cty() {
        use serde_json::json;
        assert_eq!(convert(j(json!(22)), &ty("string")), Ok(j(json!("22"))));
        assert_eq!(convert(j(json!("true")), &ty("bool")), Ok(j(json!(true))));
        assert_eq!(
            convert(j(json!([80, 443])), &ty("list(string)")),
            Ok(j(json!(["80", "443"])))
        );
        assert_eq!(
            convert(j(json!({"cpu": "2"})), &ty("map(number)")),
            Ok(j(json!({"cpu": 2})))
        );
        assert_eq!(
            convert(j(json!(["b", "a", "b"])), &ty("set(string)")),
            Ok(j(json!(["a", "b"])))
        );
        assert_eq!(
            convert(
                j(json!({"name": "x", "extra": 1})),
                &ty(r#"object({ name = string, size = optional(number, 10) })"#)
            ),
            Ok(j(json!({"name": "x", "size": 10})))
        );
        let err = convert(j(json!({"cpu": "two"})), &ty("map(number)")).expect_err("fails");
        assert_eq!(err.to_string(), r#"["cpu"]: a number is required"#);
        let err = convert(j(json!({})), &ty("object({ name = string })")).expect_err("fails");
        assert_eq!(err.to_string(), r#"attribute "name" is required"#);
        let err = convert(j(json!([1])), &ty("string")).expect_err("fails");
        assert_eq!(err.to_string(), "string required");
    }

    #[test]
    fn unification_follows_cty() {
        use serde_json::json;
        assert_eq!(
            unify_values(vec![j(json!(12)), j(json!("hello"))]),
            vec![j(json!("12")), j(json!("hello"))]
        );
        assert_eq!(
            unify_values(vec![j(json!(true)), j(json!(1))]),
            vec![j(json!(true)), j(json!(1))],
            "bool and number do not unify"
        );
        assert_eq!(
            unify_values(vec![j(json!({"a": 1})), j(json!({"b": "x"}))]),
            vec![j(json!({"a": "1"})), j(json!({"b": "x"}))],
            "objects with different attributes unify into a map"
        );
        assert_eq!(
            unify_values(vec![j(json!(null)), j(json!(5))]),
            vec![j(json!(null)), j(json!(5))]
        );
    }
}
