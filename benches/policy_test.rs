//! `tfward policy test policies`, the whole library's fixtures and Rego
//! unit tests (each fixture on the VM and on the interpreter), as a user
//! runs it: the built binary, a process per iteration.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

fn policy_test(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let run = || {
        let out = Command::new(env!("CARGO_BIN_EXE_tfward"))
            .args(["policy", "test", "policies"])
            .current_dir(&root)
            .output()
            .expect("tfward runs");
        assert!(
            out.status.success(),
            "policy test failed: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        out.stdout.len()
    };
    let mut g = c.benchmark_group("policy_test");
    g.sample_size(10).measurement_time(Duration::from_secs(60));
    g.bench_function("whole_library", |b| b.iter(run));
    g.finish();
}

criterion_group!(benches, policy_test);
criterion_main!(benches);
