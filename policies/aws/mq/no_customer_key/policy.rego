# METADATA
# title: MQ broker is not encrypted with a customer managed key
# description: >-
#   Amazon MQ encrypts broker storage with an AWS owned key unless
#   encryption_options sets use_aws_owned_key = false and a kms_key_id
#   (use_aws_owned_key defaults to true). An aws_mq_broker without
#   encryption_options, with use_aws_owned_key true or without kms_key_id is
#   reported. Without kms_key_id but with use_aws_owned_key = false, the AWS
#   managed aws/mq key is used, whose key policy cannot be changed.
# related_resources:
#   - https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/data-protection.html#data-protection-encryption-at-rest
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mq_broker#encryption_options
# custom:
#   id: TFW-AWS-0371
#   severity: LOW
#   category: security
#   resource_types: [aws_mq_broker]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_209
#   remediation: |
#     Encrypt with your own key:
#     ```hcl
#     encryption_options {
#       use_aws_owned_key = false
#       kms_key_id        = aws_kms_key.mq.arn
#     }
#     ```
#   aliases: []
package tfward.aws.mq.no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["encryption_options"], sprintf("%s encrypts its storage with an AWS owned key (no encryption_options)", [r.address])) if {
	some r in tf.resources("aws_mq_broker")
	count(tf.list(r.values, "encryption_options")) == 0
	not tf.is_unknown(r, ["encryption_options"])
}

deny contains tf.finding(r, ["encryption_options", i, "use_aws_owned_key"], sprintf("%s encrypts its storage with an AWS owned key", [r.address])) if {
	some r in tf.resources("aws_mq_broker")
	some i, e in tf.list(r.values, "encryption_options")
	tf.is_true(tf.val(e, "use_aws_owned_key", true))
}

deny contains tf.finding(r, ["encryption_options", i, "kms_key_id"], sprintf("%s uses the AWS managed aws/mq key (no kms_key_id)", [r.address])) if {
	some r in tf.resources("aws_mq_broker")
	some i, e in tf.list(r.values, "encryption_options")
	tf.is_false(tf.val(e, "use_aws_owned_key", true))
	tf.val(e, "kms_key_id", "") == ""
}
