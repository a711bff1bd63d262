//! Azure price models, one function per resource type.

use super::estimate::{get_num, get_str, Builder, Estimate, Model};

/// Resource type -> price model.
pub(super) const MODELS: &[(&str, Model)] = &[
    ("azurerm_linux_virtual_machine", linux_vm),
    (
        "azurerm_linux_virtual_machine_scale_set",
        linux_vm_scale_set,
    ),
    ("azurerm_virtual_machine", virtual_machine),
    ("azurerm_windows_virtual_machine", windows_vm),
    ("azurerm_windows_virtual_machine_scale_set", windows_vm),
    ("azurerm_managed_disk", azure_disk),
    ("azurerm_mssql_database", azure_sql),
    ("azurerm_kubernetes_cluster", aks_cluster),
    ("azurerm_kubernetes_cluster_node_pool", aks_node_pool),
    ("azurerm_service_plan", service_plan),
    ("azurerm_app_service_plan", app_service_plan),
    ("azurerm_postgresql_flexible_server", postgresql_flexible),
    ("azurerm_mysql_flexible_server", mysql_flexible),
    ("azurerm_public_ip", public_ip),
    ("azurerm_lb", load_balancer),
    ("azurerm_nat_gateway", nat_gateway),
    ("azurerm_firewall", firewall),
    ("azurerm_virtual_network_gateway", vpn_gateway),
    ("azurerm_container_registry", container_registry),
    ("azurerm_private_endpoint", private_endpoint),
    ("azurerm_dns_zone", dns_zone),
    ("azurerm_bastion_host", bastion),
    ("azurerm_eventhub_namespace", eventhub_namespace),
    ("azurerm_servicebus_namespace", servicebus_namespace),
    ("azurerm_cosmosdb_sql_database", cosmosdb_throughput),
    ("azurerm_cosmosdb_sql_container", cosmosdb_throughput),
];

fn aks_cluster(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    match get_str(v, "sku_tier").unwrap_or("Free") {
        "Free" => b
            .est
            .notes
            .push("Free tier: no charge for the control plane".into()),
        tier => {
            if !b.add(
                &format!("{tier} tier control plane"),
                "azure_aks",
                tier,
                1.0,
            ) {
                return b.not_in_catalogue(&format!("AKS tier {tier}"));
            }
        }
    }
    if let Some(size) = get_str(v, "default_node_pool.0.vm_size") {
        let n = get_num(v, "default_node_pool.0.node_count")
            .or_else(|| get_num(v, "default_node_pool.0.min_count"))
            .unwrap_or(1.0);
        if !b.add(
            &format!("{n} × {size} default node pool"),
            "azure_vm",
            size,
            n,
        ) {
            b.est
                .notes
                .push(format!("node size {size} is not in the catalogue"));
        }
    }
    b.done()
}

fn aks_node_pool(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let Some(size) = get_str(v, "vm_size") else {
        return b.missing("vm_size");
    };
    if get_str(v, "os_type") == Some("Windows") {
        return b
            .unpriced("Windows node prices include a license and are not in the catalogue".into());
    }
    let n = get_num(v, "node_count")
        .or_else(|| get_num(v, "min_count"))
        .unwrap_or(1.0);
    if !b.add(&format!("{n} × {size} nodes"), "azure_vm", size, n) {
        return b.not_in_catalogue(&format!("VM size {size}"));
    }
    b.done()
}

/// App Service plans: `os_type` Linux or Windows and a SKU (B1, S1, P1v3).
fn plan(mut b: Builder<'_>, sku: Option<&str>, linux: bool, workers: f64) -> Estimate {
    let Some(sku) = sku else {
        return b.missing("sku_name");
    };
    let service = if linux {
        "azure_app_service_linux"
    } else {
        "azure_app_service_windows"
    };
    if sku == "F1" || sku == "Free" {
        return b.done();
    }
    if matches!(sku, "Y1" | "Dynamic") {
        b.usage("executions and GB-seconds (Consumption plan)");
        return b.done();
    }
    if !b.add(&format!("{workers} × {sku}"), service, sku, workers) {
        return b.not_in_catalogue(&format!("App Service plan {sku}"));
    }
    b.done()
}

fn service_plan(b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let linux = get_str(v, "os_type") != Some("Windows");
    let workers = get_num(v, "worker_count").unwrap_or(1.0);
    plan(b, get_str(v, "sku_name"), linux, workers)
}

fn app_service_plan(b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let linux = matches!(get_str(v, "kind"), Some("Linux" | "linux"))
        || v.get("reserved") == Some(&serde_json::Value::Bool(true));
    let workers = get_num(v, "sku.0.capacity").unwrap_or(1.0);
    plan(b, get_str(v, "sku.0.size"), linux, workers)
}

fn flexible(mut b: Builder<'_>, service: &str, storage: &str) -> Estimate {
    let v = b.s.values;
    let Some(sku) = get_str(v, "sku_name") else {
        return b.missing("sku_name");
    };
    let ha = if get_str(v, "high_availability.0.mode").is_some() {
        2.0
    } else {
        1.0
    };
    if !b.add(
        &format!(
            "{sku}{}",
            if ha > 1.0 { " (high availability)" } else { "" }
        ),
        service,
        sku,
        ha,
    ) {
        return b.not_in_catalogue(&format!("flexible server SKU {sku}"));
    }
    let gb = get_num(v, "storage_mb")
        .map(|mb| mb / 1024.0)
        .or_else(|| get_num(v, "storage.0.size_gb"))
        .unwrap_or(32.0);
    b.add(&format!("{gb} GB storage"), service, storage, gb * ha);
    b.done()
}

fn postgresql_flexible(b: Builder<'_>) -> Estimate {
    flexible(b, "azure_postgresql_flexible", "storage")
}

fn mysql_flexible(b: Builder<'_>) -> Estimate {
    flexible(b, "azure_mysql_flexible", "storage")
}

fn public_ip(mut b: Builder<'_>) -> Estimate {
    let sku = get_str(b.s.values, "sku").unwrap_or("Standard");
    if !b.add(&format!("{sku} public IP"), "azure_public_ip", sku, 1.0) {
        return b.not_in_catalogue(&format!("{sku} public IP"));
    }
    b.done()
}

fn load_balancer(mut b: Builder<'_>) -> Estimate {
    if get_str(b.s.values, "sku").unwrap_or("Basic") == "Basic" {
        return b.done();
    }
    b.add(
        "Standard load balancer (first 5 rules)",
        "azure_lb",
        "standard",
        1.0,
    );
    b.by_usage(
        "monthly_data_processed_gb",
        "data processed",
        "azure_lb",
        "data",
        1.0,
    );
    b.done()
}

fn nat_gateway(mut b: Builder<'_>) -> Estimate {
    b.add("NAT gateway", "azure_nat_gateway", "hour", 1.0);
    b.by_usage(
        "monthly_data_processed_gb",
        "data processed",
        "azure_nat_gateway",
        "data",
        1.0,
    );
    b.done()
}

fn firewall(mut b: Builder<'_>) -> Estimate {
    let tier = get_str(b.s.values, "sku_tier").unwrap_or("Standard");
    if !b.add(&format!("{tier} firewall"), "azure_firewall", tier, 1.0) {
        return b.not_in_catalogue(&format!("firewall tier {tier}"));
    }
    b.by_usage(
        "monthly_data_processed_gb",
        "data processed",
        "azure_firewall",
        "data",
        1.0,
    );
    b.done()
}

fn vpn_gateway(mut b: Builder<'_>) -> Estimate {
    let Some(sku) = get_str(b.s.values, "sku") else {
        return b.missing("sku");
    };
    if !b.add(&format!("{sku} gateway"), "azure_vpn_gateway", sku, 1.0) {
        return b.not_in_catalogue(&format!("gateway SKU {sku}"));
    }
    b.done()
}

fn container_registry(mut b: Builder<'_>) -> Estimate {
    let sku = get_str(b.s.values, "sku").unwrap_or("Basic");
    if !b.add(
        &format!("{sku} registry"),
        "azure_container_registry",
        sku,
        1.0,
    ) {
        return b.not_in_catalogue(&format!("registry SKU {sku}"));
    }
    b.done()
}

fn private_endpoint(mut b: Builder<'_>) -> Estimate {
    b.add("private endpoint", "azure_private_endpoint", "hour", 1.0);
    b.by_usage(
        "monthly_data_processed_gb",
        "data processed",
        "azure_private_endpoint",
        "data",
        1.0,
    );
    b.done()
}

fn dns_zone(mut b: Builder<'_>) -> Estimate {
    b.add("DNS zone", "azure_dns", "zone", 1.0);
    b.usage("DNS queries");
    b.done()
}

fn bastion(mut b: Builder<'_>) -> Estimate {
    let sku = get_str(b.s.values, "sku").unwrap_or("Basic");
    if !b.add(&format!("{sku} Bastion"), "azure_bastion", sku, 1.0) {
        return b.not_in_catalogue(&format!("Bastion SKU {sku}"));
    }
    b.done()
}

fn eventhub_namespace(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let sku = get_str(v, "sku").unwrap_or("Standard");
    let units = get_num(v, "capacity").unwrap_or(1.0);
    if !b.add(
        &format!("{units} × {sku} throughput units"),
        "azure_eventhub",
        sku,
        units,
    ) {
        return b.not_in_catalogue(&format!("Event Hubs tier {sku}"));
    }
    b.usage("ingress events");
    b.done()
}

fn servicebus_namespace(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let sku = get_str(v, "sku").unwrap_or("Standard");
    if sku == "Basic" {
        b.usage("operations (Basic tier)");
        return b.done();
    }
    let units = if sku == "Premium" {
        get_num(v, "capacity").unwrap_or(1.0)
    } else {
        1.0
    };
    if !b.add(&format!("{sku} namespace"), "azure_servicebus", sku, units) {
        return b.not_in_catalogue(&format!("Service Bus tier {sku}"));
    }
    b.done()
}

fn cosmosdb_throughput(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    match get_num(v, "throughput") {
        Some(ru) => {
            b.add(
                &format!("{ru} RU/s provisioned"),
                "azure_cosmosdb",
                "ru-100",
                ru / 100.0,
            );
        }
        None if get_num(v, "autoscale_settings.0.max_throughput").is_some() => {
            b.usage("autoscale throughput (billed by the hour's peak)");
        }
        None => b
            .est
            .notes
            .push("throughput set on the database or account".into()),
    }
    b.by_usage(
        "storage_gb",
        "transactional storage",
        "azure_cosmosdb",
        "storage",
        1.0,
    );
    b.done()
}

fn linux_vm(b: Builder<'_>) -> Estimate {
    azure_vm(b, "size", 1.0)
}

fn linux_vm_scale_set(b: Builder<'_>) -> Estimate {
    let n = get_num(b.s.values, "instances").unwrap_or(1.0);
    azure_vm(b, "sku", n)
}

fn virtual_machine(b: Builder<'_>) -> Estimate {
    azure_vm(b, "vm_size", 1.0)
}

fn windows_vm(b: Builder<'_>) -> Estimate {
    b.unpriced("Windows VM prices include a license and are not in the catalogue".into())
}

fn azure_vm(mut b: Builder<'_>, attr: &str, count: f64) -> Estimate {
    let Some(size) = get_str(b.s.values, attr) else {
        return b.missing(attr);
    };
    if !b.add(&format!("{count} × {size}"), "azure_vm", size, count) {
        return b.not_in_catalogue(&format!("VM size {size}"));
    }
    b.est
        .notes
        .push("OS disk priced on its own managed disk only when declared".into());
    b.done()
}

fn azure_disk(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let Some(acct) = get_str(v, "storage_account_type") else {
        return b.missing("storage_account_type");
    };
    let Some(size) = get_num(v, "disk_size_gb") else {
        return b.missing("disk_size_gb");
    };
    // Managed disks bill the smallest tier that holds the size.
    let tier = b
        .cat
        .keys("azure_managed_disk")
        .filter_map(|i| {
            let (a, t) = i.key.split_once('/')?;
            let cap: f64 = i
                .note
                .as_deref()?
                .trim_start_matches("up to ")
                .split(' ')
                .next()?
                .parse()
                .ok()?;
            (a == acct && cap >= size).then(|| (cap as u64, t.to_owned(), i.key.clone()))
        })
        .min();
    let Some((_, tier, key)) = tier else {
        return b.not_in_catalogue(&format!("{acct} disk of {size} GiB"));
    };
    b.add(
        &format!("{tier} {acct} ({size} GiB)"),
        "azure_managed_disk",
        &key,
        1.0,
    );
    b.done()
}

fn azure_sql(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    if get_str(v, "elastic_pool_id").is_some() {
        b.est.notes.push("billed on its elastic pool".into());
        return b.done();
    }
    let Some(sku) = get_str(v, "sku_name") else {
        return b.missing("sku_name");
    };
    if sku.starts_with("GP_S_") {
        b.usage("serverless vCore-seconds");
        return b.done();
    }
    if b.add(&format!("{sku} (DTU)"), "azure_sql_dtu", sku, 1.0) {
        return b.done();
    }
    if !b.add(&format!("{sku} (vCore)"), "azure_sql_vcore", sku, 1.0) {
        return b.not_in_catalogue(&format!("SKU {sku}"));
    }
    let gb = get_num(v, "max_size_gb").unwrap_or(32.0);
    b.add("data storage", "azure_sql_storage", "GP", gb);
    b.done()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::estimate::testing::est;

    #[test]
    fn azure_disk_is_the_smallest_tier_that_holds_the_size() {
        let d = est(
            "azurerm_managed_disk",
            "azurerm",
            json!({"storage_account_type": "Premium_LRS", "disk_size_gb": 200, "location": "East US"}),
        );
        assert_eq!(d.monthly, Some(38.01));
        assert!(d.components[0].name.starts_with("P15"));
    }
}
