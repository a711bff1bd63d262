# METADATA
# title: WorkSpaces volume is not encrypted
# description: >-
#   A WorkSpace's root volume holds the desktop's system and cached
#   credentials, its user volume the user's documents. Fires on an
#   aws_workspaces_workspace whose root_volume_encryption_enabled or
#   user_volume_encryption_enabled is false or absent (the provider's
#   default is false), once per volume. Silent when the value is true or not
#   known.
# related_resources:
#   - https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/workspaces_workspace#root_volume_encryption_enabled
# custom:
#   id: TFW-AWS-0560
#   severity: HIGH
#   category: security
#   resource_types: [aws_workspaces_workspace]
#   frameworks:
#     soc2: [CC6.1]
#     hipaa: ["164.312(a)(2)(iv)"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: [CKV_AWS_155, CKV_AWS_156]
#     trivy: AWS-0109
#   remediation: |
#     Encrypt both volumes (only possible when the WorkSpace is created):
#     ```hcl
#     resource "aws_workspaces_workspace" "alice" {
#       directory_id                   = aws_workspaces_directory.corp.id
#       bundle_id                      = "wsb-b0s22j3d7"
#       user_name                      = "alice"
#       volume_encryption_key          = aws_kms_key.workspaces.arn
#       root_volume_encryption_enabled = true
#       user_volume_encryption_enabled = true
#     }
#     ```
#   aliases: []
package tfward.aws.workspaces.volumes_unencrypted

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [attr], sprintf("%s does not encrypt its %s volume", [r.address, vol])) if {
	some r in tf.resources("aws_workspaces_workspace")
	some [attr, vol] in [["root_volume_encryption_enabled", "root"], ["user_volume_encryption_enabled", "user"]]
	not tf.is_true(tf.val(r.values, attr, false))
}
