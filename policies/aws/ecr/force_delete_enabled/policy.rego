# METADATA
# title: ECR repository can be deleted with its images
# description: >-
#   force_delete = true lets terraform destroy (or a replacement) delete the
#   repository even when it still holds images, so a mistaken plan wipes every
#   image that running services and rollbacks depend on. The provider default is
#   false.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository#force_delete
# custom:
#   id: TFW-AWS-0267
#   severity: LOW
#   category: reliability
#   resource_types: [aws_ecr_repository]
#   frameworks:
#     nist-800-53-r5: [CP-9]
#   remediation: |
#     Keep repositories with images from being deleted:
#     ```hcl
#     resource "aws_ecr_repository" "app" {
#       name         = "app"
#       force_delete = false
#     }
#     ```
#   aliases: []
package tfward.aws.ecr.force_delete_enabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["force_delete"], sprintf("%s can be deleted while it still holds images", [r.address])) if {
	some r in tf.set_true(["aws_ecr_repository"], ["force_delete"], false)
}
