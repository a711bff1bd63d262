# METADATA
# title: ECS task definition runs a privileged container
# description: >-
#   A container definition with "privileged": true gets every Linux capability
#   and access to the host's devices: a compromise of the container is a
#   compromise of the EC2 host and of every other task on it. Fires on any
#   container of an aws_ecs_task_definition (JSON string or jsonencode) with
#   privileged true; Fargate rejects privileged containers, so in practice EC2
#   and external launch types are affected.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security
# custom:
#   id: TFW-AWS-0074
#   severity: HIGH
#   category: security
#   resource_types: [aws_ecs_task_definition]
#   frameworks:
#     soc2: [CC6.8]
#     cwe: [CWE-250]
#   remediation: |
#     Drop privileged mode:
#     ```hcl
#     resource "aws_ecs_task_definition" "app" {
#       family = "app"
#       container_definitions = jsonencode([{
#         name       = "app"
#         image      = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2"
#         privileged = false
#         essential  = true
#       }])
#     }
#     ```
#   aliases: []
package tfward.aws.ecs.privileged_container

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["container_definitions"], msg) if {
	some r in tf.resources("aws_ecs_task_definition")
	some c in aws.containers(r)
	tf.is_true(object.get(c, "privileged", false))
	msg := sprintf("%s runs container %v in privileged mode", [r.address, object.get(c, "name", "?")])
}
