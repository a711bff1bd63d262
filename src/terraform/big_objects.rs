//! Large object literals, read without hcl-edit (issue 20 item 6).
//!
//! hcl-edit keeps an object constructor's items in a vector map and looks
//! every new key up in it (to reject a repeated key), so parsing an object
//! of n keys costs n²/2 key comparisons: 40,000 keys took 7 s, 100,000 keys
//! 78 s. Generated files (and hostile ones) have such objects, nearly
//! always of plain literals: `key = "value"`. Before parsing, such an
//! object of at least [`MIN_ITEMS`] items is read here in one pass and
//! blanked in the text to `{ ... }` of the same byte length (every offset
//! stays true); the evaluator takes its value from [`Lifted`] by the
//! offset of its `{`.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::number::Number;
use super::value::Value;

/// Fewer items than this parse fast enough in hcl-edit.
pub const MIN_ITEMS: usize = 1024;
/// Files shorter than this cannot hold an object worth lifting.
const MIN_TEXT: usize = 16 * 1024;

/// Most items of an object constructor that is not all plain literals
/// (hcl-edit parses 20,000 in about 1.6 s).
pub const MAX_ITEMS: usize = 20_000;

/// Offset of a lifted object's `{` -> its value.
pub type Lifted = HashMap<usize, Arc<Value>>;

/// An object constructor too large to parse: the offset of its `{`, about
/// how many items it has, and how many the file's earlier objects of at
/// least [`MIN_ITEMS`] items that are not all literals have. Each costs
/// hcl-edit time quadratic in its items, so a file may hold at most the
/// work of one object of [`MAX_ITEMS`] (the sum of their squares): without
/// that, each of a thousand objects of 20,000 items would take 1.6 s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge {
    pub offset: usize,
    pub items: usize,
    pub earlier: Vec<usize>,
}

/// The text with every large literal object blanked, and their values;
/// Ok(None) when there is none (or the text is not lexed to the end);
/// Err for an object of more than [`MAX_ITEMS`] items that is not all
/// plain literals.
pub fn lift(text: &str) -> Result<Option<(String, Lifted)>, TooLarge> {
    if text.len() < MIN_TEXT {
        return Ok(None);
    }
    let b = text.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    let mut lifted = Lifted::new();
    let mut last = b'\n';
    let mut i = 0;
    // Items of the objects left to hcl-edit that cost it quadratic time.
    let mut parsed_large: Vec<usize> = Vec::new();
    let work = |items: &[usize]| {
        items
            .iter()
            .map(|&n| (n as u128) * (n as u128))
            .sum::<u128>()
    };
    // Text tfward cannot lex to the end is left to the parser as it is.
    macro_rules! or_leave {
        ($e:expr) => {
            match $e {
                Some(v) => v,
                None => return Ok(None),
            }
        };
    }
    while let Some(&c) = b.get(i) {
        match c {
            b'#' => i = line_end(b, i),
            b'/' if b.get(i + 1) == Some(&b'/') => i = line_end(b, i),
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = or_leave!(find(b, i + 2, b"*/")) + 2;
            }
            b'"' => {
                i = or_leave!(skip_string(b, i));
                last = b'"';
            }
            b'<' if b.get(i + 1) == Some(&b'<') => {
                i = or_leave!(skip_heredoc(b, i));
                last = b'"';
            }
            // After `=` or `:` a brace opens an object constructor (block
            // bodies follow a name or label).
            b'{' if matches!(last, b'=' | b':') => match literal_object(b, i) {
                Some((end, value, n)) if n >= MIN_ITEMS => {
                    let buf = out.get_or_insert_with(|| b.to_vec());
                    for x in &mut buf[i + 1..end - 1] {
                        if *x != b'\n' {
                            *x = b' ';
                        }
                    }
                    lifted.insert(i, Arc::new(value));
                    i = end;
                    last = b'}';
                }
                _ => {
                    let items = count_items(b, i);
                    if items >= MIN_ITEMS {
                        parsed_large.push(items);
                        if work(&parsed_large) > (MAX_ITEMS as u128) * (MAX_ITEMS as u128) {
                            parsed_large.pop();
                            return Err(TooLarge {
                                offset: i,
                                items,
                                earlier: parsed_large,
                            });
                        }
                    }
                    last = c;
                    i += 1;
                }
            },
            c if c.is_ascii_whitespace() => i += 1,
            c => {
                last = c;
                i += 1;
            }
        }
    }
    let out = or_leave!(out.and_then(|o| String::from_utf8(o).ok()));
    Ok(Some((out, lifted)))
}

/// About how many items the object constructor at `b[i] == '{'` has: its
/// `=` and `:` that are not part of an operator, outside nested brackets,
/// strings and comments (a conditional's `:` counts too: this is a bound,
/// not a parse). Stops past [`MAX_ITEMS`].
fn count_items(b: &[u8], i: usize) -> usize {
    let mut depth = 0usize;
    let mut items = 0usize;
    let mut j = i;
    while let Some(&c) = b.get(j) {
        match c {
            b'"' => match skip_string(b, j) {
                Some(next) => {
                    j = next;
                    continue;
                }
                None => return items,
            },
            b'#' => j = line_end(b, j),
            b'/' if b.get(j + 1) == Some(&b'/') => j = line_end(b, j),
            b'{' | b'[' | b'(' => depth += 1,
            b'}' | b']' | b')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return items;
                }
            }
            b'=' | b':' if depth == 1 => {
                let prev = j.checked_sub(1).and_then(|p| b.get(p)).copied();
                let next = b.get(j + 1).copied();
                let operator = matches!(prev, Some(b'=' | b'!' | b'<' | b'>'))
                    || matches!(next, Some(b'=' | b'>'));
                if !operator {
                    items += 1;
                    if items > MAX_ITEMS {
                        return items;
                    }
                }
            }
            _ => {}
        }
        j += 1;
    }
    items
}

fn line_end(b: &[u8], i: usize) -> usize {
    b[i..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |p| i + p)
}

fn find(b: &[u8], from: usize, what: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(what.len())
        .position(|w| w == what)
        .map(|p| from + p)
}

/// `b[i]` is `"`: the index after the closing quote, skipping escapes and
/// `${ ... }` / `%{ ... }` (which may hold strings of their own).
fn skip_string(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    loop {
        match *b.get(j)? {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            b'\n' => return None,
            b'$' | b'%' if b.get(j + 1) == Some(&b'$') || b.get(j + 1) == Some(&b'%') => j += 2,
            b'$' | b'%' if b.get(j + 1) == Some(&b'{') => j = skip_template(b, j + 2)?,
            _ => j += 1,
        }
    }
}

/// Just inside `${`: the index after its closing `}`.
fn skip_template(b: &[u8], mut j: usize) -> Option<usize> {
    let mut depth = 1usize;
    loop {
        match *b.get(j)? {
            b'{' => {
                depth += 1;
                j += 1;
            }
            b'}' => {
                depth -= 1;
                j += 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            b'"' => j = skip_string(b, j)?,
            _ => j += 1,
        }
    }
}

/// `b[i..]` is `<<`: the index after the heredoc's closing marker line.
fn skip_heredoc(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 2;
    if b.get(j) == Some(&b'-') {
        j += 1;
    }
    let start = j;
    while b
        .get(j)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    {
        j += 1;
    }
    let marker = &b[start..j];
    if marker.is_empty() {
        // `<<` is not a heredoc here (HCL has no shift operator).
        return Some(i + 2);
    }
    let mut line = line_end(b, j) + 1;
    while line < b.len() {
        let end = line_end(b, line);
        if b[line..end].trim_ascii() == marker {
            return Some(end);
        }
        line = end + 1;
    }
    None
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}

fn skip_blanks(b: &[u8], mut j: usize) -> usize {
    while matches!(b.get(j), Some(b' ' | b'\t')) {
        j += 1;
    }
    j
}

/// A quoted string with no escape and no template: its text and the index
/// after it.
fn plain_string(b: &[u8], i: usize) -> Option<(String, usize)> {
    let mut j = i + 1;
    loop {
        match *b.get(j)? {
            b'"' => break,
            b'\\' | b'\n' => return None,
            b'$' | b'%' if b.get(j + 1) == Some(&b'{') => return None,
            _ => j += 1,
        }
    }
    let s = std::str::from_utf8(&b[i + 1..j]).ok()?.to_owned();
    Some((s, j + 1))
}

/// A number literal as the evaluator reads one, and the index after it.
fn number(b: &[u8], i: usize) -> Option<(Value, usize)> {
    let mut j = i;
    while b
        .get(j)
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E'))
    {
        // An exponent's sign.
        if matches!(b[j], b'e' | b'E') && matches!(b.get(j + 1), Some(b'+' | b'-')) {
            j += 1;
        }
        j += 1;
    }
    let text = std::str::from_utf8(&b[i..j]).ok()?;
    if text.bytes().all(|c| c.is_ascii_digit()) {
        if let Ok(u) = text.parse::<u64>() {
            return Some((Value::Number(Number::Int(i128::from(u))), j));
        }
    }
    let f = text.parse::<f64>().ok()?;
    Some((Value::from(f), j))
}

/// An object constructor at `b[i] == '{'` whose every item is a name or
/// plain string, `=` or `:`, and a plain string, number, bool or null: the
/// index after its `}`, its value (a repeated key keeps its last value, as
/// in Terraform) and its number of items. None for anything else.
fn literal_object(b: &[u8], i: usize) -> Option<(usize, Value, usize)> {
    let mut map = BTreeMap::new();
    let mut items = 0usize;
    let mut j = i + 1;
    loop {
        while matches!(b.get(j), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            j += 1;
        }
        let c = *b.get(j)?;
        if c == b'}' {
            return Some((j + 1, Value::Object(map), items));
        }
        let key = if c == b'"' {
            let (k, next) = plain_string(b, j)?;
            j = next;
            k
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = j;
            while b.get(j).copied().is_some_and(is_ident) {
                j += 1;
            }
            std::str::from_utf8(&b[start..j]).ok()?.to_owned()
        } else {
            return None;
        };
        j = skip_blanks(b, j);
        match (b.get(j), b.get(j + 1)) {
            (Some(b'='), Some(b'=' | b'>')) => return None,
            (Some(b'=' | b':'), _) => j += 1,
            _ => return None,
        }
        j = skip_blanks(b, j);
        let c = *b.get(j)?;
        let value = if c == b'"' {
            let (s, next) = plain_string(b, j)?;
            j = next;
            Value::String(s)
        } else if c.is_ascii_digit() {
            let (v, next) = number(b, j)?;
            j = next;
            v
        } else {
            let start = j;
            while b.get(j).copied().is_some_and(is_ident) {
                j += 1;
            }
            match &b[start..j] {
                b"true" => Value::Bool(true),
                b"false" => Value::Bool(false),
                b"null" => Value::Null,
                _ => return None,
            }
        };
        j = skip_blanks(b, j);
        match b.get(j) {
            Some(b',') => j += 1,
            Some(b'\n' | b'\r' | b'}') => {}
            _ => return None,
        }
        map.insert(key, value);
        items += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(n: usize, extra: &str) -> String {
        let mut s = String::from("locals {\n  big = {\n");
        for i in 0..n {
            s.push_str(&format!("    key_{i:06} = \"value-{i}\"\n"));
        }
        s.push_str(extra);
        s.push_str("  }\n  other = \"${local.big[\"key_000001\"]}\" # {\n}\n");
        s
    }

    #[test]
    fn a_large_literal_object_is_lifted_and_offsets_stay() {
        let text = big(
            2000,
            "    \"quoted key\" : 1.5, n = 42, t = true, z = null\n",
        );
        let (blanked, lifted) = lift(&text).expect("not too large").expect("lifted");
        assert_eq!(blanked.len(), text.len());
        assert_eq!(blanked.lines().count(), text.lines().count());
        let at = text.find("= {").expect("object") + 2;
        let Value::Object(map) = lifted[&at].as_ref() else {
            panic!("not an object");
        };
        assert_eq!(map.len(), 2004);
        assert_eq!(map["key_000007"], Value::String("value-7".into()));
        assert_eq!(map["quoted key"], Value::from(1.5));
        assert_eq!(map["n"], Value::Number(Number::Int(42)));
        assert_eq!(map["z"], Value::Null);
        assert!(blanked.contains("other = \"${local.big[\"key_000001\"]}\""));
        assert!(super::super::parse::parse_hcl(&blanked).is_ok());
    }

    #[test]
    fn objects_that_are_not_plain_literals_are_left_to_the_parser() {
        assert_eq!(lift(&big(2000, "    x = \"${var.a}\"\n")), Ok(None));
        assert_eq!(lift(&big(2000, "    x = var.a\n")), Ok(None));
        assert_eq!(lift(&big(10, "")), Ok(None));
        let err = lift(&big(30_000, "    x = var.a == 1 ? 2 : 3\n")).expect_err("too large");
        assert_eq!(err.items, MAX_ITEMS + 1);
        assert!(err.earlier.is_empty());
    }

    #[test]
    fn a_file_holds_at_most_the_parse_work_of_one_object_of_max_items() {
        let object = |n: usize| {
            let mut s = String::from("locals {\n  big = {\n");
            for i in 0..n {
                s.push_str(&format!("    key_{i:06} = var.a\n"));
            }
            s.push_str("  }\n}\n");
            s
        };
        // Sixteen objects of 5,000 items: 16 × 5,000² = 20,000², the bound.
        assert_eq!(lift(&object(5_000).repeat(16)), Ok(None));
        let seventeen = object(5_000).repeat(17);
        let err = lift(&seventeen).expect_err("past the file's bound");
        assert_eq!(err.items, 5_000);
        assert_eq!(err.earlier, vec![5_000; 16]);
        assert_eq!(
            err.offset,
            16 * object(5_000).len() + "locals {\n  big = ".len()
        );
        // Objects under MIN_ITEMS cost hcl-edit little and are not counted.
        assert_eq!(lift(&object(MIN_ITEMS - 1).repeat(500)), Ok(None));
    }
}
