//! String functions: `format`, `join`, `regex`, `replace`, `split`,
//! `substr`, `templatestring`, `trim*`, case changes.

use unicode_segmentation::UnicodeSegmentation as _;

use super::*;

/// Largest width or precision a format verb may ask for.
pub(super) const MAX_FORMAT_WIDTH: usize = 100_000;
/// Largest string `indent` may produce.
pub(super) const MAX_OUTPUT_LEN: usize = 16 << 20;

pub(super) fn go_lower(s: &str) -> String {
    // Go maps character by character (no context-dependent final sigma) and
    // uses the simple one-character mappings.
    s.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

pub(super) fn go_upper(s: &str) -> String {
    s.chars().map(simple_upper).collect()
}

pub(super) fn simple_upper(c: char) -> char {
    let mut up = c.to_uppercase();
    match (up.next(), up.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// Go's `strings.Title`: upper-cases the first letter of every word, where
/// words are separated by anything but letters, digits and underscores.
pub(super) fn go_title(s: &str) -> String {
    fn is_separator(c: char) -> bool {
        if c.is_ascii() {
            return !(c.is_ascii_alphanumeric() || c == '_');
        }
        if c.is_alphabetic() || c.is_numeric() {
            return false;
        }
        c.is_whitespace()
    }
    let mut prev = ' ';
    s.chars()
        .map(|c| {
            let out = if is_separator(prev) {
                simple_upper(c)
            } else {
                c
            };
            prev = c;
            out
        })
        .collect()
}

pub(super) fn fn_indent(a: &[Value], _: &FnContext<'_>) -> Res {
    let n = to_int(&a[0])?;
    let text = to_str(&a[1])?;
    let n =
        usize::try_from(n).map_err(|_| "the number of spaces must not be negative".to_owned())?;
    let lines = text.matches('\n').count();
    if n.saturating_mul(lines).saturating_add(text.len()) > MAX_OUTPUT_LEN {
        return Err("the indented string would be too large".to_owned());
    }
    // No newline: nothing to indent, and the size check above did not bound
    // `n` (testdata/fuzz/functions/indent_huge_width.tf).
    if lines == 0 {
        return Ok(Value::String(text));
    }
    Ok(Value::String(
        text.replace('\n', &format!("\n{}", " ".repeat(n))),
    ))
}

pub(super) fn fn_join(a: &[Value], _: &FnContext<'_>) -> Res {
    let sep = to_str(&a[0])?;
    let mut parts = Vec::new();
    for list in &a[1..] {
        for (i, item) in to_list(list)?.iter().enumerate() {
            if item.is_null() {
                return Err(format!(
                    "element {i} is null; cannot concatenate null values"
                ));
            }
            parts.push(to_str(item)?);
        }
    }
    Ok(Value::String(parts.join(&sep)))
}

pub(super) fn fn_split(a: &[Value], _: &FnContext<'_>) -> Res {
    let sep = to_str(&a[0])?;
    let text = to_str(&a[1])?;
    let parts: Vec<Value> = if sep.is_empty() {
        text.chars().map(|c| Value::String(c.to_string())).collect()
    } else {
        text.split(sep.as_str()).map(Value::from).collect()
    };
    Ok(Value::List(parts))
}

pub(super) fn compile_regex(pattern: &str) -> Result<regex::Regex, String> {
    regex::RegexBuilder::new(pattern)
        .size_limit(10 << 20)
        .dfa_size_limit(10 << 20)
        .build()
        .map_err(|e| format!("invalid regexp pattern: {e}"))
}

pub(super) fn fn_replace(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let search = to_str(&a[1])?;
    let with = to_str(&a[2])?;
    if search.len() > 1 && search.starts_with('/') && search.ends_with('/') {
        let re = compile_regex(&search[1..search.len() - 1])?;
        return Ok(Value::String(
            re.replace_all(&text, with.as_str()).into_owned(),
        ));
    }
    Ok(Value::String(text.replace(&search, &with)))
}

/// How a pattern's matches are returned by `regex` and `regexall`.
pub(super) enum Captures {
    Whole,
    Positional,
    Named(Vec<String>),
}

pub(super) fn regex_shape(re: &regex::Regex) -> Result<Captures, String> {
    let names: Vec<Option<&str>> = re.capture_names().skip(1).collect();
    let named = names.iter().filter(|n| n.is_some()).count();
    Ok(match (named, names.len() - named) {
        (0, 0) => Captures::Whole,
        (0, _) => Captures::Positional,
        (_, 0) => Captures::Named(names.iter().flatten().map(|s| (*s).to_owned()).collect()),
        _ => {
            return Err(
                "invalid regexp pattern: cannot mix both named and unnamed capture groups"
                    .to_owned(),
            )
        }
    })
}

pub(super) fn regex_result(shape: &Captures, caps: &regex::Captures<'_>) -> Value {
    let group = |m: Option<regex::Match<'_>>| m.map_or(Value::Null, |m| Value::from(m.as_str()));
    match shape {
        Captures::Whole => group(caps.get(0)),
        Captures::Positional => Value::List((1..caps.len()).map(|i| group(caps.get(i))).collect()),
        Captures::Named(names) => Value::Object(
            names
                .iter()
                .map(|n| (n.clone(), group(caps.name(n))))
                .collect(),
        ),
    }
}

pub(super) fn fn_regex(a: &[Value], _: &FnContext<'_>) -> Res {
    let re = compile_regex(&to_str(&a[0])?)?;
    let shape = regex_shape(&re)?;
    let text = to_str(&a[1])?;
    let caps = re
        .captures(&text)
        .ok_or_else(|| "pattern did not match any part of the given string".to_owned())?;
    Ok(regex_result(&shape, &caps))
}

pub(super) fn fn_regexall(a: &[Value], _: &FnContext<'_>) -> Res {
    let re = compile_regex(&to_str(&a[0])?)?;
    let shape = regex_shape(&re)?;
    let text = to_str(&a[1])?;
    Ok(Value::List(
        re.captures_iter(&text)
            .map(|caps| regex_result(&shape, &caps))
            .collect(),
    ))
}

pub(super) fn fn_substr(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let mut offset = to_int(&a[1])?;
    let length = to_int(&a[2])?;
    let clusters: Vec<&str> = text.graphemes(true).collect();
    let total = i64::try_from(clusters.len()).unwrap_or(i64::MAX);
    if offset < 0 {
        offset = offset.saturating_add(total).max(0);
    }
    let start = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(clusters.len());
    let end = if length < 0 {
        clusters.len()
    } else {
        start
            .saturating_add(usize::try_from(length).unwrap_or(usize::MAX))
            .min(clusters.len())
    };
    Ok(Value::String(
        clusters.get(start..end).unwrap_or_default().concat(),
    ))
}

pub(super) fn render(ctx: &FnContext<'_>, template: &str, vars: &Value) -> Res {
    let vars = match vars {
        Value::Object(map) => map,
        _ => return Err("invalid vars value: must be a map".to_owned()),
    };
    for name in vars.keys() {
        let mut chars = name.chars();
        let valid = chars.next().is_some_and(char::is_alphabetic)
            && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        if !valid {
            return Err(format!(
                "invalid template variable name {name:?}: must start with a letter, followed by zero or more letters, digits, and underscores"
            ));
        }
    }
    (ctx.render_template)(template, vars)
}

pub(super) fn fn_templatestring(a: &[Value], ctx: &FnContext<'_>) -> Res {
    if let Some(u) = a.iter().find(|v| v.is_unknown()) {
        return Ok(u.clone());
    }
    render(ctx, &to_str(&a[0])?, &a[1])
}

// --- format

#[derive(Default)]
pub(super) struct Verb {
    minus: bool,
    plus: bool,
    space: bool,
    zero: bool,
    sharp: bool,
    width: Option<usize>,
    prec: Option<usize>,
    mode: char,
    raw: String,
    offset: usize,
}

pub(super) fn fn_format(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_null() {
        return Err("argument must not be null".to_owned());
    }
    let fmt = to_str(&a[0])?;
    format_with(&fmt, &a[1..]).map(Value::String)
}

pub(super) fn fn_formatlist(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    if a[0].is_null() {
        return Err("argument must not be null".to_owned());
    }
    let fmt = to_str(&a[0])?;
    let rest = &a[1..];
    let mut len: Option<(usize, usize)> = None;
    for (i, arg) in rest.iter().enumerate() {
        match arg {
            Value::Unknown(_) => return Ok(arg.clone()),
            Value::List(items) => match len {
                None => len = Some((items.len(), i)),
                Some((n, j)) if n != items.len() => {
                    return Err(format!(
                        "argument {} has length {}, which is inconsistent with argument {} of length {n}",
                        i + 1,
                        items.len(),
                        j + 1
                    ))
                }
                Some(_) => {}
            },
            _ => {}
        }
    }
    let count = len.map_or(1, |(n, _)| n);
    let mut out = Vec::with_capacity(count);
    'results: for idx in 0..count {
        let mut call_args = Vec::with_capacity(rest.len());
        for arg in rest {
            let v = match arg {
                Value::List(items) => items.get(idx).cloned().unwrap_or(Value::Null),
                other => other.clone(),
            };
            if let Some(u) = v.first_unknown() {
                out.push(Value::Unknown(u.clone()));
                continue 'results;
            }
            call_args.push(v);
        }
        let s = format_with(&fmt, &call_args)
            .map_err(|e| format!("error on format iteration {idx}: {e}"))?;
        out.push(Value::String(s));
    }
    Ok(Value::List(out))
}

/// Terraform's `format`: printf-like verbs over cty values.
pub(super) fn format_with(fmt: &str, args: &[Value]) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = fmt.char_indices().peekable();
    let mut next_arg = 1usize;
    let mut highest = 0usize;
    while let Some((start, c)) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.peek().map(|(_, c)| *c) == Some('%') {
            chars.next();
            out.push('%');
            continue;
        }
        let mut verb = Verb {
            offset: start,
            ..Verb::default()
        };
        let mut arg_num = next_arg;
        // flags
        while let Some(&(_, f)) = chars.peek() {
            match f {
                '0' => verb.zero = true,
                '#' => verb.sharp = true,
                '-' => verb.minus = true,
                '+' => verb.plus = true,
                ' ' => verb.space = true,
                _ => break,
            }
            chars.next();
        }
        // explicit argument index
        if chars.peek().map(|(_, c)| *c) == Some('[') {
            chars.next();
            let n = read_number(&mut chars)
                .ok_or_else(|| format!("invalid format string starting at offset {start}"))?;
            if n == 0 || chars.next().map(|(_, c)| c) != Some(']') {
                return Err(format!("invalid format string starting at offset {start}"));
            }
            arg_num = n;
        }
        // width
        if chars
            .peek()
            .is_some_and(|(_, c)| c.is_ascii_digit() && *c != '0')
        {
            verb.width = read_number(&mut chars);
        }
        // precision
        if chars.peek().map(|(_, c)| *c) == Some('.') {
            chars.next();
            verb.prec = Some(read_number(&mut chars).unwrap_or(0));
        }
        if verb.width.is_some_and(|w| w > MAX_FORMAT_WIDTH)
            || verb.prec.is_some_and(|p| p > MAX_FORMAT_WIDTH)
        {
            return Err(format!(
                "format width or precision too large at offset {start}"
            ));
        }
        let Some((end, mode)) = chars.next() else {
            return Err(format!("invalid format string starting at offset {start}"));
        };
        if !mode.is_ascii_alphabetic() {
            return Err(format!(
                "unrecognized format character {mode:?} at offset {end}"
            ));
        }
        verb.mode = mode;
        verb.raw = fmt
            .get(start..end + mode.len_utf8())
            .unwrap_or_default()
            .to_owned();
        let Some(arg) = args.get(arg_num - 1) else {
            return Err(format!(
                "not enough arguments for {:?} at {start}: need index {arg_num} but have {} total",
                verb.raw,
                args.len()
            ));
        };
        format_one(&verb, arg, &mut out)?;
        next_arg = arg_num + 1;
        highest = highest.max(arg_num);
    }
    if highest < args.len() {
        // Extraneous arguments are an error in cty, to catch mistakes.
        return Err(if highest == 0 {
            "too many arguments; no verbs in format string".to_owned()
        } else {
            format!("too many arguments; only {highest} used by format string")
        });
    }
    Ok(out)
}

pub(super) fn read_number(
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
) -> Option<usize> {
    let mut n: Option<usize> = None;
    while let Some(&(_, c)) = chars.peek() {
        let Some(d) = c.to_digit(10) else { break };
        chars.next();
        n = Some(n.unwrap_or(0).saturating_mul(10).saturating_add(d as usize));
    }
    n
}

pub(super) fn format_one(verb: &Verb, arg: &Value, out: &mut String) -> Result<(), String> {
    let bad = |e: String| {
        format!(
            "unsupported value for {:?} at {}: {e}",
            verb.raw, verb.offset
        )
    };
    if verb.mode != 'v' && arg.is_null() {
        return Err(bad("null value cannot be formatted".to_owned()));
    }
    match verb.mode {
        'v' => {
            let text = match arg {
                Value::String(s) if !verb.sharp => s.clone(),
                Value::Number(n) if !verb.sharp => go_float(n.to_f64(), 'g', None),
                other => {
                    let mut json = String::new();
                    json_encode(other, &mut json).map_err(bad)?;
                    json
                }
            };
            out.push_str(&pad_width(verb, text));
        }
        't' => out.push_str(if to_bool(arg).map_err(bad)? {
            "true"
        } else {
            "false"
        }),
        'b' | 'd' | 'o' | 'x' | 'X' => {
            let n = to_num(arg).map_err(bad)?;
            if n.fract() != 0.0 || !n.is_finite() || n.abs() >= 1.7e38 {
                return Err(bad("an integer is required".to_owned()));
            }
            out.push_str(&format_integer(verb, n as i128));
        }
        'e' | 'E' | 'f' | 'g' | 'G' => {
            let n = to_num(arg).map_err(bad)?;
            out.push_str(&format_float(verb, n));
        }
        's' | 'q' => {
            let mut text = to_str(arg).map_err(bad)?;
            if let Some(p) = verb.prec.filter(|p| *p > 0) {
                text = text.graphemes(true).take(p).collect();
            }
            if verb.mode == 'q' {
                let mut quoted = String::new();
                json_string(&text, &mut quoted);
                text = quoted;
            }
            out.push_str(&pad_width(verb, text));
        }
        other => {
            return Err(format!(
                "unsupported format verb {other:?} in {:?} at offset {}",
                verb.raw, verb.offset
            ))
        }
    }
    Ok(())
}

/// cty's padding for strings and `%v`: measured in grapheme clusters.
pub(super) fn pad_width(verb: &Verb, text: String) -> String {
    let Some(width) = verb.width else { return text };
    let len = text.graphemes(true).count();
    if len >= width {
        return text;
    }
    let pad = (if verb.zero { "0" } else { " " }).repeat(width - len);
    if verb.minus {
        text + &pad
    } else {
        pad + &text
    }
}

/// Go's formatting of a `*big.Int` with flags, width and precision.
pub(super) fn format_integer(verb: &Verb, n: i128) -> String {
    let mag = n.unsigned_abs();
    let mut digits = match verb.mode {
        'b' => format!("{mag:b}"),
        'o' => format!("{mag:o}"),
        'x' => format!("{mag:x}"),
        'X' => format!("{mag:X}"),
        _ => format!("{mag}"),
    };
    let sign = if n < 0 {
        "-"
    } else if verb.plus {
        "+"
    } else if verb.space {
        " "
    } else {
        ""
    };
    let prefix = match (verb.sharp, verb.mode) {
        (true, 'b') => "0b",
        (true, 'o') => "0",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    let mut zeros = 0;
    if let Some(p) = verb.prec {
        if digits.len() < p {
            zeros = p - digits.len();
        } else if digits == "0" && p == 0 {
            digits.clear();
        }
    }
    let (mut left, mut right) = (0, 0);
    let length = sign.len() + prefix.len() + zeros + digits.len();
    if let Some(width) = verb.width.filter(|w| *w > length) {
        let d = width - length;
        if verb.minus {
            right = d;
        } else if verb.zero && verb.prec.is_none() {
            zeros = d;
        } else {
            left = d;
        }
    }
    format!(
        "{}{sign}{prefix}{}{digits}{}",
        " ".repeat(left),
        "0".repeat(zeros),
        " ".repeat(right)
    )
}

/// Go's formatting of a `*big.Float` for %e, %f and %g with flags.
pub(super) fn format_float(verb: &Verb, n: f64) -> String {
    let prec = match verb.mode {
        'g' | 'G' => verb.prec,
        _ => Some(verb.prec.unwrap_or(6)),
    };
    let text = go_float(n, verb.mode, prec);
    let (sign, body) = if let Some(rest) = text.strip_prefix('-') {
        ("-", rest.to_owned())
    } else if let Some(rest) = text.strip_prefix('+') {
        (if verb.space { " " } else { "+" }, rest.to_owned())
    } else if verb.plus {
        ("+", text)
    } else if verb.space {
        (" ", text)
    } else {
        ("", text)
    };
    let len = sign.len() + body.len();
    let padding = verb.width.map_or(0, |w| w.saturating_sub(len));
    if verb.zero && !verb.minus && n.is_finite() {
        format!("{sign}{}{body}", "0".repeat(padding))
    } else if verb.minus {
        format!("{sign}{body}{}", " ".repeat(padding))
    } else {
        format!("{}{sign}{body}", " ".repeat(padding))
    }
}

/// Decimal digits and exponent of `n` (value = 0.DIGITS × 10^exp), either
/// shortest round-trip or rounded to `sig` significant digits.
pub(super) fn decimal_digits(n: f64, sig: Option<usize>) -> (String, i32) {
    let text = match sig {
        None => format!("{:e}", n.abs()),
        Some(p) => format!("{:.*e}", p.saturating_sub(1), n.abs()),
    };
    let (mant, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let trimmed = digits.trim_end_matches('0');
    if trimmed.is_empty() {
        return (String::new(), 0);
    }
    (trimmed.to_owned(), exp + 1)
}

/// Go's `big.Float.Text(verb, prec)` for 'e', 'E', 'f', 'g' and 'G'.
pub(super) fn go_float(n: f64, verb: char, prec: Option<usize>) -> String {
    if n.is_infinite() {
        return if n > 0.0 {
            "+Inf".to_owned()
        } else {
            "-Inf".to_owned()
        };
    }
    let neg = if n.is_sign_negative() && n != 0.0 {
        "-"
    } else {
        ""
    };
    let fmt_e = |digits: &str, exp: i32, prec: usize, upper: bool| {
        let mut body = String::new();
        let mut chars = digits.chars();
        body.push(chars.next().unwrap_or('0'));
        if prec > 0 {
            body.push('.');
            let rest: String = chars.collect();
            body.push_str(&rest);
            for _ in rest.len()..prec {
                body.push('0');
            }
        }
        let e = if digits.is_empty() { 0 } else { exp - 1 };
        let (es, ea) = if e < 0 { ('-', -e) } else { ('+', e) };
        format!("{neg}{body}{}{es}{ea:02}", if upper { 'E' } else { 'e' })
    };
    match verb {
        'e' | 'E' => {
            let p = prec.unwrap_or(6);
            let (digits, exp) = decimal_digits(n, Some(p + 1));
            fmt_e(&digits, exp, p, verb == 'E')
        }
        'f' => format!("{neg}{:.*}", prec.unwrap_or(6), n.abs()),
        _ => {
            let upper = verb == 'G';
            let shortest = prec.is_none();
            let mut p = prec.unwrap_or(0).max(1);
            let (digits, exp) = decimal_digits(n, prec.map(|p| p.max(1)));
            let mut eprec = p as i32;
            if shortest {
                p = digits.len().max(1);
                eprec = 6;
            } else if eprec > digits.len() as i32 && digits.len() as i32 >= exp {
                eprec = digits.len() as i32;
            }
            let x = if digits.is_empty() { 0 } else { exp - 1 };
            if x < -4 || x >= eprec {
                let p = p.min(digits.len().max(1));
                return fmt_e(&digits, exp, p - 1, upper);
            }
            let p = if p as i32 > exp {
                digits.len() as i32
            } else {
                p as i32
            };
            let decimals = (p - exp).max(0) as usize;
            format!("{neg}{:.*}", decimals, n.abs())
        }
    }
}

pub(super) fn fn_chomp(a: &[Value], _: &FnContext<'_>) -> Res {
    str_map(a, |s| s.trim_end_matches(['\r', '\n']).to_owned())
}

pub(super) fn fn_endswith(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::Bool(to_str(&a[0])?.ends_with(&to_str(&a[1])?)))
}

pub(super) fn fn_lower(a: &[Value], _: &FnContext<'_>) -> Res {
    str_map(a, go_lower)
}

pub(super) fn fn_startswith(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::Bool(to_str(&a[0])?.starts_with(&to_str(&a[1])?)))
}

pub(super) fn fn_strcontains(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::Bool(to_str(&a[0])?.contains(&to_str(&a[1])?)))
}

pub(super) fn fn_strrev(a: &[Value], _: &FnContext<'_>) -> Res {
    str_map(a, |s| s.graphemes(true).rev().collect())
}

pub(super) fn fn_title(a: &[Value], _: &FnContext<'_>) -> Res {
    str_map(a, go_title)
}

pub(super) fn fn_trim(a: &[Value], _: &FnContext<'_>) -> Res {
    let cut = to_str(&a[1])?;
    Ok(Value::String(
        to_str(&a[0])?.trim_matches(|c| cut.contains(c)).to_owned(),
    ))
}

pub(super) fn fn_trimprefix(a: &[Value], _: &FnContext<'_>) -> Res {
    let (st, p) = (to_str(&a[0])?, to_str(&a[1])?);
    Ok(Value::String(
        st.strip_prefix(p.as_str()).unwrap_or(&st).to_owned(),
    ))
}

pub(super) fn fn_trimsuffix(a: &[Value], _: &FnContext<'_>) -> Res {
    let (st, p) = (to_str(&a[0])?, to_str(&a[1])?);
    Ok(Value::String(
        st.strip_suffix(p.as_str()).unwrap_or(&st).to_owned(),
    ))
}

pub(super) fn fn_trimspace(a: &[Value], _: &FnContext<'_>) -> Res {
    str_map(a, |s| s.trim().to_owned())
}

pub(super) fn fn_upper(a: &[Value], _: &FnContext<'_>) -> Res {
    str_map(a, go_upper)
}
