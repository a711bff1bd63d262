//! Coming from Checkov, tfsec and Trivy: their ignore comments, governed
//! like tfward's own, and their ids in --only, --skip and tfward.toml, all
//! through the policies' METADATA equivalents.

use crate::support::{code, json, stderr, stdout, Tree};

const PEER_IGNORES: &str = r#"resource "aws_s3_bucket_acl" "website" {
  #checkov:skip=CKV_AWS_20:public website bucket
  bucket = "website"
  acl    = "public-read"
}

resource "aws_s3_bucket_acl" "no_reason" {
  # checkov:skip=CKV_AWS_20
  bucket = "no-reason"
  acl    = "public-read"
}

resource "aws_s3_bucket_acl" "other" {
  bucket = "other"
  acl    = "public-read"
}

#trivy:ignore:AVD-AWS-0089:exp:2099-01-01 access logs go to the central account
resource "aws_s3_bucket" "logged_elsewhere" {
  bucket = "logged-elsewhere"
}

# tfsec:ignore:aws-s3-enable-bucket-logging:exp:2020-01-01 expired decision
resource "aws_s3_bucket" "expired" {
  bucket = "expired"
}

resource "aws_s3_bucket" "plain" {
  bucket = "plain"
}
"#;

/// (rule, address) pairs of a report list, sorted.
fn pairs(report: &serde_json::Value, list: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = report[list]
        .as_array()
        .expect("list")
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap_or_default().to_owned(),
                f["address"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    v.sort();
    v
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_owned(), b.to_owned())
}

#[test]
fn checkov_tfsec_and_trivy_ignores_suppress_through_equivalents() {
    let t = Tree::new();
    t.file("main.tf", PEER_IGNORES);
    let selection = "TFW-AWS-0001,TFW-AWS-0009,TFW-GEN-0900,TFW-GEN-0903";
    let out = t.run("", &["scan", "--only", selection, "-f", "json"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let r = json(&out);
    assert_eq!(
        pairs(&r, "suppressed"),
        [
            pair("TFW-AWS-0001", "aws_s3_bucket_acl.website"),
            pair("TFW-AWS-0009", "aws_s3_bucket.logged_elsewhere"),
        ]
    );
    let reasons: Vec<&str> = r["suppressed"]
        .as_array()
        .expect("suppressed")
        .iter()
        .filter_map(|s| s["reason"].as_str())
        .collect();
    assert_eq!(
        reasons,
        [
            "public website bucket",
            "access logs go to the central account"
        ]
    );
    let findings = pairs(&r, "findings");
    for kept in [
        pair("TFW-AWS-0001", "aws_s3_bucket_acl.no_reason"),
        pair("TFW-AWS-0001", "aws_s3_bucket_acl.other"),
        pair("TFW-AWS-0009", "aws_s3_bucket.expired"),
        pair("TFW-AWS-0009", "aws_s3_bucket.plain"),
    ] {
        assert!(findings.contains(&kept), "{kept:?} stands: {findings:?}");
    }
    // The skip without a reason and the expired ignore are reported where
    // they are written.
    let text = stdout(&t.run("", &["scan", "--only", selection, "--compact"]));
    assert!(
        text.contains(
            "main.tf:8:3: TFW-GEN-0900 [MEDIUM] this suppression of CKV_AWS_20 gives no reason"
        ),
        "{text}"
    );
    assert!(
        text.contains("main.tf:23:1: TFW-GEN-0903 [MEDIUM] this suppression of aws-s3-enable-bucket-logging expired on 2020-01-01"),
        "{text}"
    );
}

#[test]
fn only_and_skip_accept_peer_ids() {
    let t = Tree::new();
    t.file("main.tf", PEER_IGNORES);
    let r = json(&t.run("", &["scan", "--only", "CKV_AWS_20", "-f", "json"]));
    assert_eq!(r["summary"]["policies"], 1);
    assert!(pairs(&r, "findings")
        .iter()
        .all(|(id, _)| id == "TFW-AWS-0001"));

    let r = json(&t.run(
        "",
        &[
            "scan",
            "--only",
            "TFW-AWS-0001,TFW-AWS-0009",
            "--skip",
            "aws-s3-enable-logging",
            "-f",
            "json",
        ],
    ));
    assert_eq!(
        r["summary"]["policies"], 1,
        "the Trivy long id skips TFW-AWS-0009"
    );

    let out = t.run("", &["scan", "--only", "CKV_AWS_99999"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("unknown policy id \"CKV_AWS_99999\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn tfward_toml_accepts_peer_ids() {
    let t = Tree::new();
    t.file("main.tf", PEER_IGNORES).file(
        "tfward.toml",
        "[policies]\nenable = [\"CKV_AWS_20\", \"AVD-AWS-0089\"]\n\n[severity_overrides]\n\"CKV_AWS_20\" = \"LOW\"\n",
    );
    let out = t.run("", &["scan", "-f", "json", "--no-inline-ignores"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let r = json(&out);
    assert_eq!(r["summary"]["policies"], 2);
    let acl: Vec<&serde_json::Value> = r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule_id"] == "TFW-AWS-0001")
        .collect();
    assert_eq!(acl.len(), 3);
    assert!(acl.iter().all(|f| f["severity"] == "LOW"), "{acl:?}");
}
