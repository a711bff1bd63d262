//! SARIF 2.1.0, as GitHub code scanning reads it: one run whose
//! `tool.driver.rules[]` is generated from the METADATA of every policy that
//! ran, one result per finding with a line-independent partial fingerprint,
//! and unreadable files as tool execution notifications.

use serde_json::{json, Map, Value};

use super::{Context, Report};
use crate::diagnostic::Diagnostic;
use crate::finding::{dotted, Finding, Severity};
use crate::policy::Metadata;

pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The base id artifact locations are relative to; consumers (GitHub's
/// upload action, the SARIF viewer) bind it to the checkout.
pub const SRCROOT: &str = "%SRCROOT%";

/// The key of our partial fingerprint; bump the version if its meaning changes.
pub const FINGERPRINT_KEY: &str = "tfward/v1";

/// Renders the report as pretty SARIF with a trailing newline (the fuzz
/// targets render it whole; `tfward scan` streams it with [`write`]).
pub fn render(report: &Report, ctx: &Context<'_>) -> String {
    let mut s = serde_json::to_string_pretty(&log(report, ctx))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// Writes what [`render`] returns, straight to `w`.
pub fn write(
    report: &Report,
    ctx: &Context<'_>,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &log(report, ctx))?;
    w.write_all(b"\n")
}

/// The SARIF log as a JSON value.
pub fn log(report: &Report, ctx: &Context<'_>) -> Value {
    let mut driver = Map::new();
    driver.insert("name".into(), json!(report.tool.name));
    driver.insert("version".into(), json!(report.tool.version));
    driver.insert("semanticVersion".into(), json!(report.tool.version));
    if let Some(uri) = information_uri() {
        driver.insert("informationUri".into(), json!(uri));
    }
    driver.insert(
        "rules".into(),
        Value::Array(ctx.rules.iter().map(|m| rule(m)).collect()),
    );

    let notifications: Vec<Value> = report
        .errors
        .iter()
        .map(|d| notification(d, "error", ctx))
        .chain(
            report
                .warnings
                .iter()
                .map(|d| notification(d, "warning", ctx)),
        )
        .collect();
    let mut invocation = Map::new();
    invocation.insert(
        "executionSuccessful".into(),
        json!(report.errors.is_empty()),
    );
    if !notifications.is_empty() {
        invocation.insert(
            "toolExecutionNotifications".into(),
            Value::Array(notifications),
        );
    }

    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": report.findings.iter().map(|f| result(f, ctx)).collect::<Vec<_>>(),
        }],
    })
}

/// The homepage from Cargo.toml (`homepage`, else `repository`), if set.
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| !u.is_empty())
}

fn rule(m: &Metadata) -> Value {
    let mut r = Map::new();
    r.insert("id".into(), json!(m.id));
    r.insert("name".into(), json!(pascal_case(&m.title)));
    r.insert("shortDescription".into(), json!({ "text": m.title }));
    let full = if m.description.is_empty() {
        &m.title
    } else {
        &m.description
    };
    r.insert("fullDescription".into(), json!({ "text": full }));
    r.insert(
        "defaultConfiguration".into(),
        json!({ "level": level(m.severity) }),
    );
    r.insert(
        "help".into(),
        json!({ "text": m.remediation, "markdown": help_markdown(m) }),
    );
    if let Some(uri) = m
        .related_resources
        .iter()
        .find(|u| u.starts_with("https://") || u.starts_with("http://"))
    {
        r.insert("helpUri".into(), json!(uri));
    }
    r.insert(
        "properties".into(),
        json!({
            "security-severity": security_severity(m.severity),
            "tags": tags(m),
            // Policies match on exact attribute values and stay silent on
            // unknowns, so a result is rarely a false positive.
            "precision": "high",
            "problem.severity": problem_severity(m.severity),
        }),
    );
    Value::Object(r)
}

fn help_markdown(m: &Metadata) -> String {
    let mut s = String::new();
    if !m.description.is_empty() {
        s.push_str(&m.description);
        s.push_str("\n\n");
    }
    s.push_str("**Remediation**\n\n");
    s.push_str(&m.remediation);
    s
}

/// `["security", category, "cis-aws-1.5/2.1.5", "external/cwe/cwe-284", ...]`.
fn tags(m: &Metadata) -> Vec<String> {
    let mut tags = vec!["security".to_owned()];
    if m.category.as_str() != "security" {
        tags.push(m.category.as_str().to_owned());
    }
    for (framework, controls) in &m.frameworks {
        for control in controls {
            if framework == "cwe" {
                // GitHub shows CWE tags in this form as links to the weakness.
                tags.push(format!("external/cwe/{}", control.to_ascii_lowercase()));
            } else {
                tags.push(format!("{framework}/{control}"));
            }
        }
    }
    tags
}

fn result(f: &Finding, ctx: &Context<'_>) -> Value {
    let mut r = Map::new();
    r.insert("ruleId".into(), json!(f.rule_id));
    if let Some((index, _)) = ctx.rule(&f.rule_id) {
        r.insert("ruleIndex".into(), json!(index));
    }
    r.insert("level".into(), json!(level(f.severity)));
    r.insert("message".into(), json!({ "text": f.message }));
    r.insert(
        "locations".into(),
        json!([{ "physicalLocation": physical_location(&f.file, region(f.line, f.column, f.end_line, f.end_column), ctx) }]),
    );
    r.insert(
        "partialFingerprints".into(),
        json!({ FINGERPRINT_KEY: f.fingerprint }),
    );
    let mut props = Map::new();
    props.insert("address".into(), json!(f.address));
    props.insert("path".into(), json!(dotted(&f.path)));
    if !f.module.is_empty() {
        props.insert("module".into(), json!(f.module));
    }
    props.insert("severity".into(), json!(f.severity.as_str()));
    if let Some(via) = &f.via {
        props.insert("via".into(), json!(via.chain()));
        let related: Vec<Value> = via
            .calls
            .iter()
            .enumerate()
            .map(|(i, c)| {
                json!({
                    "id": i + 1,
                    "message": { "text": format!("module call {} of {} on the way from {}", i + 1, via.calls.len(), via.root) },
                    "physicalLocation": physical_location(&c.file, region(c.line, c.column, c.line, c.column), ctx),
                })
            })
            .collect();
        if !related.is_empty() {
            r.insert("relatedLocations".into(), Value::Array(related));
        }
    }
    r.insert("properties".into(), Value::Object(props));
    Value::Object(r)
}

fn notification(d: &Diagnostic, level: &str, ctx: &Context<'_>) -> Value {
    let region = region(d.line, d.column, d.line, d.column);
    json!({
        "level": level,
        "message": { "text": d.message },
        "locations": [{ "physicalLocation": physical_location(&d.file, region, ctx) }],
    })
}

fn physical_location(file: &str, region: Option<Value>, ctx: &Context<'_>) -> Value {
    let rel = ctx.rel_path(file);
    let artifact = if rel.starts_with('/') {
        // Outside the source root: an absolute file URI, no base id.
        json!({ "uri": format!("file://{}", encode_uri_path(&rel)) })
    } else {
        json!({ "uri": encode_uri_path(&rel), "uriBaseId": SRCROOT })
    };
    match region {
        Some(region) => json!({ "artifactLocation": artifact, "region": region }),
        None => json!({ "artifactLocation": artifact }),
    }
}

/// A 1-based region; `None` when the location has no line (a finding on a
/// module as a whole). The end never precedes the start.
fn region(line: usize, column: usize, end_line: usize, end_column: usize) -> Option<Value> {
    if line == 0 {
        return None;
    }
    let column = column.max(1);
    let (end_line, end_column) = if end_line < line {
        (line, column)
    } else if end_line == line {
        (line, end_column.max(column))
    } else {
        (end_line, end_column.max(1))
    };
    Some(json!({
        "startLine": line,
        "startColumn": column,
        "endLine": end_line,
        "endColumn": end_column,
    }))
}

pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

/// GitHub ranks security alerts by this CVSS-like score: >= 9.0 critical,
/// >= 7.0 high, >= 4.0 medium, else low.
pub fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
    }
}

fn problem_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "recommendation",
    }
}

/// `S3 bucket ACL grants public access` -> `S3BucketAclGrantsPublicAccess`:
/// acronyms are lowered and the article "a" dropped, since SARIF validators
/// read two capitals in a row as a non-Pascal-case name.
pub fn pascal_case(title: &str) -> String {
    let mut out = String::new();
    let words = title.split(|c: char| !c.is_ascii_alphanumeric());
    for word in words.filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("a")) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
    }
    out
}

/// Percent-encodes what may not appear in a URI path: everything but
/// unreserved characters, sub-delimiters, `:`, `@` and `/`.
pub fn encode_uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_levels() {
        assert_eq!(
            pascal_case("S3 bucket ACL grants public access"),
            "S3BucketAclGrantsPublicAccess"
        );
        assert_eq!(
            pascal_case("IAM policy grants full administrative access (\"*\" on \"*\")"),
            "IamPolicyGrantsFullAdministrativeAccessOn"
        );
        assert_eq!(
            pascal_case("S3 bucket is not encrypted with a KMS key"),
            "S3BucketIsNotEncryptedWithKmsKey"
        );
        assert_eq!(level(Severity::Critical), "error");
        assert_eq!(level(Severity::Medium), "warning");
        assert_eq!(level(Severity::Low), "note");
        assert_eq!(security_severity(Severity::High), "8.0");
    }

    #[test]
    fn regions_are_one_based_and_ordered() {
        assert_eq!(region(0, 0, 0, 0), None);
        let r = region(3, 0, 2, 0).expect("region");
        assert_eq!(
            r,
            json!({"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 1})
        );
        let r = region(3, 5, 3, 2).expect("region");
        assert_eq!(r["endColumn"], 5);
        let r = region(3, 5, 7, 0).expect("region");
        assert_eq!(
            (r["endLine"].as_u64(), r["endColumn"].as_u64()),
            (Some(7), Some(1))
        );
    }

    #[test]
    fn uris_are_encoded() {
        assert_eq!(encode_uri_path("a dir/main.tf"), "a%20dir/main.tf");
        assert_eq!(encode_uri_path("x/é.tf"), "x/%C3%A9.tf");
        assert_eq!(encode_uri_path("a%b#c?.tf"), "a%25b%23c%3F.tf");
    }
}
