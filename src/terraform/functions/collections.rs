//! Collection functions: lists, maps and sets (`concat`, `keys`,
//! `length`, `lookup`, `merge`, `range`, `set*`, `zipmap`, ...).

use std::collections::HashSet;
use unicode_segmentation::UnicodeSegmentation as _;

use super::*;

/// Largest list `range` and `setproduct` may build (Terraform's own limit
/// for `range` is 1024).
pub(super) const MAX_RANGE: usize = 1024;
pub(super) const MAX_PRODUCT: usize = 1_000_000;

pub(super) fn fn_alltrue(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    for item in to_list(&a[0])? {
        match item {
            Value::Unknown(_) => return Ok(item.clone()),
            Value::Null => return Ok(Value::Bool(false)),
            other => {
                if !to_bool(other)? {
                    return Ok(Value::Bool(false));
                }
            }
        }
    }
    Ok(Value::Bool(true))
}

pub(super) fn fn_anytrue(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    let mut unknown = None;
    for item in to_list(&a[0])? {
        match item {
            Value::Unknown(_) => unknown = unknown.or_else(|| Some(item.clone())),
            Value::Null => {}
            other => {
                if to_bool(other)? {
                    return Ok(Value::Bool(true));
                }
            }
        }
    }
    Ok(unknown.unwrap_or(Value::Bool(false)))
}

pub(super) fn fn_chunklist(a: &[Value], _: &FnContext<'_>) -> Res {
    let list = to_list(&a[0])?;
    let size = to_int(&a[1])?;
    if size < 0 {
        return Err("the size argument must be positive".to_owned());
    }
    if list.is_empty() {
        return Ok(Value::List(Vec::new()));
    }
    if size == 0 {
        return Ok(Value::List(vec![Value::List(list.to_vec())]));
    }
    let size = usize::try_from(size).unwrap_or(usize::MAX);
    Ok(Value::List(
        list.chunks(size).map(|c| Value::List(c.to_vec())).collect(),
    ))
}

pub(super) fn fn_coalesce(a: &[Value], _: &FnContext<'_>) -> Res {
    let string_result = a.iter().any(|v| matches!(v, Value::String(_)));
    for v in a {
        match v {
            Value::Unknown(_) => return Ok(v.clone()),
            Value::Null => {}
            Value::String(s) if s.is_empty() => {}
            Value::Number(_) | Value::Bool(_) if string_result => {
                return Ok(Value::String(to_str(v)?))
            }
            other => return Ok(other.clone()),
        }
    }
    Err("no non-null, non-empty-string arguments".to_owned())
}

pub(super) fn fn_coalescelist(a: &[Value], _: &FnContext<'_>) -> Res {
    for v in a {
        match v {
            Value::Unknown(_) => return Ok(v.clone()),
            Value::Null => {}
            Value::List(items) if items.is_empty() => {}
            Value::List(_) => return Ok(v.clone()),
            other => {
                return Err(format!(
                    "all arguments must be lists or tuples; got {}",
                    other.type_name()
                ))
            }
        }
    }
    Err("no non-null arguments".to_owned())
}

pub(super) fn fn_compact(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    let mut out = Vec::new();
    for item in to_list(&a[0])? {
        match item {
            Value::Null => {}
            Value::String(s) if s.is_empty() => {}
            Value::Unknown(_) => out.push(item.clone()),
            other => out.push(Value::String(to_str(other)?)),
        }
    }
    Ok(Value::List(out))
}

pub(super) fn fn_concat(a: &[Value], _: &FnContext<'_>) -> Res {
    let mut out = Vec::new();
    for v in a {
        match v {
            Value::Unknown(_) => return Ok(v.clone()),
            Value::List(items) => out.extend(items.iter().cloned()),
            other => {
                return Err(format!(
                    "all arguments must be lists or tuples; got {}",
                    other.type_name()
                ))
            }
        }
    }
    Ok(Value::List(out))
}

/// Whether two wholly known values are equal (numbers by value).
pub(super) fn values_equal(a: &Value, b: &Value) -> bool {
    a == b
}

pub(super) fn fn_contains(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    if let Some(u) = a[1].first_unknown() {
        return Ok(Value::Unknown(u.clone()));
    }
    let list = match &a[0] {
        Value::List(items) => items,
        _ => return Err("argument must be list, tuple, or set".to_owned()),
    };
    if list.iter().any(|item| values_equal(item, &a[1])) {
        return Ok(Value::Bool(true));
    }
    if let Some(u) = list.iter().find_map(Value::first_unknown) {
        return Ok(Value::Unknown(u.clone()));
    }
    Ok(Value::Bool(false))
}

pub(super) fn fn_element(a: &[Value], _: &FnContext<'_>) -> Res {
    if let Some(u) = a.iter().find(|v| v.is_unknown()) {
        return Ok(u.clone());
    }
    let list = to_list(&a[0])?;
    let index = to_int(&a[1])?;
    if list.is_empty() {
        return Err("cannot use element function with an empty list".to_owned());
    }
    let len = i64::try_from(list.len()).unwrap_or(i64::MAX);
    let i = usize::try_from(index.rem_euclid(len)).unwrap_or(0);
    Ok(list.get(i).cloned().unwrap_or(Value::Null))
}

pub(super) fn flatten_into(
    items: &[Value],
    out: &mut Vec<Value>,
    depth: usize,
) -> Result<(), String> {
    if depth > 256 {
        return Err("lists are nested too deeply to flatten".to_owned());
    }
    for item in items {
        match item {
            Value::List(inner) => flatten_into(inner, out, depth + 1)?,
            other => out.push(other.clone()),
        }
    }
    Ok(())
}

pub(super) fn fn_flatten(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    let mut out = Vec::new();
    flatten_into(to_list(&a[0])?, &mut out, 0)?;
    Ok(Value::List(out))
}

pub(super) fn fn_index(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    if let Some(u) = a[1].first_unknown() {
        return Ok(Value::Unknown(u.clone()));
    }
    for (i, item) in to_list(&a[0])?.iter().enumerate() {
        if let Some(u) = item.first_unknown() {
            return Ok(Value::Unknown(u.clone()));
        }
        if values_equal(item, &a[1]) {
            return Ok(Value::Number(Number::from(i)));
        }
    }
    Err("item not found".to_owned())
}

pub(super) fn fn_keys(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    Ok(Value::List(
        to_obj(&a[0])?
            .keys()
            .map(|k| Value::from(k.as_str()))
            .collect(),
    ))
}

pub(super) fn fn_values(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::List(to_obj(&a[0])?.values().cloned().collect()))
}

pub(super) fn fn_length(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::from(match &a[0] {
        Value::Unknown(_) => return Ok(a[0].clone()),
        Value::String(s) => s.graphemes(true).count() as f64,
        Value::List(items) => items.len() as f64,
        Value::Object(map) => map.len() as f64,
        Value::Null => return Err("argument must not be null".to_owned()),
        other => {
            return Err(format!(
                "argument must be a string, a collection type, or a structural type, not {}",
                other.type_name()
            ))
        }
    }))
}

pub(super) fn fn_lookup(a: &[Value], _: &FnContext<'_>) -> Res {
    for v in &a[..2] {
        match v {
            Value::Unknown(_) => return Ok(v.clone()),
            Value::Null => return Err("argument must not be null".to_owned()),
            _ => {}
        }
    }
    let map = to_obj(&a[0])?;
    let key = to_str(&a[1])?;
    if let Some(v) = map.get(&key) {
        return Ok(v.clone());
    }
    match a.get(2) {
        Some(default) => Ok(default.clone()),
        None => Err(format!("the given key {key:?} does not exist in the map")),
    }
}

pub(super) fn fn_matchkeys(a: &[Value], _: &FnContext<'_>) -> Res {
    let values = to_list(&a[0])?;
    let keys = to_list(&a[1])?;
    let search = to_list(&a[2])?;
    if values.len() != keys.len() {
        return Err("length of keys and values should be equal".to_owned());
    }
    let wanted: HashSet<String> = unify_primitives(search.to_vec())
        .iter()
        .map(key_of)
        .collect();
    let keys = unify_primitives(keys.to_vec());
    Ok(Value::List(
        values
            .iter()
            .zip(keys.iter())
            .filter(|(_, k)| wanted.contains(&key_of(k)))
            .map(|(v, _)| v.clone())
            .collect(),
    ))
}

pub(super) fn fn_merge(a: &[Value], _: &FnContext<'_>) -> Res {
    let mut out = BTreeMap::new();
    for v in a {
        match v {
            Value::Null => {}
            Value::Object(map) => out.extend(map.iter().map(|(k, v)| (k.clone(), v.clone()))),
            other => {
                return Err(format!(
                    "arguments must be maps or objects, got {:?}",
                    other.type_name()
                ))
            }
        }
    }
    Ok(Value::Object(out))
}

pub(super) fn fn_one(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    match to_list(&a[0])? {
        [] => Ok(Value::Null),
        [only] => Ok(only.clone()),
        _ => Err("must be a list, set, or tuple value with either zero or one elements".to_owned()),
    }
}

pub(super) fn fn_range(a: &[Value], _: &FnContext<'_>) -> Res {
    let nums = a.iter().map(to_num).collect::<Result<Vec<_>, _>>()?;
    let (start, end, step) = match nums.as_slice() {
        [end] => (0.0, *end, if *end < 0.0 { -1.0 } else { 1.0 }),
        [start, end] => (*start, *end, if end < start { -1.0 } else { 1.0 }),
        [start, end, step] => (*start, *end, *step),
        _ => return Err("must have one, two, or three arguments".to_owned()),
    };
    if step == 0.0 {
        return Err("step must not be zero".to_owned());
    }
    let down = step < 0.0;
    if down && end > start {
        return Err("end must be less than start when step is negative".to_owned());
    }
    if !down && end < start {
        return Err("end must be greater than start when step is positive".to_owned());
    }
    let mut out = Vec::new();
    let mut n = start;
    while (down && n > end) || (!down && n < end) {
        if out.len() >= MAX_RANGE {
            return Err("more than 1024 values were generated; either decrease the difference between start and end or use a smaller step".to_owned());
        }
        out.push(Value::from(n));
        n += step;
    }
    Ok(Value::List(out))
}

pub(super) fn fn_setintersection(a: &[Value], _: &FnContext<'_>) -> Res {
    let first = make_set(to_list(&a[0])?.to_vec());
    let mut others = Vec::new();
    for v in &a[1..] {
        others.push(
            make_set(to_list(v)?.to_vec())
                .iter()
                .map(key_of)
                .collect::<HashSet<_>>(),
        );
    }
    Ok(Value::List(
        first
            .into_iter()
            .filter(|v| {
                let k = key_of(v);
                others.iter().all(|o| o.contains(&k))
            })
            .collect(),
    ))
}

pub(super) fn fn_setsubtract(a: &[Value], _: &FnContext<'_>) -> Res {
    let first = make_set(to_list(&a[0])?.to_vec());
    let remove: HashSet<String> = make_set(to_list(&a[1])?.to_vec())
        .iter()
        .map(key_of)
        .collect();
    Ok(Value::List(
        first
            .into_iter()
            .filter(|v| !remove.contains(&key_of(v)))
            .collect(),
    ))
}

pub(super) fn fn_setunion(a: &[Value], _: &FnContext<'_>) -> Res {
    let mut all = Vec::new();
    for v in a {
        all.extend(to_list(v)?.iter().cloned());
    }
    Ok(Value::List(make_set(all)))
}

pub(super) fn fn_setproduct(a: &[Value], _: &FnContext<'_>) -> Res {
    let lists = a.iter().map(to_list).collect::<Result<Vec<_>, _>>()?;
    let mut total: usize = 1;
    for l in &lists {
        total = total.saturating_mul(l.len());
    }
    if total.saturating_mul(lists.len()) > MAX_PRODUCT {
        return Err("the product of the given sets is too large".to_owned());
    }
    let mut out: Vec<Vec<Value>> = vec![Vec::new()];
    for l in &lists {
        let mut next = Vec::with_capacity(out.len() * l.len());
        for prefix in &out {
            for item in l.iter() {
                let mut row = prefix.clone();
                row.push(item.clone());
                next.push(row);
            }
        }
        out = next;
    }
    Ok(Value::List(out.into_iter().map(Value::List).collect()))
}

pub(super) fn fn_slice(a: &[Value], _: &FnContext<'_>) -> Res {
    let list = to_list(&a[0])?;
    let start = to_int(&a[1])?;
    let end = to_int(&a[2])?;
    if start < 0 {
        return Err("the start argument must be greater than or equal to 0".to_owned());
    }
    if end > list.len() as i64 {
        return Err("the end index must not be greater than the length of the list".to_owned());
    }
    if start > end {
        return Err("the start index must not be greater than the end index".to_owned());
    }
    let (start, end) = (start as usize, end as usize);
    Ok(Value::List(
        list.get(start..end).unwrap_or_default().to_vec(),
    ))
}

pub(super) fn fn_sort(a: &[Value], _: &FnContext<'_>) -> Res {
    let mut items = Vec::new();
    for (i, v) in to_list(&a[0])?.iter().enumerate() {
        if v.is_null() {
            return Err(format!(
                "given list element {i} is null; a null string cannot be sorted"
            ));
        }
        items.push(to_str(v)?);
    }
    items.sort();
    Ok(Value::List(items.into_iter().map(Value::String).collect()))
}

pub(super) fn fn_sum(a: &[Value], _: &FnContext<'_>) -> Res {
    let list = to_list(&a[0])?;
    if list.is_empty() {
        return Err("cannot sum an empty list".to_owned());
    }
    let mut total = 0.0;
    for v in list {
        if v.is_null() {
            return Err("argument must be list, set, or tuple of number values".to_owned());
        }
        total += to_num(v)?;
    }
    num_result(total)
}

pub(super) fn fn_transpose(a: &[Value], _: &FnContext<'_>) -> Res {
    let mut out: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for (k, v) in to_obj(&a[0])? {
        for item in to_list(v)? {
            if item.is_null() {
                return Err("input must not contain null list elements".to_owned());
            }
            out.entry(to_str(item)?)
                .or_default()
                .push(Value::from(k.as_str()));
        }
    }
    Ok(Value::Object(
        out.into_iter().map(|(k, v)| (k, Value::List(v))).collect(),
    ))
}

pub(super) fn fn_zipmap(a: &[Value], _: &FnContext<'_>) -> Res {
    if let Some(u) = a[0].first_unknown() {
        return Ok(Value::Unknown(u.clone()));
    }
    if a[1].is_unknown() {
        return Ok(a[1].clone());
    }
    let keys = to_list(&a[0])?;
    let values = to_list(&a[1])?;
    if keys.len() != values.len() {
        return Err(format!(
            "number of keys ({}) does not match number of values ({})",
            keys.len(),
            values.len()
        ));
    }
    let mut out = BTreeMap::new();
    for (k, v) in keys.iter().zip(values) {
        out.insert(to_str(k)?, v.clone());
    }
    Ok(Value::Object(out))
}

pub(super) fn fn_distinct(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::List(dedupe(to_list(&a[0])?.to_vec())))
}

pub(super) fn fn_reverse(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::List(to_list(&a[0])?.iter().rev().cloned().collect()))
}
