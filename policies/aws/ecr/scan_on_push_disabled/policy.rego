# METADATA
# title: ECR repository does not scan images on push
# description: >-
#   Scanning on push reports known vulnerabilities in every image as it arrives,
#   before it is deployed. image_scanning_configuration.scan_on_push defaults to
#   false. Not reported when the module configures registry-wide scanning with
#   aws_ecr_registry_scanning_configuration, which replaces the per-repository
#   setting.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html
# custom:
#   id: TFW-AWS-0071
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ecr_repository, aws_ecr_registry_scanning_configuration]
#   frameworks:
#     soc2: [CC7.1]
#     pci-dss-4.0: ["6.3.1"]
#     cwe: [CWE-1104]
#   equivalents:
#     checkov: CKV_AWS_163
#     trivy: AWS-0030
#     kics: 9630336b-3fed-4096-8173-b9afdfe346a7
#   remediation: |
#     Scan images on push:
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
package tfward.aws.ecr.scan_on_push_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["image_scanning_configuration", 0, "scan_on_push"], sprintf("%s does not scan images on push", [r.address])) if {
	count(tf.resources("aws_ecr_registry_scanning_configuration")) == 0
	some r in tf.resources("aws_ecr_repository")
	not scans(r)
	not tf.is_unknown(r, ["image_scanning_configuration", 0, "scan_on_push"])
}

scans(r) if {
	some c in tf.list(r.values, "image_scanning_configuration")
	tf.is_true(c.scan_on_push)
}
