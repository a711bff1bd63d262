# METADATA
# title: DAX cluster does not encrypt data at rest
# description: >-
#   A DAX cluster caches items of the DynamoDB tables behind it on its nodes'
#   disks; they are encrypted only when server_side_encryption.enabled is true,
#   and the default is false (it cannot be changed after creation). An
#   aws_dax_cluster without the block, or with enabled false, is reported.
# related_resources:
#   - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dax_cluster#server_side_encryption
# custom:
#   id: TFW-AWS-0369
#   severity: HIGH
#   category: security
#   resource_types: [aws_dax_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_47
#     trivy: AWS-0023
#   remediation: |
#     Encrypt the cluster at creation:
#     ```hcl
#     resource "aws_dax_cluster" "cache" {
#       # ...
#       server_side_encryption {
#         enabled = true
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.dax.encryption_at_rest_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["server_side_encryption"], sprintf("%s does not encrypt cached data at rest", [r.address])) if {
	some r in tf.resources("aws_dax_cluster")
	not encrypted(r)
	not tf.is_unknown(r, ["server_side_encryption"])
	not tf.is_unknown(r, ["server_side_encryption", 0, "enabled"])
}

encrypted(r) if {
	some s in tf.list(r.values, "server_side_encryption")
	tf.is_true(tf.val(s, "enabled", false))
}
