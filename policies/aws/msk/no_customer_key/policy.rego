# METADATA
# title: MSK cluster is not encrypted with a customer managed key
# description: >-
#   MSK always encrypts broker storage; without
#   encryption_info.encryption_at_rest_kms_key_arn it uses the AWS managed
#   aws/kafka key, whose key policy cannot be changed. An aws_msk_cluster
#   without that key (or without encryption_info) is reported. In a plan the key
#   of a new cluster may be computed and is then not judged.
# related_resources:
#   - https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/msk_cluster#encryption_at_rest_kms_key_arn
# custom:
#   id: TFW-AWS-0367
#   severity: LOW
#   category: security
#   resource_types: [aws_msk_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     trivy: AWS-0179
#   remediation: |
#     Use your own key:
#     ```hcl
#     encryption_info {
#       encryption_at_rest_kms_key_arn = aws_kms_key.msk.arn
#     }
#     ```
#   aliases: []
package tfward.aws.msk.no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, path, sprintf("%s encrypts broker storage with the AWS managed key", [r.address])) if {
	some r in tf.resources("aws_msk_cluster")
	not tf.is_unknown(r, ["encryption_info"])
	some path in missing_key(r)
}

missing_key(r) := [["encryption_info"]] if count(tf.list(r.values, "encryption_info")) == 0

else := [["encryption_info", i, "encryption_at_rest_kms_key_arn"] |
	some i, e in tf.list(r.values, "encryption_info")
	tf.val(e, "encryption_at_rest_kms_key_arn", "") == ""
]
