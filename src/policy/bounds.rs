//! Bounds on the work one builtin call may do (issue 20 item 7). regorus
//! checks `--policy-timeout` between instructions, not inside a builtin,
//! so `numbers.range(1, 2e8)` ran 20 s past a 1 s limit and took 4.7 GB.
//! The builtins whose result can be far larger than their arguments are
//! replaced, on the interpreter (where users' policies run), by extensions
//! that compute the same value but refuse a result past a bound: an error
//! on that policy and module that names the builtin and the bound.
//!
//! regorus looks up extensions before its builtins, so an extension with a
//! builtin's name takes its place. Like the builtins with strict errors
//! off (`Engine::set_strict_builtin_errors(false)`), arguments of the wrong
//! type make the call undefined.

use regorus::{Engine, Value};

/// Most elements an array-making builtin may return.
pub const MAX_ELEMENTS: usize = 1_000_000;
/// Longest string (bytes) a string-making builtin may return.
pub const MAX_STRING: usize = 16 << 20;

type Ext = fn(Vec<Value>) -> anyhow::Result<Value>;

const EXTENSIONS: [(&str, u8, Ext); 6] = [
    ("numbers.range", 2, range),
    ("numbers.range_step", 3, range_step),
    ("array.concat", 2, array_concat),
    ("concat", 2, concat),
    ("replace", 3, replace),
    ("strings.replace_n", 2, replace_n),
];

/// Puts the bounded builtins in place of regorus's.
pub fn install(engine: &mut Engine) -> anyhow::Result<()> {
    for (name, nargs, f) in EXTENSIONS {
        engine.add_extension(name.to_owned(), nargs, Box::new(f))?;
    }
    Ok(())
}

fn too_many(name: &str, n: u128) -> anyhow::Error {
    anyhow::anyhow!(
        "{name} would make {n} elements, past tfward's bound of {MAX_ELEMENTS} elements for one builtin call"
    )
}

fn too_long(name: &str, n: u128) -> anyhow::Error {
    anyhow::anyhow!(
        "{name} would make a string of {n} bytes, past tfward's bound of {MAX_STRING} bytes for one builtin call"
    )
}

fn int(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) if n.is_integer() => n.as_i64(),
        _ => None,
    }
}

fn range(a: Vec<Value>) -> anyhow::Result<Value> {
    let (Some(from), Some(to)) = (int(&a[0]), int(&a[1])) else {
        return Ok(Value::Undefined);
    };
    let n = u128::from(from.abs_diff(to)) + 1;
    if n > MAX_ELEMENTS as u128 {
        return Err(too_many("numbers.range", n));
    }
    let step: i64 = if to >= from { 1 } else { -1 };
    let mut out = Vec::with_capacity(n as usize);
    let mut v = from;
    loop {
        out.push(Value::from(v));
        if v == to {
            break;
        }
        v += step;
    }
    Ok(Value::from(out))
}

fn range_step(a: Vec<Value>) -> anyhow::Result<Value> {
    let (Some(from), Some(to)) = (int(&a[0]), int(&a[1])) else {
        return Ok(Value::Undefined);
    };
    // A step that is not a positive integer: an error in OPA and in
    // regorus's strict mode, undefined here.
    let Some(step) = int(&a[2]).filter(|s| *s > 0) else {
        return Ok(Value::Undefined);
    };
    let n = u128::from(from.abs_diff(to)) / u128::from(step.unsigned_abs()) + 1;
    if n > MAX_ELEMENTS as u128 {
        return Err(too_many("numbers.range_step", n));
    }
    let mut out = Vec::with_capacity(n as usize);
    let mut v = i128::from(from);
    let (to, step) = (i128::from(to), i128::from(step));
    if to >= v {
        while v <= to {
            out.push(Value::from(v as i64));
            v += step;
        }
    } else {
        while v >= to {
            out.push(Value::from(v as i64));
            v -= step;
        }
    }
    Ok(Value::from(out))
}

fn array_concat(a: Vec<Value>) -> anyhow::Result<Value> {
    let (Value::Array(x), Value::Array(y)) = (&a[0], &a[1]) else {
        return Ok(Value::Undefined);
    };
    let n = x.len() + y.len();
    if n > MAX_ELEMENTS {
        return Err(too_many("array.concat", n as u128));
    }
    let mut out = Vec::with_capacity(n);
    out.extend(x.iter().cloned());
    out.extend(y.iter().cloned());
    Ok(Value::from(out))
}

fn concat(a: Vec<Value>) -> anyhow::Result<Value> {
    let Value::String(sep) = &a[0] else {
        return Ok(Value::Undefined);
    };
    let items: Vec<&Value> = match &a[1] {
        Value::Array(items) => items.iter().collect(),
        Value::Set(items) => items.iter().collect(),
        _ => return Ok(Value::Undefined),
    };
    let mut parts: Vec<&str> = Vec::with_capacity(items.len());
    let mut len = (sep.len() as u128) * (items.len().saturating_sub(1) as u128);
    for item in items {
        let Value::String(s) = item else {
            return Ok(Value::Undefined);
        };
        len += s.len() as u128;
        parts.push(s);
    }
    if len > MAX_STRING as u128 {
        return Err(too_long("concat", len));
    }
    Ok(Value::from(parts.join(sep)))
}

/// The length of `s` with every `old` replaced by `new` (Rust's `replace`:
/// an empty `old` matches before every character and at the end).
fn replaced_len(s: &str, old: &str, new: &str) -> u128 {
    let matches = if old.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(old).count()
    } as u128;
    s.len() as u128 + matches * new.len() as u128 - matches * old.len() as u128
}

fn replace(a: Vec<Value>) -> anyhow::Result<Value> {
    let (Value::String(s), Value::String(old), Value::String(new)) = (&a[0], &a[1], &a[2]) else {
        return Ok(Value::Undefined);
    };
    let len = replaced_len(s, old, new);
    if len > MAX_STRING as u128 {
        return Err(too_long("replace", len));
    }
    Ok(Value::from(s.replace(old.as_ref(), new)))
}

fn replace_n(a: Vec<Value>) -> anyhow::Result<Value> {
    let (Value::Object(patterns), Value::String(s)) = (&a[0], &a[1]) else {
        return Ok(Value::Undefined);
    };
    let mut s: String = s.to_string();
    for (k, v) in patterns.iter_sorted() {
        let (Value::String(old), Value::String(new)) = (k, v) else {
            return Ok(Value::Undefined);
        };
        let len = replaced_len(&s, old, new);
        if len > MAX_STRING as u128 {
            return Err(too_long("strings.replace_n", len));
        }
        s = s.replace(old.as_ref(), new);
    }
    Ok(Value::from(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: i64) -> Value {
        Value::from(v)
    }

    fn ints(v: &Value) -> Vec<i64> {
        match v {
            Value::Array(a) => a.iter().filter_map(int).collect(),
            _ => panic!("not an array: {v:?}"),
        }
    }

    #[test]
    fn ranges_are_regorus_s_within_the_bound() {
        assert_eq!(
            ints(&range(vec![n(1), n(4)]).expect("within the bound")),
            [1, 2, 3, 4]
        );
        assert_eq!(
            ints(&range(vec![n(3), n(1)]).expect("within the bound")),
            [3, 2, 1]
        );
        assert_eq!(
            ints(&range(vec![n(2), n(2)]).expect("within the bound")),
            [2]
        );
        assert_eq!(
            ints(&range_step(vec![n(1), n(10), n(4)]).expect("within the bound")),
            [1, 5, 9]
        );
        assert_eq!(
            ints(&range_step(vec![n(5), n(1), n(2)]).expect("within the bound")),
            [5, 3, 1]
        );
        assert_eq!(
            range_step(vec![n(1), n(5), n(0)]).expect("within the bound"),
            Value::Undefined
        );
        assert_eq!(
            range(vec![Value::from("a"), n(5)]).expect("within the bound"),
            Value::Undefined
        );
        assert_eq!(
            ints(&range(vec![n(1), n(MAX_ELEMENTS as i64)]).expect("within the bound")).len(),
            MAX_ELEMENTS
        );
    }

    #[test]
    fn past_the_bound_is_an_error_naming_it() {
        let e = range(vec![n(1), n(200_000_000)])
            .expect_err("past the bound")
            .to_string();
        assert!(
            e.contains("numbers.range would make 200000000 elements"),
            "{e}"
        );
        assert!(e.contains("1000000"), "{e}");
        assert!(range(vec![n(i64::MIN), n(i64::MAX)]).is_err());
        assert!(range_step(vec![n(0), n(i64::MAX), n(1)]).is_err());
        let big = Value::from((0..600_000).map(n).collect::<Vec<_>>());
        assert!(array_concat(vec![big.clone(), big.clone()]).is_err());
        let s = Value::from("x".repeat(1 << 20));
        assert!(replace(vec![
            s.clone(),
            Value::from("x"),
            Value::from("y".repeat(32))
        ])
        .is_err());
        let many = Value::from(vec![s.clone(); 17]);
        assert!(concat(vec![Value::from(""), many]).is_err());
    }

    #[test]
    fn strings_are_regorus_s_within_the_bound() {
        let s = |v: &str| Value::from(v);
        assert_eq!(
            concat(vec![s(","), Value::from(vec![s("a"), s("b")])]).expect("within the bound"),
            s("a,b")
        );
        assert_eq!(
            replace(vec![s("a.b.c"), s("."), s("::")]).expect("within the bound"),
            s("a::b::c")
        );
        assert_eq!(
            replace(vec![s("ab"), s(""), s("-")]).expect("within the bound"),
            s("-a-b-")
        );
        let mut patterns = std::collections::BTreeMap::new();
        patterns.insert(s("a"), s("1"));
        patterns.insert(s("b"), s("2"));
        assert_eq!(
            replace_n(vec![Value::from(patterns), s("abc")]).expect("within the bound"),
            s("12c")
        );
    }
}
