# METADATA
# title: Secrets Manager secret is not rotated automatically
# description: >-
#   A secret that never changes stays valid for as long as any copy of it exists
#   - in old laptops, logs, CI variables or a departed employee's notes.
#   Automatic rotation (aws_secretsmanager_secret_rotation with a rotation
#   Lambda or a managed rotation) limits how long a leaked value is useful. A
#   secret is reported when no rotation resource in the module points at it,
#   unless some rotation resource's secret_id is unknown and might (a
#   variable, a module output). Rotation periods are TFW-AWS-0411.
# related_resources:
#   - https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html
# custom:
#   id: TFW-AWS-0099
#   severity: LOW
#   category: security
#   resource_types: [aws_secretsmanager_secret, aws_secretsmanager_secret_rotation]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["8.3.9"]
#     nist-800-53-r5: [IA-5]
#     cwe: [CWE-262]
#   equivalents:
#     checkov: CKV2_AWS_57
#   remediation: |
#     Rotate the secret:
#     ```hcl
#     resource "aws_secretsmanager_secret_rotation" "db" {
#       secret_id           = aws_secretsmanager_secret.db.id
#       rotation_lambda_arn = aws_lambda_function.rotate_db.arn
#
#       rotation_rules {
#         automatically_after_days = 30
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.secretsmanager.rotation_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s is never rotated", [r.address])) if {
	some r in tf.resources("aws_secretsmanager_secret")
	count(tf.linked(r, "aws_secretsmanager_secret_rotation", "secret_id")) == 0
	not aws.link_undecided("aws_secretsmanager_secret_rotation", "secret_id")
}
