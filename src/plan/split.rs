//! Parsing a large plan's JSON on every worker thread. A scan of the text's
//! structure finds the members of the top-level object, and the elements of
//! its long arrays (`resource_changes`, a state's `resources`), which
//! serde_json then parses separately, in parallel. The result is the value
//! `serde_json::from_str` gives; any text the scan does not follow is left to
//! `serde_json::from_str`, so errors keep their line and column.

use rayon::prelude::*;
use serde_json::{Map, Value as Json};

/// Documents smaller than this are parsed in one piece.
const PARALLEL_FROM: usize = 1 << 20;

/// A top-level array longer than this is parsed element by element.
const SPLIT_ARRAY_FROM: usize = 64 << 10;

/// The deepest nesting the scan follows. serde_json stops at 128 levels;
/// a piece parsed alone starts shallower than it sits in the document, so
/// a document nested near that limit is parsed whole, where the limit
/// applies as it always did.
const MAX_DEPTH: usize = 100;

/// Parses `text` as serde_json::from_str does, in parallel when it is large.
pub fn parse(text: &str) -> serde_json::Result<Json> {
    if text.len() >= PARALLEL_FROM {
        if let Some(value) = parse_split(text) {
            return Ok(value);
        }
    }
    serde_json::from_str(text)
}

/// One member of the top-level object: its key's text (with the quotes)
/// and its value's text, or the texts of the elements of an array value.
struct Member<'t> {
    key: &'t str,
    value: Piece<'t>,
}

enum Piece<'t> {
    Whole(&'t str),
    Elements(Vec<&'t str>),
}

/// The document parsed in pieces, or None when the scan does not follow
/// the text (not an object, too deep, not JSON): the caller then parses it
/// whole.
pub(super) fn parse_split(text: &str) -> Option<Json> {
    let members = scan(text)?;
    let parsed: Vec<(String, Json)> = members
        .into_par_iter()
        .map(|m| {
            let key: String = serde_json::from_str(m.key).ok()?;
            let value = match m.value {
                Piece::Whole(t) => serde_json::from_str(t).ok()?,
                Piece::Elements(items) => Json::Array(
                    items
                        .into_par_iter()
                        .map(|t| serde_json::from_str(t).ok())
                        .collect::<Option<Vec<Json>>>()?,
                ),
            };
            Some((key, value))
        })
        .collect::<Option<_>>()?;
    // In order, as serde_json inserts them: a repeated key keeps its first
    // place and its last value.
    let mut map = Map::new();
    for (key, value) in parsed {
        map.insert(key, value);
    }
    Some(Json::Object(map))
}

/// The members of the top-level object, checked against JSON's grammar
/// between the pieces (each piece is checked when it is parsed).
fn scan(text: &str) -> Option<Vec<Member<'_>>> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = skip_ws(b, i + 1);
    let mut members = Vec::new();
    if b.get(i) == Some(&b'}') {
        i += 1;
    } else {
        loop {
            if b.get(i) != Some(&b'"') {
                return None;
            }
            let key_end = string_end(b, i)?;
            let key = text.get(i..key_end)?;
            i = skip_ws(b, key_end);
            if b.get(i) != Some(&b':') {
                return None;
            }
            let start = skip_ws(b, i + 1);
            let end = value_end(b, start, 2)?;
            let value = if b.get(start) == Some(&b'[') && end - start >= SPLIT_ARRAY_FROM {
                Piece::Elements(elements(text, start, end)?)
            } else {
                Piece::Whole(text.get(start..end)?)
            };
            members.push(Member { key, value });
            i = skip_ws(b, end);
            match b.get(i) {
                Some(b',') => i = skip_ws(b, i + 1),
                Some(b'}') => {
                    i += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    // Nothing but whitespace after the document.
    (skip_ws(b, i) == b.len()).then_some(members)
}

/// The texts of the elements of the array at `start..end`.
fn elements(text: &str, start: usize, end: usize) -> Option<Vec<&str>> {
    let b = text.as_bytes();
    let mut items = Vec::new();
    let mut i = skip_ws(b, start + 1);
    if b.get(i) == Some(&b']') {
        return (i + 1 == end).then_some(items);
    }
    loop {
        let item_end = value_end(b, i, 3)?;
        items.push(text.get(i..item_end)?);
        i = skip_ws(b, item_end);
        match b.get(i) {
            Some(b',') => i = skip_ws(b, i + 1),
            Some(b']') if i + 1 == end => return Some(items),
            _ => return None,
        }
    }
}

/// JSON's whitespace: space, tab, line feed, carriage return.
fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// The index after the string that starts (with its quote) at `i`.
fn string_end(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        match b.get(i)? {
            b'"' => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
}

/// The index after the value that starts at `i`, `depth` levels deep once
/// inside it (the top-level object is level 1). Strings and containers are
/// followed to their end; anything else runs to the next delimiter, and
/// serde_json decides later whether it is a number or a literal.
fn value_end(b: &[u8], mut i: usize, depth: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => string_end(b, i),
        b'{' | b'[' => {
            let mut level = 0usize;
            loop {
                match b.get(i)? {
                    b'"' => {
                        i = string_end(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => {
                        level += 1;
                        if depth + level > MAX_DEPTH + 1 {
                            return None;
                        }
                    }
                    b'}' | b']' => {
                        level -= 1;
                        if level == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let start = i;
            while !matches!(
                b.get(i),
                None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            ) {
                i += 1;
            }
            (i > start).then_some(i)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document with every shape the scan meets: nested containers,
    /// escapes in keys and strings, a repeated key, empty containers, and
    /// a long array split by element.
    fn sample() -> String {
        let changes: Vec<String> = (0..3000)
            .map(|i| {
                format!(
                    r#"{{"address": "aws_s3_bucket.b[{i}]", "change": {{"after": {{"tags": {{"k\"{i}": "v\\n\u00e9"}}, "n": {i}.5e1, "l": [[], {{}}, [null, true, false]]}}}}}}"#
                )
            })
            .collect();
        format!(
            " {{\"format_version\": \"1.2\",\n\"a\\u0062\": [], \"e\": {{}}, \"format_version\": \"1.3\", \
             \"resource_changes\": [ {} ] , \"n\": -0.25 }}\n\r\t",
            changes.join(" ,\n")
        )
    }

    #[test]
    fn the_pieces_give_what_serde_json_gives() {
        let text = sample();
        assert!(text.len() > SPLIT_ARRAY_FROM);
        let whole: Json = serde_json::from_str(&text).expect("valid");
        let split = parse_split(&text).expect("the scan follows it");
        assert_eq!(split, whole);
        // Same order of keys too (preserve_order), the repeated key where
        // it first was.
        assert_eq!(
            serde_json::to_string(&split).expect("serialises"),
            serde_json::to_string(&whole).expect("serialises")
        );
        assert_eq!(parse(&text).expect("valid"), whole);
    }

    #[test]
    fn text_that_is_not_json_is_left_to_serde_json() {
        let good = sample();
        let broken = [
            good.replacen("\"n\": -0.25 }", "\"n\": -0.25, }", 1),
            good.replacen("\"e\": {},", "\"e\": {}", 1),
            good.replacen("] , \"n\"", ", ] , \"n\"", 1),
            format!("{good} x"),
            good.replacen(
                "\"format_version\": \"1.2\"",
                "\"format_version\" \"1.2\"",
                1,
            ),
            good.replacen("-0.25", "-0.2 5", 1),
            good.replacen("[null, true, false]", "[nul, true, false]", 1),
            String::new(),
        ];
        for text in broken {
            assert!(serde_json::from_str::<Json>(&text).is_err(), "{text:.80}");
            assert!(parse_split(&text).is_none(), "{text:.80}");
        }
        // JSON, but not an object: parsed whole.
        assert!(parse_split("[1, 2, 3]").is_none());
        assert_eq!(parse("[1, 2, 3]").ok(), Some(serde_json::json!([1, 2, 3])));
    }

    #[test]
    fn deep_nesting_is_parsed_whole_where_serde_json_limits_it() {
        for depth in [90, 130] {
            let deep = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
            let text = format!("{{\"resource_changes\": [{deep}]}}");
            let whole = serde_json::from_str::<Json>(&text);
            assert_eq!(whole.is_ok(), depth < 120);
            match parse_split(&text) {
                Some(v) => assert_eq!(Some(v), whole.ok()),
                None => assert!(depth > MAX_DEPTH - 10),
            }
        }
    }
}
