//! Numeric functions: `abs`, `ceil`, `floor`, `log`, `max`, `min`,
//! `parseint`, `pow`, `signum`.

use super::*;

pub(super) fn fn_minmax(a: &[Value], max: bool) -> Res {
    let mut best: Option<f64> = None;
    for v in a {
        let n = to_num(v)?;
        best = Some(match best {
            None => n,
            Some(b) if max => b.max(n),
            Some(b) => b.min(n),
        });
    }
    best.map(Value::from)
        .ok_or_else(|| "must pass at least one number".to_owned())
}

pub(super) fn fn_parseint(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let base = to_int(&a[1])?;
    if !(2..=62).contains(&base) {
        return Err("base must be a whole number between 2 and 62 inclusive".to_owned());
    }
    let fail = || format!("cannot parse {text:?} as a base {base} integer");
    let (neg, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..).unwrap_or_default()),
        Some(b'+') => (false, text.get(1..).unwrap_or_default()),
        _ => (false, text.as_str()),
    };
    if digits.is_empty() {
        return Err(fail());
    }
    let base_f = base as f64;
    let mut n = 0.0f64;
    for c in digits.chars() {
        let d = match c {
            '0'..='9' => u32::from(c) - u32::from('0'),
            'a'..='z' => u32::from(c) - u32::from('a') + 10,
            'A'..='Z' if base <= 36 => u32::from(c) - u32::from('A') + 10,
            'A'..='Z' => u32::from(c) - u32::from('A') + 36,
            _ => return Err(fail()),
        };
        if i64::from(d) >= base {
            return Err(fail());
        }
        n = n * base_f + f64::from(d);
    }
    Ok(Value::from(if neg { -n } else { n }))
}

pub(super) fn fn_abs(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::from(to_num(&a[0])?.abs()))
}

pub(super) fn fn_ceil(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::from(to_num(&a[0])?.ceil()))
}

pub(super) fn fn_floor(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::from(to_num(&a[0])?.floor()))
}

pub(super) fn fn_log(a: &[Value], _: &FnContext<'_>) -> Res {
    num_result(to_num(&a[0])?.ln() / to_num(&a[1])?.ln())
}

pub(super) fn fn_max(a: &[Value], _: &FnContext<'_>) -> Res {
    fn_minmax(a, true)
}

pub(super) fn fn_min(a: &[Value], _: &FnContext<'_>) -> Res {
    fn_minmax(a, false)
}

pub(super) fn fn_pow(a: &[Value], _: &FnContext<'_>) -> Res {
    num_result(to_num(&a[0])?.powf(to_num(&a[1])?))
}

pub(super) fn fn_signum(a: &[Value], _: &FnContext<'_>) -> Res {
    let n = to_num(&a[0])?;
    Ok(Value::from(if n > 0.0 {
        1.0
    } else if n < 0.0 {
        -1.0
    } else {
        0.0
    }))
}
