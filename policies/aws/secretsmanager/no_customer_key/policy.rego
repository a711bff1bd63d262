# METADATA
# title: Secrets Manager secret is not encrypted with a customer managed key
# description: >-
#   Without kms_key_id a secret is encrypted with the AWS managed
#   aws/secretsmanager key, which any principal with
#   secretsmanager:GetSecretValue in the account can use. A customer managed key
#   adds a second, separately granted permission, and is required to share the
#   secret with another account. An absent or empty kms_key_id (the default)
#   and an AWS managed alias (alias/aws/...) are reported; an unknown one is
#   not.
# related_resources:
#   - https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
# custom:
#   id: TFW-AWS-0098
#   severity: LOW
#   category: security
#   resource_types: [aws_secretsmanager_secret]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_149
#     trivy: AWS-0098
#   remediation: |
#     Encrypt with your key:
#     ```hcl
#     resource "aws_secretsmanager_secret" "db" {
#       name       = "app/db"
#       kms_key_id = aws_kms_key.secrets.arn
#     }
#     ```
#   aliases: []
package tfward.aws.secretsmanager.no_customer_key

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["kms_key_id"], sprintf("%s is encrypted with the AWS managed key", [r.address])) if {
	some r in tf.resources("aws_secretsmanager_secret")
	aws_managed_key(tf.val(r.values, "kms_key_id", ""))
	not tf.is_unknown(r, ["kms_key_id"])
}

aws_managed_key(k) if k == ""

aws_managed_key(k) if contains(k, "alias/aws/")
