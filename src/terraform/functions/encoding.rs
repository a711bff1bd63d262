//! Encoding functions: Base64, URL, JSON, CSV and YAML.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::*;
use crate::date::days_in_month;
use crate::terraform::value::{Refinement, Unknown};

pub(super) const B64: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub(super) fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(B64[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Go's `base64.StdEncoding.DecodeString`: padding required, `\r` and `\n`
/// ignored. Returns the offset of the first bad byte on error.
pub(super) fn base64_decode(text: &str) -> Result<Vec<u8>, usize> {
    let mut vals = Vec::with_capacity(text.len());
    let mut pad = 0usize;
    let mut last = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'\r' | b'\n' => continue,
            b'=' => pad += 1,
            _ if pad > 0 => return Err(i),
            _ => match B64.iter().position(|c| *c == b) {
                Some(v) => vals.push(v as u8),
                None => return Err(i),
            },
        }
        last = i;
    }
    if !(vals.len() + pad).is_multiple_of(4) || pad > 2 || (pad > 0 && (vals.len() % 4) + pad != 4)
    {
        return Err(last);
    }
    let mut out = Vec::with_capacity(vals.len() * 3 / 4);
    for chunk in vals.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, v)| acc | (u32::from(*v) << (18 - 6 * i)));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let keep = match chunk.len() {
            4 => 3,
            3 => 2,
            2 => 1,
            _ => return Err(last),
        };
        out.extend_from_slice(bytes.get(..keep).unwrap_or_default());
    }
    Ok(out)
}

pub(super) fn fn_base64decode(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let bytes =
        base64_decode(&text).map_err(|_| format!("failed to decode base64 data {text:?}"))?;
    String::from_utf8(bytes)
        .map(Value::String)
        .map_err(|_| "the result of decoding the provided string is not valid UTF-8".to_owned())
}

/// The text encodings `textencodebase64` and `textdecodebase64` support here.
#[derive(Clone, Copy)]
pub(super) enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// UTF-16 with a byte order mark (big endian when absent).
    Utf16Bom,
    Latin1,
    Ascii,
}

pub(super) fn text_encoding(name: &str) -> Option<TextEncoding> {
    let n = name.to_ascii_lowercase();
    Some(match n.as_str() {
        "utf-8" | "utf8" | "csutf8" => TextEncoding::Utf8,
        "utf-16le" | "csutf16le" => TextEncoding::Utf16Le,
        "utf-16be" | "csutf16be" => TextEncoding::Utf16Be,
        "utf-16" | "csutf16" => TextEncoding::Utf16Bom,
        "iso-8859-1" | "iso_8859-1" | "iso_8859-1:1987" | "latin1" | "l1" | "ibm819" | "cp819"
        | "csisolatin1" | "iso-ir-100" => TextEncoding::Latin1,
        "us-ascii" | "ascii" | "csascii" | "us" | "iso646-us" | "ansi_x3.4-1968" | "iso-ir-6"
        | "cp367" => TextEncoding::Ascii,
        _ => return None,
    })
}

pub(super) fn fn_textencodebase64(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let name = to_str(&a[1])?;
    let Some(enc) = text_encoding(&name) else {
        return Ok(Value::unknown(format!(
            "text encoding {name:?} is not supported statically"
        )));
    };
    let unrepresentable =
        || format!("the given string contains characters that cannot be represented in {name}");
    let bytes: Vec<u8> = match enc {
        TextEncoding::Utf8 => text.into_bytes(),
        TextEncoding::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        TextEncoding::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        TextEncoding::Utf16Bom => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
        TextEncoding::Latin1 => text
            .chars()
            .map(|c| u8::try_from(u32::from(c)).map_err(|_| unrepresentable()))
            .collect::<Result<_, _>>()?,
        TextEncoding::Ascii => text
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    Ok(c as u8)
                } else {
                    Err(unrepresentable())
                }
            })
            .collect::<Result<_, _>>()?,
    };
    Ok(Value::String(base64_encode(&bytes)))
}

pub(super) fn fn_textdecodebase64(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let name = to_str(&a[1])?;
    let Some(enc) = text_encoding(&name) else {
        return Ok(Value::unknown(format!(
            "text encoding {name:?} is not supported statically"
        )));
    };
    let bytes = base64_decode(&text)
        .map_err(|i| format!("the given value is has an invalid base64 symbol at offset {i}"))?;
    let utf16 = |bytes: &[u8], le: bool| {
        let units: Vec<u16> = bytes
            .chunks(2)
            .map(|c| {
                let pair = [
                    c.first().copied().unwrap_or(0),
                    c.get(1).copied().unwrap_or(0),
                ];
                if le {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    let out = match enc {
        TextEncoding::Utf8 => String::from_utf8_lossy(&bytes).into_owned(),
        TextEncoding::Utf16Le => utf16(&bytes, true),
        TextEncoding::Utf16Be => utf16(&bytes, false),
        TextEncoding::Utf16Bom => match bytes.as_slice() {
            [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
            [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
            other => utf16(other, false),
        },
        TextEncoding::Latin1 => bytes.iter().map(|b| char::from(*b)).collect(),
        TextEncoding::Ascii => bytes
            .iter()
            .map(|b| {
                if b.is_ascii() {
                    char::from(*b)
                } else {
                    '\u{FFFD}'
                }
            })
            .collect(),
    };
    Ok(Value::String(out))
}

/// Go's `url.QueryEscape`.
pub(super) fn url_query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b))
            }
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// Go's `url.QueryUnescape` (OpenTofu's `urldecode`).
pub(super) fn fn_urldecode(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'+' => out.push(b' '),
            b'%' => {
                let byte = text
                    .get(i + 1..i + 3)
                    .filter(|h| h.bytes().all(|d| d.is_ascii_hexdigit()))
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| {
                        let bad = text.get(i..(i + 3).min(text.len())).unwrap_or("%");
                        format!("invalid URL escape {bad:?}")
                    })?;
                out.push(byte);
                i += 2;
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8(out)
        .map(Value::String)
        .map_err(|_| "the result of decoding is not valid UTF-8".to_owned())
}

/// Go's JSON string encoding, including its HTML-safe escapes.
pub(super) fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Terraform's `jsonencode`: compact, object keys sorted.
pub(super) fn json_encode(v: &Value, out: &mut String) -> Result<(), String> {
    match v {
        Value::Sensitive(inner) => json_encode(inner, out)?,
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(Number::Int(i)) => {
            let _ = write!(out, "{i}");
        }
        Value::Number(n) => {
            let n = n.to_f64();
            if !n.is_finite() {
                return Err("cannot serialize infinity as JSON".to_owned());
            }
            let _ = write!(out, "{}", if n == 0.0 { 0.0 } else { n });
        }
        Value::String(s) => json_string(s, out),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_encode(item, out)?;
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_string(k, out);
                out.push(':');
                json_encode(item, out)?;
            }
            out.push('}');
        }
        Value::Unknown(u) => return Err(format!("cannot serialize unknown value: {u}")),
    }
    Ok(())
}

/// `jsondecode`; of a partially known JSON string, the value it encodes.
pub(super) fn fn_jsondecode(a: &[Value], _: &FnContext<'_>) -> Res {
    if let Value::Unknown(u) = &a[0] {
        return Ok(match u.refinement() {
            Some(Refinement::Json(v)) => v.clone(),
            _ => Value::Unknown(u.plain()),
        });
    }
    if let Some(u) = a[0].first_unknown() {
        return Ok(Value::Unknown(u.plain()));
    }
    let text = to_str(&a[0])?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    Ok(Value::from_json(&json))
}

/// Go's `encoding/csv` reading with cty's `csvdecode` on top: a header line,
/// then rows of the same width, as a list of objects of strings.
pub(super) fn fn_csvdecode(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let rows = parse_csv(&text)?;
    let mut rows = rows.into_iter();
    let Some((_, header)) = rows.next() else {
        return Err("missing header line".to_owned());
    };
    let mut seen = HashSet::new();
    for name in &header {
        if !seen.insert(name.as_str()) {
            return Err(format!("duplicate column name {name:?}"));
        }
    }
    let mut out = Vec::new();
    for (line, row) in rows {
        if row.len() != header.len() {
            return Err(format!(
                "CSV parse error on line {line}: wrong number of fields"
            ));
        }
        out.push(Value::Object(
            header
                .iter()
                .cloned()
                .zip(row.into_iter().map(Value::String))
                .collect(),
        ));
    }
    Ok(Value::List(out))
}

/// Parses CSV records, returning each with the line it started on.
pub(super) fn parse_csv(text: &str) -> Result<Vec<(usize, Vec<String>)>, String> {
    let text = text.replace("\r\n", "\n");
    let mut rows = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1usize;
    while chars.peek().is_some() {
        if chars.peek() == Some(&'\n') {
            // Empty lines are skipped.
            chars.next();
            line += 1;
            continue;
        }
        let start_line = line;
        let mut row = Vec::new();
        loop {
            let mut field = String::new();
            if chars.peek() == Some(&'"') {
                chars.next();
                loop {
                    match chars.next() {
                        None => {
                            return Err(format!(
                                "CSV parse error on line {start_line}: extraneous or missing \" in quoted-field"
                            ))
                        }
                        Some('"') => match chars.peek() {
                            Some('"') => {
                                chars.next();
                                field.push('"');
                            }
                            Some(',') | Some('\n') | None => break,
                            Some(_) => {
                                return Err(format!(
                                    "CSV parse error on line {line}: extraneous or missing \" in quoted-field"
                                ))
                            }
                        },
                        Some(c) => {
                            if c == '\n' {
                                line += 1;
                            }
                            field.push(c);
                        }
                    }
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if c == ',' || c == '\n' {
                        break;
                    }
                    if c == '"' {
                        return Err(format!(
                            "CSV parse error on line {line}: bare \" in non-quoted-field"
                        ));
                    }
                    field.push(c);
                    chars.next();
                }
            }
            row.push(field);
            match chars.next() {
                Some(',') => continue,
                Some('\n') => {
                    line += 1;
                    break;
                }
                _ => break,
            }
        }
        rows.push((start_line, row));
    }
    Ok(rows)
}

// --- YAML

/// Most nodes a YAML document may expand to (aliases copy nodes).
pub(super) const MAX_YAML_NODES: usize = 1_000_000;

pub(super) enum YamlFrame {
    Seq(Vec<Value>, usize),
    Map(BTreeMap<String, Value>, Option<(String, bool)>, usize),
}

pub(super) fn fn_yamldecode(a: &[Value], _: &FnContext<'_>) -> Res {
    yaml_decode(&to_str(&a[0])?)
}

pub(super) fn yaml_decode(text: &str) -> Res {
    use yaml_rust2::parser::{Event, Parser};
    use yaml_rust2::scanner::TScalarStyle;

    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<YamlFrame> = Vec::new();
    let mut anchors: std::collections::HashMap<usize, Value> = std::collections::HashMap::new();
    let mut result: Option<Value> = None;
    let mut documents = 0usize;
    let mut nodes = 0usize;
    loop {
        let (event, _) = parser.next_token().map_err(|e| {
            format!(
                "on line {}, column {}: {}",
                e.marker().line(),
                e.marker().col() + 1,
                e.info()
            )
        })?;
        let (value, anchor, is_merge_key) = match event {
            Event::StreamEnd => break,
            Event::StreamStart | Event::Nothing | Event::DocumentEnd => continue,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err("unexpected extra content after value".to_owned());
                }
                continue;
            }
            Event::SequenceStart(anchor, _) => {
                if stack.len() > 256 {
                    return Err("YAML document is nested too deeply".to_owned());
                }
                stack.push(YamlFrame::Seq(Vec::new(), anchor));
                continue;
            }
            Event::MappingStart(anchor, _) => {
                if stack.len() > 256 {
                    return Err("YAML document is nested too deeply".to_owned());
                }
                stack.push(YamlFrame::Map(BTreeMap::new(), None, anchor));
                continue;
            }
            Event::SequenceEnd => match stack.pop() {
                Some(YamlFrame::Seq(items, anchor)) => (Value::List(items), anchor, false),
                _ => return Err("malformed YAML sequence".to_owned()),
            },
            Event::MappingEnd => match stack.pop() {
                Some(YamlFrame::Map(map, None, anchor)) => (Value::Object(map), anchor, false),
                _ => return Err("malformed YAML mapping".to_owned()),
            },
            Event::Alias(id) => {
                let v = anchors
                    .get(&id)
                    .cloned()
                    .ok_or_else(|| "unknown anchor referenced".to_owned())?;
                nodes = nodes.saturating_add(count_nodes(&v));
                if nodes > MAX_YAML_NODES {
                    return Err("YAML document contains excessive aliasing".to_owned());
                }
                (v, 0, false)
            }
            Event::Scalar(text, style, anchor, tag) => {
                let tag = tag.map(|t| {
                    if t.handle == "tag:yaml.org,2002:" || t.handle == "!!" {
                        format!("!!{}", t.suffix)
                    } else {
                        format!("{}{}", t.handle, t.suffix)
                    }
                });
                let plain = style == TScalarStyle::Plain;
                let merge = plain && tag.is_none() && text == "<<";
                (yaml_scalar(&text, plain, tag.as_deref())?, anchor, merge)
            }
        };
        nodes += 1;
        if nodes > MAX_YAML_NODES {
            return Err("YAML document is too large".to_owned());
        }
        if anchor > 0 {
            anchors.insert(anchor, value.clone());
        }
        match stack.last_mut() {
            None => result = Some(value),
            Some(YamlFrame::Seq(items, _)) => items.push(value),
            Some(YamlFrame::Map(map, pending, _)) => match pending.take() {
                None => {
                    let key = match &value {
                        Value::String(s) => s.clone(),
                        Value::Number(n) => n.to_string(),
                        Value::Bool(b) => b.to_string(),
                        _ => return Err("only strings are allowed as mapping keys".to_owned()),
                    };
                    *pending = Some((key, is_merge_key));
                }
                Some((_, true)) => match value {
                    // go-cty-yaml: merged entries overwrite earlier ones.
                    Value::Object(src) => map.extend(src),
                    other => {
                        return Err(format!("cannot merge {} into mapping", other.type_name()))
                    }
                },
                Some((key, false)) => {
                    map.insert(key, value);
                }
            },
        }
    }
    Ok(result.unwrap_or(Value::Null))
}

pub(super) fn count_nodes(v: &Value) -> usize {
    match v {
        Value::List(items) => 1 + items.iter().map(count_nodes).sum::<usize>(),
        Value::Object(map) => 1 + map.values().map(count_nodes).sum::<usize>(),
        _ => 1,
    }
}

/// go-cty-yaml's resolution of a scalar to a value.
pub(super) fn yaml_scalar(src: &str, plain: bool, tag: Option<&str>) -> Res {
    let tag = tag.unwrap_or(if plain { "" } else { "!!str" });
    match tag {
        "" | "!!str" | "!!bool" | "!!int" | "!!float" | "!!null" | "!!timestamp" | "!!binary" => {}
        "!" => return Ok(Value::from(src)),
        other => return Err(format!("unsupported tag {other:?}")),
    }
    if tag != "!!str" && tag != "!!binary" {
        let first = src.bytes().next();
        let hinted = match first {
            None => true,
            Some(c) => c.is_ascii_digit() || b"+-.yYnNtTfFoO~".contains(&c),
        };
        if hinted {
            match src {
                "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On"
                | "ON" => return Ok(Value::Bool(true)),
                "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off"
                | "OFF" => return Ok(Value::Bool(false)),
                "" | "~" | "null" | "Null" | "NULL" => return Ok(Value::Null),
                ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
                    return Ok(Value::from(f64::INFINITY))
                }
                "-.inf" | "-.Inf" | "-.INF" => return Ok(Value::from(f64::NEG_INFINITY)),
                ".nan" | ".NaN" | ".NAN" => {
                    return Err("floating point NaN is not supported".to_owned())
                }
                _ => {}
            }
            match first {
                Some(b'.') => {
                    if let Some(n) = parse_number(src) {
                        return Ok(Value::from(n));
                    }
                }
                Some(c) if c.is_ascii_digit() || c == b'+' || c == b'-' => {
                    if tag.is_empty() || tag == "!!timestamp" {
                        if let Some(ts) = parse_yaml_timestamp(src) {
                            return Ok(Value::String(ts.to_rfc3339()));
                        }
                    }
                    let plain_num = src.replace('_', "");
                    if let Some(n) = parse_number(&plain_num) {
                        return Ok(Value::from(n));
                    }
                    if let Some(n) = parse_go_int(&plain_num) {
                        return Ok(Value::from(n));
                    }
                }
                _ => {}
            }
        }
    }
    match tag {
        "" | "!!str" => Ok(Value::from(src)),
        "!!binary" => match base64_decode(src) {
            Ok(_) => Ok(Value::from(src)),
            Err(_) => Err(format!(
                "cannot parse {src:?} as !!binary: not valid base64"
            )),
        },
        "!!null" => Ok(Value::Null),
        "!!int" | "!!float" => parse_number(&src.replace('_', ""))
            .or_else(|| parse_go_int(&src.replace('_', "")))
            .map(Value::from)
            .ok_or_else(|| format!("cannot parse {src:?} as {tag}")),
        _ => Err(format!("cannot parse {src:?} as {tag}")),
    }
}

/// Go's `strconv.ParseInt(s, 0, 64)` prefixes (0x, 0o, 0b, leading 0).
pub(super) fn parse_go_int(s: &str) -> Option<f64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..)?),
        Some(b'+') => (false, s.get(1..)?),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, &lower[1..])
    } else {
        return None;
    };
    let n = u64::from_str_radix(digits, radix).ok()? as f64;
    Some(if neg { -n } else { n })
}

/// The timestamp forms go-cty-yaml recognises in unquoted scalars.
pub(super) fn parse_yaml_timestamp(s: &str) -> Option<Timestamp> {
    let b = s.as_bytes();
    if b.len() < 8 || !b.iter().take(4).all(u8::is_ascii_digit) || b.get(4) != Some(&b'-') {
        return None;
    }
    let year: i64 = s.get(..4)?.parse().ok()?;
    let rest = s.get(5..)?;
    let (month, rest) = take_num(rest, 2)?;
    let rest = rest.strip_prefix('-')?;
    let (day, rest) = take_num(rest, 2)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    if rest.is_empty() {
        return Some(Timestamp::from_civil(year, month, day, 0, 0, 0, 0, 0));
    }
    let mut rest_chars = rest.chars();
    let sep = rest_chars.next()?;
    let rest = rest_chars.as_str();
    let spaced = sep == ' ';
    if !(sep == 'T' || sep == 't' || spaced) {
        return None;
    }
    let (hour, rest) = take_num(rest, 2)?;
    let rest = rest.strip_prefix(':')?;
    let (min, rest) = take_num(rest, 2)?;
    let rest = rest.strip_prefix(':')?;
    let (sec, mut rest) = take_num(rest, 2)?;
    let mut nanos = 0;
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 9 {
            return None;
        }
        let (d, r) = frac.split_at(digits);
        nanos = d.parse::<i64>().ok()? * 10i64.pow(9 - digits as u32);
        rest = r;
    }
    if hour > 23 || min > 59 || sec > 59 {
        return None;
    }
    let offset = if spaced {
        if !rest.is_empty() {
            return None;
        }
        0
    } else {
        parse_offset(rest)?
    };
    Some(Timestamp::from_civil(
        year, month, day, hour, min, sec, nanos, offset,
    ))
}

pub(super) fn take_num(s: &str, max_len: usize) -> Option<(i64, &str)> {
    let len = s
        .bytes()
        .take(max_len)
        .take_while(u8::is_ascii_digit)
        .count();
    if len == 0 {
        return None;
    }
    let (d, rest) = s.split_at(len);
    Some((d.parse().ok()?, rest))
}

pub(super) fn parse_offset(s: &str) -> Option<i64> {
    if s == "Z" {
        return Some(0);
    }
    let b = s.as_bytes();
    if b.len() != 6 || b.get(3) != Some(&b':') {
        return None;
    }
    let sign = match b.first() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return None,
    };
    let h: i64 = two_digits(s.get(1..3)?)?;
    let m: i64 = two_digits(s.get(4..6)?)?;
    if h > 23 || m > 59 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60))
}

pub(super) fn two_digits(s: &str) -> Option<i64> {
    if s.len() == 2 && s.bytes().all(|c| c.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// go-cty-yaml's `yamlencode`: block style, double-quoted strings, literal
/// blocks for multi-line strings, as libyaml's emitter lays them out.
pub(super) fn yaml_encode(v: &Value) -> Result<String, String> {
    let mut e = YamlEmitter::default();
    match v {
        Value::Object(map) if !map.is_empty() => e.mapping(map, 0, 0)?,
        Value::List(items) if !items.is_empty() => e.sequence(items, 0, 0)?,
        other => {
            e.root = true;
            e.scalar_value(other, 2, 0)?;
        }
    }
    if e.column > 0 {
        e.newline();
    }
    if e.open_ended {
        e.out.push_str("...\n");
    }
    Ok(e.out)
}

#[derive(Default)]
pub(super) struct YamlEmitter {
    out: String,
    column: usize,
    open_ended: bool,
    root: bool,
}

/// libyaml's emitter folds double-quoted scalars after this column.
pub(super) const YAML_WIDTH: usize = 80;

impl YamlEmitter {
    fn push(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    fn push_str(&mut self, s: &str) {
        self.out.push_str(s);
        self.column += s.chars().count();
    }

    fn newline(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    /// libyaml's write_indent for the cases this emitter produces.
    fn indent(&mut self, indent: usize) {
        if self.column > indent {
            self.newline();
        }
        while self.column < indent {
            self.push(' ');
        }
    }

    fn check_depth(depth: usize) -> Result<(), String> {
        if depth > 256 {
            Err("value is nested too deeply for YAML".to_owned())
        } else {
            Ok(())
        }
    }

    fn mapping(
        &mut self,
        map: &BTreeMap<String, Value>,
        indent: usize,
        depth: usize,
    ) -> Result<(), String> {
        Self::check_depth(depth)?;
        for (k, v) in map {
            self.indent(indent);
            self.double_quoted(k, indent + 2, false);
            self.push(':');
            self.node(v, indent, true, depth + 1)?;
        }
        Ok(())
    }

    fn sequence(&mut self, items: &[Value], indent: usize, depth: usize) -> Result<(), String> {
        Self::check_depth(depth)?;
        for item in items {
            self.indent(indent);
            self.push('-');
            self.node(item, indent, false, depth + 1)?;
        }
        Ok(())
    }

    /// A node after a `key:` (in a mapping at `indent`) or a `-` (in a
    /// sequence at `indent`).
    fn node(
        &mut self,
        v: &Value,
        indent: usize,
        in_mapping: bool,
        depth: usize,
    ) -> Result<(), String> {
        match v {
            Value::Object(map) if !map.is_empty() => {
                if in_mapping {
                    self.newline();
                }
                self.mapping(map, indent + 2, depth)
            }
            Value::List(items) if !items.is_empty() => {
                if in_mapping {
                    self.newline();
                    self.sequence(items, indent, depth)
                } else {
                    self.sequence(items, indent + 2, depth)
                }
            }
            other => {
                self.push(' ');
                self.scalar_value(other, indent + 2, depth)
            }
        }
    }

    fn scalar_value(&mut self, v: &Value, indent: usize, _depth: usize) -> Result<(), String> {
        match v {
            Value::Sensitive(inner) => return self.scalar_value(inner, indent, _depth),
            Value::Object(_) => self.push_str("{}"),
            Value::List(_) => self.push_str("[]"),
            Value::Null => self.plain("null"),
            Value::Bool(b) => self.plain(if *b { "true" } else { "false" }),
            Value::Number(n) => {
                let text = match *n {
                    Number::Int(i) => i.to_string(),
                    n => {
                        let n = n.to_f64();
                        if n.is_infinite() {
                            (if n > 0.0 { "+.Inf" } else { "-.Inf" }).to_owned()
                        } else {
                            format!("{}", if n == 0.0 { 0.0 } else { n })
                        }
                    }
                };
                self.plain(&text);
            }
            Value::String(s) => {
                if s.contains('\n') && yaml_block_allowed(s) {
                    self.literal(s, indent);
                } else {
                    self.double_quoted(s, indent, true);
                }
            }
            Value::Unknown(u) => {
                return Err(format!("cannot serialize unknown value as YAML: {u}"))
            }
        }
        Ok(())
    }

    fn plain(&mut self, s: &str) {
        self.push_str(s);
        if self.root {
            self.open_ended = true;
        }
    }

    fn double_quoted(&mut self, s: &str, indent: usize, allow_breaks: bool) {
        self.push('"');
        let chars: Vec<char> = s.chars().collect();
        let mut spaces = false;
        let mut i = 0;
        while let Some(&c) = chars.get(i) {
            if !yaml_printable(c) || c == '\u{FEFF}' || c == '"' || c == '\\' || yaml_break(c) {
                self.push('\\');
                match c {
                    '\0' => self.push('0'),
                    '\u{7}' => self.push('a'),
                    '\u{8}' => self.push('b'),
                    '\t' => self.push('t'),
                    '\n' => self.push('n'),
                    '\u{b}' => self.push('v'),
                    '\u{c}' => self.push('f'),
                    '\r' => self.push('r'),
                    '\u{1b}' => self.push('e'),
                    '"' => self.push('"'),
                    '\\' => self.push('\\'),
                    '\u{85}' => self.push('N'),
                    '\u{a0}' => self.push('_'),
                    '\u{2028}' => self.push('L'),
                    '\u{2029}' => self.push('P'),
                    c => {
                        let v = u32::from(c);
                        let text = if v <= 0xFF {
                            format!("x{v:02X}")
                        } else if v <= 0xFFFF {
                            format!("u{v:04X}")
                        } else {
                            format!("U{v:08X}")
                        };
                        self.push_str(&text);
                    }
                }
                spaces = false;
            } else if c == ' ' {
                if allow_breaks
                    && !spaces
                    && self.column > YAML_WIDTH
                    && i != 0
                    && i + 1 != chars.len()
                {
                    self.newline();
                    self.indent(indent);
                    if chars.get(i + 1) == Some(&' ') {
                        self.push('\\');
                    }
                } else {
                    self.push(' ');
                }
                spaces = true;
            } else {
                self.push(c);
                spaces = false;
            }
            i += 1;
        }
        self.push('"');
    }

    fn literal(&mut self, s: &str, indent: usize) {
        self.push('|');
        if s.starts_with([' ', '\n']) {
            self.push('2');
        }
        self.open_ended = false;
        let chomp = if !s.ends_with('\n') {
            Some('-')
        } else if s == "\n" || s.ends_with("\n\n") {
            self.open_ended = true;
            Some('+')
        } else {
            None
        };
        if let Some(c) = chomp {
            self.push(c);
        }
        self.newline();
        let mut at_line_start = true;
        for c in s.chars() {
            if c == '\n' {
                self.newline();
                at_line_start = true;
            } else {
                if at_line_start {
                    self.indent(indent);
                    at_line_start = false;
                }
                self.push(c);
            }
        }
    }
}

/// libyaml's is_printable (with the emitter in unicode mode).
pub(super) fn yaml_printable(c: char) -> bool {
    let v = u32::from(c);
    v == 0x0A
        || (0x20..=0x7E).contains(&v)
        || (0xA0..=0xD7FF).contains(&v)
        || ((0xE000..=0xFFFD).contains(&v) && v != 0xFEFF)
}

pub(super) fn yaml_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Whether libyaml would accept a literal block for this string.
pub(super) fn yaml_block_allowed(s: &str) -> bool {
    if s.ends_with(' ') || s.contains(" \n") {
        return false;
    }
    s.chars()
        .all(|c| yaml_printable(c) && c != '\u{FEFF}' && (c == '\n' || !yaml_break(c)))
}

pub(super) fn fn_base64encode(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::String(base64_encode(to_str(&a[0])?.as_bytes())))
}

pub(super) fn fn_base64gzip(_: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::unknown(
        "base64gzip() output depends on Go's gzip compressor and is not reproduced",
    ))
}

/// `jsonencode`. Terraform's result is unknown as soon as any leaf is; tfward
/// keeps what is known (the policy input document shows the object, with
/// the unknown leaves listed), so a policy can read a bucket policy whose
/// `Resource` is an ARN known only after apply.
pub(super) fn fn_jsonencode(a: &[Value], _: &FnContext<'_>) -> Res {
    if let Value::Unknown(u) = &a[0] {
        return Ok(Value::Unknown(u.plain()));
    }
    if let Some(u) = a[0].first_unknown() {
        return Ok(Value::Unknown(Unknown::json(u.reason(), a[0].clone())));
    }
    let mut out = String::new();
    json_encode(&a[0], &mut out)?;
    Ok(Value::String(out))
}

pub(super) fn fn_urlencode(a: &[Value], _: &FnContext<'_>) -> Res {
    str_map(a, url_query_escape)
}

pub(super) fn fn_base64gunzip(_: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::unknown("base64gunzip() is not evaluated statically"))
}

pub(super) fn fn_yamlencode(a: &[Value], _: &FnContext<'_>) -> Res {
    yaml_encode(&a[0]).map(Value::String)
}
