# METADATA
# title: SQS queue is not encrypted with a customer managed key
# description: >-
#   Queues are encrypted by default with SQS-owned keys (SSE-SQS), or with the
#   AWS managed alias/aws/sqs key: neither can be restricted by a key policy,
#   audited per use in CloudTrail, or shared with a producer in another
#   account. A customer managed key (kms_master_key_id naming your key) can.
#   Reported when kms_master_key_id is absent or empty (the default) or is an
#   AWS managed alias (alias/aws/...); an unknown key is not reported. A queue
#   with encryption switched off is TFW-AWS-0094.
# related_resources:
#   - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
#   - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html
# custom:
#   id: TFW-AWS-0416
#   severity: LOW
#   category: security
#   resource_types: [aws_sqs_queue]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV2_AWS_73
#     trivy: AWS-0135
#     kics: 6e8849c1-3aa7-40e3-9063-b85ee300f29f
#   remediation: |
#     Encrypt with your key:
#     ```hcl
#     resource "aws_sqs_queue" "jobs" {
#       name                              = "jobs"
#       kms_master_key_id                 = aws_kms_key.queues.arn
#       kms_data_key_reuse_period_seconds = 300
#     }
#     ```
#   aliases: []
package tfward.aws.sqs.queue_no_customer_key

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["kms_master_key_id"], sprintf("%s is not encrypted with a customer managed key", [r.address])) if {
	some r in tf.resources("aws_sqs_queue")
	not tf.is_unknown(r, ["kms_master_key_id"])
	aws_owned_key(tf.val(r.values, "kms_master_key_id", ""))
}

aws_owned_key(k) if k == ""

aws_owned_key(k) if startswith(lower(k), "alias/aws/")
