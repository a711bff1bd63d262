//! Offline monthly cost estimates: a dated price catalogue
//! (`policies/cost/prices.json`, embedded) and a price model per resource
//! type, applied to HCL values and to both sides of a plan change.
//!
//! An estimate is never a silent zero: a resource is `priced`, `free` (the
//! provider does not charge for it), `usage-based` (its price depends on
//! traffic or stored bytes tfward cannot see; a usage file can supply them)
//! or `unpriced` with the reason.
//!
//! Layout: `catalogue` (the price list), `usage` (usage figures),
//! `estimate` (one resource: status, components, region, dispatch),
//! `aws`/`azure`/`gcp` (one price model per resource type, a test beside
//! each), and here the plan-wide costs and the documents policies read.

mod aws;
mod azure;
pub mod catalogue;
pub mod estimate;
mod gcp;
pub mod import;
pub mod usage;

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::{json, Value as Json};

use crate::plan::{Change, Loaded};

pub use catalogue::{Catalogue, Item, Price};
pub use estimate::{estimate, region_of, round2, Component, Estimate, Status, Subject};
pub use usage::Usage;

use estimate::get;

/// Cost of one resource change: before, after, delta.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResourceCost {
    pub address: String,
    pub module: String,
    #[serde(rename = "type")]
    pub rtype: String,
    /// create, update, delete, replace, no-op, ...
    pub action: String,
    pub region: String,
    /// 0 when the resource does not exist before (a create); null when
    /// it exists but cannot be priced.
    pub monthly_before: Option<f64>,
    pub monthly_after: Option<f64>,
    pub delta: Option<f64>,
    /// Both existing sides are priced (or free).
    pub priced: bool,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub usage_based: Vec<String>,
    pub notes: Vec<String>,
    pub components: Vec<Component>,
    /// The instance type, volume type or SKU when it changes: (before, after).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size_change: Option<(String, String)>,
}

/// Costs of a whole plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostSummary {
    pub catalogue_date: String,
    pub currency: String,
    pub resources: Vec<ResourceCost>,
    /// Sums over priced resources only.
    pub total_before: f64,
    pub total_after: f64,
    pub total_delta: f64,
    /// Resources with a monthly figure (free ones included).
    pub priced: usize,
    pub free: usize,
    pub unpriced: usize,
    pub usage_based: usize,
}

/// Values by base address of every resource in a plan (for cross-resource
/// lookups such as a function's memory).
fn plan_values(plan: &Loaded) -> HashMap<String, &Json> {
    plan.resources
        .iter()
        .map(|r| (crate::plan::strip_index(&r.address), &r.values))
        .collect()
}

/// Estimates every managed resource change of a plan (no-ops included, so
/// the totals are the whole bill, not only what changes).
pub fn plan_costs(plan: &Loaded, cat: &Catalogue, usage: &Usage) -> CostSummary {
    let others = plan_values(plan);
    let refs: HashMap<&str, &BTreeMap<String, Vec<String>>> = plan
        .resources
        .iter()
        .map(|r| (r.address.as_str(), &r.references))
        .collect();
    // On every worker thread (a tenth of a large plan's scan when serial);
    // the list keeps the changes' order, then sorts as before.
    let mut resources: Vec<ResourceCost> = plan
        .changes
        .par_iter()
        .filter(|c| c.mode == "managed")
        .map(|c| {
            change_cost(
                c,
                plan,
                cat,
                usage,
                refs.get(c.address.as_str()).copied(),
                &others,
            )
        })
        .collect();
    resources.sort_by(|a, b| a.address.cmp(&b.address));
    let sum = |f: fn(&ResourceCost) -> Option<f64>| {
        round2(resources.iter().filter(|r| r.priced).filter_map(f).sum())
    };
    let total_before = sum(|r| r.monthly_before);
    let total_after = sum(|r| r.monthly_after);
    CostSummary {
        catalogue_date: cat.date.clone(),
        currency: cat.currency.clone(),
        priced: resources
            .iter()
            .filter(|r| r.status == Status::Priced)
            .count(),
        free: resources
            .iter()
            .filter(|r| r.status == Status::Free)
            .count(),
        unpriced: resources
            .iter()
            .filter(|r| r.status == Status::Unpriced)
            .count(),
        usage_based: resources
            .iter()
            .filter(|r| r.status == Status::UsageBased)
            .count(),
        total_delta: round2(total_after - total_before),
        total_before,
        total_after,
        resources,
    }
}

fn change_cost(
    c: &Change,
    plan: &Loaded,
    cat: &Catalogue,
    usage: &Usage,
    references: Option<&BTreeMap<String, Vec<String>>>,
    others: &HashMap<String, &Json>,
) -> ResourceCost {
    let provider_region = plan.region_for(&c.address, &c.provider);
    let mut after_unknown = Vec::new();
    crate::plan::true_paths(&c.after_unknown, "", &mut after_unknown);
    let side = |values: &Json, unknown: &[String]| {
        values.is_object().then(|| {
            estimate(
                &Subject {
                    address: &c.address,
                    rtype: &c.rtype,
                    provider: &c.provider,
                    values,
                    unknown,
                    provider_region: provider_region.as_deref(),
                    references,
                    others: Some(others),
                },
                cat,
                usage,
            )
        })
    };
    let before = side(&c.before, &[]);
    let after = side(&c.after, &after_unknown);
    // A side that does not exist costs nothing; one that exists but cannot
    // be priced is null, and so is the delta.
    let monthly = |e: &Option<Estimate>| match e {
        None => Some(0.0),
        Some(e) => e.monthly,
    };
    let (mb, ma) = (monthly(&before), monthly(&after));
    let delta = match (mb, ma) {
        (Some(b), Some(a)) => Some(round2(a - b)),
        _ => None,
    };
    let main = after.as_ref().or(before.as_ref());
    let status = match (&before, &after) {
        (Some(b), Some(a)) => b.status.max(a.status),
        _ => main.map_or(Status::Free, |e| e.status),
    };
    ResourceCost {
        address: c.address.clone(),
        module: c.module.clone(),
        rtype: c.rtype.clone(),
        action: c.kind().to_owned(),
        region: main.map(|e| e.region.clone()).unwrap_or_default(),
        monthly_before: mb,
        monthly_after: ma,
        delta,
        priced: mb.is_some() && ma.is_some(),
        status,
        reason: after
            .as_ref()
            .and_then(|e| e.reason.clone())
            .or_else(|| before.as_ref().and_then(|e| e.reason.clone())),
        usage_based: main.map(|e| e.usage_based.clone()).unwrap_or_default(),
        notes: main.map(|e| e.notes.clone()).unwrap_or_default(),
        components: main.map(|e| e.components.clone()).unwrap_or_default(),
        size_change: size_change(&c.before, &c.after),
    }
}

/// The sizing attribute when it changes between before and after.
fn size_change(before: &Json, after: &Json) -> Option<(String, String)> {
    const SIZE_ATTRS: [&str; 8] = [
        "instance_type",
        "instance_class",
        "node_type",
        "size",
        "vm_size",
        "sku_name",
        "machine_type",
        "type",
    ];
    SIZE_ATTRS.iter().find_map(|a| {
        let b = get(before, a)?;
        let af = get(after, a)?;
        (b != af).then(|| (plain(b), plain(af)))
    })
}

fn plain(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The `input.cost` document: the whole plan's resource costs and totals,
/// in the root module's document only, where plan-wide policies such as
/// budgets run.
pub fn policy_doc(summary: &CostSummary) -> Json {
    // A plan of 100,000 resources: 0.2 s in turn, before its root module's
    // policies can start.
    let resources: Vec<Json> = if summary.resources.len() >= 4096 {
        use rayon::prelude::*;
        summary.resources.par_iter().map(resource_json).collect()
    } else {
        summary.resources.iter().map(resource_json).collect()
    };
    json!({
        "currency": summary.currency,
        "catalogue_date": summary.catalogue_date,
        "resources": resources,
        "total_before": summary.total_before,
        "total_after": summary.total_after,
        "total_delta": summary.total_delta,
    })
}

/// One resource's cost as policies see it (`r.cost`).
pub fn resource_json(r: &ResourceCost) -> Json {
    json!({
        "address": r.address,
        "monthly_before": r.monthly_before,
        "monthly_after": r.monthly_after,
        "delta": r.delta,
        "priced": r.priced,
        "status": r.status,
    })
}

/// Adds `cost` to each managed resource of an HCL module's input document
/// (configuration has no "before": the estimate is the monthly cost).
pub fn annotate_config(doc: &mut Json, cat: &Catalogue, usage: &Usage) {
    let Some(resources) = doc.get_mut("resources").and_then(Json::as_array_mut) else {
        return;
    };
    for r in resources.iter_mut() {
        if r.get("mode").and_then(Json::as_str) != Some("managed") {
            continue;
        }
        let unknown: Vec<String> = r
            .get("unknown")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
            .filter_map(Json::as_str)
            .map(str::to_owned)
            .collect();
        let text = |k: &str| {
            r.get(k)
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let (address, rtype, provider) = (text("address"), text("type"), text("provider"));
        let empty = json!({});
        let values = r.get("values").unwrap_or(&empty);
        let e = estimate(
            &Subject {
                address: &address,
                rtype: &rtype,
                provider: &provider,
                values,
                unknown: &unknown,
                provider_region: None,
                references: None,
                others: None,
            },
            cat,
            usage,
        );
        r["cost"] = json!({
            "address": address,
            "monthly_before": Json::Null,
            "monthly_after": e.monthly,
            "delta": Json::Null,
            "priced": e.monthly.is_some(),
            "status": e.status,
        });
    }
}

/// The plan's monthly cost in a few words: `$310.88 → $512.10 (+$201.22)`,
/// or `not priced (3 resources)` when nothing in it has a price (never a
/// silent $0.00).
pub fn headline(c: &CostSummary) -> String {
    let open = c.unpriced + c.usage_based;
    if c.priced == 0 && open > 0 {
        return format!(
            "not priced ({open} resource{})",
            if open == 1 { "" } else { "s" }
        );
    }
    format!(
        "{} → {} ({})",
        money(c.total_before, false),
        money(c.total_after, false),
        money(c.total_delta, true)
    )
}

/// How much of the plan the figures cover, and the catalogue's date:
/// `5 priced, 2 free, 1 usage-based, 1 not priced (of 9); prices of 2025-01-10`.
pub fn coverage(c: &CostSummary) -> String {
    format!(
        "{} priced, {} free, {} usage-based, {} not priced (of {} resources); list prices of {}",
        c.priced,
        c.free,
        c.usage_based,
        c.unpriced,
        c.resources.len(),
        c.catalogue_date
    )
}

/// Formats money: `$1,234.56`, `-$12.00`, `+$3.50` with `signed`.
pub fn money(v: f64, signed: bool) -> String {
    let v = round2(v);
    let sign = if v < 0.0 {
        "-"
    } else if signed && v > 0.0 {
        "+"
    } else {
        ""
    };
    let cents = (v.abs() * 100.0).round() as u64;
    let (whole, frac) = (cents / 100, cents % 100);
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{sign}${grouped}.{frac:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_formats() {
        assert_eq!(money(1234.5, false), "$1,234.50");
        assert_eq!(money(-12.0, true), "-$12.00");
        assert_eq!(money(3.456, true), "+$3.46");
        assert_eq!(money(0.0, true), "$0.00");
    }
}
