//! Usage figures for usage-based prices: requests, stored GB, hours, per
//! resource address (`tfward-usage.yml`, in the spirit of Infracost's usage
//! file).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value as Json;

use super::estimate::num;

/// Per-address usage figures (Infracost-style usage file):
///
/// ```yaml
/// resource_usage:
///   aws_s3_bucket.logs:
///     monthly_storage_gb: 500
///   aws_nat_gateway.main:
///     monthly_data_processed_gb: 200
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Usage {
    pub resources: BTreeMap<String, BTreeMap<String, Json>>,
}

impl Usage {
    /// Reads a usage file (.yml/.yaml or .json); with or without the
    /// `resource_usage` key.
    pub fn load(path: &Path) -> Result<Usage, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("--usage {}: {e}", path.display()))?;
        let is_json = path.extension().is_some_and(|e| e == "json");
        let doc: Json = if is_json {
            serde_json::from_str(&text)
                .map_err(|e| format!("--usage {}: invalid JSON: {e}", path.display()))?
        } else {
            yaml_serde::from_str(&text)
                .map_err(|e| format!("--usage {}: invalid YAML: {e}", path.display()))?
        };
        Usage::from_json(&doc).map_err(|e| format!("--usage {}: {e}", path.display()))
    }

    pub fn from_json(doc: &Json) -> Result<Usage, String> {
        let map = doc.get("resource_usage").unwrap_or(doc);
        let Some(map) = map.as_object() else {
            return Err("expected a map of resource address -> usage figures".into());
        };
        let mut resources = BTreeMap::new();
        for (address, figures) in map {
            if address == "version" {
                continue;
            }
            let Some(figures) = figures.as_object() else {
                return Err(format!("{address}: expected a map of usage figures"));
            };
            resources.insert(
                address.clone(),
                figures
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            );
        }
        Ok(Usage { resources })
    }

    /// A figure for an address, also looked up without the instance key.
    pub(crate) fn get(&self, address: &str, key: &str) -> Option<&Json> {
        let base = crate::plan::strip_index(address);
        [address, base.as_str()]
            .iter()
            .find_map(|a| self.resources.get(*a).and_then(|m| m.get(key)))
    }

    pub(crate) fn number(&self, address: &str, key: &str) -> Option<f64> {
        self.get(address, key).and_then(num)
    }
}
