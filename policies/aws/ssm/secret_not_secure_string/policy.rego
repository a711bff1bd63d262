# METADATA
# title: SSM parameter with a secret-looking name is not a SecureString
# description: >-
#   String and StringList parameters are stored and returned in plain text to
#   anyone with ssm:GetParameter, and shown in the console. A parameter named
#   like a password, secret, token or key should be a SecureString, which is
#   encrypted with KMS and needs kms:Decrypt to read.
# related_resources:
#   - https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-parameter-store.html#what-is-a-parameter
# custom:
#   id: TFW-AWS-0100
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ssm_parameter]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     cwe: [CWE-312]
#   remediation: |
#     Store it as a SecureString:
#     ```hcl
#     resource "aws_ssm_parameter" "db_password" {
#       name   = "/app/db/password"
#       type   = "SecureString"
#       key_id = aws_kms_key.params.arn
#       value  = var.db_password
#     }
#     ```
#   aliases: []
package tfward.aws.ssm.secret_not_secure_string

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["type"], sprintf("%s stores %s as a plain %s", [r.address, r.values.name, r.values.type])) if {
	some r in tf.resources("aws_ssm_parameter")
	r.values.type in {"String", "StringList"}
	is_string(r.values.name)
	leaf := regex.replace(lower(r.values.name), `^.*/`, "")
	aws.secret_name(replace(replace(leaf, "-", "_"), ".", "_"))
}
