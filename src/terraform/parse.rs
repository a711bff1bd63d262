//! HCL text -> `hcl_edit` syntax tree, with the input checks and repairs that
//! make tfward read every file Terraform reads.
//!
//! hcl-edit is stricter than Terraform in two places, both seen in real
//! modules (DESIGN.md, "Measured facts"):
//! - a key repeated in one object constructor (`{ port = 80, port = 80 }`):
//!   Terraform keeps the last value, hcl-edit stops. We rename the repeated
//!   key in place to a placeholder of the same length (so every byte offset
//!   stays true) and remember the original name; the evaluator maps it back,
//!   and since object items are evaluated in order the last value wins.
//! - a line break right after a binary operator inside a brace-delimited
//!   `for` expression: Terraform ignores newlines inside the `for`, hcl-edit
//!   does not. We replace those line breaks with spaces (same length again).
//!
//! Before parsing, the text is checked for what would hurt the parser:
//! NUL bytes (a binary file) and nesting deeper than [`MAX_NESTING`], which
//! would exhaust the stack of a recursive-descent parser.

use std::collections::HashMap;

use hcl_edit::structure::Body;

/// The deepest bracket nesting tfward parses. Real modules stay below 30.
pub const MAX_NESTING: usize = 256;

/// How many in-place repairs one file may need before we give up.
const MAX_REPAIRS: usize = 256;

/// A parsed HCL file.
#[derive(Debug)]
pub struct ParsedHcl {
    pub body: Body,
    /// Object keys that were renamed to parse a repeated key: the key's byte
    /// offset -> its original name.
    pub renamed_keys: HashMap<usize, String>,
    /// Large literal objects read before parsing (see `big_objects`): the
    /// offset of the `{` -> the value.
    pub lifted: super::big_objects::Lifted,
}

/// Why a file could not be parsed, with the byte offset of the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub offset: usize,
    pub message: String,
}

/// Parses HCL text.
pub fn parse_hcl(text: &str) -> Result<ParsedHcl, ParseError> {
    check_input(text)?;
    let (mut repaired, lifted) = match super::big_objects::lift(text) {
        Ok(Some((blanked, lifted))) => (Some(blanked), lifted),
        Ok(None) => (None, HashMap::new()),
        Err(t) if t.earlier.is_empty() => {
            return Err(ParseError {
                offset: t.offset,
                message: format!(
                    "this object has more than {} items that are not all plain literals; \
                     tfward does not parse such objects (hcl-edit takes time quadratic in \
                     their number)",
                    super::big_objects::MAX_ITEMS
                ),
            })
        }
        Err(t) => {
            return Err(ParseError {
                offset: t.offset,
                message: format!(
                    "this object has about {} items that are not all plain literals, and the \
                     file's earlier objects like it have {} ({} object{}); hcl-edit takes time \
                     quadratic in their items, and tfward parses at most the work of one \
                     object of {} items per file (split the file, or write the values as \
                     plain literals)",
                    t.items,
                    t.earlier.iter().sum::<usize>(),
                    t.earlier.len(),
                    if t.earlier.len() == 1 { "" } else { "s" },
                    super::big_objects::MAX_ITEMS
                ),
            })
        }
    };
    let mut renamed_keys = HashMap::new();
    for _ in 0..MAX_REPAIRS {
        let current = repaired.as_deref().unwrap_or(text);
        let err = match hcl_edit::parser::parse_body(current) {
            Ok(body) => {
                return Ok(ParsedHcl {
                    body,
                    renamed_keys,
                    lifted,
                })
            }
            Err(err) => err,
        };
        let offset = err.location().offset();
        let mut next = current.to_owned();
        let fixed = if err.message().contains("redefined object key") {
            rename_repeated_key(&mut next, offset, &mut renamed_keys)
        } else {
            join_line_after_operator(&mut next, offset)
        };
        if !fixed {
            return Err(ParseError {
                offset,
                message: describe(err.message()),
            });
        }
        repaired = Some(next);
    }
    Err(ParseError {
        offset: 0,
        message: "the file needs too many repairs to parse; is it generated?".into(),
    })
}

/// Rejects binary files and nesting deep enough to overflow the parser.
fn check_input(text: &str) -> Result<(), ParseError> {
    if let Some(offset) = text.find('\0') {
        return Err(ParseError {
            offset,
            message: "this is a binary file (it contains a NUL byte), not HCL".into(),
        });
    }
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut in_comment = false;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if in_comment {
            in_comment = b != b'\n';
            continue;
        }
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') | (false, b'\n') => in_string = false,
                // Interpolations nest too, but are bounded by the line.
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'#' => in_comment = true,
            b'/' if bytes.get(i + 1) == Some(&b'/') => in_comment = true,
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(ParseError {
                        offset: i,
                        message: format!(
                            "brackets nest deeper than {MAX_NESTING} levels here; tfward does not \
                             parse such files (Terraform modules stay far below this)"
                        ),
                    });
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Turns hcl-edit's "expected X" messages into a sentence.
fn describe(message: &str) -> String {
    let message = message.trim();
    if message.is_empty() {
        "invalid HCL syntax".into()
    } else {
        format!("invalid HCL: {message}")
    }
}

/// Renames the object key starting at `offset` to a placeholder of the same
/// byte length that is not a key yet. Returns false when there is no key there.
fn rename_repeated_key(
    text: &mut String,
    offset: usize,
    renamed: &mut HashMap<usize, String>,
) -> bool {
    let Some(rest) = text.get(offset..) else {
        return false;
    };
    let (len, original, quoted) = if let Some(inner) = rest.strip_prefix('"') {
        let Some(end) = closing_quote(inner) else {
            return false;
        };
        (end + 2, inner[..end].to_owned(), true)
    } else {
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(rest.len());
        (len, rest[..len].to_owned(), false)
    };
    if len == 0 {
        return false;
    }
    // The first time this offset is renamed, remember the original name; a
    // placeholder that collides gets the next candidate.
    let attempt = match renamed.entry(offset) {
        std::collections::hash_map::Entry::Occupied(_) => renamed.len() + 1,
        std::collections::hash_map::Entry::Vacant(v) => {
            v.insert(original);
            renamed.len()
        }
    };
    let placeholder = if quoted {
        format!("\"{}\"", placeholder(len - 2, attempt, true))
    } else {
        placeholder(len, attempt, false)
    };
    if placeholder.len() != len {
        return false;
    }
    text.replace_range(offset..offset + len, &placeholder);
    true
}

/// The n-th placeholder of `len` characters. Identifiers must start with a
/// letter or `_`; strings may hold anything printable but we keep to the same
/// alphabet. The `~` marker makes a collision with a real key unlikely.
fn placeholder(len: usize, n: usize, quoted: bool) -> String {
    const ALPHABET: &[u8] = b"_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    if len == 0 {
        return String::new();
    }
    let mut out = Vec::with_capacity(len);
    if quoted {
        out.push(b'~');
    }
    let mut n = n;
    while out.len() < len {
        out.push(ALPHABET[n % ALPHABET.len()]);
        n /= ALPHABET.len();
    }
    out.truncate(len);
    String::from_utf8(out).unwrap_or_default()
}

/// The byte index of the closing `"` in a string body, honouring escapes.
fn closing_quote(s: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        match (escaped, c) {
            (true, _) => escaped = false,
            (false, '\\') => escaped = true,
            (false, '"') => return Some(i),
            (false, '\n') => return None,
            _ => {}
        }
    }
    None
}

/// When the parser stopped at a line break that follows a binary operator,
/// replaces the line breaks up to the next token with spaces.
fn join_line_after_operator(text: &mut String, offset: usize) -> bool {
    let Some(before) = text.get(..offset) else {
        return false;
    };
    // Find the last non-blank character before the error, across lines.
    let trimmed = before.trim_end();
    const OPERATORS: [&str; 13] = [
        "&&", "||", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "<", ">",
    ];
    if !OPERATORS.iter().any(|op| trimmed.ends_with(op)) || trimmed.ends_with("->") {
        return false;
    }
    let gap_start = trimmed.len();
    let gap_end = text[gap_start..]
        .find(|c: char| !c.is_whitespace())
        .map_or(text.len(), |i| gap_start + i);
    let gap = &text[gap_start..gap_end];
    if !gap.contains('\n') {
        return false;
    }
    let spaces: String = gap
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    text.replace_range(gap_start..gap_end, &spaces);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_object_key_keeps_offsets() {
        let src = "x = {\n  port = 80\n  port = 81\n}\n";
        let parsed = parse_hcl(src).expect("parses");
        assert_eq!(parsed.renamed_keys.len(), 1);
        let (&offset, name) = parsed.renamed_keys.iter().next().expect("one rename");
        assert_eq!(name, "port");
        assert_eq!(&src[offset..offset + 4], "port");
        assert_eq!(offset, src.rfind("port").expect("second port"));
    }

    #[test]
    fn repeated_quoted_key() {
        let src = "x = { \"a\" = 1, \"a\" = 2 }\n";
        let parsed = parse_hcl(src).expect("parses");
        assert_eq!(
            parsed.renamed_keys.values().next().map(String::as_str),
            Some("a")
        );
    }

    #[test]
    fn newline_after_operator_in_for() {
        let src =
            "locals {\n  m = {\n    for k in var.l :\n    k =>\n    var.a &&\n    var.b\n  }\n}\n";
        assert!(parse_hcl(src).is_ok());
    }

    #[test]
    fn binary_and_deep_input_are_errors() {
        assert!(parse_hcl("a = 1\0").is_err());
        let deep = format!("a = {}1{}", "[".repeat(100_000), "]".repeat(100_000));
        let err = parse_hcl(&deep).expect_err("too deep");
        assert!(err.message.contains("nest deeper"));
    }

    #[test]
    fn syntax_error_has_offset() {
        let err = parse_hcl("a = 1\nb = = 2\n").expect_err("bad");
        assert!(err.offset >= 6, "{err:?}");
    }
}
