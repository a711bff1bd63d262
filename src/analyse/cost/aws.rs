//! AWS price models, one function per resource type.

use serde_json::Value as Json;

use super::estimate::{get_num, get_str, is_true, Builder, Estimate, Model};

/// Resource type -> price model.
pub(super) const MODELS: &[(&str, Model)] = &[
    ("aws_instance", aws_instance),
    ("aws_ebs_volume", aws_ebs_volume),
    ("aws_db_instance", aws_db_instance),
    ("aws_rds_cluster_instance", aws_rds_cluster_instance),
    ("aws_rds_cluster", aws_rds_cluster),
    ("aws_nat_gateway", aws_nat_gateway),
    ("aws_lb", aws_lb),
    ("aws_alb", aws_lb),
    ("aws_elb", aws_elb),
    ("aws_eks_cluster", aws_eks_cluster),
    ("aws_kms_key", aws_kms_key),
    ("aws_ssm_parameter", aws_ssm_parameter),
    ("aws_cloudwatch_metric_alarm", aws_cloudwatch_metric_alarm),
    ("aws_eip", aws_eip),
    ("aws_route53_zone", aws_route53_zone),
    ("aws_elasticache_cluster", aws_elasticache_cluster),
    (
        "aws_elasticache_replication_group",
        aws_elasticache_replication_group,
    ),
    ("aws_opensearch_domain", aws_opensearch),
    ("aws_elasticsearch_domain", aws_opensearch),
    ("aws_lambda_function", aws_lambda_function),
    ("aws_lambda_provisioned_concurrency_config", aws_lambda_pc),
    ("aws_s3_bucket", aws_s3_bucket),
    ("aws_dynamodb_table", aws_dynamodb_table),
    ("aws_autoscaling_group", aws_autoscaling_group),
    ("aws_eks_node_group", aws_eks_node_group),
    ("aws_ecs_service", aws_ecs_service),
    ("aws_redshift_cluster", aws_redshift_cluster),
    ("aws_msk_cluster", aws_msk_cluster),
    ("aws_kinesis_stream", aws_kinesis_stream),
    ("aws_kinesis_firehose_delivery_stream", aws_firehose),
    ("aws_cloudwatch_log_group", aws_cloudwatch_log_group),
    ("aws_cloudwatch_dashboard", aws_cloudwatch_dashboard),
    ("aws_sqs_queue", aws_sqs_queue),
    ("aws_sns_topic", aws_sns_topic),
    ("aws_secretsmanager_secret", aws_secretsmanager_secret),
    ("aws_efs_file_system", aws_efs_file_system),
    ("aws_ebs_snapshot", aws_ebs_snapshot),
    ("aws_vpc_endpoint", aws_vpc_endpoint),
    ("aws_vpn_connection", aws_vpn_connection),
    ("aws_ec2_transit_gateway_vpc_attachment", aws_tgw_attachment),
    ("aws_globalaccelerator_accelerator", aws_global_accelerator),
    ("aws_route53_health_check", aws_route53_health_check),
    ("aws_wafv2_web_acl", aws_wafv2_web_acl),
    ("aws_ecr_repository", aws_ecr_repository),
    ("aws_transfer_server", aws_transfer_server),
    ("aws_networkfirewall_firewall", aws_network_firewall),
    ("aws_api_gateway_rest_api", aws_api_gateway_rest_api),
    ("aws_apigatewayv2_api", aws_apigatewayv2_api),
];

fn aws_eks_cluster(mut b: Builder<'_>) -> Estimate {
    b.add("cluster", "aws_eks", "cluster", 1.0);
    b.done()
}

fn aws_kms_key(mut b: Builder<'_>) -> Estimate {
    b.add("customer managed key", "aws_kms", "key", 1.0);
    b.usage("API requests");
    b.done()
}

fn aws_ssm_parameter(mut b: Builder<'_>) -> Estimate {
    if get_str(b.s.values, "tier").is_some_and(|t| t != "Standard") {
        b.add("advanced parameter", "aws_ssm", "advanced-parameter", 1.0);
    }
    b.done()
}

fn aws_cloudwatch_metric_alarm(mut b: Builder<'_>) -> Estimate {
    let metrics =
        b.s.values
            .get("metric_query")
            .and_then(Json::as_array)
            .map_or(1, Vec::len)
            .max(1);
    b.add("alarm metrics", "aws_cloudwatch", "alarm", metrics as f64);
    b.done()
}

fn aws_eip(mut b: Builder<'_>) -> Estimate {
    b.add("public IPv4 address", "aws_eip", "ipv4", 1.0);
    b.done()
}

fn aws_route53_zone(mut b: Builder<'_>) -> Estimate {
    b.add("hosted zone", "aws_route53", "hosted-zone", 1.0);
    b.usage("DNS queries");
    b.done()
}

fn aws_elasticache_cluster(b: Builder<'_>) -> Estimate {
    aws_elasticache(b, "num_cache_nodes")
}

fn aws_elasticache_replication_group(b: Builder<'_>) -> Estimate {
    aws_elasticache(b, "")
}

fn aws_dynamodb_table(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    if get_str(v, "billing_mode") == Some("PROVISIONED") {
        let (Some(r), Some(w)) = (get_num(v, "read_capacity"), get_num(v, "write_capacity")) else {
            return b.missing("read_capacity");
        };
        b.add(
            &format!("{w} write capacity units"),
            "aws_dynamodb",
            "provisioned-wcu",
            w,
        );
        b.add(
            &format!("{r} read capacity units"),
            "aws_dynamodb",
            "provisioned-rcu",
            r,
        );
    } else {
        b.by_usage(
            "monthly_write_request_units",
            "write request units (millions)",
            "aws_dynamodb",
            "on-demand-write",
            1_000_000.0,
        );
        b.by_usage(
            "monthly_read_request_units",
            "read request units (millions)",
            "aws_dynamodb",
            "on-demand-read",
            1_000_000.0,
        );
    }
    b.by_usage(
        "storage_gb",
        "table storage",
        "aws_dynamodb",
        "storage",
        1.0,
    );
    b.done()
}

/// Instances of a group: `desired_capacity`, else `min_size`.
fn group_size(v: &Json) -> f64 {
    get_num(v, "desired_capacity")
        .or_else(|| get_num(v, "min_size"))
        .unwrap_or(1.0)
}

fn aws_autoscaling_group(mut b: Builder<'_>) -> Estimate {
    let n = group_size(b.s.values);
    let Some(it) = b
        .referenced("launch_template")
        .or_else(|| b.referenced("launch_configuration"))
        .or_else(|| b.named("launch_configuration", "aws_launch_configuration"))
        .or_else(|| b.named("launch_template.0.name", "aws_launch_template"))
        .and_then(|t| get_str(t, "instance_type"))
    else {
        return b.unpriced(
            "the instance type comes from a launch template the plan does not show; price it × desired_capacity by hand"
                .into(),
        );
    };
    if !b.add(&format!("{n} × {it}"), "aws_ec2_instance", it, n) {
        return b.not_in_catalogue(&format!("instance type {it}"));
    }
    b.est.notes.push(format!(
        "{n} instances (desired_capacity); scaling changes the bill"
    ));
    b.done()
}

fn aws_eks_node_group(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let n = get_num(v, "scaling_config.0.desired_size")
        .or_else(|| get_num(v, "scaling_config.0.min_size"))
        .unwrap_or(1.0);
    let it = get_str(v, "instance_types.0")
        .map(str::to_owned)
        .or_else(|| {
            b.referenced("launch_template")
                .and_then(|t| get_str(t, "instance_type"))
                .map(str::to_owned)
        })
        // The EKS default when neither is set.
        .unwrap_or_else(|| "t3.medium".to_owned());
    if get_str(v, "capacity_type") == Some("SPOT") {
        return b.unpriced("spot node groups are priced by the spot market".into());
    }
    if !b.add(&format!("{n} × {it} nodes"), "aws_ec2_instance", &it, n) {
        return b.not_in_catalogue(&format!("instance type {it}"));
    }
    let disk = get_num(v, "disk_size").unwrap_or(20.0);
    b.add(
        &format!("{n} × {disk} GB gp2 node volume"),
        "aws_ebs",
        "gp2",
        n * disk,
    );
    b.done()
}

fn aws_ecs_service(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let fargate = get_str(v, "launch_type") == Some("FARGATE")
        || get_str(v, "capacity_provider_strategy.0.capacity_provider")
            .is_some_and(|p| p.starts_with("FARGATE"));
    if !fargate {
        b.est
            .notes
            .push("EC2 launch type: the cluster's instances carry the cost".into());
        return b.done();
    }
    let n = get_num(v, "desired_count").unwrap_or(1.0);
    let Some(task) = b.referenced("task_definition") else {
        return b.unpriced("the task definition's cpu and memory are not in the plan".into());
    };
    let (Some(cpu), Some(mem)) = (get_num(task, "cpu"), get_num(task, "memory")) else {
        return b.unpriced("the task definition sets no task-level cpu and memory".into());
    };
    let (vcpu, gb) = (cpu / 1024.0, mem / 1024.0);
    b.add(
        &format!("{n} × {vcpu} vCPU (Fargate)"),
        "aws_fargate",
        "vcpu",
        n * vcpu,
    );
    b.add(
        &format!("{n} × {gb} GB (Fargate)"),
        "aws_fargate",
        "memory",
        n * gb,
    );
    b.done()
}

fn aws_redshift_cluster(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let Some(node) = get_str(v, "node_type") else {
        return b.missing("node_type");
    };
    let n = if get_str(v, "cluster_type") == Some("single-node") {
        1.0
    } else {
        get_num(v, "number_of_nodes").unwrap_or(1.0)
    };
    if !b.add(&format!("{n} × {node}"), "aws_redshift", node, n) {
        return b.not_in_catalogue(&format!("node type {node}"));
    }
    if node.starts_with("ra3") {
        b.by_usage(
            "managed_storage_gb",
            "managed storage",
            "aws_redshift",
            "rms",
            1.0,
        );
    }
    b.done()
}

fn aws_msk_cluster(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    let Some(it) = get_str(v, "broker_node_group_info.0.instance_type") else {
        return b.missing("broker_node_group_info.0.instance_type");
    };
    let n = get_num(v, "number_of_broker_nodes").unwrap_or(3.0);
    if !b.add(&format!("{n} × {it} brokers"), "aws_msk", it, n) {
        return b.not_in_catalogue(&format!("broker type {it}"));
    }
    let gb = get_num(
        v,
        "broker_node_group_info.0.storage_info.0.ebs_storage_info.0.volume_size",
    )
    .or_else(|| get_num(v, "broker_node_group_info.0.ebs_volume_size"))
    .unwrap_or(1000.0);
    b.add(
        &format!("{n} × {gb} GB broker storage"),
        "aws_msk",
        "storage",
        n * gb,
    );
    b.done()
}

fn aws_kinesis_stream(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    if get_str(v, "stream_mode_details.0.stream_mode") == Some("ON_DEMAND") {
        b.add("on-demand stream", "aws_kinesis", "on-demand-stream", 1.0);
        b.by_usage(
            "monthly_data_ingested_gb",
            "data ingested",
            "aws_kinesis",
            "on-demand-ingest",
            1.0,
        );
        return b.done();
    }
    let Some(shards) = get_num(v, "shard_count") else {
        return b.missing("shard_count");
    };
    b.add(&format!("{shards} shards"), "aws_kinesis", "shard", shards);
    b.by_usage(
        "monthly_put_units",
        "PUT payload units (millions)",
        "aws_kinesis",
        "put-units",
        1_000_000.0,
    );
    b.done()
}

fn aws_firehose(mut b: Builder<'_>) -> Estimate {
    b.by_usage(
        "monthly_data_ingested_gb",
        "data ingested",
        "aws_firehose",
        "ingest",
        1.0,
    );
    b.done()
}

fn aws_cloudwatch_log_group(mut b: Builder<'_>) -> Estimate {
    b.by_usage(
        "monthly_data_ingested_gb",
        "log ingestion",
        "aws_cloudwatch",
        "log-ingest",
        1.0,
    );
    b.by_usage(
        "storage_gb",
        "log storage",
        "aws_cloudwatch",
        "log-storage",
        1.0,
    );
    b.done()
}

fn aws_cloudwatch_dashboard(mut b: Builder<'_>) -> Estimate {
    b.add("dashboard", "aws_cloudwatch", "dashboard", 1.0);
    b.est
        .notes
        .push("the first 3 dashboards of an account are free".into());
    b.done()
}

fn aws_sqs_queue(mut b: Builder<'_>) -> Estimate {
    let fifo = b.s.values.get("fifo_queue") == Some(&Json::Bool(true));
    let key = if fifo { "fifo-requests" } else { "requests" };
    b.by_usage(
        "monthly_requests",
        "requests (millions)",
        "aws_sqs",
        key,
        1_000_000.0,
    );
    b.done()
}

fn aws_sns_topic(mut b: Builder<'_>) -> Estimate {
    b.by_usage(
        "monthly_requests",
        "publishes (millions)",
        "aws_sns",
        "requests",
        1_000_000.0,
    );
    b.usage("deliveries (by protocol)");
    b.done()
}

fn aws_secretsmanager_secret(mut b: Builder<'_>) -> Estimate {
    b.add("secret", "aws_secretsmanager", "secret", 1.0);
    b.by_usage(
        "monthly_requests",
        "API calls (10,000s)",
        "aws_secretsmanager",
        "api",
        10_000.0,
    );
    b.done()
}

fn aws_efs_file_system(mut b: Builder<'_>) -> Estimate {
    b.by_usage("storage_gb", "Standard storage", "aws_efs", "standard", 1.0);
    b.done()
}

fn aws_ebs_snapshot(mut b: Builder<'_>) -> Estimate {
    let gb =
        get_num(b.s.values, "volume_size").or_else(|| b.usage.number(b.s.address, "storage_gb"));
    match gb {
        Some(gb) => {
            b.add(
                "snapshot storage (at most the volume size)",
                "aws_ebs",
                "snapshot",
                gb,
            );
            b.est
                .notes
                .push("snapshots are incremental: the volume size is the upper bound".into());
        }
        None => b.usage("snapshot storage (set storage_gb)"),
    }
    b.done()
}

fn aws_vpc_endpoint(mut b: Builder<'_>) -> Estimate {
    let v = b.s.values;
    if get_str(v, "vpc_endpoint_type").unwrap_or("Gateway") == "Gateway" {
        b.est
            .notes
            .push("gateway endpoints (S3, DynamoDB) are free".into());
        return b.done();
    }
    let azs = v
        .get("subnet_ids")
        .and_then(Json::as_array)
        .map_or(1, Vec::len)
        .max(1) as f64;
    b.add(
        &format!("interface endpoint in {azs} AZ(s)"),
        "aws_vpc_endpoint",
        "interface",
        azs,
    );
    b.by_usage(
        "monthly_data_processed_gb",
        "data processed",
        "aws_vpc_endpoint",
        "data",
        1.0,
    );
    b.done()
}

fn aws_vpn_connection(mut b: Builder<'_>) -> Estimate {
    b.add("Site-to-Site VPN connection", "aws_vpn", "connection", 1.0);
    b.usage("data transfer out");
    b.done()
}

fn aws_tgw_attachment(mut b: Builder<'_>) -> Estimate {
    b.add(
        "transit gateway attachment",
        "aws_transit_gateway",
        "attachment",
        1.0,
    );
    b.by_usage(
        "monthly_data_processed_gb",
        "data processed",
        "aws_transit_gateway",
        "data",
        1.0,
    );
    b.done()
}

fn aws_global_accelerator(mut b: Builder<'_>) -> Estimate {
    b.add("accelerator", "aws_global_accelerator", "accelerator", 1.0);
    b.usage("data transfer premium");
    b.done()
}

fn aws_route53_health_check(mut b: Builder<'_>) -> Estimate {
    b.add("health check", "aws_route53", "health-check", 1.0);
    b.done()
}

fn aws_wafv2_web_acl(mut b: Builder<'_>) -> Estimate {
    let rules =
        b.s.values
            .get("rule")
            .and_then(Json::as_array)
            .map_or(0, Vec::len) as f64;
    b.add("web ACL", "aws_waf", "web-acl", 1.0);
    if rules > 0.0 {
        b.add(&format!("{rules} rules"), "aws_waf", "rule", rules);
    }
    b.by_usage(
        "monthly_requests",
        "requests (millions)",
        "aws_waf",
        "requests",
        1_000_000.0,
    );
    b.done()
}

fn aws_ecr_repository(mut b: Builder<'_>) -> Estimate {
    b.by_usage("storage_gb", "image storage", "aws_ecr", "storage", 1.0);
    b.done()
}

fn aws_transfer_server(mut b: Builder<'_>) -> Estimate {
    let protocols =
        b.s.values
            .get("protocols")
            .and_then(Json::as_array)
            .map_or(1, Vec::len)
            .max(1) as f64;
    b.add(
        &format!("{protocols} protocol endpoint(s)"),
        "aws_transfer",
        "protocol",
        protocols,
    );
    b.usage("data uploaded and downloaded");
    b.done()
}

fn aws_network_firewall(mut b: Builder<'_>) -> Estimate {
    let azs =
        b.s.values
            .get("subnet_mapping")
            .and_then(Json::as_array)
            .map_or(1, Vec::len)
            .max(1) as f64;
    b.add(
        &format!("{azs} firewall endpoint(s)"),
        "aws_network_firewall",
        "endpoint",
        azs,
    );
    b.by_usage(
        "monthly_data_processed_gb",
        "data processed",
        "aws_network_firewall",
        "data",
        1.0,
    );
    b.done()
}

fn aws_api_gateway_rest_api(mut b: Builder<'_>) -> Estimate {
    b.by_usage(
        "monthly_requests",
        "REST API requests (millions)",
        "aws_api_gateway",
        "rest-requests",
        1_000_000.0,
    );
    b.done()
}

fn aws_apigatewayv2_api(mut b: Builder<'_>) -> Estimate {
    let ws = get_str(b.s.values, "protocol_type") == Some("WEBSOCKET");
    let key = if ws {
        "websocket-messages"
    } else {
        "http-requests"
    };
    b.by_usage(
        "monthly_requests",
        "requests (millions)",
        "aws_api_gateway",
        key,
        1_000_000.0,
    );
    b.done()
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
            .find_map(|a| b.s.others.and_then(|o| o.get(a).copied()))
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::estimate::round2;
    use super::super::estimate::testing::{est, est_linked, est_usage};
    use super::super::{Status, Usage};

    #[test]
    fn a_group_names_its_launch_configuration_by_a_constant() {
        let lc = json!({"name": "web", "instance_type": "t3.micro"});
        let e = est_linked(
            "aws_autoscaling_group",
            "aws",
            json!({"launch_configuration": "web", "desired_capacity": 4}),
            &Usage::default(),
            Some(("-", lc.clone())),
        );
        assert_eq!(e.status, Status::Priced, "{e:?}");
        assert_eq!(e.components[0].quantity, 4.0);
        // Another name: not that configuration.
        let e = est_linked(
            "aws_autoscaling_group",
            "aws",
            json!({"launch_configuration": "api", "desired_capacity": 4}),
            &Usage::default(),
            Some(("-", lc)),
        );
        assert_eq!(e.status, Status::Unpriced);
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
}
