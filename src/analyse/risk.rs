//! Explainable risk scores (0–100) for each resource change and for the
//! change set. A score is a sum of named contributions, each kept as a
//! reason, so a reviewer can check every point (formula: docs/risk.md).

use serde::Serialize;

use crate::finding::Severity;

/// What a resource is, as far as the damage of changing it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sensitivity {
    EncryptionKey,
    Identity,
    DataStore,
    NetworkExposure,
    Dns,
    Compute,
}

impl Sensitivity {
    pub fn as_str(self) -> &'static str {
        match self {
            Sensitivity::EncryptionKey => "encryption key",
            Sensitivity::Identity => "identity/IAM",
            Sensitivity::DataStore => "data store",
            Sensitivity::NetworkExposure => "network exposure",
            Sensitivity::Dns => "DNS",
            Sensitivity::Compute => "compute",
        }
    }

    /// Points for changing (update, delete, replace) such a resource;
    /// creating one earns half.
    pub fn points(self) -> u32 {
        match self {
            Sensitivity::EncryptionKey => 30,
            Sensitivity::Identity | Sensitivity::DataStore => 25,
            Sensitivity::NetworkExposure => 20,
            Sensitivity::Dns => 15,
            Sensitivity::Compute => 8,
        }
    }

    /// What the change may do, in a reviewer's words.
    fn consequence(self, kind: &str) -> &'static str {
        let destructive = matches!(kind, "delete" | "replace");
        match (self, destructive) {
            (Sensitivity::DataStore, true) => "data loss possible",
            (Sensitivity::DataStore, false) => "stored data's settings change",
            (Sensitivity::EncryptionKey, true) => {
                "data encrypted under the key becomes unreadable once deletion completes"
            }
            (Sensitivity::EncryptionKey, false) => "key settings change",
            (Sensitivity::Identity, _) => "access rights change",
            (Sensitivity::NetworkExposure, true) => "connectivity is interrupted",
            (Sensitivity::NetworkExposure, false) => "reachability changes",
            (Sensitivity::Dns, true) => "names stop resolving",
            (Sensitivity::Dns, false) => "name resolution changes",
            (Sensitivity::Compute, true) => "workload is stopped or restarted",
            (Sensitivity::Compute, false) => "workload settings change",
        }
    }
}

/// Type prefixes by class; the longest matching prefix wins.
const CLASSES: &[(&str, Sensitivity)] = &[
    ("aws_kms_", Sensitivity::EncryptionKey),
    ("aws_secretsmanager_", Sensitivity::EncryptionKey),
    ("aws_acm_certificate", Sensitivity::EncryptionKey),
    ("azurerm_key_vault", Sensitivity::EncryptionKey),
    ("google_kms_", Sensitivity::EncryptionKey),
    ("google_secret_manager_", Sensitivity::EncryptionKey),
    ("aws_iam_", Sensitivity::Identity),
    ("aws_organizations_", Sensitivity::Identity),
    ("aws_ssoadmin_", Sensitivity::Identity),
    ("azuread_", Sensitivity::Identity),
    ("azurerm_role_", Sensitivity::Identity),
    ("azurerm_user_assigned_identity", Sensitivity::Identity),
    ("google_service_account", Sensitivity::Identity),
    ("google_project_iam_", Sensitivity::Identity),
    ("google_organization_iam_", Sensitivity::Identity),
    ("aws_db_instance", Sensitivity::DataStore),
    ("aws_rds_cluster", Sensitivity::DataStore),
    ("aws_dynamodb_table", Sensitivity::DataStore),
    ("aws_s3_bucket", Sensitivity::DataStore),
    ("aws_s3_bucket_", Sensitivity::DataStore),
    ("aws_s3_bucket_policy", Sensitivity::Identity),
    (
        "aws_s3_bucket_public_access_block",
        Sensitivity::NetworkExposure,
    ),
    ("aws_s3_bucket_acl", Sensitivity::NetworkExposure),
    ("aws_efs_file_system", Sensitivity::DataStore),
    ("aws_ebs_volume", Sensitivity::DataStore),
    ("aws_elasticache_", Sensitivity::DataStore),
    ("aws_opensearch_domain", Sensitivity::DataStore),
    ("aws_elasticsearch_domain", Sensitivity::DataStore),
    ("aws_redshift_cluster", Sensitivity::DataStore),
    ("aws_docdb_cluster", Sensitivity::DataStore),
    ("aws_neptune_cluster", Sensitivity::DataStore),
    ("azurerm_mssql_", Sensitivity::DataStore),
    ("azurerm_sql_", Sensitivity::DataStore),
    ("azurerm_storage_account", Sensitivity::DataStore),
    ("azurerm_storage_container", Sensitivity::DataStore),
    ("azurerm_cosmosdb_", Sensitivity::DataStore),
    ("azurerm_postgresql_", Sensitivity::DataStore),
    ("azurerm_mysql_", Sensitivity::DataStore),
    ("azurerm_managed_disk", Sensitivity::DataStore),
    ("google_sql_", Sensitivity::DataStore),
    ("google_storage_bucket", Sensitivity::DataStore),
    ("google_storage_bucket_iam", Sensitivity::Identity),
    ("google_bigquery_", Sensitivity::DataStore),
    ("google_compute_disk", Sensitivity::DataStore),
    ("google_spanner_", Sensitivity::DataStore),
    ("aws_security_group", Sensitivity::NetworkExposure),
    ("aws_vpc_security_group_", Sensitivity::NetworkExposure),
    ("aws_network_acl", Sensitivity::NetworkExposure),
    ("aws_lb", Sensitivity::NetworkExposure),
    ("aws_alb", Sensitivity::NetworkExposure),
    ("aws_elb", Sensitivity::NetworkExposure),
    ("aws_internet_gateway", Sensitivity::NetworkExposure),
    ("aws_nat_gateway", Sensitivity::NetworkExposure),
    ("aws_route", Sensitivity::NetworkExposure),
    ("aws_vpc", Sensitivity::NetworkExposure),
    ("aws_subnet", Sensitivity::NetworkExposure),
    ("aws_eip", Sensitivity::NetworkExposure),
    ("aws_api_gateway", Sensitivity::NetworkExposure),
    ("aws_apigatewayv2", Sensitivity::NetworkExposure),
    ("aws_cloudfront_", Sensitivity::NetworkExposure),
    ("aws_wafv2_", Sensitivity::NetworkExposure),
    ("azurerm_network_security_", Sensitivity::NetworkExposure),
    ("azurerm_public_ip", Sensitivity::NetworkExposure),
    ("azurerm_lb", Sensitivity::NetworkExposure),
    ("azurerm_application_gateway", Sensitivity::NetworkExposure),
    ("azurerm_firewall", Sensitivity::NetworkExposure),
    ("azurerm_virtual_network", Sensitivity::NetworkExposure),
    ("azurerm_subnet", Sensitivity::NetworkExposure),
    ("google_compute_firewall", Sensitivity::NetworkExposure),
    (
        "google_compute_forwarding_rule",
        Sensitivity::NetworkExposure,
    ),
    (
        "google_compute_global_forwarding_rule",
        Sensitivity::NetworkExposure,
    ),
    ("google_compute_network", Sensitivity::NetworkExposure),
    ("google_compute_subnetwork", Sensitivity::NetworkExposure),
    ("google_compute_router", Sensitivity::NetworkExposure),
    ("aws_route53_", Sensitivity::Dns),
    ("azurerm_dns_", Sensitivity::Dns),
    ("azurerm_private_dns_", Sensitivity::Dns),
    ("google_dns_", Sensitivity::Dns),
    ("cloudflare_record", Sensitivity::Dns),
    ("aws_instance", Sensitivity::Compute),
    ("aws_launch_template", Sensitivity::Compute),
    ("aws_autoscaling_", Sensitivity::Compute),
    ("aws_ecs_", Sensitivity::Compute),
    ("aws_eks_", Sensitivity::Compute),
    ("aws_lambda_", Sensitivity::Compute),
    ("azurerm_linux_virtual_machine", Sensitivity::Compute),
    ("azurerm_windows_virtual_machine", Sensitivity::Compute),
    ("azurerm_virtual_machine", Sensitivity::Compute),
    ("azurerm_kubernetes_", Sensitivity::Compute),
    ("google_compute_instance", Sensitivity::Compute),
    ("google_container_", Sensitivity::Compute),
    ("google_cloudfunctions", Sensitivity::Compute),
    ("google_cloud_run_", Sensitivity::Compute),
];

/// The sensitivity class of a resource type, if any.
pub fn classify(rtype: &str) -> Option<Sensitivity> {
    let by_table = CLASSES
        .iter()
        .filter(|(p, _)| rtype.starts_with(p))
        .max_by_key(|(p, _)| p.len())
        .map(|(_, c)| *c);
    // IAM bindings of any service (google_storage_bucket_iam_member,
    // google_kms_crypto_key_iam_binding) change who has access.
    if rtype.contains("_iam_") {
        return Some(Sensitivity::Identity);
    }
    by_table
}

/// Score bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Low,
    Medium,
    High,
    Critical,
}

impl Level {
    pub fn of(score: u32) -> Level {
        match score {
            0..=24 => Level::Low,
            25..=49 => Level::Medium,
            50..=74 => Level::High,
            _ => Level::Critical,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
            Level::Critical => "critical",
        }
    }
}

/// One contribution to a score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub points: u32,
    pub text: String,
}

/// Everything known about one resource change that bears on its risk.
#[derive(Debug, Clone, Default)]
pub struct ChangeFacts {
    pub address: String,
    pub rtype: String,
    /// create, update, delete, replace, read, no-op, forget.
    pub kind: String,
    /// Severities of the findings on this resource.
    pub findings: Vec<Severity>,
    pub drifted: bool,
    /// Monthly cost delta, when priced.
    pub cost_delta: Option<f64>,
    /// Addresses of the resources that reference this one.
    pub dependents: Vec<String>,
    /// Items needing approval on this change (public exposure, IAM
    /// widening), in a reviewer's words.
    pub approvals: Vec<String>,
}

/// The risk of one resource change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResourceRisk {
    pub address: String,
    #[serde(rename = "type")]
    pub rtype: String,
    pub action: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sensitivity: Option<Sensitivity>,
    pub score: u32,
    pub level: Level,
    pub reasons: Vec<Reason>,
    /// The reasons in one line: "replaces aws_db_instance.main: data loss
    /// possible; 7 resources depend on it; 1 HIGH finding".
    pub summary: String,
}

/// The risk of the whole change set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeSetRisk {
    pub score: u32,
    pub level: Level,
    pub reasons: Vec<Reason>,
    /// Highest score first, then by address.
    pub resources: Vec<ResourceRisk>,
}

/// Points for the action itself.
pub fn action_points(kind: &str) -> u32 {
    match kind {
        "replace" => 45,
        "delete" => 40,
        "update" => 15,
        "forget" => 10,
        "create" => 5,
        _ => 0,
    }
}

fn verb(kind: &str) -> &'static str {
    match kind {
        "replace" => "replaces",
        "delete" => "deletes",
        "update" => "updates",
        "create" => "creates",
        "forget" => "forgets (removes from state, keeps the object)",
        "read" => "reads",
        _ => "leaves",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Scores one resource change.
pub fn score_change(f: &ChangeFacts) -> ResourceRisk {
    let mut reasons = Vec::new();
    let mut summary_parts = Vec::new();
    let action = action_points(&f.kind);
    reasons.push(Reason {
        points: action,
        text: format!("{} {}", verb(&f.kind), f.address),
    });
    let sensitivity = classify(&f.rtype);
    if let Some(class) = sensitivity.filter(|_| action > 0) {
        let pts = if f.kind == "create" {
            class.points() / 2
        } else {
            class.points()
        };
        let consequence = match (f.kind.as_str(), class) {
            ("create", _) => "new",
            ("update", Sensitivity::EncryptionKey) if f.rtype.contains("secret") => {
                "secret value or settings change"
            }
            (_, Sensitivity::EncryptionKey) if f.rtype.ends_with("_alias") => {
                "callers that use the alias name fail"
            }
            _ => class.consequence(&f.kind),
        };
        reasons.push(Reason {
            points: pts,
            text: format!("{}: {consequence}", class.as_str()),
        });
        summary_parts.push(consequence.to_owned());
    }
    let destructive_or_update = matches!(f.kind.as_str(), "update" | "delete" | "replace");
    if destructive_or_update && !f.dependents.is_empty() {
        let n = f.dependents.len();
        let text = format!(
            "{} on it",
            plural(n, "resource depends", "resources depend")
        );
        reasons.push(Reason {
            points: (3 * n as u32).min(20),
            text: text.clone(),
        });
        summary_parts.push(text);
    }
    if !f.findings.is_empty() {
        let mut pts = 0;
        let mut parts = Vec::new();
        for sev in Severity::ALL {
            let n = f.findings.iter().filter(|s| **s == sev).count();
            if n == 0 {
                continue;
            }
            let each = match sev {
                Severity::Critical => 25,
                Severity::High => 15,
                Severity::Medium => 7,
                Severity::Low => 2,
            };
            pts += each * n as u32;
            parts.push(format!("{} {}", n, sev.as_str()));
        }
        let text = format!(
            "{} {}",
            parts.join(", "),
            if f.findings.len() == 1 {
                "finding"
            } else {
                "findings"
            }
        );
        reasons.push(Reason {
            points: pts.min(40),
            text: text.clone(),
        });
        summary_parts.push(text);
    }
    for a in &f.approvals {
        reasons.push(Reason {
            points: 10,
            text: a.clone(),
        });
        summary_parts.push(a.clone());
    }
    if f.drifted {
        let text = "drifted outside Terraform".to_owned();
        reasons.push(Reason {
            points: 10,
            text: text.clone(),
        });
        summary_parts.push(text);
    }
    if let Some(d) = f.cost_delta.filter(|d| cost_points(*d) > 0) {
        let pts = cost_points(d);
        let text = format!("cost {}/month", crate::analyse::cost::money(d, true));
        reasons.push(Reason {
            points: pts,
            text: text.clone(),
        });
        summary_parts.push(text);
    }
    let score = reasons.iter().map(|r| r.points).sum::<u32>().min(100);
    let head = format!("{} {}", verb(&f.kind), f.address);
    let summary = if summary_parts.is_empty() {
        head
    } else {
        format!("{head}: {}", summary_parts.join("; "))
    };
    ResourceRisk {
        address: f.address.clone(),
        rtype: f.rtype.clone(),
        action: f.kind.clone(),
        sensitivity,
        score,
        level: Level::of(score),
        reasons,
        summary,
    }
}

/// Points for a monthly cost increase (per resource and for the set).
fn cost_points(delta: f64) -> u32 {
    if delta >= 1000.0 {
        15
    } else if delta >= 100.0 {
        8
    } else if delta >= 10.0 {
        3
    } else {
        0
    }
}

/// Scores a change set: the riskiest change, plus 3 points for each other
/// high or critical change (at most 15), plus the points of the total
/// monthly cost increase.
pub fn score_change_set(facts: &[ChangeFacts], total_cost_delta: Option<f64>) -> ChangeSetRisk {
    let mut resources: Vec<ResourceRisk> = facts.iter().map(score_change).collect();
    resources.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| a.address.cmp(&b.address))
    });
    let Some(top) = resources.first() else {
        return ChangeSetRisk {
            score: 0,
            level: Level::Low,
            reasons: vec![Reason {
                points: 0,
                text: "no resource changes".into(),
            }],
            resources,
        };
    };
    let mut reasons = vec![Reason {
        points: top.score,
        text: format!("riskiest change: {}", top.summary),
    }];
    let others = resources[1..]
        .iter()
        .filter(|r| r.level >= Level::High)
        .count();
    if others > 0 {
        reasons.push(Reason {
            points: (3 * others as u32).min(15),
            text: format!(
                "{} also high or critical",
                plural(others, "other change is", "other changes are")
            ),
        });
    }
    if let Some(d) = total_cost_delta.filter(|d| cost_points(*d) > 0) {
        reasons.push(Reason {
            points: cost_points(d),
            text: format!(
                "the change set adds {}/month",
                crate::analyse::cost::money(d, true)
            ),
        });
    }
    let score = reasons.iter().map(|r| r.points).sum::<u32>().min(100);
    ChangeSetRisk {
        score,
        level: Level::of(score),
        reasons,
        resources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(address: &str, rtype: &str, kind: &str) -> ChangeFacts {
        ChangeFacts {
            address: address.into(),
            rtype: rtype.into(),
            kind: kind.into(),
            ..ChangeFacts::default()
        }
    }

    #[test]
    fn bands() {
        assert_eq!(Level::of(0), Level::Low);
        assert_eq!(Level::of(24), Level::Low);
        assert_eq!(Level::of(25), Level::Medium);
        assert_eq!(Level::of(50), Level::High);
        assert_eq!(Level::of(74), Level::High);
        assert_eq!(Level::of(75), Level::Critical);
        assert_eq!(Level::of(100), Level::Critical);
    }

    #[test]
    fn replacing_a_database_with_dependents_is_critical_and_says_why() {
        let mut f = facts("aws_db_instance.main", "aws_db_instance", "replace");
        f.dependents = (0..7).map(|i| format!("aws_x.d{i}")).collect();
        f.findings = vec![Severity::High];
        let r = score_change(&f);
        // 45 replace + 25 data store + 20 (7 dependents, capped) + 15 HIGH
        assert_eq!(r.score, 100);
        assert_eq!(r.level, Level::Critical);
        assert_eq!(
            r.summary,
            "replaces aws_db_instance.main: data loss possible; 7 resources depend on it; 1 HIGH finding"
        );
        let points: Vec<u32> = r.reasons.iter().map(|r| r.points).collect();
        assert_eq!(points, [45, 25, 20, 15]);
    }

    #[test]
    fn create_weighs_least_and_noop_nothing() {
        let c = score_change(&facts("aws_instance.web", "aws_instance", "create"));
        assert_eq!((c.score, c.level), (5 + 4, Level::Low));
        let n = score_change(&facts("aws_instance.web", "aws_instance", "no-op"));
        assert_eq!(n.score, 0);
        let key = score_change(&facts("aws_kms_key.k", "aws_kms_key", "delete"));
        assert_eq!((key.score, key.level), (70, Level::High));
        assert!(key.summary.contains("unreadable"));
    }

    #[test]
    fn classes() {
        assert_eq!(classify("aws_iam_role_policy"), Some(Sensitivity::Identity));
        assert_eq!(classify("aws_kms_alias"), Some(Sensitivity::EncryptionKey));
        assert_eq!(
            classify("aws_s3_bucket_policy"),
            Some(Sensitivity::Identity)
        );
        assert_eq!(
            classify("google_kms_crypto_key_iam_member"),
            Some(Sensitivity::Identity)
        );
        assert_eq!(
            classify("aws_security_group_rule"),
            Some(Sensitivity::NetworkExposure)
        );
        assert_eq!(classify("null_resource"), None);
    }

    #[test]
    fn change_set_takes_the_worst_plus_others() {
        let mut db = facts("aws_db_instance.a", "aws_db_instance", "delete");
        db.findings = vec![Severity::Medium];
        let set = score_change_set(
            &[
                facts("aws_instance.a", "aws_instance", "create"),
                db,
                facts("aws_kms_key.k", "aws_kms_key", "delete"),
            ],
            None,
        );
        assert_eq!(set.resources[0].address, "aws_db_instance.a");
        // 72 (40 + 25 + 7) + 3 for the KMS key (high)
        assert_eq!(set.score, 75);
        assert_eq!(set.level, Level::Critical);
        assert_eq!(set.reasons.len(), 2);
        assert_eq!(score_change_set(&[], None).score, 0);
        let with_cost = score_change_set(
            &[facts("aws_instance.a", "aws_instance", "create")],
            Some(150.0),
        );
        assert_eq!(with_cost.score, 9 + 8);
        assert!(with_cost.reasons[1].text.contains("+$150.00/month"));
    }
}
