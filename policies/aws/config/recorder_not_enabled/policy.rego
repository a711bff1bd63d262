# METADATA
# title: AWS Config recorder is never started
# description: >-
#   A configuration recorder records nothing until an
#   aws_config_configuration_recorder_status with is_enabled = true starts
#   it. Fires on an aws_config_configuration_recorder when no recorder
#   status of the module names it (by reference or by name) with is_enabled
#   true. Silent when a status's name or is_enabled is not known and may
#   start this recorder.
# related_resources:
#   - https://docs.aws.amazon.com/config/latest/APIReference/API_StartConfigurationRecorder.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/config_configuration_recorder_status
# custom:
#   id: TFW-AWS-0539
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_config_configuration_recorder, aws_config_configuration_recorder_status]
#   frameworks:
#     cis-aws-1.5: ["3.5"]
#     cis-aws-2.0: ["3.3"]
#     cis-aws-3.0: ["3.3"]
#     cis-aws-4.0: ["3.3"]
#     soc2: [CC7.1]
#     nist-800-53-r5: [CM-8, AU-12]
#     cwe: [CWE-778]
#   remediation: |
#     Start the recorder:
#     ```hcl
#     resource "aws_config_configuration_recorder_status" "main" {
#       name       = aws_config_configuration_recorder.main.name
#       is_enabled = true
#       depends_on = [aws_config_delivery_channel.main]
#     }
#     ```
#   aliases: []
package tfward.aws.config.recorder_not_enabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s is never started (no recorder status with is_enabled = true)", [r.address])) if {
	some r in tf.resources("aws_config_configuration_recorder")
	count([s | some s in tf.linked(r, "aws_config_configuration_recorder_status", "name"); may_be_enabled(s)]) == 0
	not tf.maybe_linked(r, "aws_config_configuration_recorder_status", "name")
}

may_be_enabled(s) if tf.is_true(tf.val(s.values, "is_enabled", false))

may_be_enabled(s) if tf.is_unknown(s, ["is_enabled"])
