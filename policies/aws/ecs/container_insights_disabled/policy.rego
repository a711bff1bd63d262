# METADATA
# title: ECS cluster does not enable Container Insights
# description: >-
#   Container Insights collects per-task and per-service CPU, memory, network
#   and restart metrics. Without it, failing or resource-starved tasks and
#   unusual activity in a cluster go unnoticed. Enable the containerInsights
#   setting (enabled or enhanced).
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContainerInsights.html
# custom:
#   id: TFW-AWS-0077
#   severity: LOW
#   category: reliability
#   resource_types: [aws_ecs_cluster]
#   frameworks:
#     soc2: [CC7.2]
#   equivalents:
#     checkov: CKV_AWS_65
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
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["setting"], sprintf("%s does not enable Container Insights", [r.address])) if {
	some r in tf.resources("aws_ecs_cluster")
	not insights(r)
	not tf.is_unknown(r, ["setting"])
	not undecided(r)
}

insights(r) if {
	some s in tf.list(r.values, "setting")
	s.name == "containerInsights"
	s.value in {"enabled", "enhanced"}
}

undecided(r) if {
	some i, s in tf.list(r.values, "setting")
	s.name == "containerInsights"
	tf.is_unknown(r, ["setting", i, "value"])
}
