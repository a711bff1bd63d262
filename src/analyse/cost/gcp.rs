//! Google Cloud price models, one function per resource type.

use super::estimate::{get_num, get_str, Builder, Estimate, Model};

/// Resource type -> price model.
pub(super) const MODELS: &[(&str, Model)] = &[
    ("google_compute_instance", gcp_instance),
    ("google_compute_disk", gcp_disk),
    ("google_sql_database_instance", gcp_sql),
    ("google_container_cluster", gke_cluster),
    ("google_container_node_pool", gke_node_pool),
    ("google_cloud_run_service", cloud_run),
    ("google_cloud_run_v2_service", cloud_run),
    ("google_cloudfunctions_function", cloud_function),
    ("google_cloudfunctions2_function", cloud_run),
    ("google_compute_address", compute_address),
    ("google_compute_global_address", compute_address),
    ("google_compute_forwarding_rule", forwarding_rule),
    ("google_compute_global_forwarding_rule", forwarding_rule),
    ("google_compute_region_disk", region_disk),
    ("google_compute_vpn_tunnel", vpn_tunnel),
    ("google_compute_router_nat", cloud_nat),
    ("google_redis_instance", redis),
    ("google_storage_bucket", storage_bucket),
    ("google_kms_crypto_key", kms_key),
    ("google_secret_manager_secret", secret),
    ("google_dns_managed_zone", dns_zone),
    ("google_spanner_instance", spanner),
    ("google_bigtable_instance", bigtable),
];

fn gke_cluster(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    b.add("cluster management fee", "gcp_gke", "cluster", 1.0);
    b.est.notes.push(
        "the monthly free-tier credit covers one zonal or Autopilot cluster per billing account"
            .into(),
    );
    if v.get("enable_autopilot") == Some(&serde_json::Value::Bool(true)) {
        b.usage("Autopilot pod vCPU, memory and storage");
        return b.done();
    }
    if v.get("remove_default_node_pool") != Some(&serde_json::Value::Bool(true)) {
        let n = get_num(v, "initial_node_count").unwrap_or(1.0);
        let mt = get_str(v, "node_config.0.machine_type").unwrap_or("e2-medium");
        if !b.add(
            &format!("{n} × {mt} default pool nodes"),
            "gcp_compute",
            mt,
            n,
        ) {
            b.est
                .notes
                .push(format!("machine type {mt} is not in the catalogue"));
        }
    }
    b.done()
}

fn gke_node_pool(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let mt = get_str(v, "node_config.0.machine_type").unwrap_or("e2-medium");
    let per_zone = get_num(v, "node_count")
        .or_else(|| get_num(v, "initial_node_count"))
        .or_else(|| get_num(v, "autoscaling.0.min_node_count"))
        .unwrap_or(1.0);
    let zones = v
        .get("node_locations")
        .and_then(serde_json::Value::as_array)
        .map_or(1, Vec::len)
        .max(1) as f64;
    if v.get("node_config")
        .and_then(|c| c.get(0))
        .and_then(|c| c.get("spot").or_else(|| c.get("preemptible")))
        == Some(&serde_json::Value::Bool(true))
    {
        return b.unpriced("spot and preemptible nodes are not in the catalogue".into());
    }
    let n = per_zone * zones;
    if !b.add(&format!("{n} × {mt} nodes"), "gcp_compute", mt, n) {
        return b.not_in_catalogue(&format!("machine type {mt}"));
    }
    let disk = get_num(v, "node_config.0.disk_size_gb").unwrap_or(100.0);
    let dt = get_str(v, "node_config.0.disk_type").unwrap_or("pd-balanced");
    b.add(
        &format!("{n} × {disk} GB {dt} boot disks"),
        "gcp_disk",
        dt,
        n * disk,
    );
    b.done()
}

/// Cloud Run (and 2nd gen functions, which run on it): requests,
/// vCPU-seconds and GiB-seconds from the usage file.
fn cloud_run(mut b: Builder<'_>) -> Estimate {
    let addr = b.s.address;
    let Some(req) = b.usage.number(addr, "monthly_requests") else {
        b.usage(
            "requests, vCPU-seconds and GiB-seconds (set monthly_requests, request_duration_ms)",
        );
        return b.done();
    };
    let ms = b.usage.number(addr, "request_duration_ms").unwrap_or(100.0);
    let vcpu = b.usage.number(addr, "vcpu").unwrap_or(1.0);
    let gib = b.usage.number(addr, "memory_gib").unwrap_or(0.5);
    let seconds = req * ms / 1000.0;
    b.add(
        "requests (millions)",
        "gcp_cloud_run",
        "requests",
        req / 1_000_000.0,
    );
    b.add(
        "vCPU-seconds",
        "gcp_cloud_run",
        "vcpu-second",
        seconds * vcpu,
    );
    b.add("GiB-seconds", "gcp_cloud_run", "gib-second", seconds * gib);
    b.est
        .notes
        .push("before the monthly free tier (2 million requests, 180,000 vCPU-seconds, 360,000 GiB-seconds)".into());
    b.done()
}

fn cloud_function(mut b: Builder<'_>) -> Estimate {
    let addr = b.s.address;
    let Some(req) = b.usage.number(addr, "monthly_requests") else {
        b.usage("invocations and compute time (set monthly_requests, request_duration_ms)");
        return b.done();
    };
    let ms = b.usage.number(addr, "request_duration_ms").unwrap_or(100.0);
    let mem_gb = get_num(b.s.values, "available_memory_mb").unwrap_or(256.0) / 1024.0;
    b.add(
        "invocations (millions)",
        "gcp_cloud_functions",
        "invocations",
        req / 1_000_000.0,
    );
    b.add(
        "memory (GB-seconds)",
        "gcp_cloud_functions",
        "gb-second",
        req * ms / 1000.0 * mem_gb,
    );
    b.usage("CPU GHz-seconds (by memory tier)");
    b.done()
}

fn compute_address(mut b: Builder<'_>) -> Estimate {
    if get_str(b.s.values, "address_type") == Some("INTERNAL") {
        return b.done();
    }
    b.add("external IPv4 address", "gcp_network", "external-ip", 1.0);
    b.done()
}

fn forwarding_rule(mut b: Builder<'_>) -> Estimate {
    b.add(
        "forwarding rule (first 5 of a project)",
        "gcp_network",
        "forwarding-rule",
        1.0,
    );
    b.usage("data processed by the load balancer");
    b.done()
}

fn region_disk(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let Some(size) = get_num(v, "size") else {
        return b.missing("size");
    };
    let dt = get_str(v, "type").unwrap_or("pd-standard");
    if !b.add(
        &format!("regional {dt} ({size} GB)"),
        "gcp_region_disk",
        dt,
        size,
    ) {
        return b.not_in_catalogue(&format!("regional disk type {dt}"));
    }
    b.done()
}

fn vpn_tunnel(mut b: Builder<'_>) -> Estimate {
    b.add("VPN tunnel", "gcp_network", "vpn-tunnel", 1.0);
    b.done()
}

fn cloud_nat(mut b: Builder<'_>) -> Estimate {
    match b.usage.number(b.s.address, "vms") {
        Some(vms) => {
            b.add(
                &format!("{} VMs", vms.min(32.0)),
                "gcp_network",
                "nat-vm",
                vms.min(32.0),
            );
        }
        None => b.usage("per VM using the gateway (set vms)"),
    }
    b.by_usage(
        "monthly_data_processed_gb",
        "data processed",
        "gcp_network",
        "nat-data",
        1.0,
    );
    b.done()
}

fn redis(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let Some(gb) = get_num(v, "memory_size_gb") else {
        return b.missing("memory_size_gb");
    };
    let tier = get_str(v, "tier").unwrap_or("BASIC");
    if gb > 4.0 {
        return b.not_in_catalogue(&format!(
            "{tier} Memorystore above 4 GB (M2+ capacity tiers)"
        ));
    }
    if !b.add(&format!("{tier} {gb} GB (M1)"), "gcp_redis", tier, gb) {
        return b.not_in_catalogue(&format!("Memorystore tier {tier}"));
    }
    b.done()
}

fn storage_bucket(mut b: Builder<'_>) -> Estimate {
    let class = get_str(b.s.values, "storage_class")
        .unwrap_or("STANDARD")
        .to_owned();
    b.by_usage(
        "storage_gb",
        &format!("{class} storage"),
        "gcp_storage",
        &class,
        1.0,
    );
    b.usage("operations and network egress");
    b.done()
}

fn kms_key(mut b: Builder<'_>) -> Estimate {
    let level = get_str(b.s.values, "version_template.0.protection_level").unwrap_or("SOFTWARE");
    if level != "SOFTWARE" {
        return b.not_in_catalogue(&format!("{level} key versions"));
    }
    b.add("active key version", "gcp_kms", "software-key-version", 1.0);
    b.usage("cryptographic operations");
    b.done()
}

fn secret(mut b: Builder<'_>) -> Estimate {
    b.add(
        "active secret version",
        "gcp_secret_manager",
        "version",
        1.0,
    );
    b.usage("access operations");
    b.done()
}

fn dns_zone(mut b: Builder<'_>) -> Estimate {
    b.add("managed zone", "gcp_dns", "zone", 1.0);
    b.usage("DNS queries");
    b.done()
}

fn spanner(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let nodes = get_num(v, "num_nodes")
        .or_else(|| get_num(v, "processing_units").map(|pu| pu / 1000.0))
        .unwrap_or(1.0);
    if !get_str(v, "config")
        .unwrap_or("regional-us-central1")
        .starts_with("regional-")
    {
        return b.not_in_catalogue("multi-region Spanner configurations");
    }
    b.add(&format!("{nodes} node(s)"), "gcp_spanner", "node", nodes);
    b.by_usage("storage_gb", "storage", "gcp_spanner", "storage", 1.0);
    b.done()
}

fn bigtable(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let clusters: Vec<&serde_json::Value> = v
        .get("cluster")
        .and_then(serde_json::Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let nodes: f64 = clusters
        .iter()
        .map(|c| get_num(c, "num_nodes").unwrap_or(1.0))
        .sum::<f64>()
        .max(1.0);
    b.add(&format!("{nodes} node(s)"), "gcp_bigtable", "node", nodes);
    b.by_usage(
        "storage_gb",
        "SSD storage",
        "gcp_bigtable",
        "ssd-storage",
        1.0,
    );
    b.done()
}

fn gcp_instance(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let Some(mt) = get_str(v, "machine_type") else {
        return b.missing("machine_type");
    };
    if !b.add(&format!("machine {mt}"), "gcp_compute", mt, 1.0) && !by_core_and_ram(&mut b, mt) {
        return b.not_in_catalogue(&format!("machine type {mt}"));
    }
    match get_num(v, "boot_disk.0.initialize_params.0.size") {
        Some(size) => {
            let dt = get_str(v, "boot_disk.0.initialize_params.0.type").unwrap_or("pd-standard");
            if !b.add(&format!("boot disk {dt}"), "gcp_disk", dt, size) {
                b.est
                    .notes
                    .push(format!("boot disk type {dt} is not in the catalogue"));
            }
        }
        None => b
            .est
            .notes
            .push("boot disk size comes from the image and is not priced".into()),
    }
    b.done()
}

/// vCPUs and GB of memory of a predefined machine type
/// (`n2-standard-4`, `e2-highmem-8`).
fn shape(mt: &str) -> Option<(String, f64, f64)> {
    let mut parts = mt.split('-');
    let (family, class, n) = (
        parts.next()?,
        parts.next()?,
        parts.next()?.parse::<f64>().ok()?,
    );
    let per_cpu = match (family, class) {
        ("n1", "standard") => 3.75,
        ("n1", "highmem") => 6.5,
        ("n1", "highcpu") => 0.9,
        (_, "standard") => 4.0,
        (_, "highmem") => 8.0,
        (_, "highcpu") => 1.0,
        _ => return None,
    };
    Some((family.to_owned(), n, n * per_cpu))
}

/// Prices a machine type from its family's per-vCPU and per-GB prices
/// (what `tfward prices import` reads from Google's SKU list).
fn by_core_and_ram(b: &mut Builder<'_>, mt: &str) -> bool {
    let Some((family, cpus, gb)) = shape(mt) else {
        return false;
    };
    let region = b.region.clone();
    let known = |service: &str| b.cat.price("google", service, &family, &region).is_some();
    if !known("gcp_compute_core") || !known("gcp_compute_ram") {
        return false;
    }
    b.add(
        &format!("{mt}: {cpus} vCPU"),
        "gcp_compute_core",
        &family,
        cpus,
    );
    b.add(
        &format!("{mt}: {gb} GB memory"),
        "gcp_compute_ram",
        &family,
        gb,
    );
    true
}

fn gcp_disk(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let Some(size) = get_num(v, "size") else {
        return b.missing("size");
    };
    let dt = get_str(v, "type").unwrap_or("pd-standard");
    if !b.add(&format!("{dt} ({size} GB)"), "gcp_disk", dt, size) {
        return b.not_in_catalogue(&format!("disk type {dt}"));
    }
    b.done()
}

fn gcp_sql(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    if get_str(v, "database_version").is_some_and(|d| d.starts_with("SQLSERVER")) {
        return b
            .unpriced("SQL Server editions are license-dependent and not in the catalogue".into());
    }
    let Some(tier) = get_str(v, "settings.0.tier") else {
        return b.missing("settings.0.tier");
    };
    let ha = if get_str(v, "settings.0.availability_type") == Some("REGIONAL") {
        2.0
    } else {
        1.0
    };
    if let Some(rest) = tier.strip_prefix("db-custom-") {
        let mut parts = rest.split('-');
        let (Some(cpu), Some(mem)) = (
            parts.next().and_then(|c| c.parse::<f64>().ok()),
            parts.next().and_then(|m| m.parse::<f64>().ok()),
        ) else {
            return b.not_in_catalogue(&format!("tier {tier}"));
        };
        b.add(&format!("{cpu} vCPU"), "gcp_sql", "vcpu", cpu * ha);
        b.add(
            &format!("{} GB memory", mem / 1024.0),
            "gcp_sql",
            "memory",
            mem / 1024.0 * ha,
        );
    } else if !b.add(tier, "gcp_sql", tier, ha) {
        return b.not_in_catalogue(&format!("tier {tier}"));
    }
    let gb = get_num(v, "settings.0.disk_size").unwrap_or(10.0);
    let dt = get_str(v, "settings.0.disk_type").unwrap_or("PD_SSD");
    b.add(&format!("{dt} storage"), "gcp_sql_storage", dt, gb * ha);
    b.done()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::estimate::testing::est;

    #[test]
    fn cloud_sql_custom_tier_prices_vcpu_and_memory() {
        let g = est(
            "google_sql_database_instance",
            "google",
            json!({"region": "us-central1", "settings": [{"tier": "db-custom-2-7680", "disk_size": 10}]}),
        );
        // 2 vCPU × 0.0413 × 730 = 60.30; 7.5 GB × 0.007 × 730 = 38.33; 10 GB SSD × 0.17 = 1.70
        assert_eq!(g.monthly, Some(100.33));
    }
}
