# METADATA
# title: ECR repository allows image tags to be overwritten
# description: >-
#   With MUTABLE tags (the default) anyone who can push can replace the image
#   behind app:1.4.2 or app:prod, and every deployment that pulls by tag
#   silently runs the new image. Immutable tags make a tag mean one image
#   forever, which keeps deployments reproducible and stops tag-swapping supply-chain
#   attacks.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
# custom:
#   id: TFW-AWS-0070
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ecr_repository]
#   frameworks:
#     soc2: [CC8.1]
#     cwe: [CWE-494]
#   equivalents:
#     checkov: CKV_AWS_51
#     trivy: AWS-0031
#     kics: d1846b12-20c5-4d45-8798-fc35b79268eb
#   remediation: |
#     Make tags immutable:
#     ```hcl
#     resource "aws_ecr_repository" "app" {
#       name                 = "app"
#       image_tag_mutability = "IMMUTABLE"
#
#       image_scanning_configuration {
#         scan_on_push = true
#       }
#
#       encryption_configuration {
#         encryption_type = "KMS"
#         kms_key         = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.ecr.mutable_tags

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["image_tag_mutability"], sprintf("%s lets pushed tags be overwritten", [r.address])) if {
	some r in tf.resources("aws_ecr_repository")
	not startswith(tf.val(r.values, "image_tag_mutability", "MUTABLE"), "IMMUTABLE")
	not tf.is_unknown(r, ["image_tag_mutability"])
}
