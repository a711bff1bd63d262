//! What a process pays before it scans anything, against the size of the
//! policy library: reading the built-in policies' METADATA (for the first
//! 100, 200, 400 policies and all of them), decoding the VM programs
//! build.rs compiled (fixed by the build: every built-in policy), and a
//! whole scan of the small bundled example module with every policy, in
//! this process and as a process of its own (start-up included).
//! Nothing here reads ../shared.

use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use tfward::load::DEFAULT_MAX_FILE_SIZE;
use tfward::pipeline::{run as scan, ScanOptions};
use tfward::policy::engine::{Compiled, EngineOptions};
use tfward::policy::{embedded_files, PolicySet};

fn startup(c: &mut Criterion) {
    let files = embedded_files();
    let is_policy = |rel: &str| rel.ends_with("/policy.rego");
    let policies = files.iter().filter(|f| is_policy(&f.rel)).count();
    let mut g = c.benchmark_group("startup");
    g.sample_size(20).measurement_time(Duration::from_secs(5));
    for n in [100, 200, 400, policies] {
        // The first n policies and every library and test file.
        let mut kept = 0;
        let subset: Vec<_> = files
            .iter()
            .filter(|f| {
                if !is_policy(&f.rel) {
                    return true;
                }
                kept += 1;
                kept <= n
            })
            .cloned()
            .collect();
        g.bench_with_input(BenchmarkId::new("read_metadata", n), &subset, |b, s| {
            b.iter(|| {
                PolicySet::from_files(s.clone(), None, true)
                    .expect("loads")
                    .policies
                    .len()
            })
        });
    }
    g.bench_function(format!("decode_vm_programs_{policies}"), |b| {
        b.iter(|| {
            tfward::policy::prebuilt::decode(tfward::policy::embedded_programs())
                .expect("decodes")
                .programs
                .len()
        })
    });
    g.finish();

    let set = PolicySet::embedded().expect("embedded policies load");
    let all = Compiled::new(&set, &EngineOptions::default()).expect("compiles");
    let opts = ScanOptions {
        paths: vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/examples/insecure")],
        max_file_size: DEFAULT_MAX_FILE_SIZE,
        workspace: "default".into(),
        ..ScanOptions::default()
    };
    let mut g = c.benchmark_group("small_module");
    g.sample_size(50);
    g.bench_function("examples_insecure_all_policies", |b| {
        b.iter(|| scan(&opts, &all).findings.len())
    });
    // The same scan as a user runs it: a process, start-up included.
    g.bench_function("examples_insecure_process", |b| {
        b.iter(|| {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_tfward"))
                .args(["scan", "testdata/examples/insecure", "--format", "json"])
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .output()
                .expect("tfward runs");
            assert_eq!(out.status.code(), Some(1), "the example has findings");
            out.stdout.len()
        })
    });
    g.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
