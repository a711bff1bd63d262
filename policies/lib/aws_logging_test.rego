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
