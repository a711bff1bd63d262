//! Issue 12, items 9, 10 and 11: redaction that never cuts into a word,
//! OpenTofu's `x.tofu` over `x.tf`, `required_providers` in `.tf.json`, and
//! version 3 states read like version 4.

use crate::support::{code, json, stderr, stdout, Tree};

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
        assert!(
            text.contains(&format!("\"{seen}\"")),
            "{seen} missing:\n{text}"
        );
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
    assert!(
        !input.contains("\"prod\""),
        "the sensitive value shows:\n{input}"
    );
    for format in ["json", "human"] {
        let out = stdout(&t.run("", &["scan", ".", "--format", format]));
        assert!(!out.contains("(sensitive)uction"), "{format}:\n{out}");
    }
}

/// The configuration the state test below describes: a bucket with tags
/// (one key with dots) and a nested block, a counted queue, and a security
/// group in a child module.
const STATE_CONFIG: &str = r#"resource "aws_s3_bucket" "b" {
  bucket = "production-db"
  tags = {
    Name                   = "db"
    "kubernetes.io/role"   = "x"
  }
  versioning {
    enabled = true
  }
}
resource "aws_sqs_queue" "q" {
  count = 2
  name  = "q-${count.index}"
  delay_seconds = 5
}
module "child" {
  source = "./child"
}
"#;

const STATE_CHILD: &str = r#"resource "aws_security_group" "sg" {
  name = "sg"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "10.1.0.0/16"]
  }
}
"#;

/// Terraform 0.11's state (version 3) of that configuration, flat
/// attributes and all.
const STATE_V3: &str = r#"{"version": 3, "terraform_version": "0.11.14", "serial": 4, "lineage": "abc",
 "modules": [
  {"path": ["root"], "outputs": {}, "depends_on": [], "resources": {
    "aws_s3_bucket.b": {"type": "aws_s3_bucket", "depends_on": [], "provider": "provider.aws",
      "primary": {"id": "production-db", "meta": {}, "tainted": false, "attributes": {
        "id": "production-db", "bucket": "production-db", "arn": "arn:aws:s3:::production-db",
        "tags.%": "2", "tags.Name": "db", "tags.kubernetes.io/role": "x",
        "versioning.#": "1", "versioning.0.enabled": "true", "versioning.0.mfa_delete": "false"}},
      "deposed": []},
    "aws_sqs_queue.q.0": {"type": "aws_sqs_queue", "depends_on": [], "provider": "provider.aws",
      "primary": {"id": "q0", "attributes": {"id": "q0", "name": "q-0", "delay_seconds": "5"}}},
    "aws_sqs_queue.q.1": {"type": "aws_sqs_queue", "depends_on": [], "provider": "provider.aws",
      "primary": {"id": "q1", "attributes": {"id": "q1", "name": "q-1", "delay_seconds": "5"}}}
  }},
  {"path": ["root", "child"], "outputs": {}, "resources": {
    "aws_security_group.sg": {"type": "aws_security_group", "provider": "provider.aws",
      "primary": {"id": "sg-1", "attributes": {"id": "sg-1", "name": "sg",
        "ingress.#": "1", "ingress.1234.from_port": "443", "ingress.1234.to_port": "443",
        "ingress.1234.protocol": "tcp", "ingress.1234.cidr_blocks.#": "2",
        "ingress.1234.cidr_blocks.0": "10.0.0.0/8", "ingress.1234.cidr_blocks.1": "10.1.0.0/16"}}}
  }}
 ]}
"#;

/// The same resources in a version 4 state (Terraform 0.12 and later).
const STATE_V4: &str = r#"{"version": 4, "terraform_version": "1.5.7", "serial": 1, "lineage": "abc",
 "resources": [
  {"mode": "managed", "type": "aws_s3_bucket", "name": "b",
   "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
   "instances": [{"attributes": {"id": "production-db", "bucket": "production-db",
     "tags": {"Name": "db", "kubernetes.io/role": "x"},
     "versioning": [{"enabled": true, "mfa_delete": false}]}}]},
  {"mode": "managed", "type": "aws_sqs_queue", "name": "q",
   "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
   "instances": [{"index_key": 0, "attributes": {"id": "q0", "name": "q-0", "delay_seconds": 5}},
                 {"index_key": 1, "attributes": {"id": "q1", "name": "q-1", "delay_seconds": 5}}]},
  {"module": "module.child", "mode": "managed", "type": "aws_security_group", "name": "sg",
   "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
   "instances": [{"attributes": {"id": "sg-1", "name": "sg",
     "ingress": [{"from_port": 443, "to_port": 443, "protocol": "tcp",
                  "cidr_blocks": ["10.0.0.0/8", "10.1.0.0/16"]}]}}]}
 ]}"#;

fn state_tree() -> Tree {
    let t = Tree::new();
    t.file("main.tf", STATE_CONFIG)
        .file("child/main.tf", STATE_CHILD)
        .file("v3.tfstate", STATE_V3)
        .file("v4.tfstate", STATE_V4)
        .file(
            "v3-changed.tfstate",
            &STATE_V3
                .replace(r#""tags.Name": "db""#, r#""tags.Name": "other""#)
                .replace(r#""10.1.0.0/16""#, r#""0.0.0.0/0""#),
        );
    t
}

/// The drift report's (address, kind, attribute paths).
fn drift_of(out: &std::process::Output) -> Vec<(String, String, Vec<String>)> {
    json(out)["drift"]
        .as_array()
        .expect("drift")
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_owned();
            let paths = d["attributes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|a| a["path"].as_str().map(str::to_owned))
                .collect();
            (s("address"), s("kind"), paths)
        })
        .collect()
}

/// A version 3 state of the configuration shows no drift, as its version 4
/// form does not, and a changed value in it is drift at the same path.
#[test]
fn issue12_version_3_state_reads_like_version_4() {
    let t = state_tree();
    for state in ["v3.tfstate", "v4.tfstate"] {
        let out = t.run("", &["drift", "--state", state, ".", "--format", "json"]);
        assert_eq!(code(&out), 0, "{state}: {}{}", stdout(&out), stderr(&out));
        assert_eq!(drift_of(&out), [], "{state}");
        let human = t.run("", &["drift", "--state", state, "."]);
        assert!(
            stdout(&human).contains("0 resources drifted"),
            "{state}: {}",
            stdout(&human)
        );
    }
    let out = t.run(
        "",
        &[
            "drift",
            "--state",
            "v3-changed.tfstate",
            ".",
            "--format",
            "json",
        ],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let changed = |a: &str, p: &str| (a.to_owned(), "changed".to_owned(), vec![p.to_owned()]);
    assert_eq!(
        drift_of(&out),
        [
            changed("aws_s3_bucket.b", "tags.Name"),
            changed(
                "module.child.aws_security_group.sg",
                "ingress.0.cidr_blocks"
            ),
        ]
    );
}
