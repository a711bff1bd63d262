# METADATA
# title: ECS task uses the host network
# description: >-
#   A task definition with network_mode = "host" puts its containers on the EC2
#   host's network stack: they can bind any host port, reach the instance
#   metadata service and every local service as the host, and cannot be given
#   their own security groups. Use awsvpc networking (the only mode on Fargate).
#   Checked on aws_ecs_task_definition; the default (bridge on EC2) passes.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html
# custom:
#   id: TFW-AWS-0258
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ecs_task_definition]
#   frameworks:
#     nist-800-53-r5: [SC-7, SC-39]
#     cwe: [CWE-653]
#   remediation: |
#     Give the task its own network interface:
#     ```hcl
#     resource "aws_ecs_task_definition" "app" {
#       network_mode = "awsvpc"
#     }
#     ```
#   aliases: []
package tfward.aws.ecs.host_network_mode

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["network_mode"], sprintf("%s runs its containers on the host network", [r.address])) if {
	some r in tf.value_in(["aws_ecs_task_definition"], ["network_mode"], {"host"}, "bridge")
}
