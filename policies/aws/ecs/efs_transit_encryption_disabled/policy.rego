# METADATA
# title: ECS task mounts an EFS volume without encryption in transit
# description: >-
#   An aws_ecs_task_definition volume with efs_volume_configuration whose
#   transit_encryption is absent or "DISABLED" (the provider default) mounts the
#   file system over plain NFS, so file contents cross the network unencrypted.
#   Set transit_encryption = "ENABLED" (required for IAM authorization and
#   access points).
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html
# custom:
#   id: TFW-AWS-0255
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ecs_task_definition]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AWS_97
#     trivy: AWS-0035
#   remediation: |
#     Encrypt the mount:
#     ```hcl
#     resource "aws_ecs_task_definition" "app" {
#       volume {
#         name = "shared"
#
#         efs_volume_configuration {
#           file_system_id     = aws_efs_file_system.shared.id
#           transit_encryption = "ENABLED"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.ecs.efs_transit_encryption_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["volume", i, "efs_volume_configuration", j, "transit_encryption"], msg) if {
	some r in tf.resources("aws_ecs_task_definition")
	some i, v in tf.list(r.values, "volume")
	some j, efs in tf.list(v, "efs_volume_configuration")
	tf.val(efs, "transit_encryption", "DISABLED") != "ENABLED"
	msg := sprintf("%s mounts EFS volume %v without encryption in transit", [r.address, tf.val(v, "name", "?")])
}
