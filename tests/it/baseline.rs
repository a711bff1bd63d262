//! Baselines: accept today's findings, then report only new ones — across
//! moved blocks and reformatted files, since fingerprints carry no lines.
//! The scans run one policy (`--only TFW-AWS-0001`) so the counts follow
//! the baseline logic, not the size of the library.

use std::path::Path;

use crate::ci_support::{ids, pair, root, tfward_in};

/// A project in a temp dir whose `infra/main.tf` is `fixture`.
fn project(fixture: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("infra")).expect("mkdir");
    copy(fixture, dir.path());
    dir
}

fn copy(fixture: &str, dir: &Path) {
    std::fs::copy(
        root().join("testdata/ci/baseline").join(fixture),
        dir.join("infra/main.tf"),
    )
    .expect("copy");
}

#[test]
fn baseline_survives_moves_and_reformatting() {
    let dir = project("before.tf");
    let create = tfward_in(
        dir.path(),
        &[
            "baseline",
            "create",
            "infra",
            "--output",
            "base.json",
            "--only",
            "TFW-AWS-0001",
        ],
        &[],
    );
    assert_eq!(create.code, 0, "{}", create.stderr);
    let base: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("base.json")).expect("baseline written"),
    )
    .expect("json");
    assert_eq!(base["kind"], "tfward-baseline");
    assert_eq!(base["findings"].as_array().map(Vec::len), Some(2));

    // Same code: nothing new, exit 0.
    let same = tfward_in(
        dir.path(),
        &[
            "scan",
            "--only",
            "TFW-AWS-0001",
            "infra",
            "--baseline",
            "base.json",
            "--format",
            "json",
        ],
        &[],
    );
    assert_eq!(same.code, 0, "{}", same.stdout);
    assert_eq!(same.json()["summary"]["baselined"], 2);

    // Blocks swapped and reformatted, one new public bucket: only it is reported.
    copy("after.tf", dir.path());
    let after = tfward_in(
        dir.path(),
        &[
            "scan",
            "--only",
            "TFW-AWS-0001",
            "infra",
            "--baseline",
            "base.json",
            "--format",
            "json",
        ],
        &[],
    );
    assert_eq!(after.code, 1);
    let r = after.json();
    assert_eq!(
        ids(&r, "findings"),
        [pair("TFW-AWS-0001", "aws_s3_bucket_acl.new_site")]
    );
    assert_eq!(r["summary"]["baselined"], 2);
    let human = tfward_in(
        dir.path(),
        &[
            "scan",
            "infra",
            "--baseline",
            "base.json",
            "--only",
            "TFW-AWS-0001",
        ],
        &[],
    );
    assert!(
        human.stdout.contains("2 in the baseline"),
        "{}",
        human.stdout
    );
}

#[test]
fn a_json_report_works_as_a_baseline() {
    let dir = project("before.tf");
    let report = tfward_in(
        dir.path(),
        &[
            "scan",
            "--only",
            "TFW-AWS-0001",
            "infra",
            "--format",
            "json",
            "--output",
            "report.json",
        ],
        &[],
    );
    assert_eq!(report.code, 1);
    let run = tfward_in(
        dir.path(),
        &[
            "scan",
            "infra",
            "--baseline",
            "report.json",
            "--only",
            "TFW-AWS-0001",
        ],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn an_unreadable_baseline_is_an_error() {
    let dir = project("before.tf");
    std::fs::write(
        dir.path().join("bad.json"),
        "{\n  \"findings\": [\n    {\"rule\": 1}\n  ]\n}\n",
    )
    .expect("write");
    let run = tfward_in(
        dir.path(),
        &[
            "scan",
            "infra",
            "--baseline",
            "bad.json",
            "--only",
            "TFW-AWS-0001",
        ],
        &[],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("bad.json:3:"), "{}", run.stderr);
}

/// Fingerprints count module paths from the project root (the directory
/// holding .git or tfward.toml), so a baseline made from the repository
/// root matches a scan run inside the module, and the other way round.
#[test]
fn a_baseline_matches_whatever_directory_tfward_runs_from() {
    let dir = project("before.tf");
    std::fs::create_dir_all(dir.path().join(".git")).expect("mkdir .git");
    let create = tfward_in(
        dir.path(),
        &[
            "baseline",
            "create",
            "infra",
            "--output",
            "base.json",
            "--only",
            "TFW-AWS-0001",
        ],
        &[],
    );
    assert_eq!(create.code, 0, "{}", create.stderr);
    let base = dir.path().join("base.json");
    let inside = tfward_in(
        &dir.path().join("infra"),
        &[
            "scan",
            "--only",
            "TFW-AWS-0001",
            ".",
            "--baseline",
            base.to_str().expect("utf8"),
            "--format",
            "json",
        ],
        &[],
    );
    assert_eq!(inside.code, 0, "{}", inside.stdout);
    assert_eq!(inside.json()["summary"]["baselined"], 2);

    // Without a project root the path as given is all there is: the same
    // two scans no longer agree (which is why the root matters).
    std::fs::remove_dir(dir.path().join(".git")).expect("rm .git");
    let create = tfward_in(
        dir.path(),
        &[
            "baseline",
            "create",
            "infra",
            "--output",
            "base.json",
            "--only",
            "TFW-AWS-0001",
        ],
        &[],
    );
    assert_eq!(create.code, 0, "{}", create.stderr);
    let inside = tfward_in(
        &dir.path().join("infra"),
        &[
            "scan",
            "--only",
            "TFW-AWS-0001",
            ".",
            "--baseline",
            base.to_str().expect("utf8"),
            "--format",
            "json",
        ],
        &[],
    );
    assert_eq!(inside.code, 1, "{}", inside.stdout);
    assert_eq!(inside.json()["summary"]["baselined"], 0);
}
