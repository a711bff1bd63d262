//! Cost optimisation: savings a change could make on its planned state,
//! priced from the catalogue where both sides have a price — gp2 -> gp3,
//! previous-generation families -> current, Graviton equivalents, one NAT
//! gateway per AZ outside production, provisioned IOPS gp3 can serve, log
//! buckets without lifecycle rules. The policy-like ones are also findings
//! in the cost category (TFW-COST-0003..0007).

use serde::Serialize;
use serde_json::Value as Json;

use crate::analyse::cost::{self, Catalogue, CostSummary};
use crate::plan::{JsonResource, Loaded};

#[derive(Debug, Clone, Serialize)]
pub struct Hint {
    pub address: String,
    pub text: String,
    /// Estimated monthly saving, when it can be computed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_saving: Option<f64>,
    /// gp2-to-gp3, previous-generation, graviton, nat-per-az,
    /// provisioned-iops, log-lifecycle.
    #[serde(default)]
    pub kind: &'static str,
}

/// Previous-generation EC2 families and the current family of the same shape.
const PREVIOUS_GEN: &[(&str, &str)] = &[
    ("t2", "t3"),
    ("m3", "m6i"),
    ("m4", "m6i"),
    ("c3", "c6i"),
    ("c4", "c6i"),
    ("r3", "r6i"),
    ("r4", "r6i"),
];

/// x86 families and their Graviton equivalent.
const GRAVITON: &[(&str, &str)] = &[
    ("t3", "t4g"),
    ("m5", "m6g"),
    ("m6i", "m7g"),
    ("m7i", "m7g"),
    ("c5", "c7g"),
    ("c6i", "c7g"),
    ("r5", "r6g"),
    ("r6i", "r7g"),
];

/// Database and cache classes of a previous generation.
const PREVIOUS_CLASSES: &[(&str, &str)] = &[
    ("db.t2.", "db.t3 / db.t4g"),
    ("db.m4.", "db.m6i / db.m6g"),
    ("db.r4.", "db.r6i / db.r6g"),
    ("cache.t2.", "cache.t3 / cache.t4g"),
    ("cache.m4.", "cache.m6g"),
    ("cache.r4.", "cache.r6g"),
];

struct Ctx<'a> {
    costs: &'a CostSummary,
    cat: &'a Catalogue,
}

impl Ctx<'_> {
    fn region(&self, address: &str) -> String {
        self.costs
            .resources
            .iter()
            .find(|r| r.address == address)
            .map(|r| r.region.clone())
            .filter(|r| !r.is_empty())
            .unwrap_or_else(|| self.cat.default_region("aws").to_owned())
    }

    /// The monthly price of a catalogue line in a region (hourly lines × the
    /// catalogue's hours).
    fn monthly(&self, service: &str, key: &str, region: &str) -> Option<f64> {
        let p = self.cat.price("aws", service, key, region)?;
        Some(if p.unit == "hour" {
            p.value * self.cat.hours_per_month
        } else {
            p.value
        })
    }

    /// Monthly saving of moving `count` instances from one type to another,
    /// both priced in one region (the default one when either has no
    /// figure for the resource's region).
    fn instance_saving(&self, from: &str, to: &str, count: f64, region: &str) -> Option<f64> {
        let same_region = |r: &str| {
            let a = self.cat.price("aws", "aws_ec2_instance", from, r)?;
            let b = self.cat.price("aws", "aws_ec2_instance", to, r)?;
            (!a.fallback && !b.fallback).then_some((a.value, b.value))
        };
        let (a, b) = same_region(region).or_else(|| same_region(self.cat.default_region("aws")))?;
        (a > b).then(|| cost::round2((a - b) * self.cat.hours_per_month * count))
    }
}

fn family_size(t: &str) -> Option<(&str, &str)> {
    t.split_once('.')
}

fn num(v: &Json, key: &str) -> Option<f64> {
    v.get(key).and_then(Json::as_f64)
}

fn text<'v>(v: &'v Json, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Json::as_str)
}

/// Cost optimisation hints on the planned state.
pub fn hints(plan: &Loaded, costs: &CostSummary, cat: &Catalogue) -> Vec<Hint> {
    let ctx = Ctx { costs, cat };
    let mut out = Vec::new();
    for r in plan.resources.iter().filter(|r| r.mode == "managed") {
        storage_hints(&ctx, r, &mut out);
        instance_hints(&ctx, r, &mut out);
    }
    nat_hint(&ctx, plan, &mut out);
    log_bucket_hints(plan, &mut out);
    out.sort_by(|a, b| a.address.cmp(&b.address).then_with(|| a.text.cmp(&b.text)));
    out
}

fn gp2_saving(ctx: &Ctx<'_>, gb: f64, region: &str) -> Option<f64> {
    let gp2 = ctx.monthly("aws_ebs", "gp2", region)?;
    let gp3 = ctx.monthly("aws_ebs", "gp3", region)?;
    Some(cost::round2((gp2 - gp3) * gb))
}

fn storage_hints(ctx: &Ctx<'_>, r: &JsonResource, out: &mut Vec<Hint>) {
    let v = &r.values;
    let region = ctx.region(&r.address);
    let push = |out: &mut Vec<Hint>, kind, text: String, saving| {
        out.push(Hint {
            address: r.address.clone(),
            text,
            monthly_saving: saving,
            kind,
        })
    };
    match r.rtype.as_str() {
        "aws_ebs_volume" => {
            let gb = num(v, "size").unwrap_or(0.0);
            let vt = text(v, "type").unwrap_or("gp2");
            if vt == "gp2" {
                push(
                    out,
                    "gp2-to-gp3",
                    format!("gp2 volume ({gb} GB): change `type` to \"gp3\" in place; gp3 costs ~20% less per GB with a 3,000 IOPS baseline"),
                    gp2_saving(ctx, gb, &region),
                );
            }
            if let (true, Some(iops)) = (matches!(vt, "io1" | "io2"), num(v, "iops")) {
                if iops <= 16000.0 {
                    let io = ctx.monthly("aws_ebs", vt, &region).zip(ctx.monthly("aws_ebs", &format!("{vt}-iops"), &region));
                    let gp3 = ctx.monthly("aws_ebs", "gp3", &region).zip(ctx.monthly("aws_ebs", "gp3-iops", &region));
                    let saving = io.zip(gp3).map(|((io_gb, io_iops), (g_gb, g_iops))| {
                        let before = io_gb * gb + io_iops * iops;
                        let after = g_gb * gb + g_iops * (iops - 3000.0).max(0.0);
                        cost::round2(before - after)
                    });
                    push(
                        out,
                        "provisioned-iops",
                        format!("{vt} volume with {iops} provisioned IOPS: gp3 serves up to 16,000 IOPS (3,000 included, the rest at a fraction of the {vt} IOPS price)"),
                        saving,
                    );
                }
            }
        }
        "aws_instance" => {
            for (i, d) in std::iter::once(&v["root_block_device"][0])
                .chain(v.get("ebs_block_device").and_then(Json::as_array).into_iter().flatten())
                .enumerate()
            {
                if text(d, "volume_type") == Some("gp2") {
                    let gb = num(d, "volume_size").unwrap_or(0.0);
                    let which = if i == 0 { "root volume".to_owned() } else { format!("ebs_block_device {}", i - 1) };
                    push(
                        out,
                        "gp2-to-gp3",
                        format!("gp2 {which} ({gb} GB): set `volume_type = \"gp3\"`"),
                        gp2_saving(ctx, gb, &region),
                    );
                }
            }
        }
        "aws_db_instance" if text(v, "storage_type") == Some("gp2") => push(
            out,
            "gp2-to-gp3",
            "gp2 database storage: gp3 has the same price per GB and a 3,000 IOPS / 125 MB/s baseline at any size".into(),
            None,
        ),
        _ => {}
    }
}

fn instance_hints(ctx: &Ctx<'_>, r: &JsonResource, out: &mut Vec<Hint>) {
    let v = &r.values;
    let region = ctx.region(&r.address);
    let (types, count): (Vec<&str>, f64) = match r.rtype.as_str() {
        "aws_instance" | "aws_launch_template" => {
            (text(v, "instance_type").into_iter().collect(), 1.0)
        }
        "aws_eks_node_group" => (
            v.get("instance_types")
                .and_then(Json::as_array)
                .into_iter()
                .flatten()
                .filter_map(Json::as_str)
                .take(1)
                .collect(),
            v["scaling_config"][0]
                .get("desired_size")
                .and_then(Json::as_f64)
                .unwrap_or(1.0),
        ),
        "aws_db_instance" | "aws_rds_cluster_instance" => {
            if let Some(c) = text(v, "instance_class") {
                class_hint(r, c, out);
            }
            return;
        }
        "aws_elasticache_cluster" | "aws_elasticache_replication_group" => {
            if let Some(c) = text(v, "node_type") {
                class_hint(r, c, out);
            }
            return;
        }
        _ => return,
    };
    for t in types {
        let Some((family, size)) = family_size(t) else {
            continue;
        };
        if let Some((_, next)) = PREVIOUS_GEN.iter().find(|(p, _)| *p == family) {
            let to = format!("{next}.{size}");
            out.push(Hint {
                address: r.address.clone(),
                text: format!("`{t}` is a previous-generation type: `{to}` costs the same or less for more performance"),
                monthly_saving: ctx.instance_saving(t, &to, count, &region),
                kind: "previous-generation",
            });
        }
        if let Some((_, arm)) = GRAVITON.iter().find(|(p, _)| *p == family) {
            let to = format!("{arm}.{size}");
            let saving = ctx.instance_saving(t, &to, count, &region);
            if saving.is_some() {
                out.push(Hint {
                    address: r.address.clone(),
                    text: format!("Graviton: `{to}` has the shape of `{t}` for less, if the workload runs on arm64"),
                    monthly_saving: saving,
                    kind: "graviton",
                });
            }
        }
    }
}

fn class_hint(r: &JsonResource, class: &str, out: &mut Vec<Hint>) {
    if let Some((_, next)) = PREVIOUS_CLASSES.iter().find(|(p, _)| class.starts_with(p)) {
        out.push(Hint {
            address: r.address.clone(),
            text: format!("`{class}` is a previous-generation class: {next} costs the same or less for more performance"),
            monthly_saving: None,
            kind: "previous-generation",
        });
    }
}

/// The environment a resource's tags name, lowercased.
fn environment(r: &JsonResource) -> Option<String> {
    let tags = r.values.get("tags_all").or_else(|| r.values.get("tags"))?;
    ["Environment", "environment", "Env", "env", "Stage", "stage"]
        .iter()
        .find_map(|k| tags.get(*k).and_then(Json::as_str))
        .map(str::to_lowercase)
}

fn nat_hint(ctx: &Ctx<'_>, plan: &Loaded, out: &mut Vec<Hint>) {
    let nat: Vec<&JsonResource> = plan
        .resources
        .iter()
        .filter(|r| r.rtype == "aws_nat_gateway" && r.mode == "managed")
        .collect();
    if nat.len() < 2 {
        return;
    }
    let production = nat
        .iter()
        .filter_map(|r| environment(r))
        .any(|e| e.starts_with("prod") || e == "prd" || e == "live");
    if production {
        return;
    }
    let region = ctx.region(&nat[0].address);
    let each = ctx.monthly("aws_nat_gateway", "hour", &region);
    let addresses: Vec<&str> = nat.iter().map(|r| r.address.as_str()).collect();
    let env = nat.iter().find_map(|r| environment(r)).map_or_else(
        || "an environment not tagged as production".to_owned(),
        |e| format!("a `{e}` environment"),
    );
    out.push(Hint {
        address: addresses.join(", "),
        text: format!(
            "{} NAT gateways (one per AZ) in {env}, at {}/month each before data processing: share one outside production",
            nat.len(),
            each.map_or_else(|| "an unpriced amount".to_owned(), |e| cost::money(e, false)),
        ),
        monthly_saving: each.map(|e| cost::round2(e * (nat.len() - 1) as f64)),
        kind: "nat-per-az",
    });
}

fn log_bucket_hints(plan: &Loaded, out: &mut Vec<Hint>) {
    let managed = || plan.resources.iter().filter(|r| r.mode == "managed");
    let targets: Vec<&str> = managed()
        .filter(|r| r.rtype == "aws_s3_bucket_logging")
        .filter_map(|r| text(&r.values, "target_bucket"))
        .collect();
    let with_lifecycle: Vec<&str> = managed()
        .filter(|r| r.rtype == "aws_s3_bucket_lifecycle_configuration")
        .filter_map(|r| text(&r.values, "bucket"))
        .collect();
    for r in managed().filter(|r| r.rtype == "aws_s3_bucket") {
        let Some(name) = text(&r.values, "bucket") else {
            continue;
        };
        let inline = r
            .values
            .get("lifecycle_rule")
            .and_then(Json::as_array)
            .is_some_and(|a| !a.is_empty());
        if targets.contains(&name) && !with_lifecycle.contains(&name) && !inline {
            out.push(Hint {
                address: r.address.clone(),
                text: "log bucket without a lifecycle rule: move logs to GLACIER_IR after 30 days and expire them after the retention period (~80% less per GB)".into(),
                monthly_saving: None,
                kind: "log-lifecycle",
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::cost::{plan_costs, Usage};
    use crate::plan::JsonKind;
    use serde_json::json;

    fn resource(address: &str, rtype: &str, values: Json) -> JsonResource {
        JsonResource {
            address: address.into(),
            module: String::new(),
            mode: "managed".into(),
            rtype: rtype.into(),
            name: "x".into(),
            provider: "aws".into(),
            values,
            unknown: Vec::new(),
            sensitive: Vec::new(),
            change: None,
            drift: None,
            references: Default::default(),
        }
    }

    #[test]
    fn previous_generation_graviton_iops_and_nat_are_priced() {
        let mut plan = Loaded::empty(JsonKind::Plan, "1.2".into(), "1.9.5".into());
        plan.resources = vec![
            resource(
                "aws_instance.old",
                "aws_instance",
                json!({"instance_type": "m4.large"}),
            ),
            resource(
                "aws_instance.x86",
                "aws_instance",
                json!({"instance_type": "m6i.large"}),
            ),
            resource(
                "aws_ebs_volume.db",
                "aws_ebs_volume",
                json!({"type": "io1", "size": 100, "iops": 5000}),
            ),
            resource(
                "aws_nat_gateway.a",
                "aws_nat_gateway",
                json!({"tags": {"Environment": "dev"}}),
            ),
            resource(
                "aws_nat_gateway.b",
                "aws_nat_gateway",
                json!({"tags": {"Environment": "dev"}}),
            ),
        ];
        let cat = Catalogue::embedded();
        let costs = plan_costs(&plan, cat, &Usage::default());
        let h = hints(&plan, &costs, cat);
        let find = |kind: &str, addr: &str| {
            h.iter()
                .find(|x| x.kind == kind && x.address.starts_with(addr))
                .and_then(|x| x.monthly_saving)
        };
        // m4.large $0.100/h -> m6i.large $0.096/h: 0.004 × 730
        assert_eq!(find("previous-generation", "aws_instance.old"), Some(2.92));
        // m6i.large $0.096 -> m7g.large $0.0816: 0.0144 × 730
        assert_eq!(find("graviton", "aws_instance.x86"), Some(10.51));
        // io1: 100 × 0.125 + 5000 × 0.065 = 337.50; gp3: 100 × 0.08 + 2000 × 0.005 = 18
        assert_eq!(find("provisioned-iops", "aws_ebs_volume.db"), Some(319.5));
        assert_eq!(find("nat-per-az", "aws_nat_gateway.a"), Some(32.85));
    }
}
