//! Policy evaluation on the real corpus (../shared/corpus/modules): every
//! built-in policy on every module's input document. Compares the two ways
//! to share the compiled engine across rayon workers — one clone per worker
//! (what tfward does) and one clone per module — and measures the start-up
//! cost of loading and compiling the policy library.

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;
use tfward::policy::engine::{Compiled, EngineOptions};
use tfward::policy::PolicySet;
use tfward::scan::{scan, ScanOptions, DEFAULT_MAX_FILE_SIZE};

fn inputs(policies: &Compiled) -> Vec<serde_json::Value> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/modules");
    if !root.is_dir() {
        return Vec::new();
    }
    let opts = ScanOptions {
        paths: vec![root],
        max_file_size: DEFAULT_MAX_FILE_SIZE,
        workspace: "default".into(),
        keep_inputs: true,
        ..ScanOptions::default()
    };
    scan(&opts, policies).inputs
}

fn types(doc: &serde_json::Value) -> HashSet<String> {
    let mut t: HashSet<String> = doc["resources"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["type"].as_str().map(str::to_owned))
        .collect();
    t.extend(["terraform", "module", "provider"].map(str::to_owned));
    t
}

fn eval(c: &mut Criterion) {
    let set = PolicySet::embedded().expect("embedded policies load");
    let compiled = Compiled::new(&set, &EngineOptions::default()).expect("compiles");
    let docs = inputs(&compiled);
    if docs.is_empty() {
        return;
    }
    let prepared: Vec<(regorus::Value, HashSet<String>)> = docs
        .iter()
        .map(|d| (regorus::Value::from(d.clone()), types(d)))
        .collect();
    let mut g = c.benchmark_group("eval");
    g.sample_size(10).measurement_time(Duration::from_secs(15));
    g.throughput(Throughput::Elements(prepared.len() as u64));
    g.bench_function("all_policies_clone_per_worker", |b| {
        b.iter(|| {
            prepared
                .par_iter()
                .map_init(
                    || compiled.worker(),
                    |engine, (doc, t)| {
                        let t: HashSet<&str> = t.iter().map(String::as_str).collect();
                        compiled.evaluate(engine, || doc.clone(), &t).0.len()
                    },
                )
                .sum::<usize>()
        })
    });
    g.bench_function("all_policies_clone_per_module", |b| {
        b.iter(|| {
            prepared
                .par_iter()
                .map(|(doc, t)| {
                    let mut engine = compiled.worker();
                    let t: HashSet<&str> = t.iter().map(String::as_str).collect();
                    compiled.evaluate(&mut engine, || doc.clone(), &t).0.len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
    let mut g = c.benchmark_group("startup");
    g.sample_size(20);
    g.bench_function("load_and_compile_policy_library", |b| {
        b.iter(|| {
            let set = PolicySet::embedded().expect("loads");
            Compiled::new(&set, &EngineOptions::default())
                .expect("compiles")
                .policies
                .len()
        })
    });
    g.finish();
}

criterion_group!(benches, eval);
criterion_main!(benches);
