//! Input variables: the value each declared variable takes (module call
//! argument, tfvars, `-var`, `TF_VAR_`, default), and the type constraint's
//! `optional()` defaults.

use super::*;
use crate::terraform::types::{self, ConversionError, Type};

impl ModuleEval<'_, '_> {
    /// Each declared variable's value: the input if given, else the default,
    /// else unknown; converted to the declared type as Terraform converts
    /// it. A value that does not convert is an error at the value, in
    /// Terraform's words, and the variable is unknown.
    pub(super) fn variable_values(&self) -> BTreeMap<String, Value> {
        let eval = Eval::new(self);
        let mut out = BTreeMap::new();
        for (block, file) in &self.config.variables {
            self.current_file.set(*file);
            let name = block.labels[0].as_str().to_owned();
            let nullable = attr_bool(&eval, &block.body, "nullable").unwrap_or(true);
            let type_expr = block.body.get_attribute("type").map(|t| &t.value);
            let ty = type_expr.and_then(|t| Type::parse(t, &eval));
            let default_attr = block.body.get_attribute("default");
            let default = default_attr.map(|a| {
                let v = eval.expr(&a.value, Bindings::EMPTY);
                let at = SpanRef {
                    file: *file,
                    span: a.value.span().unwrap_or(0..0),
                };
                self.typed(v, ty.as_ref(), type_expr, &eval, |err| {
                    self.error_issue(
                        at.clone(),
                        format!("Invalid default value for variable: This default value is not compatible with the variable's type constraint: {err}."),
                    );
                })
            });
            let given = self
                .ctx
                .inputs
                .values
                .get(&name)
                .cloned()
                .or_else(|| {
                    self.ctx
                        .inputs
                        .raw
                        .get(&name)
                        .map(|r| raw_value(r, ty.as_ref()))
                })
                .or_else(|| {
                    self.ctx
                        .inputs
                        .env
                        .get(&name)
                        .map(|r| raw_value(r, ty.as_ref()))
                });
            let given = given.map(|v| {
                let at = self
                    .ctx
                    .inputs
                    .origins
                    .get(&name)
                    .cloned()
                    .unwrap_or_else(|| span_of(*file, block));
                self.typed(v, ty.as_ref(), type_expr, &eval, |err| {
                    // Written out only for the error: finding the file
                    // and counting lines is not free.
                    let declared = self.position(&span_of(*file, block));
                    let label = if self.ctx.address.is_empty() {
                        format!("var.{name}")
                    } else {
                        format!("{}.var.{name}", self.ctx.address)
                    };
                    self.error_issue(
                        at.clone(),
                        format!("Invalid value for input variable: The given value is not suitable for {label} declared at {declared}: {err}."),
                    );
                })
            });
            let value = match (given, default) {
                (Some(Value::Null), Some(d)) if !nullable => d,
                (Some(v), _) => v,
                (None, Some(d)) => d,
                (None, None) => Value::unknown(format!("var.{name} has no value")),
            };
            out.insert(name, value);
        }
        out
    }

    /// `value` converted to the declared type (its `optional()` defaults
    /// applied); `report` gets the conversion error.
    fn typed(
        &self,
        value: Value,
        ty: Option<&Type>,
        type_expr: Option<&Expression>,
        eval: &Eval<'_>,
        report: impl FnOnce(&ConversionError),
    ) -> Value {
        match (ty, type_expr) {
            (Some(ty), _) => match types::convert(value, ty) {
                Ok(v) => v,
                Err(e) => {
                    report(&e);
                    error(format!(
                        "the value does not convert to the variable's type: {e}"
                    ))
                }
            },
            // A constraint tfward does not read: its optional() defaults only.
            (None, Some(t)) => apply_type_defaults(eval, t, value),
            (None, None) => value,
        }
    }

    /// `file:line,column` of a span, as Terraform names a declaration.
    pub(super) fn position(&self, at: &SpanRef) -> String {
        match self.ctx.project.files.iter().find(|f| f.file == at.file) {
            Some(f) => {
                let lc = f.source.line_col(at.span.start);
                format!("{}:{},{}", f.source.display, lc.line, lc.column)
            }
            None => "?".to_owned(),
        }
    }
}

/// A `--var`/`TF_VAR_` string as the variable's type wants it: a string
/// for primitive types (and for untyped values that do not look like a
/// collection), else an HCL expression (Terraform's `parseVarFlag`).
pub(super) fn raw_value(raw: &str, ty: Option<&Type>) -> Value {
    let as_string = match ty {
        Some(t) if t.is_primitive() => true,
        Some(Type::Any) | None => !raw.contains(['[', '{', '"']),
        Some(_) => false,
    };
    if as_string {
        return Value::String(raw.to_owned());
    }
    match hcl_edit::parser::parse_expr(raw) {
        Ok(expr) => match Eval::new(&LiteralResolver).expr(&expr, Bindings::EMPTY) {
            Value::Unknown(_) => Value::String(raw.to_owned()),
            v => v,
        },
        Err(_) => Value::String(raw.to_owned()),
    }
}

/// Applies a type constraint's `optional(type, default)` defaults to a
/// value: missing optional object attributes get their default (or null),
/// recursively through list, set, map, tuple and object types. Other
/// conversions are left to the provider.
pub(super) fn apply_type_defaults(eval: &Eval<'_>, ty: &Expression, value: Value) -> Value {
    let Expression::FuncCall(call) = ty else {
        return value;
    };
    let name = call.name.name.value().as_str();
    let arg = |i: usize| call.args.iter().nth(i);
    match (name, value) {
        ("optional", v) => match arg(0) {
            Some(inner) => apply_type_defaults(eval, inner, v),
            None => v,
        },
        ("list" | "set", Value::List(items)) => match arg(0) {
            Some(inner) => Value::List(
                items
                    .into_iter()
                    .map(|v| apply_type_defaults(eval, inner, v))
                    .collect(),
            ),
            None => Value::List(items),
        },
        ("map", Value::Object(map)) => match arg(0) {
            Some(inner) => Value::Object(
                map.into_iter()
                    .map(|(k, v)| (k, apply_type_defaults(eval, inner, v)))
                    .collect(),
            ),
            None => Value::Object(map),
        },
        ("tuple", Value::List(items)) => match arg(0) {
            Some(Expression::Array(types)) => Value::List(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| match types.get(i) {
                        Some(t) => apply_type_defaults(eval, t, v),
                        None => v,
                    })
                    .collect(),
            ),
            _ => Value::List(items),
        },
        ("object", Value::Object(mut map)) => {
            let Some(Expression::Object(attrs)) = arg(0) else {
                return Value::Object(map);
            };
            for (key, attr_ty) in attrs.iter() {
                let key = match key {
                    hcl_edit::expr::ObjectKey::Ident(i) => i.value().to_string(),
                    hcl_edit::expr::ObjectKey::Expression(Expression::String(s)) => {
                        s.value().clone()
                    }
                    hcl_edit::expr::ObjectKey::Expression(_) => continue,
                };
                let attr_ty = attr_ty.expr();
                match map.remove(&key) {
                    Some(Value::Null) | None => {
                        let default = optional_default(eval, attr_ty);
                        map.insert(
                            key,
                            default.map_or(Value::Null, |d| apply_type_defaults(eval, attr_ty, d)),
                        );
                    }
                    Some(v) => {
                        map.insert(key, apply_type_defaults(eval, attr_ty, v));
                    }
                }
            }
            Value::Object(map)
        }
        (_, v) => v,
    }
}

/// The default of `optional(type, default)`, if the type is one with a default.
pub(super) fn optional_default(eval: &Eval<'_>, ty: &Expression) -> Option<Value> {
    let Expression::FuncCall(call) = ty else {
        return None;
    };
    if call.name.name.value().as_str() != "optional" {
        return None;
    }
    call.args
        .iter()
        .nth(1)
        .map(|d| eval.expr(d, Bindings::EMPTY))
}
