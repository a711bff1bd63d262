# METADATA
# title: ECS task role and execution role are the same
# description: >-
#   The execution role is what ECS uses to pull images and read secrets for the
#   task; the task role is what the application's code gets. Using one role for
#   both hands the application the permission to read every secret and image the
#   agent needs, and the agent whatever the application needs. Fires when
#   execution_role_arn and task_role_arn are equal literals or the same single
#   reference (the same resource attribute, variable or local); two different
#   variables stay silent.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
# custom:
#   id: TFW-AWS-0260
#   severity: LOW
#   category: security
#   resource_types: [aws_ecs_task_definition]
#   frameworks:
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-250]
#   equivalents:
#     checkov: CKV_AWS_249
#   remediation: |
#     Give the task its own role:
#     ```hcl
#     resource "aws_ecs_task_definition" "app" {
#       execution_role_arn = aws_iam_role.ecs_execution.arn
#       task_role_arn      = aws_iam_role.app.arn
#     }
#     ```
#   aliases: []
package tfward.aws.ecs.shared_task_execution_role

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["task_role_arn"], msg) if {
	some r in tf.resources("aws_ecs_task_definition")
	is_string(r.values.execution_role_arn)
	r.values.execution_role_arn != ""
	r.values.execution_role_arn == r.values.task_role_arn
	msg := sprintf("%s uses one IAM role as both task role and execution role", [r.address])
}

deny contains tf.finding(r, [], msg) if {
	some r in tf.resources("aws_ecs_task_definition")
	tf.is_unknown(r, ["execution_role_arn"])
	refs := object.get(r.references, "execution_role_arn", [])
	count(refs) == 1
	object.get(r.references, "task_role_arn", []) == refs
	msg := sprintf("%s uses %s as both task role and execution role", [r.address, refs[0]])
}
