//! A mutation fuzz run on stable Rust, for CI (`.ci/run` runs it; it is
//! `#[ignore]`d in a plain `cargo test`). The cargo-fuzz targets in fuzz/
//! need nightly Rust and about 25 minutes to build, more than CI's budget
//! holds; this test feeds the same scan path (fuzz/src/pipeline.rs,
//! compiled in here) with the fuzz seeds, the regression inputs and the
//! policies' fixtures, each
//! mutated by a seeded random mutator: bytes flipped, tokens of HCL and
//! JSON inserted, ranges deleted, repeated or spliced from another seed.
//! No coverage guidance, so it finds less than libFuzzer, but every input
//! it makes goes through parsing, evaluation, the built-in policies and
//! every report format.
//!
//! A panic or an input that runs longer than a minute fails the test; the
//! input is written to `target/fuzz-smoke/` and its path printed, and
//! `TFWARD_FUZZ_SMOKE_SEED` replays the same run.
//!
//!   TFWARD_FUZZ_SMOKE_SECONDS  how long to run (default 60)
//!   TFWARD_FUZZ_SMOKE_SEED     the random seed (default: the time)

#[path = "../../fuzz/src/pipeline.rs"]
#[allow(dead_code)]
mod pipeline;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Tokens a mutation inserts: the syntax where parsers and the evaluator
/// have edges (interpolations, directives, heredocs, nesting, expansion),
/// odd Unicode and terminal escapes.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    "\"",
    "${",
    "%{",
    "~}",
    "}\n",
    "=",
    ":",
    ",",
    ".",
    "*",
    "...",
    "=>",
    "?",
    "\n",
    "\\",
    "<<EOT\n",
    "\nEOT\n",
    "<<-EOT\n",
    "#",
    "//",
    "/*",
    "*/",
    "null",
    "true",
    "-1",
    "1e308",
    "9223372036854775808",
    "0x",
    "count = 3\n",
    "for_each = {a = 1}\n",
    "[for x in var.x : x]",
    "{for k, v in local.m : k => v...}",
    "var.",
    "local.",
    "each.key",
    "count.index",
    "module.m.",
    "data.",
    "self.",
    "resource \"aws_s3_bucket\" \"b\" {\n",
    "module \"m\" {\n  source = \"./\"\n}\n",
    "dynamic \"d\" {\n  for_each = [1]\n  content {\n",
    "locals {\n",
    "variable \"v\" {\n  type = ",
    "object({a = optional(string, \"x\")})",
    "lookup(",
    "merge(",
    "jsonencode(",
    "templatefile(",
    "file(\"../../etc/passwd\")",
    "format(\"%999999999d\", 1)",
    "\u{202e}",
    "\u{0}",
    "\u{1b}[2J",
    "::error::",
    "\u{feff}",
    "\u{10ffff}",
    "é",
    "\"resource_changes\": [",
    "\"after_unknown\": true",
    "\"sensitive\": true",
    "\"values\": {",
    "\"address\": \"a.b\"",
    "{\"format_version\": \"1.2\", ",
];

/// xorshift64*: a small seeded generator, so a run can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    for _ in 0..=rng.below(4) {
        let len = input.len();
        let at = rng.below(len + 1);
        match rng.below(6) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] = rng.next() as u8;
            }
            1 | 2 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                input.splice(at..at, token.iter().copied());
            }
            3 if len > 0 => {
                let end = (at + 1 + rng.below(64)).min(len);
                input.drain(at.min(end)..end);
            }
            4 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(256)).min(len);
                let piece: Vec<u8> = input[start..end].to_vec();
                for _ in 0..=rng.below(8) {
                    input.splice(at..at, piece.iter().copied());
                }
            }
            _ => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len() + 1);
                input.truncate(at);
                input.extend_from_slice(&other[from..]);
            }
        }
    }
    input.truncate(256 * 1024);
}

/// The files below `dir` whose name ends with one of `suffixes`.
fn files_under(dir: &Path, suffixes: &[&str], out: &mut Vec<(String, Vec<u8>)>) {
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_file() && suffixes.iter().any(|s| name.ends_with(s)) {
            if let Ok(bytes) = std::fs::read(entry.path()) {
                out.push((entry.file_name().to_string_lossy().into_owned(), bytes));
            }
        }
    }
}

/// Where a failing input is kept.
fn keep(input: &[u8], name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-smoke");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(name);
    let _ = std::fs::write(&path, input);
    path
}

#[test]
#[ignore = "a minute of fuzzing: .ci/run runs it"]
fn fuzz_smoke_mutated_seeds_scan_in_every_format_without_a_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seconds: u64 = std::env::var("TFWARD_FUZZ_SMOKE_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let seed: u64 = std::env::var("TFWARD_FUZZ_SMOKE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        })
        .max(1);
    let mut hcl = Vec::new();
    let any = &[""][..];
    files_under(&root.join("fuzz/seeds/hcl"), any, &mut hcl);
    files_under(
        &root.join("testdata/fuzz/hcl"),
        &[".tf", ".tf.json"],
        &mut hcl,
    );
    // The policies' own fixtures: resources the policies have findings on.
    files_under(&root.join("policies"), &[".tf"], &mut hcl);
    let mut plans = Vec::new();
    files_under(&root.join("fuzz/seeds/plan"), any, &mut plans);
    files_under(&root.join("testdata/plans"), &[".json"], &mut plans);
    files_under(&root.join("policies"), &["_plan.json"], &mut plans);
    assert!(!hcl.is_empty() && !plans.is_empty(), "no seeds found");
    let hcl_seeds: Vec<Vec<u8>> = hcl.iter().map(|(_, b)| b.clone()).collect();
    let plan_seeds: Vec<Vec<u8>> = plans.iter().map(|(_, b)| b.clone()).collect();

    // The input being run, for the watchdog: an input that runs past a
    // minute is kept and the process stops (a hang would stall CI).
    let current: Arc<Mutex<(Vec<u8>, String)>> = Arc::default();
    let started = Arc::new(AtomicU64::new(0));
    let epoch = Instant::now();
    {
        let (current, started) = (current.clone(), started.clone());
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_secs(1));
            let since = started.load(Ordering::Relaxed);
            if since > 0 && epoch.elapsed().as_secs().saturating_sub(since) > 60 {
                let (input, name) = current.lock().map(|c| c.clone()).unwrap_or_default();
                let path = keep(&input, &format!("hang-{name}"));
                eprintln!(
                    "fuzz smoke: an input ran past 60 s (seed {seed}); kept in {}",
                    path.display()
                );
                std::process::exit(101);
            }
        });
    }

    let mut rng = Rng(seed);
    let deadline = epoch + Duration::from_secs(seconds);
    let (mut runs, mut with_findings, mut failures) = (0usize, 0usize, Vec::new());
    while Instant::now() < deadline {
        let plan = rng.below(3) == 0;
        let (named, seeds) = if plan {
            (&plans, &plan_seeds)
        } else {
            (&hcl, &hcl_seeds)
        };
        let (seed_name, bytes) = &named[rng.below(named.len())];
        let mut input = bytes.clone();
        mutate(&mut rng, &mut input, seeds);
        let file = if plan {
            "plan.json"
        } else if input.first() == Some(&b'{') || seed_name.ends_with(".json") {
            "main.tf.json"
        } else {
            "main.tf"
        };
        if let Ok(mut c) = current.lock() {
            *c = (input.clone(), format!("{runs}-{file}"));
        }
        started.store(epoch.elapsed().as_secs().max(1), Ordering::Relaxed);
        let result = std::panic::catch_unwind(|| {
            if plan {
                if let Ok(text) = std::str::from_utf8(&input) {
                    pipeline::analyse_plan(text);
                }
            }
            pipeline::scan_dir(&[(file, &input)])
        });
        started.store(0, Ordering::Relaxed);
        match result {
            Ok(findings) => with_findings += usize::from(findings > 0),
            Err(_) => failures.push(keep(&input, &format!("crash-{runs}-{file}"))),
        }
        runs += 1;
    }
    eprintln!(
        "fuzz smoke: {runs} inputs in {seconds} s ({with_findings} with findings), seed {seed}"
    );
    assert!(
        failures.is_empty(),
        "fuzz smoke (seed {seed}): {} inputs panicked, kept in {:?}",
        failures.len(),
        failures
    );
}
