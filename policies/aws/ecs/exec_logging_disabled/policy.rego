# METADATA
# title: ECS Exec sessions are not logged
# description: >-
#   With execute_command_configuration.logging = "NONE", commands run through
#   ECS Exec (aws ecs execute-command) inside containers leave no session log,
#   so interactive access to production tasks cannot be audited. The provider
#   default "DEFAULT" sends the output to the task's awslogs configuration and
#   passes, as does "OVERRIDE" with a log_configuration.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html#ecs-exec-logging
# custom:
#   id: TFW-AWS-0256
#   severity: MEDIUM
#   category: compliance
#   resource_types: [aws_ecs_cluster]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_223
#   remediation: |
#     Log ECS Exec sessions:
#     ```hcl
#     resource "aws_ecs_cluster" "main" {
#       configuration {
#         execute_command_configuration {
#           logging = "OVERRIDE"
#
#           log_configuration {
#             cloud_watch_log_group_name     = aws_cloudwatch_log_group.exec.name
#             cloud_watch_encryption_enabled = true
#           }
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.ecs.exec_logging_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["configuration", i, "execute_command_configuration", j, "logging"], msg) if {
	some r in tf.resources("aws_ecs_cluster")
	some i, c in tf.list(r.values, "configuration")
	some j, e in tf.list(c, "execute_command_configuration")
	tf.val(e, "logging", "DEFAULT") == "NONE"
	msg := sprintf("%s does not log ECS Exec sessions", [r.address])
}
