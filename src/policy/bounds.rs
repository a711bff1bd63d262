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
//!
//! regorus's `graph`, `jsonpatch`, `time`, `http` and `opa-testutil`
//! builtins are not built into tfward (Cargo.toml's features), so
//! `graph.reachable_paths`, `json.patch`, `test.sleep` and `http.send` are
//! unknown functions to a policy, not work to bound.
//!
//! Where the result is regorus's to shape (`sprintf`'s verbs, a CIDR's
//! hosts), the extension checks the arguments against the
//! bound and then calls regorus's own builtin ([`regorus_builtin`]), so
//! the value is exactly the one the builtin gives.

use std::cell::RefCell;
use std::collections::HashMap;

use regorus::{Engine, Value};

/// Most elements an array-making builtin may return.
pub const MAX_ELEMENTS: usize = 1_000_000;
/// Longest string (bytes) a string-making builtin may return.
pub const MAX_STRING: usize = 16 << 20;
/// Widest width or precision a `sprintf` verb may ask for (`%10000d`).
pub const MAX_WIDTH: u64 = 10_000;
/// Largest shift `bits.lsh` may make: a result of a few thousand bits.
pub const MAX_SHIFT: u64 = 4096;

type Ext = fn(Vec<Value>) -> anyhow::Result<Value>;

const EXTENSIONS: [(&str, u8, Ext); 11] = [
    ("numbers.range", 2, range),
    ("numbers.range_step", 3, range_step),
    ("array.concat", 2, array_concat),
    ("concat", 2, concat),
    ("replace", 3, replace),
    ("strings.replace_n", 2, replace_n),
    ("sprintf", 2, sprintf),
    ("regex.replace", 3, regex_replace),
    ("net.cidr_expand", 1, cidr_expand),
    ("json.marshal_with_options", 2, marshal_with_options),
    ("bits.lsh", 2, lsh),
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

/// regorus's own builtin `name`, for a call checked against its bound.
/// An extension cannot call the builtin it replaces, so each one gets a
/// one-rule engine (one per thread, made at its first call) whose rule
/// calls the builtin on the input. Its errors lose the rule's location,
/// which is this module's, not the user's policy.
fn regorus_builtin(name: &'static str, args: Vec<Value>) -> anyhow::Result<Value> {
    thread_local! {
        static ENGINES: RefCell<HashMap<&'static str, Engine>> = RefCell::default();
    }
    ENGINES.with(|engines| {
        let mut engines = engines.borrow_mut();
        let engine = match engines.entry(name) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let mut engine = Engine::new();
                engine.set_strict_builtin_errors(false);
                let params: Vec<String> = (0..args.len()).map(|i| format!("input[{i}]")).collect();
                engine.add_policy(
                    "tfward-builtin.rego".to_owned(),
                    format!(
                        "package tfward_builtin\nresult := {name}({})\n",
                        params.join(", ")
                    ),
                )?;
                e.insert(engine)
            }
        };
        engine.set_input(Value::from(args));
        engine
            .eval_rule("data.tfward_builtin.result".to_owned())
            .map_err(|e| anyhow::anyhow!("{name}: {}", builtin_message(&e.to_string())))
    })
}

/// The message of an error regorus raised inside [`regorus_builtin`]'s
/// rule, without the location lines that point into that rule.
fn builtin_message(e: &str) -> String {
    let text: Vec<&str> = e
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.contains("tfward-builtin.rego") && !l.contains("result :="))
        .filter(|l| !l.chars().all(|c| c == '|' || c == '^' || c.is_whitespace()))
        .collect();
    text.join(" ").trim_start_matches("error: ").to_owned()
}

fn too_wide(n: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "sprintf's width or precision {n} is past tfward's bound of {MAX_WIDTH} for one verb"
    )
}

/// `sprintf` reads a verb's width or precision into a 32-bit number and
/// pads to it: `%4000000000d` asks for a 4 GB string, and a digit that is
/// not ASCII (`%٣d`) panics inside regorus. Both are refused here, in the
/// same reading of the format regorus makes.
fn sprintf(a: Vec<Value>) -> anyhow::Result<Value> {
    if let Value::String(format) = &a[0] {
        let mut chars = format.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '%' {
                continue;
            }
            let Some(first) = chars.next() else { break };
            if first != '.' && !first.is_numeric() {
                continue;
            }
            let mut digits = String::new();
            if first != '.' {
                digits.push(first);
            }
            while let Some(d) = chars.next_if(|c| c.is_numeric()) {
                digits.push(d);
            }
            if !digits.chars().all(|d| d.is_ascii_digit()) {
                anyhow::bail!(
                    "sprintf's width or precision {digits:?} is not a number of ASCII digits"
                );
            }
            let digits = digits.trim_start_matches('0');
            if digits.len() > 6 || digits.parse::<u64>().is_ok_and(|w| w > MAX_WIDTH) {
                return Err(too_wide(digits));
            }
            // The verb after the width.
            chars.next();
        }
    }
    regorus_builtin("sprintf", a)
}

/// `regex.replace(s, pattern, value)`: every match (an empty pattern
/// matches between characters) can expand into `value` and its `$1`
/// groups, so a 1 MB string could become gigabytes. The result's length
/// is counted first, with the same matcher.
fn regex_replace(a: Vec<Value>) -> anyhow::Result<Value> {
    if let (Value::String(s), Value::String(pattern), Value::String(with)) = (&a[0], &a[1], &a[2]) {
        if let Ok(re) = regex::Regex::new(pattern) {
            let (mut len, mut last, mut expanded) = (0u128, 0usize, String::new());
            for caps in re.captures_iter(s) {
                let m = caps.get(0).expect("group 0 is the whole match");
                expanded.clear();
                caps.expand(with, &mut expanded);
                len += (m.start() - last) as u128 + expanded.len() as u128;
                last = m.end();
                if len > MAX_STRING as u128 {
                    return Err(too_long("regex.replace", len));
                }
            }
        }
    }
    regorus_builtin("regex.replace", a)
}

/// `net.cidr_expand("0.0.0.0/0")` lists four billion addresses.
fn cidr_expand(a: Vec<Value>) -> anyhow::Result<Value> {
    if let Value::String(cidr) = &a[0] {
        if let Some((addr, prefix)) = cidr.split_once('/') {
            let bits: u32 = if addr.contains(':') { 128 } else { 32 };
            if let Ok(prefix) = prefix.parse::<u32>() {
                let host_bits = bits.saturating_sub(prefix);
                if host_bits >= 64 || (1u128 << host_bits) > MAX_ELEMENTS as u128 {
                    return Err(too_many("net.cidr_expand", 1u128 << host_bits.min(127)));
                }
            }
        }
    }
    regorus_builtin("net.cidr_expand", a)
}

/// `json.marshal_with_options` repeats its `indent` once per level on each
/// line and its `prefix` once per line; a long indent makes a large value's
/// text far longer. The text is measured in the builtin's own layout (two
/// spaces a level in serde_json's pretty form, each replaced by `indent`).
fn marshal_with_options(a: Vec<Value>) -> anyhow::Result<Value> {
    if let Value::Object(options) = &a[1] {
        let text = |k: &str| match options.get(&Value::from(k)) {
            Some(Value::String(s)) => Some(s.len()),
            _ => None,
        };
        let (indent, prefix) = (text("indent"), text("prefix").unwrap_or(0));
        if indent.is_some_and(|i| i > 2) || prefix > 0 {
            let indent = indent.unwrap_or(1);
            if let Ok(pretty) = serde_json::to_string_pretty(&a[0]) {
                let mut len = 0u128;
                for line in pretty.split('\n') {
                    let body = line.trim_start();
                    let level = (line.len() - body.len()) / 2;
                    len += (prefix + level * indent + body.len() + 1) as u128;
                    if len > MAX_STRING as u128 {
                        return Err(too_long("json.marshal_with_options", len));
                    }
                }
            }
        }
    }
    regorus_builtin("json.marshal_with_options", a)
}

/// `bits.lsh(1, 4000000000)` makes a number of 500 MB.
fn lsh(a: Vec<Value>) -> anyhow::Result<Value> {
    if let Value::Number(n) = &a[1] {
        let negative = n.as_i64().is_some_and(|s| s < 0);
        if n.is_integer() && !negative && n.as_u64().is_none_or(|s| s > MAX_SHIFT) {
            anyhow::bail!(
                "bits.lsh's shift of {} bits is past tfward's bound of {MAX_SHIFT} bits",
                n.format_decimal()
            );
        }
    }
    regorus_builtin("bits.lsh", a)
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

    #[test]
    fn checked_builtins_give_regorus_s_own_values() {
        let s = |v: &str| Value::from(v);
        let args = |v: Vec<Value>| Value::from(v);
        assert_eq!(
            sprintf(vec![
                s("%s has %d ports, %05d %.2f %%"),
                args(vec![
                    s("sg"),
                    Value::from(3),
                    Value::from(42),
                    Value::from(1.5)
                ])
            ])
            .expect("within the bound"),
            s("sg has 3 ports, 00042 1.50 %")
        );
        assert_eq!(
            regex_replace(vec![s("a-b-c"), s("-(.)"), s("+$1")]).expect("within the bound"),
            s("a+b+c")
        );
        let hosts = cidr_expand(vec![s("10.0.0.0/30")]).expect("within the bound");
        assert_eq!(
            hosts,
            Value::from(vec![
                s("10.0.0.0"),
                s("10.0.0.1"),
                s("10.0.0.2"),
                s("10.0.0.3")
            ])
        );
        let opts = Value::from_json_str(r#"{"indent": "    ", "prefix": "> "}"#).expect("json");
        assert_eq!(
            marshal_with_options(vec![
                Value::from_json_str(r#"{"a": [1]}"#).expect("json"),
                opts
            ])
            .expect("within the bound"),
            s("> {\n>     \"a\": [\n>         1\n>     ]\n> }")
        );
        assert_eq!(
            lsh(vec![Value::from(1), Value::from(10)]).expect("within the bound"),
            Value::from(1024)
        );
        // Wrong types and regorus's own errors stay undefined, as the
        // builtins make them with strict errors off.
        assert_eq!(
            sprintf(vec![s("%d %d"), args(vec![Value::from(1)])]).expect("undefined"),
            Value::Undefined
        );
        assert_eq!(
            sprintf(vec![Value::from(1), args(vec![])]).expect("undefined"),
            Value::Undefined
        );
        assert_eq!(
            cidr_expand(vec![Value::from(1)]).expect("undefined"),
            Value::Undefined
        );
    }

    #[test]
    fn checked_builtins_past_their_bound_are_errors_naming_it() {
        let s = |v: &str| Value::from(v);
        let one = Value::from(vec![Value::from(1)]);
        for format in [
            "%4000000000d",
            "%99999999999999999999d",
            "%.20000f",
            "%0000000000000000000000020000d",
        ] {
            let e = sprintf(vec![s(format), one.clone()])
                .expect_err(format)
                .to_string();
            assert!(
                e.contains("sprintf's width or precision") && e.contains("10000"),
                "{format}: {e}"
            );
        }
        // regorus panics on a digit that is not ASCII; here it is an error.
        let e = sprintf(vec![s("%\u{663}d"), one.clone()])
            .expect_err("Arabic-Indic digit")
            .to_string();
        assert!(e.contains("ASCII digits"), "{e}");
        assert!(sprintf(vec![s("%10000d"), one.clone()]).is_ok());

        let big = s(&"x".repeat(1 << 20));
        let e = regex_replace(vec![big, s(""), s("0123456789abcdefghij")])
            .expect_err("grows")
            .to_string();
        assert!(e.contains("regex.replace would make a string of"), "{e}");

        for cidr in ["0.0.0.0/0", "10.0.0.0/8", "::/0", "fe80::/64"] {
            let e = cidr_expand(vec![s(cidr)]).expect_err(cidr).to_string();
            assert!(e.contains("net.cidr_expand would make"), "{cidr}: {e}");
        }

        let wide = Value::from_json_str(&format!(r#"{{"indent": "{}"}}"#, " ".repeat(100_000)))
            .expect("json");
        let value = Value::from(
            (0..200)
                .map(|i| Value::from(vec![Value::from(i)]))
                .collect::<Vec<_>>(),
        );
        let e = marshal_with_options(vec![value, wide])
            .expect_err("long indent")
            .to_string();
        assert!(
            e.contains("json.marshal_with_options would make a string of"),
            "{e}"
        );

        let e = lsh(vec![Value::from(1), Value::from(4_000_000_000u64)])
            .expect_err("huge")
            .to_string();
        assert!(e.contains("bits.lsh's shift of 4000000000 bits"), "{e}");
    }
}
