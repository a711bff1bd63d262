//! Parse throughput on the real corpus (../shared/corpus/modules): the
//! hcl-edit floor, tfward's checked parse, and the whole load stage (read +
//! parse in parallel).

use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus_files() -> Vec<(PathBuf, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/modules");
    let mut files = Vec::new();
    for e in walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if e.path().extension().is_some_and(|x| x == "tf") {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                files.push((e.path().to_path_buf(), t));
            }
        }
    }
    files
}

fn parse(c: &mut Criterion) {
    let files = corpus_files();
    if files.is_empty() {
        return;
    }
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("hcl_edit_parse_body_1_thread", |b| {
        b.iter(|| {
            files
                .iter()
                .filter(|(_, t)| hcl_edit::parser::parse_body(t).is_ok())
                .count()
        })
    });
    g.bench_function("tfward_parse_hcl_1_thread", |b| {
        b.iter(|| {
            files
                .iter()
                .filter(|(_, t)| tfward::terraform::parse::parse_hcl(t).is_ok())
                .count()
        })
    });
    let candidates: Vec<tfward::discover::Candidate> = files
        .iter()
        .map(|(p, t)| tfward::discover::Candidate {
            path: p.clone(),
            kind: tfward::discover::FileKind::Hcl,
            size: t.len() as u64,
        })
        .collect();
    g.bench_function("tfward_load_read_and_parse_parallel", |b| {
        b.iter(|| tfward::load::load(&candidates, u64::MAX).0.len())
    });
    g.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
