//! Public exposure: whether a resource's values open it to the internet
//! (open security-group and firewall rules, public endpoints, public ACLs
//! and IPs), and exposure that drift introduced outside Terraform.

use serde_json::Value as Json;

use crate::plan::Loaded;

use super::rollback::truthy;

/// Public exposure that drift introduced (the actual object is more open
/// than the recorded state).
pub fn drift_exposure(plan: &Loaded) -> Vec<String> {
    plan.drift
        .iter()
        .filter_map(|d| {
            let now = public_exposure(&d.rtype, &d.after)?;
            let was = public_exposure(&d.rtype, &d.before);
            (was.as_deref() != Some(now.as_str())).then(|| {
                let fixed = plan
                    .changes
                    .iter()
                    .find(|c| c.address == d.address)
                    .and_then(|c| public_exposure(&c.rtype, &c.after))
                    .is_none_or(|after| after != now);
                let tail = if fixed {
                    "this plan removes it"
                } else {
                    "this plan keeps it"
                };
                format!("{} was opened outside Terraform: {now}; {tail}", d.address)
            })
        })
        .collect()
}

pub fn strings(v: Option<&Json>) -> Vec<&str> {
    match v {
        Some(Json::Array(a)) => a.iter().filter_map(Json::as_str).collect(),
        Some(Json::String(s)) => vec![s.as_str()],
        _ => Vec::new(),
    }
}

pub const OPEN: [&str; 2] = ["0.0.0.0/0", "::/0"];

/// Why these values expose something to the internet, if they do.
pub fn public_exposure(rtype: &str, v: &Json) -> Option<String> {
    if !v.is_object() {
        return None;
    }
    let open_rule = |r: &Json| {
        strings(r.get("cidr_blocks"))
            .into_iter()
            .chain(strings(r.get("ipv6_cidr_blocks")))
            .find(|c| OPEN.contains(c))
            .map(|c| {
                let from = r.get("from_port").map(Json::to_string).unwrap_or_default();
                let to = r.get("to_port").map(Json::to_string).unwrap_or_default();
                let ports = if from == to {
                    format!("port {from}")
                } else {
                    format!("ports {from}-{to}")
                };
                format!("ingress from {c} on {ports}")
            })
    };
    match rtype {
        "aws_security_group" => {
            let open: Vec<String> = v
                .get("ingress")
                .and_then(Json::as_array)
                .into_iter()
                .flatten()
                .filter_map(open_rule)
                .collect();
            (!open.is_empty()).then(|| open.join("; "))
        }
        "aws_security_group_rule" if v.get("type").and_then(Json::as_str) == Some("ingress") => {
            open_rule(v)
        }
        "aws_vpc_security_group_ingress_rule" => strings(v.get("cidr_ipv4"))
            .into_iter()
            .chain(strings(v.get("cidr_ipv6")))
            .find(|c| OPEN.contains(c))
            .map(|c| format!("ingress from {c}")),
        "aws_db_instance" | "aws_rds_cluster_instance"
            if truthy(v, "publicly_accessible") == Some(true) =>
        {
            Some("publicly_accessible = true: the database gets a public endpoint".into())
        }
        "aws_lb" | "aws_alb" | "aws_elb" if truthy(v, "internal") == Some(false) => {
            Some("internet-facing load balancer".into())
        }
        "aws_instance" if truthy(v, "associate_public_ip_address") == Some(true) => {
            Some("instance gets a public IP address".into())
        }
        "aws_eip" | "azurerm_public_ip" => Some("allocates a public IP address".into()),
        "aws_s3_bucket_acl" => v
            .get("acl")
            .and_then(Json::as_str)
            .filter(|a| a.starts_with("public-"))
            .map(|a| format!("bucket ACL {a}")),
        "aws_s3_bucket_public_access_block" => [
            "block_public_acls",
            "block_public_policy",
            "ignore_public_acls",
            "restrict_public_buckets",
        ]
        .iter()
        .find(|k| truthy(v, k) == Some(false))
        .map(|k| format!("{k} = false")),
        "google_compute_firewall" => strings(v.get("source_ranges"))
            .into_iter()
            .find(|c| OPEN.contains(c))
            .map(|c| format!("firewall allows {c}")),
        "azurerm_network_security_rule" => {
            let inbound = v.get("direction").and_then(Json::as_str) == Some("Inbound");
            let allow = v.get("access").and_then(Json::as_str) == Some("Allow");
            let src = v
                .get("source_address_prefix")
                .and_then(Json::as_str)
                .unwrap_or_default();
            (inbound && allow && matches!(src, "*" | "Internet" | "0.0.0.0/0"))
                .then(|| format!("inbound allowed from {src}"))
        }
        _ => None,
    }
}
