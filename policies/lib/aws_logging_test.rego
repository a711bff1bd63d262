# Rego unit tests of lib/aws_logging.rego: metric filter patterns, the
# trail -> log group -> filter -> alarm chain of the CIS alarm family, and
# its silence on unknowns.
package lib.aws_logging_test

import rego.v1

import data.lib.aws

lres(type, name, values, unknown, refs) := {
	"address": concat(".", [type, name]), "mode": "managed", "type": type, "name": name,
	"values": values, "unknown": unknown, "references": refs,
}

ldoc(resources) := {"source": "config", "resources": resources, "module_calls": []}

trail_ref := lres("aws_cloudtrail", "main", {"name": "main"}, ["cloud_watch_logs_group_arn"], {"cloud_watch_logs_group_arn": ["aws_cloudwatch_log_group.ct"]})

trail_literal := lres("aws_cloudtrail", "main", {"name": "main", "cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:111122223333:log-group:cloudtrail:*"}, [], {})

group := lres("aws_cloudwatch_log_group", "ct", {"name": "cloudtrail"}, [], {})

root_pattern := `{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }`

filter(pattern) := lres("aws_cloudwatch_log_metric_filter", "root", {
	"name": "root", "log_group_name": "cloudtrail", "pattern": pattern,
	"metric_transformation": [{"name": "RootUsage", "namespace": "CIS", "value": "1"}],
}, [], {"log_group_name": ["aws_cloudwatch_log_group.ct"]})

alarm(values, unknown, refs) := lres("aws_cloudwatch_metric_alarm", "root", values, unknown, refs)

literal_alarm := alarm({"metric_name": "RootUsage", "namespace": "CIS"}, [], {})

test_pattern_terms_ignore_spacing_quotes_and_order if {
	aws.filter_pattern_terms(`{($.eventName=CreateTrail)||($.eventName = "UpdateTrail")}`) == {"$.eventName=CreateTrail", "$.eventName=UpdateTrail"}
	aws.filter_pattern_terms(root_pattern) == {"$.userIdentity.type=Root", "$.userIdentity.invokedByNOTEXISTS", "$.eventType!=AwsServiceEvent"}
	aws.filter_pattern_terms(`{ $.eventName == "ConsoleLogin" }`) == {"$.eventName=ConsoleLogin"}
}

test_event_name_prefix_is_not_a_match if {
	# CreatePolicyVersion does not stand for CreatePolicy
	not "$.eventName=CreatePolicy" in aws.filter_pattern_terms(`{ ($.eventName = CreatePolicyVersion) }`)
}

test_referenced_chain_meets_the_control if {
	d := ldoc([group, trail_ref, filter(root_pattern), alarm({"namespace": "CIS"}, ["metric_name"], {"metric_name": ["aws_cloudwatch_log_metric_filter.root"]})])
	aws.cis_alarm_met("root_account_usage") with input as d
	not aws.cis_alarm_missing("root_account_usage") with input as d
}

test_literal_chain_meets_the_control if {
	lit_filter := object.union(filter(root_pattern), {"references": {}})
	aws.cis_alarm_met("root_account_usage") with input as ldoc([trail_literal, lit_filter, literal_alarm])
}

test_missing_alarm_fires_on_the_trail if {
	t := aws.cis_alarm_missing("root_account_usage") with input as ldoc([group, trail_ref, filter(root_pattern)])
	t.address == "aws_cloudtrail.main"
}

test_alarm_in_another_namespace_does_not_count if {
	other := alarm({"metric_name": "RootUsage", "namespace": "Other"}, [], {})
	aws.cis_alarm_missing("root_account_usage") with input as ldoc([group, trail_ref, filter(root_pattern), other])
}

test_metric_math_alarm_counts if {
	mq := alarm({"metric_query": [{"id": "m1", "metric": [{"metric_name": "RootUsage", "namespace": "CIS"}]}]}, [], {})
	aws.cis_alarm_met("root_account_usage") with input as ldoc([group, trail_ref, filter(root_pattern), mq])
}

test_filter_on_another_group_does_not_count if {
	f := object.union(filter(root_pattern), {"values": object.union(filter(root_pattern).values, {"log_group_name": "/app"}), "references": {"log_group_name": ["aws_cloudwatch_log_group.app"]}})
	aws.cis_alarm_missing("root_account_usage") with input as ldoc([group, trail_ref, f, literal_alarm])
}

test_unknown_pattern_or_group_is_silent if {
	unknown_pattern := lres("aws_cloudwatch_log_metric_filter", "x", {"log_group_name": "cloudtrail", "metric_transformation": [{"name": "RootUsage", "namespace": "CIS"}]}, ["pattern"], {"pattern": ["var.pattern"]})
	not aws.cis_alarm_missing("root_account_usage") with input as ldoc([group, trail_ref, unknown_pattern, literal_alarm])
	var_trail := lres("aws_cloudtrail", "main", {"name": "main"}, ["cloud_watch_logs_group_arn"], {"cloud_watch_logs_group_arn": ["var.group_arn"]})
	f := object.union(filter(root_pattern), {"values": object.union(filter(root_pattern).values, {"log_group_name": "elsewhere"}), "references": {}})
	not aws.cis_alarm_missing("root_account_usage") with input as ldoc([var_trail, f, literal_alarm])
}

test_no_logging_trail_is_silent if {
	stopped := lres("aws_cloudtrail", "main", {"name": "main", "enable_logging": false}, [], {})
	not aws.cis_alarm_missing("root_account_usage") with input as ldoc([stopped])
	not aws.cis_alarm_missing("root_account_usage") with input as ldoc([group])
}

test_the_delivering_trail_carries_the_finding if {
	data_trail := lres("aws_cloudtrail", "a_data_events", {"name": "data"}, [], {})
	t := aws.cis_alarm_missing("root_account_usage") with input as ldoc([data_trail, trail_literal])
	t.address == "aws_cloudtrail.main"
}

test_alarm_module_call_silences if {
	d := object.union(ldoc([trail_literal]), {"module_calls": [{"name": "alarms", "source": "terraform-aws-modules/cloudwatch/aws//modules/cis-alarms"}]})
	not aws.cis_alarm_missing("root_account_usage") with input as d
}

# --- ARN links (WAF associations, logging configurations) -------------------

stage := lres("aws_api_gateway_stage", "prod", {"stage_name": "prod"}, ["arn"], {})

assoc(values, unknown, refs) := lres("aws_wafv2_web_acl_association", "a", values, unknown, refs)

test_arn_link_by_reference if {
	d := ldoc([stage, assoc({}, ["resource_arn"], {"resource_arn": ["aws_api_gateway_stage.prod"]})])
	aws.arn_target_of(stage, "aws_wafv2_web_acl_association", "resource_arn") with input as d
}

test_arn_link_to_another_resource_does_not_count if {
	d := ldoc([stage, assoc({}, ["resource_arn"], {"resource_arn": ["aws_api_gateway_stage.dev"]})])
	not aws.arn_target_of(stage, "aws_wafv2_web_acl_association", "resource_arn") with input as d
}

test_arn_link_by_literal_arn if {
	s := object.union(stage, {"values": {"arn": "arn:aws:apigateway:eu-west-1::/restapis/a1/stages/prod"}, "unknown": []})
	d := ldoc([s, assoc({"resource_arn": "arn:aws:apigateway:eu-west-1::/restapis/a1/stages/prod"}, [], {})])
	aws.arn_target_of(s, "aws_wafv2_web_acl_association", "resource_arn") with input as d
}

test_arn_link_from_a_variable_may_be_anyone if {
	d := ldoc([stage, assoc({}, ["resource_arn"], {"resource_arn": ["var.stage_arn"]})])
	aws.arn_target_of(stage, "aws_wafv2_web_acl_association", "resource_arn") with input as d
}

# --- what a trail records ---------------------------------------------------

ct(values, unknown) := lres("aws_cloudtrail", "main", object.union({"name": "main"}, values), unknown, {})

s3_selector(rw) := {"event_selector": [{"read_write_type": rw, "data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]}

test_basic_selectors_and_s3_data_events if {
	aws.trail_records_s3_data(ct(s3_selector("All"), []), "read")
	aws.trail_records_s3_data(ct(s3_selector("All"), []), "write")
	aws.trail_records_s3_data(ct(s3_selector("WriteOnly"), []), "write")
	not aws.trail_records_s3_data(ct(s3_selector("WriteOnly"), []), "read")
	not aws.trail_records_s3_data(ct({}, []), "write")
	aws.trail_records_s3_data(ct({}, ["event_selector"]), "write")
}

test_advanced_selectors_and_s3_data_events if {
	fs := [{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": ["AWS::S3::Object"]}]
	t := ct({"advanced_event_selector": [{"field_selector": fs}]}, [])
	aws.trail_records_s3_data(t, "read")
	aws.trail_records_s3_data(t, "write")
	ro := ct({"advanced_event_selector": [{"field_selector": array.concat(fs, [{"field": "readOnly", "equals": ["true"]}])}]}, [])
	aws.trail_records_s3_data(ro, "read")
	not aws.trail_records_s3_data(ro, "write")
}

test_management_events if {
	aws.trail_records_management(ct({}, []))
	not aws.trail_records_management(ct({"include_global_service_events": false}, []))
	not aws.trail_records_management(ct({"event_selector": [{"read_write_type": "ReadOnly"}]}, []))
	not aws.trail_records_management(ct({"event_selector": [{"include_management_events": false}]}, []))
	aws.trail_records_management(ct({"event_selector": [{"include_management_events": false}, {"read_write_type": "All"}]}, []))
	aws.trail_records_management(ct({"advanced_event_selector": [{"field_selector": [{"field": "eventCategory", "equals": ["Management"]}]}]}, []))
}
