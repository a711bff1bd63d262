# METADATA
# title: SSM SecureString parameter is encrypted with the AWS managed key
# description: >-
#   A SecureString parameter without key_id is encrypted with the AWS managed
#   alias/aws/ssm key, which anyone allowed ssm:GetParameter with decryption in
#   the account can use: the key adds no second permission, and the parameter
#   cannot be shared across accounts. Reported for SecureString parameters
#   whose key_id is absent or empty (the default) or an AWS managed alias
#   (alias/aws/...); String parameters (see TFW-AWS-0100) and unknown keys are
#   not reported.
# related_resources:
#   - https://docs.aws.amazon.com/systems-manager/latest/userguide/secure-string-parameter-kms-encryption.html
# custom:
#   id: TFW-AWS-0417
#   severity: LOW
#   category: security
#   resource_types: [aws_ssm_parameter]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_337
#   remediation: |
#     Encrypt with your key:
#     ```hcl
#     resource "aws_ssm_parameter" "db_password" {
#       name   = "/app/db/password"
#       type   = "SecureString"
#       value  = var.db_password
#       key_id = aws_kms_key.params.arn
#     }
#     ```
#   aliases: []
package tfward.aws.ssm.parameter_no_customer_key

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["key_id"], sprintf("%s is encrypted with the AWS managed key", [r.address])) if {
	some r in tf.resources("aws_ssm_parameter")
	r.values.type == "SecureString"
	not tf.is_unknown(r, ["key_id"])
	aws_owned_key(tf.val(r.values, "key_id", ""))
}

aws_owned_key(k) if k == ""

aws_owned_key(k) if startswith(lower(k), "alias/aws/")
