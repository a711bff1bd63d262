//! The policy library: every fixture through the real pipeline, and the
//! registry's invariants.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::{code, root, stdout, tfward};

#[test]
fn every_policy_fixture_passes_through_the_real_pipeline() {
    // A debug build on a busy CI machine is many times slower than a
    // release build: the time limit is not what this test checks.
    let out = tfward(&["policy", "test", "policies", "--policy-timeout", "120"]);
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

/// The top-level rule and function names a Rego file defines (a name defined
/// several times in one file, as incremental rules are, counts once).
fn rule_names(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut in_raw_string = false;
    for line in text.lines() {
        let starts_raw = in_raw_string;
        if line.matches('`').count() % 2 == 1 {
            in_raw_string = !in_raw_string;
        }
        if starts_raw || line.starts_with(|c: char| c.is_whitespace() || c == '#') {
            continue;
        }
        let rest = line.strip_prefix("default ").unwrap_or(line);
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() || ["package", "import", "else"].contains(&name.as_str()) {
            continue;
        }
        names.insert(name);
    }
    names
}

/// A library package may span files (lib/aws.rego, lib/aws_iam.rego, ...),
/// but each helper lives in one of them: the same name in two files of a
/// package is two helpers for one concept, or a definition that silently
/// merges with (or conflicts with) the other.
#[test]
fn library_helpers_are_defined_in_one_file_of_their_package() {
    let lib = root().join("policies/lib");
    let mut defined: std::collections::BTreeMap<(String, String), Vec<String>> =
        std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(&lib).expect("lib") {
        let path = entry.expect("entry").path();
        let file = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        if !file.ends_with(".rego") || file.ends_with("_test.rego") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        let package = tfward::policy::metadata::package_of(&text).expect("package");
        for name in rule_names(&text) {
            defined
                .entry((package.clone(), name))
                .or_default()
                .push(file.clone());
        }
    }
    let twice: Vec<String> = defined
        .iter()
        .filter(|(_, files)| files.len() > 1)
        .map(|((package, name), files)| format!("{package}.{name}: {}", files.join(", ")))
        .collect();
    assert!(
        defined.len() > 100,
        "only {} library names found",
        defined.len()
    );
    assert!(
        twice.is_empty(),
        "defined in more than one file of the package:\n{}",
        twice.join("\n")
    );
}

#[test]
fn rule_names_reads_heads_not_bodies() {
    let text =
        "package lib.x\nimport rego.v1\n# a comment\ndefault f := 1\nf := 2 if {\n\tg(1)\n}\n\
                else := 3\nh(x) if x\nm contains 1 if true\nlong := `\nnot_a_rule\n`\n";
    let names: Vec<String> = rule_names(text).into_iter().collect();
    assert_eq!(names, ["f", "h", "long", "m"]);
}

/// Every peer id a policy names in METADATA `equivalents` has its line in
/// the policy's equivalents.txt (`checkov CKV_AWS_7: ...`, or
/// `kics <uuid> (query_name): ...`), saying what the peer checks and how it
/// compares (policies/README.md, "Equivalents").
#[test]
fn every_named_equivalent_is_recorded_in_equivalents_txt() {
    let policies = root().join("policies");
    let mut missing = Vec::new();
    for entry in walkdir::WalkDir::new(&policies).sort_by_file_name() {
        let entry = entry.expect("walk");
        if entry.file_name() != "policy.rego" {
            continue;
        }
        let dir = entry.path().parent().expect("parent");
        let text = std::fs::read_to_string(entry.path()).expect("read");
        let meta = tfward::policy::metadata::parse(&text).expect("metadata");
        let recorded = std::fs::read_to_string(dir.join("equivalents.txt")).unwrap_or_default();
        for (peer, ids) in &meta.equivalents {
            for id in ids {
                let head = format!("{peer} {id}");
                let found = recorded.lines().any(|l| {
                    l.strip_prefix(&head)
                        .is_some_and(|rest| rest.starts_with(':') || rest.starts_with(" ("))
                });
                if !found {
                    missing.push(format!(
                        "{}: {head}",
                        dir.strip_prefix(&policies).unwrap_or(dir).display()
                    ));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "equivalents without a line in equivalents.txt:\n{}",
        missing.join("\n")
    );
}

/// Every policy has a bad plan fixture (`bad_*.json` with its `.expect`
/// listing at least one finding): policies run on plans as much as on HCL,
/// and a plan writes values differently (nulls, lists, after_unknown). A
/// policy about something plans cannot carry (suppression comments) says so
/// in `fixtures/no_plan.txt` instead.
#[test]
fn every_policy_has_a_bad_plan_fixture() {
    let policies = root().join("policies");
    let mut without = Vec::new();
    for entry in walkdir::WalkDir::new(&policies).sort_by_file_name() {
        let entry = entry.expect("walk");
        if entry.file_name() != "policy.rego" {
            continue;
        }
        let fixtures = entry.path().parent().expect("parent").join("fixtures");
        let has_plan = std::fs::read_dir(&fixtures).is_ok_and(|rd| {
            rd.flatten().any(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let Some(stem) = name.strip_suffix(".json") else {
                    return false;
                };
                stem.starts_with("bad")
                    && std::fs::read_to_string(fixtures.join(format!("{stem}.expect")))
                        .is_ok_and(|x| x.lines().any(|l| !l.trim().is_empty()))
            })
        });
        let excused = std::fs::read_to_string(fixtures.join("no_plan.txt"))
            .is_ok_and(|reason| !reason.trim().is_empty());
        if !has_plan && !excused {
            let dir = entry.path().parent().expect("parent");
            without.push(
                dir.strip_prefix(&policies)
                    .unwrap_or(dir)
                    .display()
                    .to_string(),
            );
        }
    }
    assert!(
        without.is_empty(),
        "policies without a bad plan fixture (bad_*.json + .expect, or a reason in fixtures/no_plan.txt):\n{}",
        without.join("\n")
    );
}
