//! `--shard K/N` splits the modules of a scan; `tfward merge` puts the
//! shards' reports back together into exactly the unsharded report.

use std::collections::BTreeMap;

use crate::ci_support::{tfward, tfward_in};

const TREE: &str = "testdata/ci/shard";

#[test]
fn shards_partition_modules_and_merge_equals_the_whole() {
    let whole = tfward(&["scan", TREE, "--format", "json"]);
    assert_eq!(whole.code, 1);
    // stderr is not a terminal here: no progress bar, nothing at all.
    assert_eq!(whole.stderr, "");
    let whole_json = whole.json();
    let modules = whole_json["summary"]["modules"].as_u64().unwrap_or(0);
    assert_eq!(modules, 6);

    let dir = tempfile::tempdir().expect("tempdir");
    let n = 3;
    let mut shard_files = Vec::new();
    let mut owner: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut module_sum = 0;
    for k in 1..=n {
        let out = dir.path().join(format!("shard{k}.json"));
        let out_s = out.to_string_lossy().into_owned();
        let run = tfward(&[
            "scan",
            TREE,
            "--shard",
            &format!("{k}/{n}"),
            "--format",
            "json",
            "--output",
            &out_s,
        ]);
        assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
        let r: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&out).expect("shard report"))
                .expect("json");
        module_sum += r["summary"]["modules"].as_u64().unwrap_or(0);
        for f in r["findings"].as_array().into_iter().flatten() {
            owner
                .entry(f["file"].as_str().unwrap_or("").to_owned())
                .or_default()
                .push(k);
        }
        shard_files.push(out_s);
    }
    assert_eq!(module_sum, modules, "every module scanned exactly once");
    assert_eq!(owner.len(), 6, "{owner:?}");
    assert!(owner.values().all(|shards| shards.len() == 1), "{owner:?}");

    let mut args = vec!["merge"];
    args.extend(shard_files.iter().map(String::as_str));
    let merged = tfward(&args);
    assert_eq!(merged.code, 1, "merge exits like scan");
    assert_eq!(
        merged.stdout, whole.stdout,
        "merged shards equal the unsharded report"
    );
}

#[test]
fn sharding_is_stable_across_runs() {
    let a = tfward(&["scan", TREE, "--shard", "2/3", "--format", "json"]);
    let b = tfward(&["scan", TREE, "--shard", "2/3", "--format", "json"]);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn bad_shard_and_mixed_versions_are_errors() {
    let run = tfward(&["scan", TREE, "--shard", "4/3"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("K/N"), "{}", run.stderr);

    let dir = tempfile::tempdir().expect("tempdir");
    let one = tfward(&["scan", TREE, "--format", "json"]).stdout;
    let other = one.replacen(
        &format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION")),
        "\"version\": \"0.0.1\"",
        1,
    );
    std::fs::write(dir.path().join("a.json"), &one).expect("write");
    std::fs::write(dir.path().join("b.json"), other).expect("write");
    let merged = tfward_in(dir.path(), &["merge", "a.json", "b.json"], &[]);
    assert_eq!(merged.code, 2);
    assert!(
        merged.stderr.contains("same tfward version")
            || merged.stderr.contains("one tfward version"),
        "{}",
        merged.stderr
    );
}
