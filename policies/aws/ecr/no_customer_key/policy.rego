# METADATA
# title: ECR repository is not encrypted with a customer-managed KMS key
# description: >-
#   ECR encrypts images with AES-256 by default (encryption_type "AES256", also
#   when the encryption_configuration block is absent), or with the AWS-managed
#   aws/ecr key when encryption_type is "KMS" without kms_key. Neither key
#   policy can be changed, so access to image layers cannot be limited or
#   revoked through the key. Fires when encryption_type is not KMS, or is KMS
#   without kms_key; unknown values stay silent.
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
import data.lib.tf

deny contains tf.finding(r, ["encryption_configuration", 0, "encryption_type"], sprintf("%s is not encrypted with a KMS key", [r.address])) if {
	some r in tf.resources("aws_ecr_repository")
	not startswith(tf.at(r, ["encryption_configuration", 0, "encryption_type"], "AES256"), "KMS")
}

deny contains tf.finding(r, ["encryption_configuration", 0, "kms_key"], sprintf("%s uses the AWS-managed aws/ecr key instead of a customer-managed key", [r.address])) if {
	some r in tf.resources("aws_ecr_repository")
	startswith(tf.at(r, ["encryption_configuration", 0, "encryption_type"], "AES256"), "KMS")
	not tf.is_set(r, ["encryption_configuration", 0, "kms_key"])
}
