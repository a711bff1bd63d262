# METADATA
# title: ECS container definition holds secrets in plain environment variables
# description: >-
#   environment values are visible in the console, in DescribeTaskDefinition
#   output to anyone with read access, and in Terraform state. A variable whose
#   name says password, secret, token or key with a literal value, or an AWS
#   access key id, leaks that way. Use the secrets field with Secrets Manager or
#   SSM Parameter Store ARNs.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
# custom:
#   id: TFW-AWS-0076
#   severity: HIGH
#   category: security
#   resource_types: [aws_ecs_task_definition]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["8.3.2"]
#     cwe: [CWE-798]
#   equivalents:
#     trivy: AWS-0036
#   remediation: |
#     Inject the secret from Secrets Manager:
#     ```hcl
#     resource "aws_ecs_task_definition" "app" {
#       family             = "app"
#       execution_role_arn = aws_iam_role.task_execution.arn
#       container_definitions = jsonencode([{
#         name      = "app"
#         image     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2"
#         essential = true
#         secrets = [{
#           name      = "DB_PASSWORD"
#           valueFrom = aws_secretsmanager_secret.db.arn
#         }]
#       }])
#     }
#     ```
#   aliases: []
package tfward.aws.ecs.plaintext_secrets

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["container_definitions"], msg) if {
	some r in tf.resources("aws_ecs_task_definition")
	some c in aws.containers(r)
	some e in tf.list(c, "environment")
	is_string(e.value)
	is_string(e.name)
	aws.secret_name(e.name)
	count(e.value) >= 8
	not startswith(e.value, "arn:")
	msg := sprintf("%s sets %s of container %v to a literal value", [r.address, e.name, object.get(c, "name", "?")])
}

deny contains tf.finding(r, ["container_definitions"], msg) if {
	some r in tf.resources("aws_ecs_task_definition")
	some c in aws.containers(r)
	some e in tf.list(c, "environment")
	is_string(e.value)
	regex.match(`(AKIA|ASIA)[0-9A-Z]{16}`, e.value)
	msg := sprintf("%s has an AWS access key id in %s of container %v", [r.address, e.name, object.get(c, "name", "?")])
}
