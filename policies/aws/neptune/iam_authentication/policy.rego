# METADATA
# title: Neptune cluster does not use IAM database authentication
# description: >-
#   With IAM database authentication, Neptune requests are signed with SigV4
#   credentials of an IAM identity, so access is granted, audited and revoked in
#   IAM instead of being open to anything that reaches the endpoint. An
#   aws_neptune_cluster is reported when iam_database_authentication_enabled is
#   false or left out (the default).
# related_resources:
#   - https://docs.aws.amazon.com/neptune/latest/userguide/iam-auth.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster#iam_database_authentication_enabled
# custom:
#   id: TFW-AWS-0342
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_neptune_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["8.2.1"]
#     nist-800-53-r5: [IA-2, AC-3]
#     cwe: [CWE-306]
#   equivalents:
#     checkov: CKV_AWS_359
#   remediation: |
#     Require IAM authentication:
#     ```hcl
#     resource "aws_neptune_cluster" "graph" {
#       # ...
#       iam_database_authentication_enabled = true
#     }
#     ```
#   aliases: []
package tfward.aws.neptune.iam_authentication

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["iam_database_authentication_enabled"], sprintf("%s accepts requests without IAM authentication", [r.address])) if {
	some r in tf.not_true(["aws_neptune_cluster"], ["iam_database_authentication_enabled"], false)
}
