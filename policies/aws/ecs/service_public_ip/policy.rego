# METADATA
# title: ECS service assigns public IP addresses to its tasks
# description: >-
#   An aws_ecs_service with network_configuration.assign_public_ip = true gives
#   every task (awsvpc networking) a public IP, so tasks are reachable from the
#   internet as far as their security groups allow and bypass the load balancer.
#   The provider default is false. Put tasks in private subnets and reach the
#   internet through NAT or VPC endpoints.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html
# custom:
#   id: TFW-AWS-0261
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ecs_service]
#   frameworks:
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-668]
#   equivalents:
#     checkov: CKV_AWS_333
#   remediation: |
#     Keep tasks private:
#     ```hcl
#     resource "aws_ecs_service" "app" {
#       network_configuration {
#         subnets          = aws_subnet.private[*].id
#         assign_public_ip = false
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.ecs.service_public_ip

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["network_configuration", i, "assign_public_ip"], sprintf("%s gives its tasks public IP addresses", [r.address])) if {
	some r in tf.resources("aws_ecs_service")
	some i, n in tf.list(r.values, "network_configuration")
	tf.is_true(tf.val(n, "assign_public_ip", false))
}
