# METADATA
# title: ECS container root filesystem is writable
# description: >-
#   A writable root filesystem lets an attacker who gets code execution in the
#   container drop tools, modify binaries and persist. readonlyRootFilesystem =
#   true (with volumes for the paths that must be written) removes that
#   foothold. Defaults to false.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security
# custom:
#   id: TFW-AWS-0075
#   severity: LOW
#   category: security
#   resource_types: [aws_ecs_task_definition]
#   frameworks:
#     soc2: [CC6.8]
#     cwe: [CWE-732]
#   equivalents:
#     checkov: CKV_AWS_336
#   remediation: |
#     Mount the root filesystem read-only:
#     ```hcl
#     resource "aws_ecs_task_definition" "app" {
#       family = "app"
#       container_definitions = jsonencode([{
#         name                   = "app"
#         image                  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2"
#         essential              = true
#         readonlyRootFilesystem = true
#       }])
#     }
#     ```
#   aliases: []
package tfward.aws.ecs.writable_root_filesystem

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["container_definitions"], msg) if {
	some r in tf.resources("aws_ecs_task_definition")
	some i, c in aws.containers(r)
	not tf.is_true(object.get(c, "readonlyRootFilesystem", false))
	not tf.is_unknown(r, ["container_definitions", i, "readonlyRootFilesystem"])
	msg := sprintf("%s lets container %v write to its root filesystem", [r.address, object.get(c, "name", "?")])
}
