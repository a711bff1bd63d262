//! The dated price catalogue: `policies/cost/prices.json`, embedded in the
//! binary, or a catalogue built by `tfward prices import`. One line per
//! service and key (an instance type, a volume type) with its unit, a price
//! per region and the public page the figures come from.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// A catalogue installed for this run with `--prices`.
static INSTALLED: OnceLock<Catalogue> = OnceLock::new();

/// The embedded catalogue's text.
pub(crate) const EMBEDDED: &str = include_str!("../../../policies/cost/prices.json");

/// One price line of the catalogue: a service, a key (an instance type, a
/// volume type), its unit and a price per region.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Item {
    pub service: String,
    pub key: String,
    pub unit: String,
    pub prices: BTreeMap<String, f64>,
    /// The public price page the figures come from.
    pub source: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// The dated price catalogue.
#[derive(Debug, Clone, Deserialize)]
pub struct Catalogue {
    pub date: String,
    pub currency: String,
    #[serde(default = "default_hours")]
    pub hours_per_month: f64,
    /// Provider (aws, azurerm, google) -> the region used when a resource's
    /// region is unknown.
    pub default_regions: BTreeMap<String, String>,
    /// Figures deliberately not in the catalogue.
    #[serde(default)]
    pub left_out: Vec<String>,
    pub items: Vec<Item>,
    #[serde(skip)]
    index: HashMap<(String, String), usize>,
}

fn default_hours() -> f64 {
    730.0
}

/// A price found in the catalogue, and the region it is for.
#[derive(Debug, Clone, PartialEq)]
pub struct Price {
    pub value: f64,
    pub unit: String,
    pub region: String,
    /// The resource's region had no price; the default region's was used.
    pub fallback: bool,
    pub source: String,
}

impl Catalogue {
    /// The catalogue in use: the one compiled into the binary, unless
    /// `--prices FILE` installed another for this run ([`Catalogue::install`]).
    pub fn embedded() -> &'static Catalogue {
        if let Some(c) = INSTALLED.get() {
            return c;
        }
        static CAT: OnceLock<Catalogue> = OnceLock::new();
        CAT.get_or_init(|| match Catalogue::parse(EMBEDDED) {
            Ok(c) => c,
            // A test (`embedded_catalogue_parses`) keeps this unreachable.
            Err(e) => Catalogue::empty(&e),
        })
    }

    /// Uses `c` (a catalogue from `tfward prices import`) for the rest of
    /// the process; false when one is already in use.
    pub fn install(c: Catalogue) -> bool {
        INSTALLED.set(c).is_ok()
    }

    /// Reads a catalogue file (`tfward prices import` output).
    pub fn load(path: &std::path::Path) -> Result<Catalogue, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("--prices {}: {e}", path.display()))?;
        Catalogue::parse(&text).map_err(|e| format!("--prices {}: {e}", path.display()))
    }

    fn empty(why: &str) -> Catalogue {
        Catalogue {
            date: "unknown".into(),
            currency: "USD".into(),
            hours_per_month: 730.0,
            default_regions: BTreeMap::new(),
            left_out: vec![format!("the embedded catalogue did not load: {why}")],
            items: Vec::new(),
            index: HashMap::new(),
        }
    }

    pub fn parse(text: &str) -> Result<Catalogue, String> {
        let mut c: Catalogue =
            serde_json::from_str(text).map_err(|e| format!("price catalogue: {e}"))?;
        for (i, it) in c.items.iter().enumerate() {
            if c.index
                .insert((it.service.clone(), it.key.clone()), i)
                .is_some()
            {
                return Err(format!(
                    "price catalogue: {} {} is listed twice",
                    it.service, it.key
                ));
            }
        }
        Ok(c)
    }

    /// The price of `service`/`key` in `region`, else in the provider's
    /// default region (flagged as a fallback).
    pub fn price(&self, provider: &str, service: &str, key: &str, region: &str) -> Option<Price> {
        let item = &self.items[*self.index.get(&(service.to_owned(), key.to_owned()))?];
        let make = |region: &str, value: f64, fallback: bool| Price {
            value,
            unit: item.unit.clone(),
            region: region.to_owned(),
            fallback,
            source: item.source.clone(),
        };
        if let Some(v) = item.prices.get(region) {
            return Some(make(region, *v, false));
        }
        let default = self.default_region(provider);
        item.prices.get(default).map(|v| make(default, *v, true))
    }

    pub fn default_region(&self, provider: &str) -> &str {
        self.default_regions
            .get(provider)
            .map_or("", String::as_str)
    }

    /// Keys of one service (Azure disk tiers are chosen by size).
    pub(crate) fn keys<'a>(&'a self, service: &'a str) -> impl Iterator<Item = &'a Item> {
        self.items.iter().filter(move |i| i.service == service)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_catalogue_parses() {
        let c = Catalogue::parse(EMBEDDED).expect("prices.json parses");
        assert_eq!(c.currency, "USD");
        assert!(c.date.len() == 10 && c.items.len() > 150);
        for it in &c.items {
            assert!(
                it.source.starts_with("https://"),
                "{} {} has no source page",
                it.service,
                it.key
            );
            assert!(
                it.prices.values().all(|p| *p > 0.0),
                "{} {}",
                it.service,
                it.key
            );
        }
        for p in ["aws", "azurerm", "google"] {
            assert!(!c.default_region(p).is_empty());
        }
    }
}
