//! Input variables: the value each declared variable takes (module call
//! argument, tfvars, `-var`, `TF_VAR_`, default), and the type constraint's
//! `optional()` defaults.

use super::*;

impl ModuleEval<'_, '_> {
    /// Each declared variable's value: the input if given, else the default,
    /// else unknown.
    pub(super) fn variable_values(&self) -> BTreeMap<String, Value> {
        let eval = Eval::new(self);
        let mut out = BTreeMap::new();
        for (block, file) in &self.config.variables {
            self.current_file.set(*file);
            let name = block.labels[0].as_str().to_owned();
            let nullable = attr_bool(&eval, &block.body, "nullable").unwrap_or(true);
            let default = block
                .body
                .get_attribute("default")
                .map(|a| eval.expr(&a.value, Bindings::EMPTY));
            let type_is_string = block.body.get_attribute("type").is_some_and(
                |t| matches!(&t.value, Expression::Variable(v) if v.value().as_str() == "string"),
            );
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
                        .map(|r| raw_value(r, type_is_string))
                })
                .or_else(|| {
                    self.ctx
                        .inputs
                        .env
                        .get(&name)
                        .map(|r| raw_value(r, type_is_string))
                });
            let value = match (given.as_ref(), default) {
                (Some(Value::Null), Some(d)) if !nullable => d,
                (Some(v), _) => v.clone(),
                (None, Some(d)) => d,
                (None, None) => Value::unknown(format!("var.{name} has no value")),
            };
            let value = match block.body.get_attribute("type") {
                Some(t) => apply_type_defaults(&eval, &t.value, value),
                None => value,
            };
            out.insert(name, value);
        }
        out
    }
}

/// A `--var`/`TF_VAR_` string as the variable's type wants it.
pub(super) fn raw_value(raw: &str, type_is_string: bool) -> Value {
    if type_is_string {
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
