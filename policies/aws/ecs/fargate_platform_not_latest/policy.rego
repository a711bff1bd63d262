# METADATA
# title: ECS Fargate service pins an old platform version
# description: >-
#   A Fargate service with platform_version set to anything but "LATEST" keeps
#   its tasks on that platform revision, missing the kernel, runtime and agent
#   security fixes of newer ones. The provider default is LATEST (absent
#   passes). Checked on aws_ecs_service with launch_type FARGATE.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html
# custom:
#   id: TFW-AWS-0262
#   severity: LOW
#   category: security
#   resource_types: [aws_ecs_service]
#   frameworks:
#     nist-800-53-r5: [SI-2]
#     cwe: [CWE-1104]
#   equivalents:
#     checkov: CKV_AWS_332
#   remediation: |
#     Run on the latest platform:
#     ```hcl
#     resource "aws_ecs_service" "app" {
#       launch_type      = "FARGATE"
#       platform_version = "LATEST"
#     }
#     ```
#   aliases: []
package tfward.aws.ecs.fargate_platform_not_latest

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["platform_version"], msg) if {
	some r in tf.resources("aws_ecs_service")
	tf.val(r.values, "launch_type", "") == "FARGATE"
	v := tf.val(r.values, "platform_version", "LATEST")
	v != "LATEST"
	msg := sprintf("%s pins Fargate platform version %s", [r.address, v])
}
