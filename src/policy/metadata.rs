//! A policy's `# METADATA` block: OPA's annotation YAML, parsed by tfward
//! (regorus drops comments) and validated into typed rule facts. Every fact
//! about a rule — id, severity, frameworks, remediation — lives here and
//! nowhere else.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::finding::Severity;

/// What a rule is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Security,
    Compliance,
    Cost,
    Reliability,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Security => "security",
            Category::Compliance => "compliance",
            Category::Cost => "cost",
            Category::Reliability => "reliability",
        }
    }
}

/// The validated facts of one policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metadata {
    pub id: String,
    pub title: String,
    pub description: String,
    pub severity: Severity,
    pub category: Category,
    pub resource_types: Vec<String>,
    /// framework -> control ids, e.g. "cis-aws-1.5" -> ["2.1.5"].
    pub frameworks: BTreeMap<String, Vec<String>>,
    pub remediation: String,
    /// tool -> the same check's id there (checkov, trivy, kics).
    pub equivalents: BTreeMap<String, Vec<String>>,
    pub aliases: Vec<String>,
    pub related_resources: Vec<String>,
    pub deprecated: bool,
    /// tfward.toml settings the policy reads (dotted paths).
    pub settings: Vec<String>,
    /// Runs only when tfward.toml configures its settings.
    pub opt_in: bool,
    /// A user's policy that needs sensitive values in clear (`custom:
    /// raw_sensitive: true`); the others see "(sensitive)" in their place.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub raw_sensitive: bool,
}

/// The raw YAML shape, with OPA's standard annotation keys accepted.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnnotation {
    title: Option<String>,
    description: Option<String>,
    #[serde(default)]
    related_resources: Vec<RelatedResource>,
    custom: Option<RawCustom>,
    // Standard OPA annotation keys tfward does not use.
    #[allow(dead_code)]
    scope: Option<serde_json::Value>,
    #[allow(dead_code)]
    schemas: Option<serde_json::Value>,
    #[allow(dead_code)]
    authors: Option<serde_json::Value>,
    #[allow(dead_code)]
    organizations: Option<serde_json::Value>,
    #[allow(dead_code)]
    entrypoint: Option<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RelatedResource {
    Url(String),
    Ref {
        #[serde(rename = "ref")]
        reference: String,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCustom {
    id: Option<String>,
    severity: Option<String>,
    category: Option<String>,
    #[serde(default)]
    resource_types: Vec<String>,
    #[serde(default)]
    frameworks: BTreeMap<String, OneOrMany>,
    remediation: Option<String>,
    #[serde(default)]
    equivalents: BTreeMap<String, OneOrMany>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    deprecated: bool,
    /// tfward.toml settings the policy reads (dotted: `cost.monthly_budget`).
    #[serde(default)]
    settings: Vec<String>,
    /// Runs only when one of `settings` is configured: a rule that encodes
    /// one organisation's conventions (required tags, approved sources).
    #[serde(default)]
    opt_in: bool,
    /// The policy reads sensitive values in clear (users' policies see
    /// "(sensitive)" unless they say so).
    #[serde(default)]
    raw_sensitive: bool,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(Scalar),
    Many(Vec<Scalar>),
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Scalar {
    Str(String),
    Num(f64),
}

impl Scalar {
    fn into_string(self) -> String {
        match self {
            Scalar::Str(s) => s,
            Scalar::Num(n) => crate::terraform::value::format_number(n),
        }
    }
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s.into_string()],
            OneOrMany::Many(v) => v.into_iter().map(Scalar::into_string).collect(),
        }
    }
}

/// A METADATA problem, with the 1-based line in the .rego file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetadataError {
    pub line: usize,
    pub message: String,
}

pub use super::prebuilt::extract_block;

/// Parses and validates the METADATA of a policy source.
pub fn parse(source: &str) -> Result<Metadata, MetadataError> {
    let Some((yaml, line)) = extract_block(source) else {
        return Err(MetadataError {
            line: 1,
            message: "no `# METADATA` block: every policy starts with one (see policies/README.md)"
                .into(),
        });
    };
    let raw: RawAnnotation = yaml_serde::from_str(&yaml).map_err(|e| MetadataError {
        line: line + e.location().map_or(0, |l| l.line()),
        message: format!("METADATA is not valid: {e}"),
    })?;
    validate(raw, line)
}

/// The METADATA of a built-in policy from the JSON form build.rs wrote of
/// its YAML (`prebuilt::metadata_json`): the same facts as [`parse`] gives,
/// without parsing YAML at start-up. `None` when the JSON does not read or
/// validate, so the caller parses the source and reports the error there.
pub fn parse_prebuilt(json: &str) -> Option<Metadata> {
    let raw: RawAnnotation = serde_json::from_str(json).ok()?;
    validate(raw, 0).ok()
}

fn validate(raw: RawAnnotation, line: usize) -> Result<Metadata, MetadataError> {
    let err = |message: String| MetadataError { line, message };
    let custom = raw
        .custom
        .ok_or_else(|| err("METADATA has no `custom:` section (id, severity, category, resource_types, remediation)".into()))?;
    let id = custom
        .id
        .ok_or_else(|| err("METADATA custom.id is missing".into()))?;
    if !valid_id(&id) {
        return Err(err(format!(
            "custom.id {id:?} is not of the form TFW-<PROVIDER>-<4 digits>, e.g. TFW-AWS-0001"
        )));
    }
    for alias in &custom.aliases {
        if !valid_id(alias) {
            return Err(err(format!("alias {alias:?} is not a valid rule id")));
        }
    }
    let severity = custom
        .severity
        .as_deref()
        .ok_or_else(|| err("METADATA custom.severity is missing".into()))?;
    let severity = Severity::parse(severity).ok_or_else(|| {
        err(format!(
            "custom.severity {severity:?} is not one of LOW, MEDIUM, HIGH, CRITICAL"
        ))
    })?;
    let category = custom
        .category
        .as_deref()
        .ok_or_else(|| err("METADATA custom.category is missing".into()))?;
    let category = match category {
        "security" => Category::Security,
        "compliance" => Category::Compliance,
        "cost" => Category::Cost,
        "reliability" => Category::Reliability,
        other => {
            return Err(err(format!(
                "custom.category {other:?} is not one of security, compliance, cost, reliability"
            )))
        }
    };
    if custom.resource_types.is_empty() {
        return Err(err(
            "custom.resource_types is empty: list the resource types the rule reads".into(),
        ));
    }
    let title = raw
        .title
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| err("METADATA title is missing".into()))?;
    let remediation = custom
        .remediation
        .filter(|r| !r.trim().is_empty())
        .ok_or_else(|| err("METADATA custom.remediation is missing".into()))?;
    Ok(Metadata {
        id,
        title: title.trim().to_owned(),
        description: raw.description.unwrap_or_default().trim().to_owned(),
        severity,
        category,
        resource_types: custom.resource_types,
        frameworks: custom
            .frameworks
            .into_iter()
            .map(|(k, v)| (k, v.into_vec()))
            .collect(),
        remediation: remediation.trim_end().to_owned(),
        equivalents: custom
            .equivalents
            .into_iter()
            .map(|(k, v)| (k, v.into_vec()))
            .collect(),
        aliases: custom.aliases,
        settings: custom.settings,
        opt_in: custom.opt_in,
        raw_sensitive: custom.raw_sensitive,
        related_resources: raw
            .related_resources
            .into_iter()
            .map(|r| match r {
                RelatedResource::Url(u) => u,
                RelatedResource::Ref { reference } => reference,
            })
            .collect(),
        deprecated: custom.deprecated,
    })
}

/// `TFW-<LETTERS>-<4 digits>`.
pub fn valid_id(id: &str) -> bool {
    let mut parts = id.split('-');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some("TFW"), Some(p), Some(n), None)
            if !p.is_empty() && p.bytes().all(|b| b.is_ascii_uppercase())
                && n.len() == 4 && n.bytes().all(|b| b.is_ascii_digit())
    )
}

pub use super::prebuilt::package_of;

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "# METADATA\n# title: Bucket is public\n# description: why\n# custom:\n#   id: TFW-AWS-0001\n#   severity: HIGH\n#   category: security\n#   resource_types: [aws_s3_bucket]\n#   frameworks:\n#     cis-aws-1.5: [\"2.1.5\"]\n#   equivalents: { checkov: CKV_AWS_20 }\n#   remediation: |\n#     Make it private.\npackage tfward.aws.s3.x\n";

    #[test]
    fn parses_a_full_block() {
        let m = parse(GOOD).expect("valid");
        assert_eq!(m.id, "TFW-AWS-0001");
        assert_eq!(m.severity, Severity::High);
        assert_eq!(m.frameworks["cis-aws-1.5"], ["2.1.5"]);
        assert_eq!(m.equivalents["checkov"], ["CKV_AWS_20"]);
        assert_eq!(m.remediation, "Make it private.");
        assert_eq!(package_of(GOOD).as_deref(), Some("tfward.aws.s3.x"));
    }

    #[test]
    fn rejects_bad_facts_with_a_reason() {
        let bad_sev = GOOD.replace("HIGH", "SEVERE");
        assert!(parse(&bad_sev).expect_err("bad").message.contains("SEVERE"));
        let bad_id = GOOD.replace("TFW-AWS-0001", "AWS1");
        assert!(parse(&bad_id)
            .expect_err("bad")
            .message
            .contains("TFW-<PROVIDER>"));
        let unknown_key = GOOD.replace("#   severity", "#   colour: red\n#   severity");
        assert!(parse(&unknown_key)
            .expect_err("bad")
            .message
            .contains("colour"));
        assert!(parse("package x").is_err());
    }

    #[test]
    fn id_format() {
        assert!(valid_id("TFW-GCP-0012"));
        assert!(!valid_id("TFW-GCP-12"));
        assert!(!valid_id("TFW-gcp-0012"));
    }
}
