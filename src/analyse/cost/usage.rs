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

/// The usage file read when `--usage` is not given, from the current folder.
pub const DEFAULT_FILE: &str = "tfward-usage.yml";

impl Usage {
    /// `tfward-usage.yml` in the current folder, when it is a file (never
    /// through a link: the file is in the repository a change can edit,
    /// and a link could point anywhere).
    pub fn default_file() -> Option<std::path::PathBuf> {
        let p = Path::new(DEFAULT_FILE);
        let m = std::fs::symlink_metadata(p).ok()?;
        m.is_file().then(|| p.to_path_buf())
    }

    /// Reads a usage file (.yml/.yaml or .json); with or without the
    /// `resource_usage` key.
    pub fn load(path: &Path) -> Result<Usage, String> {
        use std::io::Read as _;
        // A usage file is a few KB; a special file (/dev/zero) or a huge
        // one is refused rather than read for ever.
        const MAX: u64 = 4 * 1024 * 1024;
        let err = |e: String| format!("--usage {}: {e}", path.display());
        let meta = std::fs::metadata(path).map_err(|e| err(e.to_string()))?;
        if !meta.is_file() {
            return Err(err("not a regular file".into()));
        }
        let mut text = String::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX + 1).read_to_string(&mut text))
            .map_err(|e| err(e.to_string()))?;
        if text.len() as u64 > MAX {
            return Err(err(format!("larger than {} MiB", MAX / 1024 / 1024)));
        }
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
