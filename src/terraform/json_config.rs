//! Terraform's JSON configuration syntax (`*.tf.json`), read by rewriting it
//! as native HCL text and parsing that. Strings keep their `${...}`
//! templates, which mean the same in both syntaxes. Objects under a block
//! type's body become nested blocks when they hold objects, otherwise
//! attributes (maps), which is how Terraform's schema-less reading behaves
//! for the arguments policies check.

use serde_json::Value as Json;

/// A JSON syntax error with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Block types whose JSON form has labels before the body, with their
/// label count.
fn labels_of(block_type: &str) -> Option<usize> {
    match block_type {
        "resource" | "data" | "ephemeral" => Some(2),
        "variable" | "output" | "module" | "provider" => Some(1),
        "locals" | "terraform" | "moved" | "import" | "removed" | "check" => Some(0),
        _ => None,
    }
}

/// Converts a JSON configuration file to equivalent HCL text.
pub fn to_hcl(text: &str) -> Result<String, JsonError> {
    let json: Json = serde_json::from_str(text).map_err(|e| JsonError {
        line: e.line(),
        column: e.column(),
        message: format!("invalid JSON: {e}"),
    })?;
    let Json::Object(top) = json else {
        return Err(JsonError {
            line: 1,
            column: 1,
            message: "a .tf.json file must hold a JSON object".into(),
        });
    };
    let mut out = String::new();
    for (block_type, body) in &top {
        if block_type == "//" {
            continue;
        }
        let Some(n) = labels_of(block_type) else {
            continue;
        };
        emit_labeled(&mut out, block_type, body, n, &mut Vec::new());
    }
    Ok(out)
}

fn emit_labeled(
    out: &mut String,
    block_type: &str,
    v: &Json,
    remaining: usize,
    labels: &mut Vec<String>,
) {
    if remaining == 0 {
        let bodies: Vec<&Json> = match v {
            Json::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        for body in bodies {
            out.push_str(block_type);
            for l in labels.iter() {
                out.push(' ');
                out.push_str(&quote(l));
            }
            out.push_str(" {\n");
            if let Json::Object(map) = body {
                emit_body(out, map, block_type == "locals" || block_type == "variable");
            }
            out.push_str("}\n");
        }
        return;
    }
    if let Json::Object(map) = v {
        for (label, inner) in map {
            labels.push(label.clone());
            emit_labeled(out, block_type, inner, remaining - 1, labels);
            labels.pop();
        }
    }
}

fn emit_body(out: &mut String, map: &serde_json::Map<String, Json>, attrs_only: bool) {
    for (k, v) in map {
        if k == "//" {
            continue;
        }
        let is_block = !attrs_only
            && !matches!(
                k.as_str(),
                "tags"
                    | "tags_all"
                    | "labels"
                    | "variables"
                    | "environment"
                    | "triggers"
                    | "metadata"
                    | "parameters"
                    | "providers"
            )
            && match v {
                Json::Object(_) => true,
                Json::Array(items) => !items.is_empty() && items.iter().all(Json::is_object),
                _ => false,
            };
        if is_block {
            let bodies: Vec<&Json> = match v {
                Json::Array(items) => items.iter().collect(),
                other => vec![other],
            };
            for b in bodies {
                out.push_str(k);
                out.push_str(" {\n");
                if let Json::Object(m) = b {
                    // Each provider requirement is an object-valued
                    // argument (`aws = { source = ..., version = ... }`),
                    // never a nested block.
                    emit_body(out, m, k == "required_providers");
                }
                out.push_str("}\n");
            }
        } else {
            out.push_str(&format!(
                "{} = {}\n",
                ident_or_quoted(k),
                expr(v, k == "depends_on" || k == "provider")
            ));
        }
    }
}

fn ident_or_quoted(k: &str) -> String {
    if k.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && k.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        k.to_owned()
    } else {
        quote(k)
    }
}

fn expr(v: &Json, bare: bool) -> String {
    match v {
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        Json::String(s) if bare => s.clone(),
        // A JSON string is a template: keep ${...} as it is, escape the rest.
        Json::String(s) => template(s),
        Json::Array(items) => format!(
            "[{}]",
            items
                .iter()
                .map(|i| expr(i, bare))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Json::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("{} = {}", quote(k), expr(v, false)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JSON string as a quoted HCL template: the literal parts escaped as
/// `quote` does, each `${...}` and `%{...}` copied as it is, since its
/// contents are expression syntax (`"${lower("A")}"` holds quotes that
/// must stay quotes). `$${` and `%%{` are HCL's own escapes and stay too.
/// An unclosed sequence is left to the HCL parser to report.
fn template(s: &str) -> String {
    let mut out = String::from("\"");
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("$${") || rest.starts_with("%%{") {
            out.push_str(&rest[..3]);
            rest = &rest[3..];
            continue;
        }
        if rest.starts_with("${") || rest.starts_with("%{") {
            if let Some(end) = sequence_end(rest) {
                out.push_str(&rest[..end].replace(['\n', '\r'], " "));
                rest = &rest[end..];
                continue;
            }
        }
        let quoted = quote(c.encode_utf8(&mut [0; 4]));
        out.push_str(&quoted[1..quoted.len() - 1]);
        rest = &rest[c.len_utf8()..];
    }
    out.push('"');
    out
}

/// The byte length of the `${...}` or `%{...}` that `s` starts with, up to
/// and including its closing brace: braces counted, string literals inside
/// it skipped. `None` when it is not closed.
fn sequence_end(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut depth = 0usize;
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resources_and_nested_blocks() {
        let hcl = to_hcl(r#"{"resource": {"aws_s3_bucket": {"b": {"bucket": "x-${var.env}", "versioning": {"enabled": true}, "tags": {"a": "b"}}}}}"#)
            .expect("converts");
        assert!(hcl.contains("resource \"aws_s3_bucket\" \"b\" {"), "{hcl}");
        assert!(hcl.contains("bucket = \"x-${var.env}\""), "{hcl}");
        assert!(hcl.contains("tags = {\"a\" = \"b\"}"), "{hcl}");
        assert!(crate::terraform::parse::parse_hcl(&hcl).is_ok());
    }

    #[test]
    fn interpolations_keep_their_quotes_and_literals_are_escaped() {
        let hcl = to_hcl(
            r#"{"locals": {"a": "say \"hi\" ${lower(\"A}\")} $${x} %{ if true }y%{ endif }"}}"#,
        )
        .expect("converts");
        assert!(
            hcl.contains(r#"a = "say \"hi\" ${lower("A}")} $${x} %{ if true }y%{ endif }""#),
            "{hcl}"
        );
        assert!(crate::terraform::parse::parse_hcl(&hcl).is_ok(), "{hcl}");
    }

    #[test]
    fn bad_json_has_position() {
        let e = to_hcl("{\n  \"resource\": [\n").expect_err("bad");
        assert_eq!(e.line, 3);
    }
}
