//! Cost optimisation: savings a change could make on its planned state
//! (gp2 -> gp3, previous-generation families, NAT gateways, lifecycle
//! rules), priced from the catalogue where the figure is known.

use serde::Serialize;
use serde_json::Value as Json;

use crate::analyse::cost::{self, Catalogue, CostSummary, Status};
use crate::plan::Loaded;

#[derive(Debug, Clone, Serialize)]
pub struct Hint {
    pub address: String,
    pub text: String,
    /// Estimated monthly saving, when it can be computed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_saving: Option<f64>,
}

/// Previous-generation families and what replaces them.
const PREVIOUS_GEN: &[(&str, &str)] = &[
    ("t2.", "t3 (or t4g on Graviton)"),
    ("m4.", "m6i (or m7g on Graviton)"),
    ("m3.", "m6i"),
    ("c4.", "c6i"),
    ("c3.", "c6i"),
    ("r4.", "r6i"),
    ("r3.", "r6i"),
    ("db.t2.", "db.t3 / db.t4g"),
    ("db.m4.", "db.m6i / db.m6g"),
    ("db.r4.", "db.r6i / db.r6g"),
    ("cache.t2.", "cache.t3 / cache.t4g"),
    ("cache.m4.", "cache.m6g"),
    ("Standard_D2_v2", "Standard_D2s_v5"),
    ("n1-", "n2 / n2d / e2"),
];

/// Cost optimisation hints on the planned state.
pub fn hints(plan: &Loaded, costs: &CostSummary, cat: &Catalogue) -> Vec<Hint> {
    let mut out = Vec::new();
    let region_of = |address: &str| {
        costs
            .resources
            .iter()
            .find(|r| r.address == address)
            .map(|r| r.region.clone())
            .unwrap_or_else(|| cat.default_region("aws").to_owned())
    };
    let gp2_saving = |gb: f64, region: &str| {
        let gp2 = cat.price("aws", "aws_ebs", "gp2", region)?.value;
        let gp3 = cat.price("aws", "aws_ebs", "gp3", region)?.value;
        Some(cost::round2((gp2 - gp3) * gb))
    };
    let nat: Vec<&str> = plan
        .resources
        .iter()
        .filter(|r| r.rtype == "aws_nat_gateway" && r.mode == "managed")
        .map(|r| r.address.as_str())
        .collect();
    for r in plan.resources.iter().filter(|r| r.mode == "managed") {
        let v = &r.values;
        match r.rtype.as_str() {
            "aws_ebs_volume" if v.get("type").and_then(Json::as_str).unwrap_or("gp2") == "gp2" => {
                let gb = v.get("size").and_then(Json::as_f64).unwrap_or(0.0);
                out.push(Hint {
                    address: r.address.clone(),
                    text: format!("gp2 volume ({gb} GB): gp3 costs ~20% less per GB with a 3,000 IOPS baseline"),
                    monthly_saving: gp2_saving(gb, &region_of(&r.address)),
                });
            }
            "aws_instance" => {
                let root = &v["root_block_device"][0];
                if root.get("volume_type").and_then(Json::as_str) == Some("gp2") {
                    let gb = root.get("volume_size").and_then(Json::as_f64).unwrap_or(0.0);
                    out.push(Hint {
                        address: r.address.clone(),
                        text: format!("gp2 root volume ({gb} GB): set volume_type = \"gp3\""),
                        monthly_saving: gp2_saving(gb, &region_of(&r.address)),
                    });
                }
            }
            "aws_db_instance" if v.get("storage_type").and_then(Json::as_str) == Some("gp2") => out.push(Hint {
                address: r.address.clone(),
                text: "gp2 database storage: gp3 has the same price per GB and a 3,000 IOPS / 125 MB/s baseline at any size"
                    .into(),
                monthly_saving: None,
            }),
            _ => {}
        }
        for attr in [
            "instance_type",
            "instance_class",
            "node_type",
            "vm_size",
            "size",
            "machine_type",
        ] {
            let Some(t) = v.get(attr).and_then(Json::as_str) else {
                continue;
            };
            if let Some((_, next)) = PREVIOUS_GEN.iter().find(|(p, _)| t.starts_with(p)) {
                out.push(Hint {
                    address: r.address.clone(),
                    text: format!("{t} is a previous-generation type: {next} costs the same or less for more performance"),
                    monthly_saving: None,
                });
            }
        }
    }
    if nat.len() > 1 {
        let each = cat
            .price("aws", "aws_nat_gateway", "hour", &region_of(nat[0]))
            .map(|p| p.value * cat.hours_per_month)
            .unwrap_or(0.0);
        out.push(Hint {
            address: nat.join(", "),
            text: format!(
                "{} NAT gateways (one per AZ) at {}/month each before data processing: keep them for production \
                 resilience, share one in non-production environments",
                nat.len(),
                cost::money(each, false)
            ),
            monthly_saving: Some(cost::round2(each * (nat.len() - 1) as f64)),
        });
    }
    for r in costs
        .resources
        .iter()
        .filter(|r| r.status == Status::UsageBased && r.action != "delete")
    {
        if r.rtype == "aws_nat_gateway" {
            continue;
        }
        if r.rtype == "aws_s3_bucket" {
            out.push(Hint {
                address: r.address.clone(),
                text: "S3 storage is usage-based: a lifecycle rule to STANDARD_IA/GLACIER_IR for cold objects cuts it by 45–80%"
                    .into(),
                monthly_saving: None,
            });
        }
    }
    out.sort_by(|a, b| a.address.cmp(&b.address).then_with(|| a.text.cmp(&b.text)));
    out
}
