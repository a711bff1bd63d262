//! Type conversion functions: `tobool`, `tolist`, `tomap`, `tonumber`,
//! `toset`, `tostring`, and the sensitivity functions.

use super::*;

pub(super) fn fn_tobool(a: &[Value], _: &FnContext<'_>) -> Res {
    match &a[0] {
        Value::Null => Ok(Value::Null),
        Value::Number(_) => Err("cannot convert number to bool".to_owned()),
        v => to_bool(v).map(Value::Bool),
    }
}

pub(super) fn fn_tonumber(a: &[Value], _: &FnContext<'_>) -> Res {
    match &a[0] {
        Value::Null => Ok(Value::Null),
        Value::Bool(_) => Err("cannot convert bool to number".to_owned()),
        v => to_num(v).map(Value::from),
    }
}

pub(super) fn fn_tostring(a: &[Value], _: &FnContext<'_>) -> Res {
    match &a[0] {
        Value::Null => Ok(Value::Null),
        Value::String(_) | Value::Number(_) | Value::Bool(_) => to_str(&a[0]).map(Value::String),
        other => Err(format!("cannot convert {} to string", other.type_name())),
    }
}

pub(super) fn fn_tolist(a: &[Value], _: &FnContext<'_>) -> Res {
    match &a[0] {
        Value::Null => Ok(Value::Null),
        Value::List(items) => Ok(Value::List(unify_primitives(items.clone()))),
        other => Err(format!(
            "cannot convert {} to list of any single type",
            other.type_name()
        )),
    }
}

pub(super) fn fn_toset(a: &[Value], _: &FnContext<'_>) -> Res {
    match &a[0] {
        Value::Null => Ok(Value::Null),
        Value::List(items) => Ok(Value::List(make_set(items.clone()))),
        other => Err(format!(
            "cannot convert {} to set of any single type",
            other.type_name()
        )),
    }
}

pub(super) fn fn_tomap(a: &[Value], _: &FnContext<'_>) -> Res {
    match &a[0] {
        Value::Null => Ok(Value::Null),
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            let values = unify_primitives(map.values().cloned().collect());
            Ok(Value::Object(keys.into_iter().zip(values).collect()))
        }
        other => Err(format!(
            "cannot convert {} to map of any single type",
            other.type_name()
        )),
    }
}

pub(super) fn fn_type(_: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::unknown("type() only works in the Terraform console"))
}

pub(super) fn fn_identity(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(a[0].clone())
}

pub(super) fn fn_issensitive(_: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::Bool(false))
}
