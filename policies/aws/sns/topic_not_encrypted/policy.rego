# METADATA
# title: SNS topic is not encrypted at rest
# description: >-
#   Messages published to a topic are stored until delivered. Without
#   kms_master_key_id (absent by default) they are stored unencrypted, so an
#   absent or empty value is reported. Use the AWS managed alias/aws/sns key
#   or, better, a customer managed key whose policy lets the publishing
#   services use it (TFW-AWS-0415).
# related_resources:
#   - https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html
# custom:
#   id: TFW-AWS-0093
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_sns_topic]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_26
#     trivy: AWS-0095
#   remediation: |
#     Encrypt the topic:
#     ```hcl
#     resource "aws_sns_topic" "events" {
#       name              = "events"
#       kms_master_key_id = aws_kms_key.sns.arn
#     }
#     ```
#   aliases: []
package tfward.aws.sns.topic_not_encrypted

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["kms_master_key_id"], sprintf("%s is not encrypted at rest", [r.address])) if {
	some r in tf.resources("aws_sns_topic")
	tf.val(r.values, "kms_master_key_id", "") == ""
	not tf.is_unknown(r, ["kms_master_key_id"])
}
