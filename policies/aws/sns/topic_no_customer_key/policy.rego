# METADATA
# title: SNS topic is encrypted with the AWS managed key
# description: >-
#   A topic encrypted with the AWS managed alias/aws/sns key cannot be
#   restricted by a key policy, and event sources such as CloudWatch alarms,
#   EventBridge or S3 cannot publish to it at all (they need
#   kms:GenerateDataKey on a key whose policy you control). Use a customer
#   managed key. Reported when kms_master_key_id is an AWS managed alias
#   (alias/aws/...); an absent key (no encryption) is TFW-AWS-0093, an unknown
#   one is not reported.
# related_resources:
#   - https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
# custom:
#   id: TFW-AWS-0415
#   severity: LOW
#   category: security
#   resource_types: [aws_sns_topic]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12]
#     cwe: [CWE-311]
#   equivalents:
#     trivy: AWS-0136
#   remediation: |
#     Encrypt with your key, and let the publishers use it in its key policy:
#     ```hcl
#     resource "aws_sns_topic" "alerts" {
#       name              = "alerts"
#       kms_master_key_id = aws_kms_key.topics.arn
#     }
#     ```
#   aliases: []
package tfward.aws.sns.topic_no_customer_key

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["kms_master_key_id"], sprintf("%s is encrypted with the AWS managed key %s", [r.address, r.values.kms_master_key_id])) if {
	some r in tf.resources("aws_sns_topic")
	is_string(r.values.kms_master_key_id)
	startswith(lower(r.values.kms_master_key_id), "alias/aws/")
}
