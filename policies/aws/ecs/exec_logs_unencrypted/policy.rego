# METADATA
# title: ECS Exec session data is not encrypted with a KMS key
# description: >-
#   ECS Exec sessions carry interactive commands and their output; with an
#   execute_command_configuration but no kms_key_id, the session channel is not
#   encrypted with your key, and with logging OVERRIDE but neither
#   cloud_watch_encryption_enabled nor s3_bucket_encryption_enabled true, the
#   session logs are written without encryption enforcement. Fires on an
#   aws_ecs_cluster whose execute_command_configuration has logging other than
#   NONE (TFW-AWS-0256 reports NONE) and lacks kms_key_id, or logs through
#   OVERRIDE without log encryption.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html#ecs-exec-logging
# custom:
#   id: TFW-AWS-0257
#   severity: LOW
#   category: compliance
#   resource_types: [aws_ecs_cluster]
#   frameworks:
#     nist-800-53-r5: [SC-8, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_224
#   remediation: |
#     Encrypt the session and its logs:
#     ```hcl
#     resource "aws_ecs_cluster" "main" {
#       configuration {
#         execute_command_configuration {
#           kms_key_id = aws_kms_key.exec.arn
#           logging    = "OVERRIDE"
#
#           log_configuration {
#             cloud_watch_encryption_enabled = true
#             cloud_watch_log_group_name     = aws_cloudwatch_log_group.exec.name
#           }
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.ecs.exec_logs_unencrypted

import rego.v1
import data.lib.tf

exec_configs contains [r, ["configuration", i, "execute_command_configuration", j], e] if {
	some r in tf.resources("aws_ecs_cluster")
	some i, c in tf.list(r.values, "configuration")
	some j, e in tf.list(c, "execute_command_configuration")
	tf.val(e, "logging", "DEFAULT") != "NONE"
	not tf.is_unknown(r, array.concat(["configuration", i, "execute_command_configuration", j], ["logging"]))
}

deny contains tf.finding(r, array.concat(path, ["kms_key_id"]), msg) if {
	some [r, path, e] in exec_configs
	tf.val(e, "kms_key_id", "") == ""
	not tf.is_unknown(r, array.concat(path, ["kms_key_id"]))
	msg := sprintf("%s does not encrypt ECS Exec sessions with a KMS key", [r.address])
}

deny contains tf.finding(r, array.concat(path, ["log_configuration"]), msg) if {
	some [r, path, e] in exec_configs
	tf.val(e, "logging", "DEFAULT") == "OVERRIDE"
	not encrypted_logs(e)
	not tf.is_unknown(r, array.concat(path, ["log_configuration"]))
	msg := sprintf("%s writes ECS Exec logs without log encryption", [r.address])
}

encrypted_logs(e) if {
	some l in tf.list(e, "log_configuration")
	some k in ["cloud_watch_encryption_enabled", "s3_bucket_encryption_enabled"]
	tf.is_true(tf.val(l, k, false))
}
