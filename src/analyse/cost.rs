//! Offline monthly cost estimates: a dated price catalogue
//! (`policies/cost/prices.json`, embedded) and a price model per resource
//! type, applied to HCL values and to both sides of a plan change.
//!
//! An estimate is never a silent zero: a resource is `priced`, `free` (the
//! provider does not charge for it), `usage-based` (its price depends on
//! traffic or stored bytes tfward cannot see; a usage file can supply them)
//! or `unpriced` with the reason.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value as Json};

use crate::plan::{Change, Loaded};

/// The embedded catalogue's text.
const EMBEDDED: &str = include_str!("../../policies/cost/prices.json");

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
    /// The catalogue compiled into the binary.
    pub fn embedded() -> &'static Catalogue {
        static CAT: OnceLock<Catalogue> = OnceLock::new();
        CAT.get_or_init(|| match Catalogue::parse(EMBEDDED) {
            Ok(c) => c,
            // A test (`embedded_catalogue_parses`) keeps this unreachable.
            Err(e) => Catalogue::empty(&e),
        })
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
    fn keys<'a>(&'a self, service: &'a str) -> impl Iterator<Item = &'a Item> {
        self.items.iter().filter(move |i| i.service == service)
    }
}

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
    fn get(&self, address: &str, key: &str) -> Option<&Json> {
        let base = crate::plan::strip_index(address);
        [address, base.as_str()]
            .iter()
            .find_map(|a| self.resources.get(*a).and_then(|m| m.get(key)))
    }

    fn number(&self, address: &str, key: &str) -> Option<f64> {
        self.get(address, key).and_then(num)
    }
}

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

struct Builder<'a> {
    cat: &'a Catalogue,
    usage: &'a Usage,
    s: &'a Subject<'a>,
    region: String,
    est: Estimate,
}

impl<'a> Builder<'a> {
    /// Adds `quantity` units of a catalogue price; false when not found.
    fn add(&mut self, name: &str, service: &str, key: &str, quantity: f64) -> bool {
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

    fn unpriced(mut self, reason: String) -> Estimate {
        self.est.status = Status::Unpriced;
        self.est.monthly = None;
        self.est.components.clear();
        self.est.reason = Some(reason);
        self.est
    }

    /// Why a needed attribute is missing: unknown until apply, or not set.
    fn missing(self, attr: &str) -> Estimate {
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

    fn not_in_catalogue(self, what: &str) -> Estimate {
        let date = self.cat.date.clone();
        self.unpriced(format!("{what} is not in the price catalogue ({date})"))
    }

    fn usage(&mut self, what: &str) {
        self.est.usage_based.push(what.to_owned());
    }

    fn done(mut self) -> Estimate {
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

fn num(v: &Json) -> Option<f64> {
    match v {
        Json::Number(n) => n.as_f64(),
        Json::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn get<'v>(v: &'v Json, path: &str) -> Option<&'v Json> {
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

fn get_str<'v>(v: &'v Json, path: &str) -> Option<&'v str> {
    get(v, path)
        .and_then(Json::as_str)
        .filter(|s| !s.is_empty())
}

fn get_num(v: &Json, path: &str) -> Option<f64> {
    get(v, path).and_then(num)
}

fn is_true(v: &Json, path: &str) -> bool {
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
    match t {
        "aws_instance" => aws_instance(b),
        "aws_ebs_volume" => aws_ebs_volume(b),
        "aws_db_instance" => aws_db_instance(b),
        "aws_rds_cluster_instance" => aws_rds_cluster_instance(b),
        "aws_rds_cluster" => aws_rds_cluster(b),
        "aws_nat_gateway" => aws_nat_gateway(b),
        "aws_lb" | "aws_alb" => aws_lb(b),
        "aws_elb" => aws_elb(b),
        "aws_eks_cluster" => {
            b.add("cluster", "aws_eks", "cluster", 1.0);
            b.done()
        }
        "aws_kms_key" => {
            b.add("customer managed key", "aws_kms", "key", 1.0);
            b.usage("API requests");
            b.done()
        }
        "aws_ssm_parameter" => {
            if get_str(s.values, "tier").is_some_and(|t| t != "Standard") {
                b.unpriced("advanced SSM parameters are not in the catalogue".into())
            } else {
                b.done()
            }
        }
        "aws_cloudwatch_metric_alarm" => {
            let metrics = s.values.get("metric_query").and_then(Json::as_array).map_or(1, Vec::len).max(1);
            b.add("alarm metrics", "aws_cloudwatch", "alarm", metrics as f64);
            b.done()
        }
        "aws_eip" => {
            b.add("public IPv4 address", "aws_eip", "ipv4", 1.0);
            b.done()
        }
        "aws_route53_zone" => {
            b.add("hosted zone", "aws_route53", "hosted-zone", 1.0);
            b.usage("DNS queries");
            b.done()
        }
        "aws_elasticache_cluster" => aws_elasticache(b, "num_cache_nodes"),
        "aws_elasticache_replication_group" => aws_elasticache(b, ""),
        "aws_opensearch_domain" | "aws_elasticsearch_domain" => aws_opensearch(b),
        "aws_lambda_function" => aws_lambda_function(b),
        "aws_lambda_provisioned_concurrency_config" => aws_lambda_pc(b),
        "aws_s3_bucket" => aws_s3_bucket(b),
        "aws_dynamodb_table" => {
            if get_str(s.values, "billing_mode") == Some("PROVISIONED") {
                b.not_in_catalogue("DynamoDB provisioned capacity")
            } else {
                b.usage("read/write requests and stored GB");
                b.done()
            }
        }
        "aws_autoscaling_group" => b.unpriced(
            "instances launched by an Auto Scaling group depend on its scaling; price the launch template's \
             instance type × desired_capacity by hand"
                .into(),
        ),
        "azurerm_linux_virtual_machine" => azure_vm(b, "size", 1.0),
        "azurerm_linux_virtual_machine_scale_set" => {
            let n = get_num(s.values, "instances").unwrap_or(1.0);
            azure_vm(b, "sku", n)
        }
        "azurerm_virtual_machine" => azure_vm(b, "vm_size", 1.0),
        "azurerm_windows_virtual_machine" | "azurerm_windows_virtual_machine_scale_set" => {
            b.unpriced("Windows VM prices include a license and are not in the catalogue".into())
        }
        "azurerm_managed_disk" => azure_disk(b),
        "azurerm_mssql_database" => azure_sql(b),
        "google_compute_instance" => gcp_instance(b),
        "google_compute_disk" => gcp_disk(b),
        "google_sql_database_instance" => gcp_sql(b),
        _ => b.unpriced(format!("tfward has no price model for {t}")),
    }
}

fn aws_instance(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let Some(it) = get_str(v, "instance_type") else {
        return b.missing("instance_type");
    };
    if !b.add(&format!("instance {it}"), "aws_ec2_instance", it, 1.0) {
        return b.not_in_catalogue(&format!("instance type {it}"));
    }
    if get_str(v, "tenancy").is_some_and(|t| t != "default") {
        b.est
            .notes
            .push("dedicated tenancy surcharge not included".into());
    }
    match get_num(v, "root_block_device.0.volume_size") {
        Some(size) => {
            let vt = get_str(v, "root_block_device.0.volume_type").unwrap_or("gp2");
            ebs(&mut b, "root volume", vt, size, &v["root_block_device"][0]);
        }
        None => b
            .est
            .notes
            .push("root volume size comes from the AMI and is not priced".into()),
    }
    for (i, d) in v
        .get("ebs_block_device")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        if let Some(size) = get_num(d, "volume_size") {
            let vt = get_str(d, "volume_type").unwrap_or("gp2");
            ebs(&mut b, &format!("ebs_block_device {i}"), vt, size, d);
        }
    }
    b.done()
}

/// Prices an EBS volume (size, and IOPS/throughput where billed).
fn ebs(b: &mut Builder<'_>, name: &str, vt: &str, size: f64, d: &Json) {
    if !b.add(&format!("{name} {vt} storage"), "aws_ebs", vt, size) {
        b.est
            .notes
            .push(format!("{name}: volume type {vt} is not in the catalogue"));
        return;
    }
    match vt {
        "gp3" => {
            let iops = get_num(d, "iops").unwrap_or(3000.0);
            if iops > 3000.0 {
                b.add(
                    &format!("{name} gp3 IOPS above 3000"),
                    "aws_ebs",
                    "gp3-iops",
                    iops - 3000.0,
                );
            }
            let tp = get_num(d, "throughput").unwrap_or(125.0);
            if tp > 125.0 {
                b.add(
                    &format!("{name} gp3 throughput above 125 MB/s"),
                    "aws_ebs",
                    "gp3-throughput",
                    tp - 125.0,
                );
            }
        }
        "io1" | "io2" => match get_num(d, "iops") {
            Some(iops) => {
                b.add(
                    &format!("{name} {vt} provisioned IOPS"),
                    "aws_ebs",
                    &format!("{vt}-iops"),
                    iops,
                );
            }
            None => b
                .est
                .notes
                .push(format!("{name}: {vt} IOPS not set; not priced")),
        },
        _ => {}
    }
}

fn aws_ebs_volume(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let Some(size) = get_num(v, "size") else {
        return b.missing("size");
    };
    let vt = get_str(v, "type").unwrap_or("gp2");
    if b.cat.price("aws", "aws_ebs", vt, &b.region).is_none() {
        return b.not_in_catalogue(&format!("volume type {vt}"));
    }
    ebs(&mut b, "volume", vt, size, v);
    b.done()
}

fn aws_db_instance(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let Some(engine) = get_str(v, "engine") else {
        return b.missing("engine");
    };
    let service = match engine {
        "mysql" | "mariadb" => "aws_rds_mysql",
        "postgres" => "aws_rds_postgres",
        e if e.starts_with("oracle") || e.starts_with("sqlserver") => {
            return b.unpriced(format!(
                "engine {e} is license-dependent and not in the catalogue"
            ))
        }
        e => return b.not_in_catalogue(&format!("engine {e}")),
    };
    let Some(class) = get_str(v, "instance_class") else {
        return b.missing("instance_class");
    };
    let az = if is_true(v, "multi_az") { 2.0 } else { 1.0 };
    let label = if az > 1.0 {
        format!("{class} ({engine}, Multi-AZ)")
    } else {
        format!("{class} ({engine})")
    };
    if !b.add(&label, service, class, az) {
        return b.not_in_catalogue(&format!("{engine} instance class {class}"));
    }
    if let Some(gb) = get_num(v, "allocated_storage") {
        let iops = get_num(v, "iops");
        let st = get_str(v, "storage_type").unwrap_or(if iops.is_some() { "io1" } else { "gp2" });
        if b.add(&format!("{st} storage"), "aws_rds_storage", st, gb * az) {
            if let (Some(iops), "io1") = (iops, st) {
                b.add("provisioned IOPS", "aws_rds_storage", "io1-iops", iops * az);
            }
        } else {
            b.est
                .notes
                .push(format!("storage type {st} is not in the catalogue"));
        }
    }
    b.usage("backup storage beyond the instance's size");
    b.done()
}

fn aws_rds_cluster_instance(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let engine = get_str(v, "engine").unwrap_or("aurora-mysql");
    if !engine.starts_with("aurora") {
        return b.not_in_catalogue(&format!("cluster engine {engine}"));
    }
    let Some(class) = get_str(v, "instance_class") else {
        return b.missing("instance_class");
    };
    if !b.add(&format!("{class} ({engine})"), "aws_aurora", class, 1.0) {
        return b.not_in_catalogue(&format!("Aurora instance class {class}"));
    }
    b.done()
}

fn aws_rds_cluster(mut b: Builder<'_>) -> Estimate {
    let addr = b.s.address;
    match b.usage.number(addr, "monthly_storage_gb") {
        Some(gb) => {
            b.add("Aurora storage", "aws_aurora_storage", "standard", gb);
        }
        None => b.usage("storage GB (set monthly_storage_gb in the usage file)"),
    }
    b.usage("I/O requests");
    b.est
        .notes
        .push("instances are priced on aws_rds_cluster_instance".into());
    b.done()
}

fn aws_nat_gateway(mut b: Builder<'_>) -> Estimate {
    b.add("NAT gateway", "aws_nat_gateway", "hour", 1.0);
    match b.usage.number(b.s.address, "monthly_data_processed_gb") {
        Some(gb) => {
            b.add("data processed", "aws_nat_gateway", "data", gb);
        }
        None => b.usage("data processed per GB (set monthly_data_processed_gb)"),
    }
    b.done()
}

fn aws_lb(mut b: Builder<'_>) -> Estimate {
    let kind = get_str(b.s.values, "load_balancer_type").unwrap_or("application");
    let (key, cu, cu_name) = match kind {
        "application" => ("application", "lcu", "LCU"),
        "network" => ("network", "nlcu", "NLCU"),
        other => return b.not_in_catalogue(&format!("{other} load balancer")),
    };
    b.add(&format!("{kind} load balancer"), "aws_lb", key, 1.0);
    match b.usage.number(b.s.address, "capacity_units") {
        Some(n) => {
            b.add(
                &format!("{cu_name}-hours (average {n})"),
                "aws_lb",
                cu,
                n * b.cat.hours_per_month,
            );
        }
        None => b.usage(&format!(
            "{cu_name}-hours (set capacity_units: average per hour)"
        )),
    }
    b.done()
}

fn aws_elb(mut b: Builder<'_>) -> Estimate {
    b.add("classic load balancer", "aws_lb", "classic", 1.0);
    b.usage("data processed per GB");
    b.done()
}

fn aws_elasticache(mut b: Builder<'_>, count_attr: &str) -> Estimate {
    let v = b.s.values;
    let Some(node) = get_str(v, "node_type") else {
        if get_str(v, "replication_group_id").is_some() {
            b.est
                .notes
                .push("nodes are priced on the replication group".into());
            return b.done();
        }
        return b.missing("node_type");
    };
    let n = if count_attr.is_empty() {
        get_num(v, "num_cache_clusters")
            .or_else(|| get_num(v, "number_cache_clusters"))
            .or_else(|| {
                let groups = get_num(v, "num_node_groups")?;
                Some(groups * (get_num(v, "replicas_per_node_group").unwrap_or(0.0) + 1.0))
            })
            .unwrap_or(1.0)
    } else {
        get_num(v, count_attr).unwrap_or(1.0)
    };
    if !b.add(&format!("{n} × {node}"), "aws_elasticache", node, n) {
        return b.not_in_catalogue(&format!("node type {node}"));
    }
    b.done()
}

fn aws_opensearch(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let Some(it) = get_str(v, "cluster_config.0.instance_type") else {
        return b.missing("cluster_config.0.instance_type");
    };
    let n = get_num(v, "cluster_config.0.instance_count").unwrap_or(1.0);
    if !b.add(&format!("{n} × {it}"), "aws_opensearch", it, n) {
        return b.not_in_catalogue(&format!("instance type {it}"));
    }
    if is_true(v, "cluster_config.0.dedicated_master_enabled") {
        let mt = get_str(v, "cluster_config.0.dedicated_master_type").unwrap_or(it);
        let mn = get_num(v, "cluster_config.0.dedicated_master_count").unwrap_or(3.0);
        if !b.add(
            &format!("{mn} × {mt} dedicated masters"),
            "aws_opensearch",
            mt,
            mn,
        ) {
            b.est.notes.push(format!(
                "dedicated master type {mt} is not in the catalogue"
            ));
        }
    }
    if get_num(v, "ebs_options.0.volume_size").is_some() {
        b.est
            .notes
            .push("EBS storage of the domain is not in the catalogue; not priced".into());
    }
    b.done()
}

fn aws_lambda_function(mut b: Builder<'_>) -> Estimate {
    let addr = b.s.address;
    let mem_gb = get_num(b.s.values, "memory_size").unwrap_or(128.0) / 1024.0;
    match b.usage.number(addr, "monthly_requests") {
        Some(req) => {
            b.add(
                "requests (millions)",
                "aws_lambda",
                "requests",
                req / 1_000_000.0,
            );
            let ms = b.usage.number(addr, "request_duration_ms").unwrap_or(0.0);
            if ms > 0.0 {
                b.add(
                    "duration (GB-seconds)",
                    "aws_lambda",
                    "duration",
                    req * ms / 1000.0 * mem_gb,
                );
            }
        }
        None => b.usage("requests and duration (set monthly_requests, request_duration_ms)"),
    }
    b.done()
}

fn aws_lambda_pc(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let Some(n) = get_num(v, "provisioned_concurrent_executions") else {
        return b.missing("provisioned_concurrent_executions");
    };
    // The memory is the function's: follow the function_name reference.
    let memory =
        b.s.references
            .and_then(|r| r.get("function_name"))
            .into_iter()
            .flatten()
            .find_map(|a| b.s.others.and_then(|o| o.get(a)))
            .and_then(|f| get_num(f, "memory_size"));
    let mem_mb = match memory {
        Some(m) => m,
        None => {
            b.est
                .notes
                .push("function memory unknown; 128 MB (the default) assumed".into());
            128.0
        }
    };
    let seconds = b.cat.hours_per_month * 3600.0;
    b.add(
        &format!("{n} × {mem_mb} MB provisioned (GB-seconds)"),
        "aws_lambda",
        "provisioned-concurrency",
        n * mem_mb / 1024.0 * seconds,
    );
    b.usage("requests and duration");
    b.done()
}

fn aws_s3_bucket(mut b: Builder<'_>) -> Estimate {
    let addr = b.s.address;
    match b.usage.number(addr, "monthly_storage_gb") {
        Some(gb) => {
            let class = b
                .usage
                .get(addr, "storage_class")
                .and_then(Json::as_str)
                .unwrap_or("STANDARD")
                .to_owned();
            if !b.add(&format!("{class} storage"), "aws_s3", &class, gb) {
                return b.not_in_catalogue(&format!("S3 storage class {class}"));
            }
        }
        None => b.usage("storage GB (set monthly_storage_gb in the usage file)"),
    }
    b.usage("requests and data transfer");
    b.done()
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

// ---------------------------------------------------------------- plans

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
    pub unpriced: usize,
    pub usage_based: usize,
}

/// Values by base address of every resource in a plan (for cross-resource
/// lookups such as a function's memory).
fn plan_values(plan: &Loaded) -> HashMap<String, Json> {
    plan.resources
        .iter()
        .map(|r| (crate::plan::strip_index(&r.address), r.values.clone()))
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
    let mut resources = Vec::new();
    for c in plan.changes.iter().filter(|c| c.mode == "managed") {
        resources.push(change_cost(
            c,
            plan,
            cat,
            usage,
            refs.get(c.address.as_str()).copied(),
            &others,
        ));
    }
    resources.sort_by(|a, b| a.address.cmp(&b.address));
    let sum = |f: fn(&ResourceCost) -> Option<f64>| {
        round2(resources.iter().filter(|r| r.priced).filter_map(f).sum())
    };
    let total_before = sum(|r| r.monthly_before);
    let total_after = sum(|r| r.monthly_after);
    CostSummary {
        catalogue_date: cat.date.clone(),
        currency: cat.currency.clone(),
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
    others: &HashMap<String, Json>,
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
/// the same in every module's document (plan-wide policies such as budgets
/// run on the root module's document only).
pub fn policy_doc(summary: &CostSummary) -> Json {
    let resources: Vec<Json> = summary.resources.iter().map(resource_json).collect();
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

    fn est(rtype: &str, provider: &str, values: Json) -> Estimate {
        est_usage(rtype, provider, values, &Usage::default())
    }

    fn est_usage(rtype: &str, provider: &str, values: Json, usage: &Usage) -> Estimate {
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

    #[test]
    fn instance_price_is_hourly_price_times_730() {
        let e = est(
            "aws_instance",
            "aws",
            json!({"instance_type": "m5.large", "availability_zone": "us-east-1a"}),
        );
        assert_eq!(e.status, Status::Priced);
        assert_eq!(e.region, "us-east-1");
        assert_eq!(e.monthly, Some(round2(0.096 * 730.0)));
        let eu = est(
            "aws_instance",
            "aws",
            json!({"instance_type": "m5.large", "availability_zone": "eu-west-1b"}),
        );
        assert_eq!(eu.monthly, Some(round2(0.107 * 730.0)));
    }

    #[test]
    fn unknown_region_uses_default_and_says_so() {
        let e = est("aws_instance", "aws", json!({"instance_type": "t3.micro"}));
        assert_eq!(e.region, "us-east-1");
        assert!(
            e.notes.iter().any(|n| n.contains("default region")),
            "{:?}",
            e.notes
        );
        let fallback = est(
            "aws_instance",
            "aws",
            json!({"instance_type": "m7g.large", "region": "eu-west-1"}),
        );
        assert!(
            fallback
                .notes
                .iter()
                .any(|n| n.contains("us-east-1 price is used")),
            "{:?}",
            fallback.notes
        );
    }

    #[test]
    fn gp3_extra_iops_and_throughput() {
        let e = est(
            "aws_ebs_volume",
            "aws",
            json!({"type": "gp3", "size": 100, "iops": 4000, "throughput": 250}),
        );
        // 100 GB × 0.08 + 1000 IOPS × 0.005 + 125 MB/s × 0.04
        assert_eq!(e.monthly, Some(8.0 + 5.0 + 5.0));
        let io1 = est(
            "aws_ebs_volume",
            "aws",
            json!({"type": "io1", "size": 100, "iops": 1000}),
        );
        assert_eq!(io1.monthly, Some(12.5 + 65.0));
    }

    #[test]
    fn rds_multi_az_doubles() {
        let v = json!({"engine": "postgres", "instance_class": "db.m5.large", "allocated_storage": 100, "storage_type": "gp3", "multi_az": true});
        let e = est("aws_db_instance", "aws", v);
        assert_eq!(
            e.monthly,
            Some(round2(0.178 * 730.0 * 2.0 + 100.0 * 0.115 * 2.0))
        );
    }

    #[test]
    fn unpriced_and_usage_based_are_never_zero() {
        let e = est(
            "aws_instance",
            "aws",
            json!({"instance_type": "x2iedn.32xlarge"}),
        );
        assert_eq!(e.status, Status::Unpriced);
        assert_eq!(e.monthly, None);
        assert!(e
            .reason
            .as_deref()
            .is_some_and(|r| r.contains("not in the price catalogue")));
        let s3 = est("aws_s3_bucket", "aws", json!({"bucket": "b"}));
        assert_eq!((s3.status, s3.monthly), (Status::UsageBased, None));
        let other = est("aws_glue_job", "aws", json!({}));
        assert!(other
            .reason
            .as_deref()
            .is_some_and(|r| r.contains("no price model")));
        let free = est("aws_security_group", "aws", json!({}));
        assert_eq!((free.status, free.monthly), (Status::Free, Some(0.0)));
    }

    #[test]
    fn usage_file_prices_storage() {
        let usage =
            Usage::from_json(&json!({"resource_usage": {"x.y": {"monthly_storage_gb": 1000}}}))
                .expect("usage");
        let e = est_usage("aws_s3_bucket", "aws", json!({}), &usage);
        assert_eq!(e.status, Status::Priced);
        assert_eq!(e.monthly, Some(23.0));
        assert_eq!(e.usage_based, ["requests and data transfer"]);
    }

    #[test]
    fn azure_disk_tier_and_gcp_sql_custom() {
        let d = est(
            "azurerm_managed_disk",
            "azurerm",
            json!({"storage_account_type": "Premium_LRS", "disk_size_gb": 200, "location": "East US"}),
        );
        assert_eq!(d.monthly, Some(38.01));
        assert!(d.components[0].name.starts_with("P15"));
        let g = est(
            "google_sql_database_instance",
            "google",
            json!({"region": "us-central1", "settings": [{"tier": "db-custom-2-7680", "disk_size": 10}]}),
        );
        // 2 vCPU × 0.0413 × 730 = 60.30; 7.5 GB × 0.007 × 730 = 38.33; 10 GB SSD × 0.17 = 1.70
        assert_eq!(g.monthly, Some(100.33));
    }

    #[test]
    fn money_formats() {
        assert_eq!(money(1234.5, false), "$1,234.50");
        assert_eq!(money(-12.0, true), "-$12.00");
        assert_eq!(money(3.456, true), "+$3.46");
        assert_eq!(money(0.0, true), "$0.00");
    }
}
