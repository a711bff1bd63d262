# METADATA
# title: ECS container has no log configuration
# description: >-
#   A container without logConfiguration sends its output nowhere the team can
#   read once the task stops (on Fargate, nowhere at all): incidents and
#   intrusions leave no application trace. Fires on containers of an
#   aws_ecs_task_definition without a logConfiguration (or with one that names
#   no logDriver).
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_logconfiguration
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html
# custom:
#   id: TFW-AWS-0264
#   severity: LOW
#   category: compliance
#   resource_types: [aws_ecs_task_definition]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   remediation: |
#     Ship container logs to CloudWatch (or FireLens):
#     ```hcl
#     container_definitions = jsonencode([{
#       name  = "app"
#       image = "app:1.4.2"
#       logConfiguration = {
#         logDriver = "awslogs"
#         options = {
#           awslogs-group         = "/ecs/app"
#           awslogs-region        = "eu-west-1"
#           awslogs-stream-prefix = "app"
#         }
#       }
#     }])
#     ```
#   aliases: []
package tfward.aws.ecs.container_logging_missing

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["container_definitions"], msg) if {
	some r in tf.resources("aws_ecs_task_definition")
	some i, c in aws.containers(r)
	not log_driver(c)
	not tf.is_unknown(r, ["container_definitions", i, "logConfiguration", "logDriver"])
	msg := sprintf("%s has no log configuration for container %v", [r.address, object.get(c, "name", "?")])
}

log_driver(c) if {
	d := object.get(object.get(c, "logConfiguration", {}), "logDriver", "")
	is_string(d)
	d != ""
}
