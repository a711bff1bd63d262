# METADATA
# title: ECR repository is not encrypted with a KMS key
# description: >-
#   Images are encrypted with AES-256 S3-managed keys unless
#   encryption_configuration selects KMS. With a customer managed key, pulling
#   image layers also needs kms:Decrypt on your key, and key use is logged in
#   CloudTrail.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html
# custom:
#   id: TFW-AWS-0072
#   severity: LOW
#   category: security
#   resource_types: [aws_ecr_repository]
#   frameworks:
#     soc2: [CC6.1]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_136
#     trivy: AWS-0033
#   remediation: |
#     Encrypt with KMS:
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
package tfward.aws.ecr.no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["encryption_configuration", 0, "encryption_type"], sprintf("%s is not encrypted with a KMS key", [r.address])) if {
	some r in tf.resources("aws_ecr_repository")
	not kms(r)
	not tf.is_unknown(r, ["encryption_configuration", 0, "encryption_type"])
}

kms(r) if {
	some c in tf.list(r.values, "encryption_configuration")
	startswith(tf.val(c, "encryption_type", "AES256"), "KMS")
}
