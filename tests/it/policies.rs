//! The policy library: every fixture through the real pipeline, and the
//! registry's invariants.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::{code, root, stdout, tfward};

#[test]
fn every_policy_fixture_passes_through_the_real_pipeline() {
    let out = tfward(&["policy", "test", "policies"]);
    let text = stdout(&out);
    let failed: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("FAIL") || l.starts_with("    "))
        .collect();
    assert_eq!(code(&out), 0, "failing policies:\n{}", failed.join("\n"));
    assert!(text.trim_end().ends_with(" 0 failed"), "{text}");
}

#[test]
fn policy_test_reports_a_wrong_expectation_as_a_diff() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pol = dir.path().join("acl");
    std::fs::create_dir_all(pol.join("fixtures")).expect("mkdir");
    std::fs::copy(
        root().join("policies/aws/s3/bucket_public_acl/policy.rego"),
        pol.join("policy.rego"),
    )
    .expect("copy");
    // The marker sits on the wrong line: the finding is on line 3.
    std::fs::write(
        pol.join("fixtures/bad_acl.tf"),
        "resource \"aws_s3_bucket_acl\" \"a\" { # expect: TFW-AWS-0001\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n",
    )
    .expect("write");
    std::fs::write(
        pol.join("fixtures/good_private.tf"),
        "resource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"b\"\n  acl = \"private\"\n}\n",
    )
    .expect("write");
    let out = tfward(&["policy", "test", dir.path().to_str().expect("utf8")]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(text.contains("FAIL TFW-AWS-0001"), "{text}");
    assert!(
        text.contains("missing:") && text.contains("bad_acl.tf:1 TFW-AWS-0001"),
        "{text}"
    );
    assert!(
        text.contains("unexpected:") && text.contains("bad_acl.tf:3 TFW-AWS-0001"),
        "{text}"
    );
}

/// Every policy folder: package matches the folder, both fixture kinds,
/// ids and aliases well-formed and unique.
#[test]
fn registry_is_consistent() {
    let policies = root().join("policies");
    let mut ids = BTreeSet::new();
    let mut count = 0;
    for entry in walkdir::WalkDir::new(&policies).sort_by_file_name() {
        let entry = entry.expect("walk");
        if entry.file_name() != "policy.rego" {
            continue;
        }
        count += 1;
        let dir = entry.path().parent().expect("parent");
        let rel = dir.strip_prefix(&policies).expect("below policies");
        let text = std::fs::read_to_string(entry.path()).expect("read");
        let meta = tfward::policy::metadata::parse(&text)
            .unwrap_or_else(|e| panic!("{}: {}", entry.path().display(), e.message));
        let package = tfward::policy::metadata::package_of(&text).expect("package");
        let expected = format!("tfward.{}", rel.to_string_lossy().replace('/', "."));
        assert_eq!(package, expected, "{}", entry.path().display());
        for id in std::iter::once(&meta.id).chain(&meta.aliases) {
            assert!(tfward::policy::metadata::valid_id(id), "{id}");
            assert!(
                ids.insert(id.clone()),
                "duplicate id {id} in {}",
                dir.display()
            );
        }
        assert!(
            !meta.description.is_empty(),
            "{}: description",
            dir.display()
        );
        assert!(
            meta.remediation.contains("```hcl"),
            "{}: remediation needs an HCL snippet",
            dir.display()
        );
        let fixtures: Vec<String> = std::fs::read_dir(dir.join("fixtures"))
            .map(|rd| {
                rd.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        assert!(
            fixtures.iter().any(|f| f.starts_with("bad")),
            "{}: no bad fixture",
            dir.display()
        );
        assert!(
            fixtures.iter().any(|f| f.starts_with("good")),
            "{}: no good fixture",
            dir.display()
        );
    }
    assert!(count >= 12, "only {count} policies");
    assert!(Path::new(&policies.join("lib/tf.rego")).is_file());
}

/// docs/policies.md is generated from METADATA; this keeps it true.
#[test]
fn policy_docs_are_in_sync() {
    let out = tfward(&["policy", "list", "--format", "markdown"]);
    assert_eq!(code(&out), 0);
    let on_disk = std::fs::read_to_string(root().join("docs/policies.md")).unwrap_or_default();
    assert!(
        on_disk == stdout(&out),
        "docs/policies.md is stale; regenerate it with:\n    cargo run -- policy list --format markdown > docs/policies.md"
    );
}

#[test]
fn policy_test_runs_rego_unit_tests_and_reports_failures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pol = dir.path().join("unbounded");
    std::fs::create_dir_all(pol.join("fixtures")).expect("mkdir");
    let src = root().join("policies/general/providers/version_unbounded");
    for f in [
        "policy.rego",
        "fixtures/bad_floor_only.tf",
        "fixtures/good_bounded.tf",
    ] {
        std::fs::copy(src.join(f), pol.join(f)).expect("copy");
    }
    std::fs::write(
        pol.join("policy_test.rego"),
        "package t\nimport rego.v1\nimport data.tfward.general.providers.version_unbounded as p\n\
         test_passes if p.bounded(\"~> 1.0\")\ntest_fails if p.bounded(\">= 1.0\")\n",
    )
    .expect("write");
    let out = tfward(&["policy", "test", dir.path().to_str().expect("utf8")]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(text.contains("2 rego tests"), "{text}");
    assert!(text.contains("test_fails"), "{text}");
    assert!(!text.contains("test_passes"), "{text}");
}

/// The shared helpers' tests (`lib/*_test.rego`, in no policy's folder) run
/// against the team's own `lib/`, in a whole-library run and on their own.
#[test]
fn policy_test_runs_library_tests() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lib = dir.path().join("lib");
    std::fs::create_dir_all(&lib).expect("mkdir");
    std::fs::write(
        lib.join("team.rego"),
        "package lib.team\nimport rego.v1\nowner_tag := \"owner\"\n",
    )
    .expect("write");
    std::fs::write(
        lib.join("team_test.rego"),
        "package lib.team_test\nimport rego.v1\nimport data.lib.team\n\
         test_owner if team.owner_tag == \"owner\"\n\
         test_wrong if team.owner_tag == \"team\"\n\
         test_builtin_lib_is_there if data.lib.net.open_cidr(\"0.0.0.0/0\")\n",
    )
    .expect("write");
    for target in [dir.path().to_path_buf(), lib.clone()] {
        let out = tfward(&["policy", "test", target.to_str().expect("utf8")]);
        assert_eq!(code(&out), 1, "{}", stdout(&out));
        let text = stdout(&out);
        assert!(text.contains("FAIL library"), "{text}");
        assert!(text.contains("3 rego tests"), "{text}");
        assert!(text.contains("test_wrong"), "{text}");
        assert!(!text.contains("test_owner"), "{text}");
        assert!(!text.contains("test_builtin_lib_is_there"), "{text}");
    }
}
