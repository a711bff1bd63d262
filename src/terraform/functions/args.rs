//! Argument conversions shared by the families: Terraform's automatic
//! conversions of primitive values, set building and de-duplication.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::*;

// Argument conversion helpers (Terraform's automatic type conversions)

/// Converts to a string the way Terraform converts primitive values.
pub(super) fn to_str(v: &Value) -> Result<String, String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Null => Err("argument must not be null".to_owned()),
        other => Err(format!("string required, but have {}", other.type_name())),
    }
}

/// Converts to a number: numbers, and strings holding a decimal number.
pub(super) fn to_num(v: &Value) -> Result<f64, String> {
    match v {
        Value::Number(n) => Ok(n.to_f64()),
        Value::String(s) => parse_number(s).ok_or_else(|| {
            format!("cannot convert {s:?} to number; given string must be a decimal representation of a number")
        }),
        Value::Null => Err("argument must not be null".to_owned()),
        other => Err(format!("number required, but have {}", other.type_name())),
    }
}

/// Converts to a whole number.
pub(super) fn to_int(v: &Value) -> Result<i64, String> {
    let n = to_num(v)?;
    if n.fract() != 0.0 || !n.is_finite() || n.abs() > 9.007_199_254_740_992e15 {
        return Err(format!(
            "value must be a whole number, between -9007199254740992 and 9007199254740992, got {}",
            format_number(n)
        ));
    }
    Ok(n as i64)
}

pub(super) fn to_bool(v: &Value) -> Result<bool, String> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::String(s) if s == "true" => Ok(true),
        Value::String(s) if s == "false" => Ok(false),
        Value::String(s) => Err(format!(
            "cannot convert {s:?} to bool; only the strings \"true\" or \"false\" are allowed"
        )),
        Value::Null => Err("argument must not be null".to_owned()),
        other => Err(format!("bool required, but have {}", other.type_name())),
    }
}

pub(super) fn to_list(v: &Value) -> Result<&[Value], String> {
    match v {
        Value::List(items) => Ok(items),
        Value::Null => Err("argument must not be null".to_owned()),
        other => Err(format!(
            "list, set or tuple required, but have {}",
            other.type_name()
        )),
    }
}

pub(super) fn to_obj(v: &Value) -> Result<&BTreeMap<String, Value>, String> {
    match v {
        Value::Object(map) => Ok(map),
        Value::Null => Err("argument must not be null".to_owned()),
        other => Err(format!(
            "map or object required, but have {}",
            other.type_name()
        )),
    }
}

/// Applies a string-to-string function to the first argument.
pub(super) fn str_map(args: &[Value], f: impl Fn(&str) -> String) -> Res {
    Ok(Value::String(f(&to_str(&args[0])?)))
}

pub(super) fn num_result(n: f64) -> Res {
    if n.is_nan() {
        Err("the result is not a number".to_owned())
    } else {
        Ok(Value::from(n))
    }
}

/// Terraform's type unification for collections built from mixed primitive
/// values: when strings are mixed with numbers or bools, everything becomes a
/// string (as `tolist([1, "a"])` gives `["1", "a"]`).
pub(super) fn unify_primitives(items: Vec<Value>) -> Vec<Value> {
    let has_string = items.iter().any(|v| matches!(v, Value::String(_)));
    let all_primitive = items.iter().all(|v| {
        matches!(
            v,
            Value::String(_) | Value::Number(_) | Value::Bool(_) | Value::Null | Value::Unknown(_)
        )
    });
    if !(has_string && all_primitive) {
        return items;
    }
    items
        .into_iter()
        .map(|v| match v {
            Value::Number(n) => Value::String(n.to_string()),
            Value::Bool(b) => Value::String(b.to_string()),
            other => other,
        })
        .collect()
}

/// A key identifying a wholly known value, for de-duplication.
pub(super) fn canon_key(v: &Value, out: &mut String) {
    match v {
        Value::Sensitive(inner) => canon_key(inner, out),
        Value::Null => out.push('n'),
        Value::Bool(b) => out.push(if *b { 'T' } else { 'F' }),
        Value::Number(n) => {
            let _ = write!(out, "d{n}");
        }
        Value::String(s) => {
            let _ = write!(out, "s{}:{s}", s.len());
        }
        Value::List(items) => {
            let _ = write!(out, "l{}[", items.len());
            for item in items {
                canon_key(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let _ = write!(out, "o{}{{", map.len());
            for (k, item) in map {
                let _ = write!(out, "{}:{k}", k.len());
                canon_key(item, out);
            }
            out.push('}');
        }
        Value::Unknown(u) => {
            let _ = write!(out, "u{}", u.reason());
        }
    }
}

pub(super) fn key_of(v: &Value) -> String {
    let mut out = String::new();
    canon_key(v, &mut out);
    out
}

/// Removes duplicates, keeping the first occurrence of each value.
pub(super) fn dedupe(items: Vec<Value>) -> Vec<Value> {
    let mut seen = HashSet::new();
    items
        .into_iter()
        .filter(|v| seen.insert(key_of(v)))
        .collect()
}

/// Makes a set: unified, de-duplicated and in Terraform's set order for
/// primitive element types (strings lexical, numbers ascending, false before
/// true). Sets of other values keep first-occurrence order.
pub(super) fn make_set(items: Vec<Value>) -> Vec<Value> {
    let mut items = dedupe(unify_primitives(items));
    if items.iter().all(|v| matches!(v, Value::String(_))) {
        items.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
    } else if items.iter().all(|v| matches!(v, Value::Number(_))) {
        items.sort_by(|a, b| {
            let (x, y) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
            x.total_cmp(&y)
        });
    } else if items.iter().all(|v| matches!(v, Value::Bool(_))) {
        items.sort_by_key(|v| v.as_bool());
    }
    items
}

pub(super) fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}
