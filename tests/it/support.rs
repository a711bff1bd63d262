//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (where Cargo.toml is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs tfward with arguments from the repository root.
pub fn tfward(args: &[&str]) -> Output {
    tfward_in(&root(), args)
}

pub fn tfward_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tfward"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("tfward runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// Parses a JSON report from stdout.
pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", stdout(o)))
}

/// The (file, line, rule_id) triples of a JSON report.
pub fn triples(report: &serde_json::Value) -> Vec<(String, u64, String)> {
    report["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap_or_default().to_owned(),
                f["line"].as_u64().unwrap_or_default(),
                f["rule_id"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// A directory tree built for one test, deleted when dropped.
pub struct Tree {
    dir: tempfile::TempDir,
}

impl Tree {
    pub fn new() -> Tree {
        Tree {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The tree's root.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file (parents created) and returns the tree for chaining.
    pub fn file(&self, rel: &str, text: &str) -> &Tree {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, text).expect("write");
        self
    }

    /// Creates an empty directory (a `.git` marking the project root).
    pub fn dir(&self, rel: &str) -> &Tree {
        std::fs::create_dir_all(self.path().join(rel)).expect("mkdir");
        self
    }

    /// Runs tfward in `rel` (a folder of the tree, "" for its root).
    pub fn run(&self, rel: &str, args: &[&str]) -> Output {
        tfward_in(&self.path().join(rel), args)
    }
}

/// (rule id, address, fingerprint) of each finding, sorted.
pub fn identities(report: &serde_json::Value) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = report["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_owned();
            (s("rule_id"), s("address"), s("fingerprint"))
        })
        .collect();
    out.sort();
    out
}
