# METADATA
# title: ECS cluster does not enable Container Insights
# description: >-
#   Container Insights collects CPU, memory, network and storage metrics per
#   cluster, service and task; without it, capacity problems and noisy
#   neighbours go unseen until they cause outages. Fires on an aws_ecs_cluster
#   without a containerInsights setting of "enabled" or "enhanced", unless the
#   module sets the account default (aws_ecs_account_setting_default
#   containerInsights enabled/enhanced), which new clusters inherit. An explicit
#   "disabled" is reported whatever the account default.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContainerInsights.html
# custom:
#   id: TFW-AWS-0077
#   severity: LOW
#   category: reliability
#   resource_types: [aws_ecs_cluster, aws_ecs_account_setting_default]
#   frameworks:
#     soc2: [CC7.2]
#   equivalents:
#     checkov: CKV_AWS_65
#     trivy: AWS-0034
#   remediation: |
#     Turn Container Insights on:
#     ```hcl
#     resource "aws_ecs_cluster" "main" {
#       name = "main"
#
#       setting {
#         name  = "containerInsights"
#         value = "enabled"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.ecs.container_insights_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["setting"], sprintf("%s does not enable Container Insights", [r.address])) if {
	some r in tf.resources("aws_ecs_cluster")
	not insights(r)
	not explicitly_set(r)
	not tf.is_unknown(r, ["setting"])
	not undecided(r)
	not account_default
}

deny contains tf.finding(r, ["setting", i, "value"], sprintf("%s turns Container Insights off", [r.address])) if {
	some r in tf.resources("aws_ecs_cluster")
	some i, s in tf.list(r.values, "setting")
	s.name == "containerInsights"
	s.value == "disabled"
}

insights(r) if {
	some s in tf.list(r.values, "setting")
	s.name == "containerInsights"
	s.value in {"enabled", "enhanced"}
}

explicitly_set(r) if {
	some s in tf.list(r.values, "setting")
	s.name == "containerInsights"
}

undecided(r) if {
	some i, s in tf.list(r.values, "setting")
	s.name == "containerInsights"
	tf.is_unknown(r, ["setting", i, "value"])
}

# The account default applies to clusters created without the setting.
account_default if {
	some d in tf.resources("aws_ecs_account_setting_default")
	d.values.name == "containerInsights"
	d.values.value in {"enabled", "enhanced"}
}

account_default if {
	some d in tf.resources("aws_ecs_account_setting_default")
	d.values.name == "containerInsights"
	tf.is_unknown(d, ["value"])
}
