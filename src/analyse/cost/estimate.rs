//! One resource's monthly estimate: the status, components and notes, the
//! builder every price model uses, the region a resource is priced in, and
//! the dispatch from resource type to its provider's price model.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::Value as Json;

use super::catalogue::Catalogue;
use super::usage::Usage;
use super::{aws, azure, gcp};

/// What kind of estimate this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Priced,
    /// The provider does not charge for this resource.
    Free,
    /// Charged by use; no usage figure was given.
    UsageBased,
    /// tfward has no price for it (see the reason).
    Unpriced,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Priced => "priced",
            Status::Free => "free",
            Status::UsageBased => "usage-based",
            Status::Unpriced => "unpriced",
        }
    }
}

/// One priced line: quantity × unit price.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Component {
    pub name: String,
    pub quantity: f64,
    pub unit: String,
    pub unit_price: f64,
    pub monthly: f64,
}

/// A monthly estimate for one resource in one state.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    pub status: Status,
    /// Null unless priced or free.
    pub monthly: Option<f64>,
    pub region: String,
    pub components: Vec<Component>,
    /// Charges that depend on use and are not included.
    pub usage_based: Vec<String>,
    /// Region fallbacks, parts not priced.
    pub notes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// What the estimator needs to know about one resource.
pub struct Subject<'a> {
    pub address: &'a str,
    pub rtype: &'a str,
    pub provider: &'a str,
    pub values: &'a Json,
    /// Dotted paths known only after apply.
    pub unknown: &'a [String],
    /// The region of the resource's provider configuration, when known.
    pub provider_region: Option<&'a str>,
    /// Attribute -> referenced addresses (for the Lambda function a
    /// provisioned-concurrency config belongs to).
    pub references: Option<&'a BTreeMap<String, Vec<String>>>,
    /// Values of the other resources by base address.
    pub others: Option<&'a HashMap<String, Json>>,
}

/// Types the providers do not charge for.
const FREE_TYPES: &[&str] = &[
    "aws_vpc",
    "aws_subnet",
    "aws_route_table",
    "aws_route_table_association",
    "aws_route",
    "aws_internet_gateway",
    "aws_security_group",
    "aws_security_group_rule",
    "aws_vpc_security_group_ingress_rule",
    "aws_vpc_security_group_egress_rule",
    "aws_network_acl",
    "aws_network_acl_rule",
    "aws_kms_alias",
    "aws_db_subnet_group",
    "aws_db_parameter_group",
    "aws_db_option_group",
    "aws_rds_cluster_parameter_group",
    "aws_elasticache_subnet_group",
    "aws_elasticache_parameter_group",
    "aws_lb_target_group",
    "aws_lb_listener",
    "aws_lb_listener_rule",
    "aws_lb_target_group_attachment",
    "aws_launch_template",
    "aws_key_pair",
    "aws_eip_association",
    "aws_volume_attachment",
    "aws_route53_record",
    "aws_eks_addon",
    "aws_secretsmanager_secret_version",
    "aws_db_event_subscription",
    "aws_ecs_task_definition",
    "aws_ecs_cluster",
    "aws_cloudwatch_event_rule",
    "aws_cloudwatch_event_target",
    "azurerm_resource_group",
    "azurerm_virtual_network",
    "azurerm_subnet",
    "azurerm_network_security_group",
    "azurerm_network_security_rule",
    "azurerm_network_interface",
    "azurerm_role_assignment",
    "azurerm_role_definition",
    "azurerm_subnet_network_security_group_association",
    "azurerm_mssql_server",
    "azurerm_sql_server",
    "azurerm_mssql_firewall_rule",
    "google_compute_network",
    "google_compute_subnetwork",
    "google_compute_firewall",
    "google_service_account",
    "google_sql_database",
    "google_sql_user",
    "google_kms_key_ring",
    "google_project_service",
    "terraform_data",
    "null_resource",
];

/// Prefixes of types the providers do not charge for (configuration
/// sub-resources, identities, generated values).
const FREE_PREFIXES: &[&str] = &[
    "aws_iam_",
    "aws_s3_bucket_",
    "azuread_",
    "random_",
    "time_",
    "tls_",
    "local_",
];

/// Types billed entirely by use, with what drives the bill.
const USAGE_TYPES: &[(&str, &str)] = &[
    ("aws_cloudwatch_log_group", "log ingestion and storage"),
    ("aws_sns_topic", "requests and deliveries"),
    ("aws_sqs_queue", "requests"),
    ("aws_api_gateway_rest_api", "requests"),
    ("aws_apigatewayv2_api", "requests"),
    ("aws_cloudfront_distribution", "requests and data transfer"),
    (
        "aws_secretsmanager_secret",
        "secrets per month and API calls",
    ),
    (
        "azurerm_storage_account",
        "stored GB, operations and transfer",
    ),
    ("azurerm_key_vault", "operations"),
    (
        "google_storage_bucket",
        "stored GB, operations and transfer",
    ),
];

pub(super) struct Builder<'a> {
    pub(super) cat: &'a Catalogue,
    pub(super) usage: &'a Usage,
    pub(super) s: &'a Subject<'a>,
    pub(super) region: String,
    pub(super) est: Estimate,
}

impl<'a> Builder<'a> {
    /// Adds `quantity` units of a catalogue price; false when not found.
    pub(super) fn add(&mut self, name: &str, service: &str, key: &str, quantity: f64) -> bool {
        let Some(p) = self.cat.price(self.s.provider, service, key, &self.region) else {
            return false;
        };
        if p.fallback {
            let note = format!(
                "no {} price for {key} in the catalogue; the {} price is used",
                self.region, p.region
            );
            if !self.est.notes.contains(&note) {
                self.est.notes.push(note);
            }
        }
        let hours = matches!(p.unit.as_str(), "hour" | "vCPU-hour" | "GB-hour");
        let per_month = if hours {
            p.value * self.cat.hours_per_month
        } else {
            p.value
        };
        let unit = if hours {
            format!("{} ({} h/month)", p.unit, self.cat.hours_per_month)
        } else {
            p.unit.clone()
        };
        self.est.components.push(Component {
            name: name.to_owned(),
            quantity,
            unit,
            unit_price: p.value,
            monthly: round2(per_month * quantity),
        });
        true
    }

    pub(super) fn unpriced(mut self, reason: String) -> Estimate {
        self.est.status = Status::Unpriced;
        self.est.monthly = None;
        self.est.components.clear();
        self.est.reason = Some(reason);
        self.est
    }

    /// Why a needed attribute is missing: unknown until apply, or not set.
    pub(super) fn missing(self, attr: &str) -> Estimate {
        let unknown = self
            .s
            .unknown
            .iter()
            .any(|u| u == attr || attr.starts_with(&format!("{u}.")));
        let why = if unknown {
            format!("{attr} is known only after apply")
        } else {
            format!("{attr} is not set")
        };
        self.unpriced(why)
    }

    pub(super) fn not_in_catalogue(self, what: &str) -> Estimate {
        let date = self.cat.date.clone();
        self.unpriced(format!("{what} is not in the price catalogue ({date})"))
    }

    pub(super) fn usage(&mut self, what: &str) {
        self.est.usage_based.push(what.to_owned());
    }

    pub(super) fn done(mut self) -> Estimate {
        let total: f64 = self.est.components.iter().map(|c| c.monthly).sum();
        if self.est.components.is_empty() {
            self.est.status = if self.est.usage_based.is_empty() {
                Status::Free
            } else {
                Status::UsageBased
            };
            self.est.monthly = (self.est.status == Status::Free).then_some(0.0);
        } else {
            self.est.status = Status::Priced;
            self.est.monthly = Some(round2(total));
        }
        self.est
    }
}

pub fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

pub(super) fn num(v: &Json) -> Option<f64> {
    match v {
        Json::Number(n) => n.as_f64(),
        Json::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

pub(super) fn get<'v>(v: &'v Json, path: &str) -> Option<&'v Json> {
    let mut cur = v;
    for seg in path.split('.') {
        cur = match cur {
            Json::Object(m) => m.get(seg)?,
            Json::Array(a) => a.get(seg.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    (!cur.is_null()).then_some(cur)
}

pub(super) fn get_str<'v>(v: &'v Json, path: &str) -> Option<&'v str> {
    get(v, path)
        .and_then(Json::as_str)
        .filter(|s| !s.is_empty())
}

pub(super) fn get_num(v: &Json, path: &str) -> Option<f64> {
    get(v, path).and_then(num)
}

pub(super) fn is_true(v: &Json, path: &str) -> bool {
    matches!(get(v, path), Some(Json::Bool(true))) || get_str(v, path) == Some("true")
}

/// The region a resource lives in: its own attributes first (region,
/// location, zone, availability_zone), then its provider's configuration,
/// then the catalogue's default (with a note).
pub fn region_of(s: &Subject<'_>, cat: &Catalogue) -> (String, Option<String>) {
    let v = s.values;
    let own = get_str(v, "region")
        .map(str::to_owned)
        .or_else(|| get_str(v, "location").map(|l| l.to_lowercase().replace(' ', "")))
        .or_else(|| {
            get_str(v, "availability_zone").map(|z| {
                z.trim_end_matches(|c: char| c.is_ascii_lowercase())
                    .to_owned()
            })
        })
        .or_else(|| {
            get_str(v, "zone")
                .and_then(|z| z.rsplit_once('-'))
                .map(|(r, _)| r.to_owned())
        })
        .filter(|r| !r.is_empty());
    if let Some(r) = own.or_else(|| s.provider_region.map(str::to_owned)) {
        return (r, None);
    }
    let d = cat.default_region(s.provider).to_owned();
    let note = format!("region unknown; {d} (the default region) is assumed");
    (d, Some(note))
}

/// The monthly estimate for one resource's values.
pub fn estimate(s: &Subject<'_>, cat: &Catalogue, usage: &Usage) -> Estimate {
    let (region, region_note) = region_of(s, cat);
    let mut b = Builder {
        cat,
        usage,
        s,
        region: region.clone(),
        est: Estimate {
            status: Status::Free,
            monthly: None,
            region,
            components: Vec::new(),
            usage_based: Vec::new(),
            notes: region_note.into_iter().collect(),
            reason: None,
        },
    };
    let t = s.rtype;
    if FREE_TYPES.contains(&t)
        || FREE_PREFIXES.iter().any(|p| t.starts_with(p))
        || t.contains("_iam_")
    {
        return b.done();
    }
    if let Some((_, what)) = USAGE_TYPES.iter().find(|(ty, _)| *ty == t) {
        b.usage(what);
        return b.done();
    }
    match model(t) {
        Some(price) => price(b),
        None => b.unpriced(format!("tfward has no price model for {t}")),
    }
}

/// A price model: what one resource type costs, from its values.
pub(super) type Model = fn(Builder<'_>) -> Estimate;

/// The price model of a resource type, from the providers' tables.
pub(super) fn model(rtype: &str) -> Option<Model> {
    [aws::MODELS, azure::MODELS, gcp::MODELS]
        .iter()
        .flat_map(|t| t.iter())
        .find(|(ty, _)| *ty == rtype)
        .map(|(_, m)| *m)
}

/// Every resource type with a price model (the priced types).
pub fn priced_types() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = [aws::MODELS, azure::MODELS, gcp::MODELS]
        .iter()
        .flat_map(|t| t.iter().map(|(ty, _)| *ty))
        .collect();
    v.sort_unstable();
    v
}

#[cfg(test)]
pub(super) mod testing {
    //! The estimate of one resource with the embedded catalogue, for the
    //! price models' tests.
    use serde_json::Value as Json;

    use super::{estimate, Catalogue, Estimate, Subject, Usage};

    pub fn est(rtype: &str, provider: &str, values: Json) -> Estimate {
        est_usage(rtype, provider, values, &Usage::default())
    }

    pub fn est_usage(rtype: &str, provider: &str, values: Json, usage: &Usage) -> Estimate {
        estimate(
            &Subject {
                address: "x.y",
                rtype,
                provider,
                values: &values,
                unknown: &[],
                provider_region: None,
                references: None,
                others: None,
            },
            Catalogue::embedded(),
            usage,
        )
    }
}
