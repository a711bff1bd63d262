//! A mutation fuzz run on stable Rust, for CI (`.ci/run` runs it; it is
//! `#[ignore]`d in a plain `cargo test`). The cargo-fuzz targets in fuzz/
//! need nightly Rust and about 25 minutes to build, more than CI's budget
//! holds; this test compiles the fuzz crate's code (fuzz/src, the targets'
//! bodies in fuzz/src/targets.rs) in here and runs each of the seven
//! targets in turn on its seeds, the regression inputs and the policies'
//! fixtures, each mutated by a seeded random mutator: bytes flipped,
//! tokens of HCL and JSON inserted, ranges deleted, repeated or spliced
//! from another seed (the structure-aware targets read the same bytes
//! through `arbitrary`). No coverage guidance, so it finds less than
//! libFuzzer, but every input goes through the code the target names:
//! parsing, evaluation, the built-in policies and every report format, the
//! function library, METADATA and tfward.toml.
//!
//! A panic or an input that runs longer than a minute fails the test; the
//! input is written to `target/fuzz-smoke/` and its path printed, and
//! `TFWARD_FUZZ_SMOKE_SEED` replays the same run.
//!
//!   TFWARD_FUZZ_SMOKE_SECONDS  how long to run (default 60)
//!   TFWARD_FUZZ_SMOKE_SEED     the random seed (default: the time)

#[path = "../../fuzz/src/lib.rs"]
#[allow(dead_code, clippy::all)]
mod tfward_fuzz;

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

/// The seeds of a target: its own (fuzz/seeds/<target>), its regression
/// inputs (testdata/fuzz/<target>), and what the repository has of the
/// kind (policy fixtures and plans; policies for METADATA; tfward.toml
/// examples).
fn seeds(root: &Path, target: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let any = &[""][..];
    let kind = match target {
        "hcl" | "hcl_structured" | "functions" => "hcl",
        "plan" | "plan_structured" => "plan",
        other => other,
    };
    files_under(&root.join("fuzz/seeds").join(kind), any, &mut out);
    files_under(&root.join("testdata/fuzz").join(target), any, &mut out);
    match kind {
        "hcl" => files_under(&root.join("policies"), &[".tf"], &mut out),
        "plan" => {
            files_under(&root.join("testdata/plans"), &[".json"], &mut out);
            files_under(&root.join("policies"), &["_plan.json"], &mut out);
        }
        "metadata" => files_under(&root.join("policies/aws/s3"), &["policy.rego"], &mut out),
        _ => files_under(&root.join("testdata"), &["tfward.toml"], &mut out),
    }
    out.retain(|(name, _)| !name.ends_with(".md"));
    out
}

/// Where a failing input is kept.
fn keep(input: &[u8], name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-smoke");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(name);
    let _ = std::fs::write(&path, input);
    path
}

/// Runs one kept input again: `TFWARD_FUZZ_REPLAY=target/fuzz-smoke/FILE`
/// (the target is the name's part before the run number), with
/// `TFWARD_FUZZ_SHOW=1` to print what a structure-aware target generated.
#[test]
#[ignore = "replays TFWARD_FUZZ_REPLAY"]
fn fuzz_smoke_replay() {
    let Some(path) = std::env::var_os("TFWARD_FUZZ_REPLAY") else {
        return;
    };
    let path = PathBuf::from(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name
        .trim_start_matches("crash-")
        .trim_start_matches("hang-");
    let (target, run) = tfward_fuzz::targets::ALL
        .into_iter()
        .filter(|(t, _)| name.starts_with(&format!("{t}-")))
        .max_by_key(|(t, _)| t.len())
        .expect("the file name starts with a target's name");
    let input = std::fs::read(&path).expect("the kept input is readable");
    eprintln!("replaying {} on {target}", path.display());
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || run(&input))
        .expect("spawn")
        .join()
        .expect("no panic");
}

#[test]
#[ignore = "a minute of fuzzing: .ci/run runs it"]
fn fuzz_smoke_each_target_runs_mutated_seeds_without_a_panic() {
    let root: &'static Path = Path::new(env!("CARGO_MANIFEST_DIR"));
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

    // tfward evaluates on threads of 64 MiB stacks (src/commands/mod.rs);
    // so do the targets here, not on the test harness's 2 MiB.
    let worker = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || run_targets(root, seed, seconds, &current, &started, epoch))
        .expect("spawn the fuzz thread");
    let failures = worker.join().expect("the fuzz thread returns");
    eprintln!("fuzz smoke: seed {seed}");
    assert!(
        failures.is_empty(),
        "fuzz smoke (seed {seed}): {} inputs panicked, kept in {:?}",
        failures.len(),
        failures
    );
}

/// Runs each target for its share of `seconds`; the inputs that panicked.
fn run_targets(
    root: &Path,
    seed: u64,
    seconds: u64,
    current: &Mutex<(Vec<u8>, String)>,
    started: &AtomicU64,
    epoch: Instant,
) -> Vec<PathBuf> {
    let mut rng = Rng(seed);
    let share = Duration::from_secs(seconds) / tfward_fuzz::targets::ALL.len() as u32;
    let mut failures = Vec::new();
    for (target, run) in tfward_fuzz::targets::ALL {
        let named = seeds(root, target);
        assert!(!named.is_empty(), "no seeds for {target}");
        let bytes: Vec<Vec<u8>> = named.iter().map(|(_, b)| b.clone()).collect();
        let deadline = Instant::now() + share;
        let mut runs = 0usize;
        while Instant::now() < deadline {
            let mut input = bytes[rng.below(bytes.len())].clone();
            mutate(&mut rng, &mut input, &bytes);
            if let Ok(mut c) = current.lock() {
                *c = (input.clone(), format!("{target}-{runs}"));
            }
            started.store(epoch.elapsed().as_secs().max(1), Ordering::Relaxed);
            let result = std::panic::catch_unwind(|| run(&input));
            started.store(0, Ordering::Relaxed);
            if result.is_err() {
                failures.push(keep(&input, &format!("crash-{target}-{runs}")));
            }
            runs += 1;
        }
        eprintln!("fuzz smoke: {target}: {runs} inputs in {share:?}");
    }
    failures
}
