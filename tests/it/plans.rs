//! Plans and states through the same policies, with diffs and drift.

use crate::support::{code, json, stderr, stdout, tfward};

#[test]
fn plans_from_the_corpus_load_without_errors() {
    let corpus = crate::support::root().join("../shared/corpus/plans/terraform-json");
    if !corpus.is_dir() {
        eprintln!("skipped: ../shared/corpus is not present");
        return;
    }
    let mut scanned = 0;
    for entry in std::fs::read_dir(&corpus).expect("corpus") {
        let dir = entry.expect("entry").path();
        let plan = dir.join("plan.json");
        if !plan.is_file() {
            continue;
        }
        if dir.ends_with("invalid") {
            // Malformed on purpose: an error with a position, exit 2.
            let out = tfward(&["scan", plan.to_str().expect("utf8"), "--format", "json"]);
            assert_eq!(code(&out), 2, "{}", stdout(&out));
            continue;
        }
        let out = tfward(&[
            "scan",
            plan.to_str().expect("utf8"),
            "--format",
            "json",
            "--fail-on",
            "never",
        ]);
        assert_eq!(code(&out), 0, "{}: {}", plan.display(), stderr(&out));
        assert!(!stderr(&out).contains("panicked"));
        scanned += 1;
    }
    assert!(scanned >= 10, "{scanned}");
}

#[test]
fn malformed_plans_are_errors_with_positions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("plan.json");
    std::fs::write(&p, "{\"format_version\": \"1.2\",\n\"planned_values\": {").expect("write");
    let out = tfward(&["scan", p.to_str().expect("utf8"), "--format", "json"]);
    assert_eq!(code(&out), 2);
    let report = json(&out);
    assert_eq!(report["errors"][0]["line"], 2, "{report}");
    std::fs::write(&p, "{\"name\": \"not a plan\"}").expect("write");
    let out = tfward(&["scan", p.to_str().expect("utf8")]);
    assert_eq!(code(&out), 2);
    assert!(
        stdout(&out).contains("neither a Terraform plan nor a state"),
        "{}",
        stdout(&out)
    );
}
