//! Scans of synthetic `terraform show -json` plans with 1,000 and 10,000
//! resources (every built-in policy, 2 worker threads): the large-plan
//! figures of the performance issue. The plans have the shape
//! scripts/gen-large-plan.py writes (five resource kinds spread over 50
//! child modules, creates, updates, replacements and drift), built here so
//! the benchmark needs nothing but cargo. 100,000 resources take about
//! half a minute per scan: they run with TFWARD_BENCH_100K=1.

use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};
use tfward::load::DEFAULT_MAX_FILE_SIZE;
use tfward::pipeline::{run as scan, ScanOptions};
use tfward::policy::engine::{Compiled, EngineOptions};
use tfward::policy::PolicySet;

/// The planned values of resource `i`: its type and attributes.
fn values(i: usize) -> (&'static str, Value) {
    match i % 5 {
        0 => (
            "aws_s3_bucket",
            json!({"bucket": format!("bucket-{i}"),
                   "acl": if i.is_multiple_of(7) { "public-read" } else { "private" },
                   "tags": {"Owner": "team", "Environment": "prod"}}),
        ),
        1 => {
            let port = if i.is_multiple_of(11) { 22 } else { 443 };
            let cidr = if i.is_multiple_of(5) {
                "0.0.0.0/0"
            } else {
                "10.0.0.0/8"
            };
            (
                "aws_security_group",
                json!({"name": format!("sg-{i}"), "ingress": [{"from_port": port, "to_port": port,
                       "protocol": "tcp", "cidr_blocks": [cidr]}]}),
            )
        }
        2 => (
            "aws_instance",
            json!({"ami": "ami-0123456789abcdef0", "instance_type": "t3.micro",
                   "metadata_options": [{"http_tokens": if i.is_multiple_of(3) { "required" } else { "optional" }}],
                   "tags": {"Name": format!("web-{i}")}}),
        ),
        3 => (
            "aws_ebs_volume",
            json!({"availability_zone": "us-east-1a", "size": 100,
                   "type": if i.is_multiple_of(4) { "gp2" } else { "gp3" }, "encrypted": i.is_multiple_of(2)}),
        ),
        _ => (
            "aws_db_instance",
            json!({"identifier": format!("db-{i}"), "engine": "postgres",
                   "instance_class": "db.t3.medium", "allocated_storage": 50,
                   "storage_encrypted": i.is_multiple_of(2), "password": format!("secret-{i}")}),
        ),
    }
}

/// A plan with `n` resources, a third in the root module and the rest in
/// 50 child modules.
fn plan(n: usize) -> Value {
    let provider = "registry.terraform.io/hashicorp/aws";
    let mut modules: std::collections::BTreeMap<String, Vec<Value>> = Default::default();
    let mut changes = Vec::with_capacity(n);
    for i in 0..n {
        let (rtype, v) = values(i);
        let module = if i.is_multiple_of(3) {
            String::new()
        } else {
            format!("module.svc{}", i % 50)
        };
        let prefix = if module.is_empty() {
            String::new()
        } else {
            format!("{module}.")
        };
        let address = format!("{prefix}{rtype}.r{i}");
        let secret = rtype == "aws_db_instance";
        let mut resource = json!({"address": address, "mode": "managed", "type": rtype,
                                  "name": format!("r{i}"), "provider_name": provider, "values": v});
        if secret {
            resource["sensitive_values"] = json!({"password": true});
        }
        modules.entry(module.clone()).or_default().push(resource);
        let actions = match i % 4 {
            0 => json!(["create"]),
            1 => json!(["update"]),
            2 => json!(["delete", "create"]),
            _ => json!(["no-op"]),
        };
        let before = if i.is_multiple_of(4) {
            Value::Null
        } else {
            let mut b = v.clone();
            if b.get("tags").is_some() {
                b["tags"] = json!({"Owner": "old"});
            }
            b
        };
        let mut change = json!({"actions": actions, "before": before, "after": v,
                                "after_unknown": {"id": true, "arn": true}});
        if secret {
            change["before_sensitive"] = json!({"password": true});
            change["after_sensitive"] = json!({"password": true});
        }
        let mut c = json!({"address": address, "mode": "managed", "type": rtype,
                           "name": format!("r{i}"), "provider_name": provider, "change": change});
        if !module.is_empty() {
            c["module_address"] = json!(module);
        }
        changes.push(c);
    }
    let drift: Vec<Value> = changes
        .iter()
        .take(50)
        .filter(|c| c["change"]["actions"] == json!(["update"]))
        .cloned()
        .collect();
    let calls: serde_json::Map<String, Value> = modules
        .keys()
        .filter(|m| !m.is_empty())
        .map(|m| {
            let name = m.trim_start_matches("module.").to_owned();
            (name, json!({"source": "./svc", "module": {}}))
        })
        .collect();
    let root = modules.remove("").unwrap_or_default();
    let children: Vec<Value> = modules
        .into_iter()
        .map(|(m, rs)| json!({"address": m, "resources": rs}))
        .collect();
    json!({
        "format_version": "1.2",
        "terraform_version": "1.9.5",
        "planned_values": {"root_module": {"resources": root, "child_modules": children}},
        "resource_changes": changes,
        "resource_drift": drift,
        "configuration": {"root_module": {"module_calls": calls}},
    })
}

fn plans(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let set = PolicySet::embedded().expect("embedded policies load");
    let all = Compiled::new(&set, &EngineOptions::default()).expect("compiles");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .stack_size(64 * 1024 * 1024)
        .build()
        .expect("pool");
    let mut g = c.benchmark_group("plans");
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    // 100,000 resources (82 MB of JSON, about 30 s a scan) only when asked:
    // TFWARD_BENCH_100K=1 cargo bench --bench plans.
    let mut sizes = vec![1_000, 10_000];
    if std::env::var_os("TFWARD_BENCH_100K").is_some() {
        sizes.push(100_000);
    }
    for n in sizes {
        let path = dir.path().join(format!("plan-{n}.json"));
        write(&path, &plan(n));
        // As `tfward scan` runs it: the plan's model is freed once its
        // documents are evaluated.
        let opts = ScanOptions {
            paths: vec![path],
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            workspace: "default".into(),
            drop_plans: true,
            ..ScanOptions::default()
        };
        // Bench the scan a user gets, not an error path.
        let first = pool.install(|| scan(&opts, &all));
        assert!(
            first.resources >= n && !first.findings.is_empty(),
            "the {n}-resource plan did not scan: {:?}",
            first.diagnostics.first().map(|d| &d.message)
        );
        g.bench_function(format!("plan_{n}_resources_2_threads"), |b| {
            b.iter(|| pool.install(|| scan(&opts, &all).findings.len()))
        });
    }
    g.finish();
}

fn write(path: &Path, plan: &Value) {
    let text = serde_json::to_string(plan).expect("a plan serialises");
    std::fs::write(path, text).expect("temp dir is writable");
}

criterion_group!(benches, plans);
criterion_main!(benches);
