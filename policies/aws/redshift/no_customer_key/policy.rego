# METADATA
# title: Redshift cluster is not encrypted with a customer managed key
# description: >-
#   An encrypted Redshift cluster without kms_key_id uses the AWS managed
#   aws/redshift key: its key policy cannot be changed, access cannot be revoked
#   by disabling it, and snapshots cannot be shared across accounts under your
#   own control. An aws_redshift_cluster that is encrypted (explicitly, or by
#   the provider 6.0 default) and sets no kms_key_id is reported; an unencrypted
#   cluster is TFW-AWS-0090's finding. In a plan the key of a new cluster is
#   computed, so only a known empty key is reported there.
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster#kms_key_id
# custom:
#   id: TFW-AWS-0352
#   severity: LOW
#   category: security
#   resource_types: [aws_redshift_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_142
#     trivy: AWS-0084
#   remediation: |
#     Use your own key:
#     ```hcl
#     resource "aws_redshift_cluster" "dw" {
#       # ...
#       encrypted  = true
#       kms_key_id = aws_kms_key.redshift.arn
#     }
#     ```
#   aliases: []
package tfward.aws.redshift.no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["kms_key_id"], sprintf("%s is encrypted with the AWS managed key (no kms_key_id)", [r.address])) if {
	some r in tf.unset(["aws_redshift_cluster"], ["kms_key_id"])
	tf.is_true(tf.val(r.values, "encrypted", default_encrypted))
}

# Provider 5.x and earlier default encrypted to false, 6.0 to true.
default_encrypted := true if data.lib.aws.aws_provider_v6

else := false
