//! Who depends on whom in a plan: for each resource, the resources whose
//! configuration references it or whose prior state depends on it (the
//! blast radius of changing it).

use std::collections::{BTreeSet, HashMap};

use crate::plan::{strip_index, Loaded};

/// Base address -> the addresses that reference it (configuration
/// references and prior-state dependencies).
pub fn dependents(plan: &Loaded) -> HashMap<String, Vec<String>> {
    let mut map: HashMap<String, BTreeSet<String>> = HashMap::new();
    for r in &plan.resources {
        let me = strip_index(&r.address);
        for refs in r.references.values() {
            for target in refs {
                let full = if r.module.is_empty() || target.starts_with("module.") {
                    target.clone()
                } else {
                    format!("{}.{target}", strip_index(&r.module))
                };
                if full != me {
                    map.entry(full).or_default().insert(r.address.clone());
                }
            }
        }
    }
    for (address, deps) in &plan.prior_dependencies {
        let me = strip_index(address);
        for target in deps {
            if *target != me {
                map.entry(target.clone())
                    .or_default()
                    .insert(address.clone());
            }
        }
    }
    map.into_iter()
        .map(|(k, v)| (k, v.into_iter().collect()))
        .collect()
}
