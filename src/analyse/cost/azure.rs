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
];

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
