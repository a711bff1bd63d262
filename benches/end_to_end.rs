//! End-to-end scan of the whole ../shared/corpus/modules set (discover,
//! read, parse, evaluate Terraform, run every built-in policy, sort) at 1
//! and 2 worker threads, and the same scan with no policies (the floor the
//! policy library adds to).

use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use tfward::load::DEFAULT_MAX_FILE_SIZE;
use tfward::pipeline::{run as scan, ScanOptions};
use tfward::policy::engine::{Compiled, EngineOptions};
use tfward::policy::PolicySet;

fn end_to_end(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/modules");
    if !root.is_dir() {
        return;
    }
    let opts = ScanOptions {
        paths: vec![root],
        max_file_size: DEFAULT_MAX_FILE_SIZE,
        workspace: "default".into(),
        ..ScanOptions::default()
    };
    let set = PolicySet::embedded().expect("embedded policies load");
    let all = Compiled::new(&set, &EngineOptions::default()).expect("compiles");
    let none = Compiled::new(&PolicySet::default(), &EngineOptions::default()).expect("compiles");
    let mut g = c.benchmark_group("end_to_end");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .stack_size(64 * 1024 * 1024)
            .build()
            .expect("pool");
        g.bench_function(format!("corpus_all_policies_{threads}_threads"), |b| {
            b.iter(|| pool.install(|| scan(&opts, &all).findings.len()))
        });
        g.bench_function(format!("corpus_no_policies_{threads}_threads"), |b| {
            b.iter(|| pool.install(|| scan(&opts, &none).resources))
        });
    }
    g.finish();
}

criterion_group!(benches, end_to_end);
criterion_main!(benches);
