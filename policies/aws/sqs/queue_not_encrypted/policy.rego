# METADATA
# title: SQS queue has server-side encryption turned off
# description: >-
#   New queues are encrypted with SQS-managed keys (SSE-SQS) unless
#   sqs_managed_sse_enabled is set to false. A queue that turns that off and
#   names no kms_master_key_id stores its messages - often order data, events
#   with personal data, job payloads with tokens - unencrypted. An absent
#   sqs_managed_sse_enabled is the provider's (and AWS's) default, SSE-SQS on,
#   and is not reported.
# related_resources:
#   - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
# custom:
#   id: TFW-AWS-0094
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_sqs_queue]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_27
#     trivy: AWS-0096
#   remediation: |
#     Keep SSE on (SQS-managed or KMS):
#     ```hcl
#     resource "aws_sqs_queue" "jobs" {
#       name                    = "jobs"
#       sqs_managed_sse_enabled = true
#     }
#     ```
#   aliases: []
package tfward.aws.sqs.queue_not_encrypted

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["sqs_managed_sse_enabled"], sprintf("%s stores messages unencrypted", [r.address])) if {
	some r in tf.resources("aws_sqs_queue")
	tf.is_false(r.values.sqs_managed_sse_enabled)
	tf.val(r.values, "kms_master_key_id", "") == ""
	not tf.is_unknown(r, ["kms_master_key_id"])
}
