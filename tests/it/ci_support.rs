//! Running the real binary: from the crate root (so paths in output are
//! `testdata/...`), with today pinned and colour off.

use std::path::Path;
use std::process::Command;

/// The date every test runs on (suppression expiry reads it).
pub const TODAY: &str = "2026-06-01";

/// What a run showed the user.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The JSON report (or other JSON) on stdout.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs tfward in the crate root.
pub fn tfward(args: &[&str]) -> Run {
    tfward_in(root(), args, &[])
}

/// Runs tfward in `dir` with extra environment variables.
pub fn tfward_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tfward"));
    cmd.current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env("TFWARD_TODAY", TODAY);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("the tfward binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `(rule_id, address)` of each entry of a report list (`findings`,
/// `suppressed`), sorted.
pub fn ids(report: &serde_json::Value, list: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = report[list]
        .as_array()
        .unwrap_or_else(|| panic!("no {list} in the report"))
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap_or("").to_owned(),
                f["address"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    v.sort();
    v
}

pub fn pair(rule: &str, address: &str) -> (String, String) {
    (rule.to_owned(), address.to_owned())
}

/// insta settings that hide the version and temporary paths.
pub fn insta_settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(env!("CARGO_PKG_VERSION"), "[VERSION]");
    s.add_filter(r"/tmp/[^/\s]+|/var/folders/[^\s]+", "[TMP]");
    // The built-in policy count grows with every new policy.
    s.add_filter(r"\d+ policies evaluated", "[N] policies evaluated");
    s.set_prepend_module_to_snapshot(false);
    s
}
