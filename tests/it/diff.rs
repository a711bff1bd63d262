//! `tfward diff BASE HEAD`: new, fixed and unchanged findings by
//! fingerprint, and exit codes for gating a change on new findings only.

use crate::ci_support::{insta_settings, tfward_in};

/// Two reports of one project: `before.tf` then `after.tf` in `infra/`.
fn reports() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let infra = dir.path().join("infra");
    std::fs::create_dir_all(&infra).expect("mkdir");
    for (fixture, out) in [("before.tf", "base.json"), ("after.tf", "head.json")] {
        std::fs::copy(
            crate::ci_support::root()
                .join("testdata/ci/baseline")
                .join(fixture),
            infra.join("main.tf"),
        )
        .expect("copy");
        let run = tfward_in(
            dir.path(),
            &[
                "scan",
                "infra",
                "--format",
                "json",
                "--output",
                out,
                "--only",
                "TFW-AWS-0001",
            ],
            &[],
        );
        assert_eq!(run.code, 1, "{}", run.stderr);
    }
    dir
}

#[test]
fn diff_reports_new_and_fixed() {
    let dir = reports();
    let run = tfward_in(dir.path(), &["diff", "base.json", "head.json"], &[]);
    assert_eq!(
        run.code, 1,
        "a new HIGH finding fails at the default --fail-on low"
    );
    insta_settings().bind(|| insta::assert_snapshot!("diff_human", run.stdout));

    let json = tfward_in(
        dir.path(),
        &["diff", "base.json", "head.json", "--format", "json"],
        &[],
    )
    .json();
    assert_eq!(json["summary"]["new"], 1);
    assert_eq!(json["summary"]["unchanged"], 2);
    assert_eq!(json["new"][0]["address"], "aws_s3_bucket_acl.new_site");

    // Reversed, the new finding is fixed and nothing is new: exit 0.
    let back = tfward_in(
        dir.path(),
        &["diff", "head.json", "base.json", "--format", "json"],
        &[],
    );
    assert_eq!(back.code, 0);
    assert_eq!(
        back.json()["fixed"][0]["address"],
        "aws_s3_bucket_acl.new_site"
    );

    // Above the new finding's severity: exit 0.
    assert_eq!(
        tfward_in(
            dir.path(),
            &["diff", "base.json", "head.json", "--fail-on", "critical"],
            &[]
        )
        .code,
        0
    );
}

#[test]
fn invalid_reports_exit_2_with_position() {
    let dir = reports();
    std::fs::write(
        dir.path().join("broken.json"),
        "{\n  \"version\": 1,\n  \"tool\": oops\n}\n",
    )
    .expect("write");
    let run = tfward_in(dir.path(), &["diff", "base.json", "broken.json"], &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("broken.json:3:"), "{}", run.stderr);
    let missing = tfward_in(dir.path(), &["diff", "base.json", "nope.json"], &[]);
    assert_eq!(missing.code, 2);
    std::fs::write(
        dir.path().join("other.json"),
        "{\"version\": 1, \"findings\": []}\n",
    )
    .expect("write");
    let other = tfward_in(dir.path(), &["diff", "base.json", "other.json"], &[]);
    assert_eq!(other.code, 2);
    assert!(
        other.stderr.contains("not a tfward JSON report"),
        "{}",
        other.stderr
    );
}
