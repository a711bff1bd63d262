# AWS logging and monitoring helpers (same package as lib/aws.rego): the CIS
# CloudWatch metric-filter alarm family, CloudTrail trails and their log
# groups, WAF web ACLs and the resources they protect, and split-out
# resources that point at another one by ARN.
package lib.aws

import rego.v1
import data.lib.tf

# ---------------------------------------------------------------------------
# CIS CloudWatch metric filters and alarms (CIS AWS Foundations section 4)
#
# A control is met when a trail of the module delivers to a CloudWatch log
# group that carries an aws_cloudwatch_log_metric_filter whose pattern holds
# every comparison the benchmark lists, and an aws_cloudwatch_metric_alarm
# watches the filter's metric. Patterns are compared as sets of comparisons
# (`$.eventName=CreateTrail`), after removing white space and double
# quotes, so spacing, quoting, order and extra terms do not matter.
# ---------------------------------------------------------------------------

cis_alarm_specs := {
	"unauthorized_api_calls": [
		`$.errorCode=*UnauthorizedOperation`,
		`$.errorCode=AccessDenied*`,
	],
	"console_signin_without_mfa": [
		`$.eventName=ConsoleLogin`,
		`$.additionalEventData.MFAUsed!=Yes`,
	],
	"root_account_usage": [
		`$.userIdentity.type=Root`,
		`$.userIdentity.invokedByNOTEXISTS`,
		`$.eventType!=AwsServiceEvent`,
	],
	"iam_policy_changes": [sprintf("$.eventName=%s", [e]) | some e in [
		"DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy",
		"PutGroupPolicy", "PutRolePolicy", "PutUserPolicy",
		"CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion",
		"AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy",
		"AttachGroupPolicy", "DetachGroupPolicy",
	]],
	"cloudtrail_changes": [sprintf("$.eventName=%s", [e]) | some e in [
		"CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging",
	]],
	"console_auth_failures": [
		`$.eventName=ConsoleLogin`,
		`$.errorMessage=Failedauthentication`,
	],
	"cmk_disable_or_deletion": array.concat([`$.eventSource=kms.amazonaws.com`], [sprintf("$.eventName=%s", [e]) | some e in [
		"DisableKey", "ScheduleKeyDeletion",
	]]),
	"s3_bucket_policy_changes": array.concat([`$.eventSource=s3.amazonaws.com`], [sprintf("$.eventName=%s", [e]) | some e in [
		"PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication",
		"DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication",
	]]),
	"config_changes": array.concat([`$.eventSource=config.amazonaws.com`], [sprintf("$.eventName=%s", [e]) | some e in [
		"StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder",
	]]),
	"security_group_changes": [sprintf("$.eventName=%s", [e]) | some e in [
		"AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
		"RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
		"CreateSecurityGroup", "DeleteSecurityGroup",
	]],
	"nacl_changes": [sprintf("$.eventName=%s", [e]) | some e in [
		"CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl",
		"DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation",
	]],
	"network_gateway_changes": [sprintf("$.eventName=%s", [e]) | some e in [
		"CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway",
		"CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway",
	]],
	"route_table_changes": [sprintf("$.eventName=%s", [e]) | some e in [
		"CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation",
		"DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable",
	]],
	"vpc_changes": [sprintf("$.eventName=%s", [e]) | some e in [
		"CreateVpc", "DeleteVpc", "ModifyVpcAttribute",
		"AcceptVpcPeeringConnection", "CreateVpcPeeringConnection",
		"DeleteVpcPeeringConnection", "RejectVpcPeeringConnection",
		"AttachClassicLinkVpc", "DetachClassicLinkVpc",
		"DisableVpcClassicLink", "EnableVpcClassicLink",
	]],
	# Every Organizations event: a filter on the event source covers the
	# benchmark's list of event names.
	"organizations_changes": [`$.eventSource=organizations.amazonaws.com`],
}

# The comparisons of a metric filter pattern, normalised:
# `{ ($.eventName = "CreateTrail") || ... }` -> {"$.eventName=CreateTrail", ...}.
filter_pattern_terms(pattern) := {t |
	p := regex.replace(regex.replace(pattern, `[\s"]+`, ""), `==`, "=")
	some t in regex.find_n(`\$\.[A-Za-z0-9_.]+(?:NOTEXISTS|EXISTS|!=|=)[^()&|{}]*`, p, -1)
}

# The pattern of filter f holds every comparison of the control.
filter_pattern_covers(f, key) if {
	is_string(f.values.pattern)
	terms := filter_pattern_terms(f.values.pattern)
	every want in cis_alarm_specs[key] {
		want in terms
	}
}

# The pattern may match: it does, or it is not known.
filter_pattern_may_cover(f, key) if filter_pattern_covers(f, key)

filter_pattern_may_cover(f, _) if tf.is_unknown(f, ["pattern"])

# Trails that record events (enable_logging defaults to true).
logging_trails := [t |
	some t in tf.resources("aws_cloudtrail")
	not tf.is_false(tf.val(t.values, "enable_logging", true))
	not tf.is_unknown(t, ["enable_logging"])
]

# The trail whose finding stands for the module: the first (by address) of
# those that deliver to CloudWatch Logs, else the first trail.
cis_alarm_trail := t if {
	delivering := [x | some x in logging_trails; trail_delivers_to_logs(x)]
	count(delivering) > 0
	t := first_by_address(delivering)
} else := first_by_address(logging_trails) if count(logging_trails) > 0

first_by_address(rs) := r if {
	addrs := sort([x.address | some x in rs])
	some r in rs
	r.address == addrs[0]
}

trail_delivers_to_logs(t) if tf.is_set(t, ["cloud_watch_logs_group_arn"])

trail_delivers_to_logs(t) if tf.is_unknown(t, ["cloud_watch_logs_group_arn"])

# Metric filter f may be on the log group trail t delivers to. Undecidable
# links (a variable on either side) count as possible.
filter_on_trail_group(f, t) if {
	some g in trail_log_groups(t)
	some fg in filter_log_groups(f)
	g == fg
}

filter_on_trail_group(f, t) if {
	name := f.values.log_group_name
	is_string(name)
	arn := t.values.cloud_watch_logs_group_arn
	is_string(arn)
	log_group_arn_names(arn, name)
}

filter_on_trail_group(f, t) if {
	name := f.values.log_group_name
	is_string(name)
	some g in trail_log_groups(t)
	some lg in tf.resources("aws_cloudwatch_log_group")
	tf.base_address(lg.address) == g
	lg.values.name == name
}

filter_on_trail_group(_, t) if trail_log_group_undecided(t)

filter_on_trail_group(f, _) if filter_log_group_undecided(f)

# "arn:aws:logs:eu-west-1:111122223333:log-group:cloudtrail:*" names "cloudtrail".
log_group_arn_names(arn, name) if endswith(arn, concat("", [":log-group:", name, ":*"]))

log_group_arn_names(arn, name) if endswith(arn, concat("", [":log-group:", name]))

# The aws_cloudwatch_log_group resources (base addresses) t's ARN refers to.
trail_log_groups(t) := {tf.base_address(ref) |
	some ref in object.get(t.references, "cloud_watch_logs_group_arn", [])
	startswith(ref, "aws_cloudwatch_log_group.")
}

filter_log_groups(f) := {tf.base_address(ref) |
	some ref in object.get(f.references, "log_group_name", [])
	startswith(ref, "aws_cloudwatch_log_group.")
}

trail_log_group_undecided(t) if {
	tf.is_unknown(t, ["cloud_watch_logs_group_arn"])
	count(trail_log_groups(t)) == 0
}

filter_log_group_undecided(f) if {
	tf.is_unknown(f, ["log_group_name"])
	count(filter_log_groups(f)) == 0
}

# An alarm watches the metric filter f publishes (its metric_transformation
# name and namespace), by reference or by literal name; an alarm whose
# metric is not known counts as watching it.
filter_has_alarm(f) if {
	some a in tf.resources("aws_cloudwatch_metric_alarm")
	some ref in object.get(a.references, "metric_name", [])
	tf.base_address(ref) == tf.base_address(f.address)
}

filter_has_alarm(f) if {
	some mt in tf.list(f.values, "metric_transformation")
	some a in tf.resources("aws_cloudwatch_metric_alarm")
	a.values.metric_name == mt.name
	alarm_namespace_matches(a, mt)
}

filter_has_alarm(f) if {
	some mt in tf.list(f.values, "metric_transformation")
	some a in tf.resources("aws_cloudwatch_metric_alarm")
	some q in tf.list(a.values, "metric_query")
	some m in tf.list(q, "metric")
	m.metric_name == mt.name
	tf.val(m, "namespace", mt.namespace) == mt.namespace
}

filter_has_alarm(f) if tf.is_unknown(f, ["metric_transformation"])

filter_has_alarm(f) if {
	some i, _ in tf.list(f.values, "metric_transformation")
	tf.is_unknown(f, ["metric_transformation", i, "name"])
}

filter_has_alarm(_) if {
	some a in tf.resources("aws_cloudwatch_metric_alarm")
	tf.is_unknown(a, ["metric_name"])
	not alarm_refers_to_a_filter(a)
}

alarm_refers_to_a_filter(a) if {
	some ref in object.get(a.references, "metric_name", [])
	startswith(ref, "aws_cloudwatch_log_metric_filter.")
}

alarm_namespace_matches(a, mt) if a.values.namespace == mt.namespace

alarm_namespace_matches(a, _) if tf.is_unknown(a, ["namespace"])

# Module calls that may create the filters and alarms out of this
# document's sight (terraform-aws-modules/cloudwatch cis-alarms, a
# monitoring or security-baseline module).
alarm_module_call if {
	some m in input.module_calls
	s := lower(concat(" ", [tf.val(m, "source", ""), tf.val(m, "name", "")]))
	regex.match(`cis|alarm|cloudwatch|monitor|metric|alert|baseline|cloudtrail|audit`, s)
}

# The control `key` is met for the module (or cannot be decided).
cis_alarm_met(key) if {
	some t in logging_trails
	some f in tf.resources("aws_cloudwatch_log_metric_filter")
	filter_pattern_may_cover(f, key)
	filter_on_trail_group(f, t)
	filter_has_alarm(f)
}

# The finding of control `key`: on the module's representative trail, when
# the module records events with CloudTrail and no filter + alarm pair for
# the control exists.
cis_alarm_missing(key) := t if {
	t := cis_alarm_trail
	not cis_alarm_met(key)
	not alarm_module_call
}

# ---------------------------------------------------------------------------
# Resources named by ARN from a split-out resource (a log delivery source, a
# WAF association, a Shield protection)
# ---------------------------------------------------------------------------

# Some resource of `type` names r in `attr` (by reference or by r's literal
# ARN), or may do so: its `attr` is not known and refers to no managed
# resource (a variable, a local). The links are collected once per
# evaluation in rules, so a policy stays linear in the module's size.
arn_target_of(r, type, attr) if [type, attr, tf.base_address(r.address)] in arn_link_refs

arn_target_of(r, type, attr) if [type, attr, r.values.arn] in arn_link_literals

arn_target_of(_, type, attr) if [type, attr] in arn_link_wildcards

# The (type, attribute) pairs that name another resource by ARN.
arn_links := {
	["aws_cloudwatch_log_delivery_source", "resource_arn"],
	["aws_wafv2_web_acl_association", "resource_arn"],
	["aws_wafregional_web_acl_association", "resource_arn"],
	["aws_wafv2_web_acl_logging_configuration", "resource_arn"],
	["aws_networkfirewall_logging_configuration", "firewall_arn"],
}

arn_link_refs contains [type, attr, tf.base_address(ref)] if {
	some [type, attr] in arn_links
	some o in tf.resources(type)
	some ref in object.get(o.references, attr, [])
}

arn_link_literals contains [type, attr, v] if {
	some [type, attr] in arn_links
	some o in tf.resources(type)
	v := o.values[attr]
	is_string(v)
}

arn_link_wildcards contains [type, attr] if {
	some [type, attr] in arn_links
	some o in tf.resources(type)
	tf.is_unknown(o, [attr])
	count([ref |
		some ref in object.get(o.references, attr, [])
		not regex.match(`^(var|local|module|data|each|count|path|terraform|self)\.`, ref)
	]) == 0
}

# ---------------------------------------------------------------------------
# CloudTrail trails: their buckets and what they record
# ---------------------------------------------------------------------------

# The aws_s3_bucket resources of the module that trail t delivers to.
trail_buckets(t) := [b |
	some b in tf.resources("aws_s3_bucket")
	tf.points_at(t, "s3_bucket_name", b)
]

# Trail t records S3 object-level events of kind `mode` ("read" or "write"),
# or may do so (its selectors are not known).
trail_records_s3_data(t, mode) if {
	some s in tf.list(t.values, "event_selector")
	some d in tf.list(s, "data_resource")
	tf.val(d, "type", "") == "AWS::S3::Object"
	rw_covers(tf.val(s, "read_write_type", "All"), mode)
}

trail_records_s3_data(t, mode) if {
	some s in tf.list(t.values, "advanced_event_selector")
	fs := tf.list(s, "field_selector")
	selector_equals(fs, "eventCategory", "Data")
	selector_equals(fs, "resources.type", "AWS::S3::Object")
	read_only_covers(fs, mode)
}

trail_records_s3_data(t, _) if tf.is_unknown(t, ["event_selector"])

trail_records_s3_data(t, _) if tf.is_unknown(t, ["advanced_event_selector"])

rw_covers(rw, _) if rw == "All"

rw_covers(rw, mode) if {
	rw == "WriteOnly"
	mode == "write"
}

rw_covers(rw, mode) if {
	rw == "ReadOnly"
	mode == "read"
}

selector_equals(fs, field, value) if {
	some f in fs
	f.field == field
	value in tf.list(f, "equals")
}

# No readOnly selector: both kinds; readOnly = true: reads; false: writes.
read_only_covers(fs, _) if {
	not selector_present(fs, "readOnly")
}

read_only_covers(fs, "read") if selector_equals(fs, "readOnly", "true")

read_only_covers(fs, "write") if selector_equals(fs, "readOnly", "false")

selector_present(fs, field) if {
	some f in fs
	f.field == field
}

# The trail of the module that stands for a module-level finding.
first_logging_trail := first_by_address(logging_trails) if count(logging_trails) > 0

# Trail t records every management event (reads and writes, global services
# included), or may do so.
trail_records_management(t) if {
	not tf.is_false(tf.val(t.values, "include_global_service_events", true))
	management_selected(t)
}

management_selected(t) if {
	count(tf.list(t.values, "event_selector")) == 0
	count(tf.list(t.values, "advanced_event_selector")) == 0
}

management_selected(t) if {
	some s in tf.list(t.values, "event_selector")
	not tf.is_false(tf.val(s, "include_management_events", true))
	tf.val(s, "read_write_type", "All") == "All"
}

management_selected(t) if {
	some s in tf.list(t.values, "advanced_event_selector")
	fs := tf.list(s, "field_selector")
	selector_equals(fs, "eventCategory", "Management")
	not selector_present(fs, "readOnly")
}

management_selected(t) if tf.is_unknown(t, ["event_selector"])

management_selected(t) if tf.is_unknown(t, ["advanced_event_selector"])
