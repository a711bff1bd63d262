//! Policy evaluation on the real corpus (../shared/corpus/modules): every
//! built-in policy on every module's input document. Compares regorus's VM
//! (what tfward uses for built-in policies) with its interpreter, a worker
//! per rayon thread (what tfward does) with one per module, and measures the
//! start-up cost of loading and compiling the policy library.

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;
use tfward::load::DEFAULT_MAX_FILE_SIZE;
use tfward::pipeline::{run as scan, ScanOptions};
use tfward::policy::engine::{Compiled, EngineOptions, VmUse};
use tfward::policy::PolicySet;

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

/// Every applicable policy on every document, one worker per rayon thread.
fn evaluate_all(compiled: &Compiled, prepared: &[(regorus::Value, HashSet<String>)]) -> usize {
    prepared
        .par_iter()
        .map_init(
            || compiled.worker(),
            |worker, (doc, t)| {
                let t: HashSet<&str> = t.iter().map(String::as_str).collect();
                compiled.evaluate(worker, || doc.clone(), &t).0.len()
            },
        )
        .sum()
}

fn eval(c: &mut Criterion) {
    let set = PolicySet::embedded().expect("embedded policies load");
    let compiled = Compiled::new(&set, &EngineOptions::default()).expect("compiles");
    let interpreted = Compiled::new(
        &set,
        &EngineOptions {
            vm: VmUse::Off,
            ..EngineOptions::default()
        },
    )
    .expect("compiles");
    let docs = inputs(&compiled);
    if docs.is_empty() {
        return;
    }
    let prepared: Vec<(regorus::Value, HashSet<String>)> = docs
        .iter()
        .map(|d| (regorus::Value::from(d.clone()), types(d)))
        .collect();
    // Both engines must find the same things, or the comparison means nothing.
    assert_eq!(
        evaluate_all(&compiled, &prepared),
        evaluate_all(&interpreted, &prepared)
    );
    let mut g = c.benchmark_group("eval");
    g.sample_size(10).measurement_time(Duration::from_secs(15));
    g.throughput(Throughput::Elements(prepared.len() as u64));
    g.bench_function("all_policies_vm", |b| {
        b.iter(|| evaluate_all(&compiled, &prepared))
    });
    g.bench_function("all_policies_interpreter", |b| {
        b.iter(|| evaluate_all(&interpreted, &prepared))
    });
    g.bench_function("all_policies_worker_per_module", |b| {
        b.iter(|| {
            prepared
                .par_iter()
                .map(|(doc, t)| {
                    let mut worker = compiled.worker();
                    let t: HashSet<&str> = t.iter().map(String::as_str).collect();
                    compiled.evaluate(&mut worker, || doc.clone(), &t).0.len()
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
