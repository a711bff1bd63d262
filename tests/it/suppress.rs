//! Inline `tfward:ignore` comments: what they suppress, and the findings
//! an invalid or expired one produces instead.

use crate::ci_support::{ids, insta_settings, pair, tfward};

const ACL: &str = "TFW-AWS-0001";

#[test]
fn valid_ignore_suppresses_only_its_block() {
    let run = tfward(&["scan", "testdata/ci/suppress/valid", "--format", "json"]);
    let r = run.json();
    assert_eq!(
        ids(&r, "findings"),
        [pair(ACL, "aws_s3_bucket_acl.uploads")]
    );
    assert_eq!(
        ids(&r, "suppressed"),
        [pair(ACL, "aws_s3_bucket_acl.website")]
    );
    assert_eq!(r["summary"]["suppressed"], 1);
    let s = &r["suppressed"][0];
    assert_eq!(s["reason"], "public website bucket");
    assert_eq!(s["until"], "2027-03-31");
    assert_eq!(s["source"], "inline");
    assert_eq!(s["ignored_at"], "testdata/ci/suppress/valid/main.tf:7");
    // The remaining finding still fails the run.
    assert_eq!(run.code, 1);
}

#[test]
fn human_summary_counts_suppressed() {
    let run = tfward(&["scan", "testdata/ci/suppress/valid"]);
    let last = run.stdout.lines().last().unwrap_or_default();
    assert!(last.contains("1 suppressed"), "{last}");
}

#[test]
fn end_of_line_ignores_on_attribute_and_block() {
    let r = tfward(&[
        "scan",
        "testdata/ci/suppress/end_of_line",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(
        ids(&r, "findings"),
        [pair(ACL, "aws_s3_bucket_acl.uploads")]
    );
    assert_eq!(
        ids(&r, "suppressed"),
        [
            pair(ACL, "aws_s3_bucket_acl.docs"),
            pair(ACL, "aws_s3_bucket_acl.website")
        ]
    );
}

#[test]
fn ignore_inside_a_child_module_directory() {
    let r = tfward(&["scan", "testdata/ci/suppress/module", "--format", "json"]).json();
    // The child directory is evaluated through the root's call, so the
    // addresses carry the module path.
    assert_eq!(
        ids(&r, "findings"),
        [pair(ACL, "module.site.aws_s3_bucket_acl.logs")]
    );
    assert_eq!(
        ids(&r, "suppressed"),
        [pair(ACL, "module.site.aws_s3_bucket_acl.this")]
    );
}

#[test]
fn missing_reason_suppresses_nothing_and_is_a_finding() {
    let run = tfward(&[
        "scan",
        "testdata/ci/suppress/missing_reason",
        "--format",
        "json",
    ]);
    let r = run.json();
    assert_eq!(
        ids(&r, "findings"),
        [
            pair(ACL, "aws_s3_bucket_acl.website"),
            pair("TFW-GEN-0900", "aws_s3_bucket_acl.website")
        ]
    );
    assert_eq!(ids(&r, "suppressed"), []);
    let gen = r["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["rule_id"] == "TFW-GEN-0900"))
        .cloned();
    let gen = gen.unwrap_or_default();
    assert_eq!(gen["line"], 1, "points at the comment");
    assert_eq!(gen["severity"], "MEDIUM");
}

#[test]
fn unknown_id_is_a_finding() {
    let r = tfward(&[
        "scan",
        "testdata/ci/suppress/unknown_id",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(
        ids(&r, "findings"),
        [
            pair(ACL, "aws_s3_bucket_acl.website"),
            pair("TFW-GEN-0902", "aws_s3_bucket_acl.website")
        ]
    );
}

#[test]
fn expired_ignore_stops_suppressing_and_says_so() {
    let run = tfward(&["scan", "testdata/ci/suppress/expired"]);
    assert_eq!(run.code, 1);
    insta_settings().bind(|| insta::assert_snapshot!("suppress_expired_human", run.stdout));
}

#[test]
fn ignore_applies_until_its_date() {
    let run = crate::ci_support::tfward_in(
        crate::ci_support::root(),
        &["scan", "testdata/ci/suppress/expired", "--format", "json"],
        &[("TFWARD_TODAY", "2025-12-31")],
    );
    let r = run.json();
    assert_eq!(ids(&r, "findings"), []);
    assert_eq!(
        ids(&r, "suppressed"),
        [pair(ACL, "aws_s3_bucket_acl.website")]
    );
    assert_eq!(run.code, 0);
}

#[test]
fn no_inline_ignores_for_audits() {
    let r = tfward(&[
        "scan",
        "testdata/ci/suppress/valid",
        "--no-inline-ignores",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(
        ids(&r, "findings"),
        [
            pair(ACL, "aws_s3_bucket_acl.uploads"),
            pair(ACL, "aws_s3_bucket_acl.website")
        ]
    );
    assert_eq!(ids(&r, "suppressed"), []);
}

#[test]
fn suppression_rules_are_listed_policies() {
    let run = tfward(&["policy", "list"]);
    for id in [
        "TFW-GEN-0900",
        "TFW-GEN-0901",
        "TFW-GEN-0902",
        "TFW-GEN-0903",
    ] {
        let line = run
            .stdout
            .lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_default();
        assert!(
            line.contains("MEDIUM") && line.contains("compliance"),
            "{id}: {line:?}"
        );
    }
}

#[test]
fn plan_findings_mapped_to_hcl_are_suppressed() {
    let r = tfward(&[
        "scan",
        "testdata/ci/suppress/plan/infra",
        "--plan",
        "testdata/ci/suppress/plan/plan.json",
        "--only",
        ACL,
        "--format",
        "json",
    ])
    .json();
    assert_eq!(ids(&r, "findings"), []);
    assert_eq!(ids(&r, "suppressed"), [pair(ACL, "aws_s3_bucket_acl.site")]);
    assert_eq!(
        r["suppressed"][0]["file"],
        "testdata/ci/suppress/plan/infra/main.tf"
    );
}
