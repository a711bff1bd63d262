//! Monitoring and alerting coverage of what a change creates or replaces:
//! for each database, queue, load balancer, cluster and function, whether
//! the configuration gives it logs, metric alarms and (Azure) diagnostic
//! settings, and what is missing ("monitoring and alerting operational for
//! all new components").
//!
//! Coverage is read from the plan: the component's own logging attributes,
//! and alarms, alert rules and diagnostic settings whose configuration
//! refers to it (`dimensions = { DBInstanceIdentifier =
//! aws_db_instance.main.id }`, `scopes = [azurerm_...id]`,
//! `target_resource_id`). A Google alert policy names its resources in a
//! filter string, so it counts for the component types its filter names.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value as Json;

use crate::plan::{strip_index, JsonResource, Loaded};

/// One component's coverage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    pub address: String,
    #[serde(rename = "type")]
    pub rtype: String,
    /// database, queue, load balancer, cluster, function.
    pub kind: &'static str,
    /// create or replace.
    pub action: String,
    /// What gives it logs, when something does.
    pub logs: Option<String>,
    /// Alarms and alert rules that watch it.
    pub alarms: Vec<String>,
    /// Azure diagnostic settings that send its logs and metrics somewhere.
    pub diagnostics: Vec<String>,
    /// What is missing, in a reviewer's words.
    pub gaps: Vec<String>,
}

/// Component kinds by resource type.
const KINDS: &[(&str, &str)] = &[
    ("aws_db_instance", "database"),
    ("aws_rds_cluster", "database"),
    ("aws_dynamodb_table", "database"),
    ("aws_elasticache_cluster", "database"),
    ("aws_elasticache_replication_group", "database"),
    ("aws_redshift_cluster", "database"),
    ("aws_opensearch_domain", "database"),
    ("aws_docdb_cluster", "database"),
    ("azurerm_mssql_database", "database"),
    ("azurerm_mssql_server", "database"),
    ("azurerm_postgresql_flexible_server", "database"),
    ("azurerm_mysql_flexible_server", "database"),
    ("azurerm_cosmosdb_account", "database"),
    ("azurerm_redis_cache", "database"),
    ("google_sql_database_instance", "database"),
    ("google_redis_instance", "database"),
    ("google_bigtable_instance", "database"),
    ("google_spanner_instance", "database"),
    ("aws_sqs_queue", "queue"),
    ("aws_sns_topic", "queue"),
    ("aws_kinesis_stream", "queue"),
    ("aws_msk_cluster", "queue"),
    ("aws_mq_broker", "queue"),
    ("azurerm_servicebus_namespace", "queue"),
    ("azurerm_eventhub_namespace", "queue"),
    ("google_pubsub_topic", "queue"),
    ("google_pubsub_subscription", "queue"),
    ("aws_lb", "load balancer"),
    ("aws_alb", "load balancer"),
    ("aws_elb", "load balancer"),
    ("azurerm_lb", "load balancer"),
    ("azurerm_application_gateway", "load balancer"),
    ("google_compute_backend_service", "load balancer"),
    ("google_compute_url_map", "load balancer"),
    ("aws_eks_cluster", "cluster"),
    ("aws_ecs_cluster", "cluster"),
    ("azurerm_kubernetes_cluster", "cluster"),
    ("google_container_cluster", "cluster"),
    ("aws_lambda_function", "function"),
    ("azurerm_linux_function_app", "function"),
    ("azurerm_windows_function_app", "function"),
    ("azurerm_function_app", "function"),
    ("google_cloudfunctions_function", "function"),
    ("google_cloudfunctions2_function", "function"),
    ("google_cloud_run_service", "function"),
    ("google_cloud_run_v2_service", "function"),
];

/// Alarm and alert resource types, and whether they watch what they refer to.
const ALARMS: &[&str] = &[
    "aws_cloudwatch_metric_alarm",
    "aws_cloudwatch_composite_alarm",
    "azurerm_monitor_metric_alert",
    "azurerm_monitor_scheduled_query_rules_alert_v2",
    "azurerm_monitor_activity_log_alert",
];

/// Google's metric prefixes per component type, as alert filters name them.
const GCP_METRICS: &[(&str, &str)] = &[
    ("google_sql_database_instance", "cloudsql.googleapis.com"),
    ("google_redis_instance", "redis.googleapis.com"),
    ("google_pubsub_topic", "pubsub.googleapis.com"),
    ("google_pubsub_subscription", "pubsub.googleapis.com"),
    ("google_container_cluster", "kubernetes.io"),
    (
        "google_cloudfunctions_function",
        "cloudfunctions.googleapis.com",
    ),
    ("google_cloudfunctions2_function", "run.googleapis.com"),
    ("google_cloud_run_service", "run.googleapis.com"),
    ("google_cloud_run_v2_service", "run.googleapis.com"),
    (
        "google_compute_backend_service",
        "loadbalancing.googleapis.com",
    ),
    ("google_compute_url_map", "loadbalancing.googleapis.com"),
    ("google_bigtable_instance", "bigtable.googleapis.com"),
    ("google_spanner_instance", "spanner.googleapis.com"),
];

fn kind_of(rtype: &str) -> Option<&'static str> {
    KINDS.iter().find(|(t, _)| *t == rtype).map(|(_, k)| *k)
}

fn non_empty(v: Option<&Json>) -> bool {
    match v {
        Some(Json::Array(a)) => !a.is_empty(),
        Some(Json::Object(m)) => !m.is_empty(),
        Some(Json::String(s)) => !s.is_empty(),
        Some(Json::Bool(b)) => *b,
        _ => false,
    }
}

fn first<'v>(v: &'v Json, key: &str) -> Option<&'v Json> {
    match v.get(key)? {
        Json::Array(a) => a.first(),
        other => Some(other),
    }
}

/// Logs the component's own configuration turns on.
fn own_logs(r: &JsonResource, resources: &[JsonResource]) -> Option<String> {
    let v = &r.values;
    let on = |b: Option<&Json>, key: &str| b.and_then(|x| x.get(key)) == Some(&Json::Bool(true));
    match r.rtype.as_str() {
        "aws_db_instance" | "aws_rds_cluster" | "aws_docdb_cluster"
            if non_empty(v.get("enabled_cloudwatch_logs_exports")) =>
        {
            Some("exports logs to CloudWatch Logs (enabled_cloudwatch_logs_exports)".into())
        }
        "aws_lb" | "aws_alb" | "aws_elb" if on(first(v, "access_logs"), "enabled") => {
            Some("access logs (access_logs)".into())
        }
        "aws_eks_cluster" if non_empty(v.get("enabled_cluster_log_types")) => {
            Some("control-plane logs (enabled_cluster_log_types)".into())
        }
        "aws_ecs_cluster"
            if first(v, "setting").and_then(|s| s.get("value")) == Some(&Json::from("enabled")) =>
        {
            Some("Container Insights (setting containerInsights)".into())
        }
        "aws_elasticache_cluster" | "aws_elasticache_replication_group"
            if non_empty(v.get("log_delivery_configuration")) =>
        {
            Some("log delivery (log_delivery_configuration)".into())
        }
        "aws_opensearch_domain" if non_empty(v.get("log_publishing_options")) => {
            Some("log publishing (log_publishing_options)".into())
        }
        "aws_redshift_cluster" if on(first(v, "logging"), "enable") => {
            Some("audit logging (logging)".into())
        }
        "aws_msk_cluster" if non_empty(v.get("logging_info")) => {
            Some("broker logs (logging_info)".into())
        }
        "aws_mq_broker" if non_empty(v.get("logs")) => Some("broker logs (logs)".into()),
        "aws_lambda_function" => {
            let name = v.get("function_name").and_then(Json::as_str)?;
            let group = format!("/aws/lambda/{name}");
            let declared = resources.iter().any(|g| {
                g.rtype == "aws_cloudwatch_log_group"
                    && g.values.get("name").and_then(Json::as_str) == Some(group.as_str())
            });
            if declared || non_empty(v.get("logging_config")) {
                Some(format!("log group {group}"))
            } else {
                Some(format!(
                    "Lambda writes to {group} (created on first run, kept forever: no retention set)"
                ))
            }
        }
        "azurerm_kubernetes_cluster" if non_empty(v.get("oms_agent")) => {
            Some("Container Insights (oms_agent)".into())
        }
        "azurerm_linux_function_app" | "azurerm_windows_function_app" | "azurerm_function_app"
            if r.references
                .keys()
                .any(|k| k.contains("application_insights"))
                || first(v, "site_config").is_some_and(|s| {
                    non_empty(s.get("application_insights_connection_string"))
                }) =>
        {
            Some("Application Insights".into())
        }
        t if t.starts_with("google_") => Some("Cloud Logging (on by default)".into()),
        _ => None,
    }
}

/// Full addresses a resource's configuration refers to.
fn refers_to(r: &JsonResource) -> impl Iterator<Item = String> + '_ {
    r.references.values().flatten().map(move |target| {
        if r.module.is_empty() || target.starts_with("module.") {
            target.clone()
        } else {
            format!("{}.{target}", strip_index(&r.module))
        }
    })
}

/// Coverage of every database, queue, load balancer, cluster and function
/// the plan creates or replaces.
pub fn coverage(plan: &Loaded) -> Vec<Coverage> {
    let mut watchers: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for r in plan.resources.iter().filter(|r| r.mode == "managed") {
        let alarm = ALARMS.contains(&r.rtype.as_str());
        let diag = r.rtype == "azurerm_monitor_diagnostic_setting";
        if !alarm && !diag {
            continue;
        }
        for target in refers_to(r) {
            let e = watchers.entry(target).or_default();
            let list = if alarm { &mut e.0 } else { &mut e.1 };
            if !list.contains(&r.address) {
                list.push(r.address.clone());
            }
        }
    }
    let gcp_alerts: Vec<&JsonResource> = plan
        .resources
        .iter()
        .filter(|r| r.rtype == "google_monitoring_alert_policy")
        .collect();
    let mut out = Vec::new();
    for c in plan.changes.iter().filter(|c| c.mode == "managed") {
        let action = c.kind();
        if !matches!(action, "create" | "replace") {
            continue;
        }
        let Some(kind) = kind_of(&c.rtype) else {
            continue;
        };
        let Some(r) = plan.resources.iter().find(|r| r.address == c.address) else {
            continue;
        };
        let base = strip_index(&c.address);
        let (mut alarms, diagnostics) = watchers.get(&base).cloned().unwrap_or_default();
        if let Some((_, metric)) = GCP_METRICS.iter().find(|(t, _)| *t == c.rtype) {
            for a in &gcp_alerts {
                if a.values.to_string().contains(metric) && !alarms.contains(&a.address) {
                    alarms.push(a.address.clone());
                }
            }
        }
        let logs = own_logs(r, &plan.resources);
        let azure = c.rtype.starts_with("azurerm_");
        let mut gaps = Vec::new();
        let diagnosed = azure && !diagnostics.is_empty();
        // A queue's activity is in its metrics and the audit trail; logs
        // are not a gap there.
        if logs.is_none() && !diagnosed && kind != "queue" {
            gaps.push("no logs configured".to_owned());
        }
        if alarms.is_empty() {
            gaps.push("no metric alarm or alert rule refers to it".into());
        }
        if azure && diagnostics.is_empty() {
            gaps.push("no diagnostic setting (azurerm_monitor_diagnostic_setting) sends its logs and metrics anywhere".into());
        }
        out.push(Coverage {
            address: c.address.clone(),
            rtype: c.rtype.clone(),
            kind,
            action: action.to_owned(),
            logs,
            alarms,
            diagnostics,
            gaps,
        });
    }
    out.sort_by(|a, b| a.address.cmp(&b.address));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Change, JsonKind};
    use serde_json::json;

    fn resource(address: &str, rtype: &str, values: Json, refs: &[(&str, &str)]) -> JsonResource {
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
            references: refs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), vec![(*v).to_owned()]))
                .collect(),
        }
    }

    fn create(address: &str, rtype: &str) -> Change {
        Change {
            address: address.into(),
            module: String::new(),
            mode: "managed".into(),
            rtype: rtype.into(),
            name: "x".into(),
            provider: "aws".into(),
            actions: vec!["create".into()],
            before: Json::Null.into(),
            after: json!({}).into(),
            after_unknown: json!({}).into(),
            before_sensitive: json!({}).into(),
            after_sensitive: json!({}).into(),
            replace_paths: Vec::new(),
            action_reason: None,
        }
    }

    #[test]
    fn alarms_that_refer_to_a_database_cover_it_and_gaps_are_named() {
        let mut plan = Loaded::empty(JsonKind::Plan, "1.2".into(), "1.9.5".into());
        plan.resources = vec![
            resource(
                "aws_db_instance.main",
                "aws_db_instance",
                json!({"enabled_cloudwatch_logs_exports": ["postgresql"]}),
                &[],
            ),
            resource(
                "aws_cloudwatch_metric_alarm.cpu",
                "aws_cloudwatch_metric_alarm",
                json!({}),
                &[("dimensions", "aws_db_instance.main")],
            ),
            resource("aws_sqs_queue.jobs", "aws_sqs_queue", json!({}), &[]),
            resource("aws_s3_bucket.b", "aws_s3_bucket", json!({}), &[]),
        ];
        plan.changes = vec![
            create("aws_db_instance.main", "aws_db_instance"),
            create(
                "aws_cloudwatch_metric_alarm.cpu",
                "aws_cloudwatch_metric_alarm",
            ),
            create("aws_sqs_queue.jobs", "aws_sqs_queue"),
            create("aws_s3_bucket.b", "aws_s3_bucket"),
        ];
        let c = coverage(&plan);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].address, "aws_db_instance.main");
        assert_eq!(c[0].alarms, ["aws_cloudwatch_metric_alarm.cpu"]);
        assert!(c[0].gaps.is_empty(), "{:?}", c[0].gaps);
        assert_eq!(c[1].address, "aws_sqs_queue.jobs");
        assert_eq!(c[1].gaps, ["no metric alarm or alert rule refers to it"]);
    }
}
