# METADATA
# title: Neptune cluster can be deleted without turning protection off
# description: >-
#   Without deletion_protection a terraform destroy, a replacement forced by a
#   renamed argument or a stray API call deletes the cluster. An
#   aws_neptune_cluster is reported when deletion_protection is false or left
#   out (the default).
# related_resources:
#   - https://docs.aws.amazon.com/neptune/latest/userguide/manage-console-instances-delete.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster#deletion_protection
# custom:
#   id: TFW-AWS-0341
#   severity: MEDIUM
#   category: reliability
#   resource_types: [aws_neptune_cluster]
#   frameworks:
#     soc2: [A1.2]
#     nist-800-53-r5: [CP-9]
#     cwe: [CWE-693]
#   equivalents:
#     checkov: CKV2_AWS_58
#   remediation: |
#     Protect the cluster:
#     ```hcl
#     resource "aws_neptune_cluster" "graph" {
#       # ...
#       deletion_protection = true
#     }
#     ```
#   aliases: []
package tfward.aws.neptune.deletion_protection

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["deletion_protection"], sprintf("%s has no deletion protection", [r.address])) if {
	some r in tf.not_true(["aws_neptune_cluster"], ["deletion_protection"], false)
}
