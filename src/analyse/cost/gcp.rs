//! Google Cloud price models, one function per resource type.

use super::estimate::{get_num, get_str, Builder, Estimate, Model};

/// Resource type -> price model.
pub(super) const MODELS: &[(&str, Model)] = &[
    ("google_compute_instance", gcp_instance),
    ("google_compute_disk", gcp_disk),
    ("google_sql_database_instance", gcp_sql),
];

fn gcp_instance(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let Some(mt) = get_str(v, "machine_type") else {
        return b.missing("machine_type");
    };
    if !b.add(&format!("machine {mt}"), "gcp_compute", mt, 1.0) {
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
