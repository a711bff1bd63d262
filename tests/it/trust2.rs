//! Issue 12, items 9 and 10: redaction that never cuts into a word,
//! OpenTofu's `x.tofu` over `x.tf`, and `required_providers` in `.tf.json`.

use crate::support::{json, stdout, Tree};

/// Rule ids of the findings a JSON scan report holds.
fn rules(report: &serde_json::Value) -> Vec<String> {
    let mut rules: Vec<String> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule_id"].as_str().or(f["rule"].as_str()))
        .map(str::to_owned)
        .collect();
    rules.sort();
    rules
}

/// The version_missing rule's id, read from its policy metadata.
fn version_missing_rule() -> String {
    let text = std::fs::read_to_string(
        crate::support::root().join("policies/general/providers/version_missing/policy.rego"),
    )
    .expect("policy");
    text.lines()
        .find_map(|l| l.trim_start_matches(['#', ' ']).strip_prefix("id:"))
        .expect("id in METADATA")
        .trim()
        .to_owned()
}

/// CDKTF writes `required_providers` in `.tf.json`: a pinned provider there
/// gives no "no version constraint" finding, as the HCL form gives none.
#[test]
fn issue12_tf_json_required_providers_is_read() {
    let rule = version_missing_rule();
    let json_form = Tree::new();
    json_form.file(
        "cdk.tf.json",
        r#"{"terraform": {"required_providers": {"aws": {"source": "aws", "version": "5.0.0"}}},
            "provider": {"aws": [{"region": "us-east-1"}]},
            "resource": {"aws_sqs_queue": {"q": {"name": "q"}}}}"#,
    );
    let hcl_form = Tree::new();
    hcl_form.file(
        "main.tf",
        r#"
terraform {
  required_providers {
    aws = { source = "aws", version = "5.0.0" }
  }
}
provider "aws" {
  region = "us-east-1"
}
resource "aws_sqs_queue" "q" {
  name = "q"
}
"#,
    );
    let from_json = json(&json_form.run("", &["scan", ".", "--format", "json"]));
    let from_hcl = json(&hcl_form.run("", &["scan", ".", "--format", "json"]));
    assert!(!rules(&from_json).contains(&rule), "{from_json:#}");
    assert_eq!(rules(&from_json), rules(&from_hcl));

    // The input document policies see has the same provider requirement.
    let input = stdout(&json_form.run("", &["input", "."]));
    assert!(input.contains("\"5.0.0\""), "{input}");
}

/// `main.tofu` beside `main.tf`: OpenTofu reads only `main.tofu` (and
/// `x.tofu.json` over `x.tf.json`), in the scanned module and in a called one.
#[test]
fn issue12_tofu_file_overrides_tf_file() {
    let t = Tree::new();
    t.file(
        "main.tf",
        r#"resource "aws_s3_bucket" "from_tf" { bucket = "a" }
module "child" { source = "./child" }
"#,
    )
    .file(
        "main.tofu",
        r#"resource "aws_s3_bucket" "from_tofu" { bucket = "a" }
module "child" { source = "./child" }
"#,
    )
    .file(
        "extra.tf.json",
        r#"{"resource": {"aws_sqs_queue": {"from_tf_json": {"name": "q"}}}}"#,
    )
    .file(
        "extra.tofu.json",
        r#"{"resource": {"aws_sqs_queue": {"from_tofu_json": {"name": "q"}}}}"#,
    )
    .file(
        "child/main.tf",
        r#"resource "aws_sqs_queue" "child_tf" { name = "c" }"#,
    )
    .file(
        "child/main.tofu",
        r#"resource "aws_sqs_queue" "child_tofu" { name = "c" }"#,
    );
    let out = t.run("", &["input", "."]);
    let text = stdout(&out);
    for seen in ["from_tofu", "from_tofu_json", "child_tofu"] {
        assert!(text.contains(&format!("\"{seen}\"")), "{seen} missing:\n{text}");
    }
    for hidden in ["from_tf\"", "from_tf_json", "child_tf\""] {
        assert!(!text.contains(hidden), "{hidden} was read:\n{text}");
    }
}

/// A short sensitive value ("prod") is hidden where it stands alone, never
/// inside a longer word: "production-db" prints whole, in `tfward input`
/// and in the scan report.
#[test]
fn issue12_short_sensitive_value_never_shreds_a_word() {
    let t = Tree::new();
    t.file(
        "main.tf",
        r#"
variable "env" {
  type      = string
  sensitive = true
  default   = "prod"
}
resource "aws_s3_bucket" "b" {
  bucket = "production-db"
  tags   = { Env = var.env }
}
resource "aws_s3_bucket_acl" "b" {
  bucket = "production-db"
  acl    = "public-read"
}
"#,
    );
    let input = stdout(&t.run("", &["input", "."]));
    assert!(input.contains("\"production-db\""), "{input}");
    assert!(!input.contains("(sensitive)uction"), "{input}");
    assert!(!input.contains("\"prod\""), "the sensitive value shows:\n{input}");
    for format in ["json", "human"] {
        let out = stdout(&t.run("", &["scan", ".", "--format", format]));
        assert!(!out.contains("(sensitive)uction"), "{format}:\n{out}");
    }
}
