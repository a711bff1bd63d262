# METADATA
# title: AWS Config recorder records only some resource types
# description: >-
#   A recorder limited to a list of resource types, or one that excludes
#   types, leaves the rest without configuration history or rule
#   evaluations. Fires on an aws_config_configuration_recorder whose
#   recording_group sets all_supported = false, or whose recording_strategy
#   use_only is INCLUSION_BY_RESOURCE_TYPES or EXCLUSION_BY_RESOURCE_TYPES.
#   Silent when all_supported is true or absent (the provider's default is
#   true) or not known.
# related_resources:
#   - https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/config_configuration_recorder#all_supported
# custom:
#   id: TFW-AWS-0538
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_config_configuration_recorder]
#   frameworks:
#     cis-aws-1.5: ["3.5"]
#     cis-aws-2.0: ["3.3"]
#     cis-aws-3.0: ["3.3"]
#     cis-aws-4.0: ["3.3"]
#     soc2: [CC7.1]
#     nist-800-53-r5: [CM-8, AU-12]
#     cwe: [CWE-778]
#   remediation: |
#     Record every supported resource type:
#     ```hcl
#     resource "aws_config_configuration_recorder" "main" {
#       name     = "main"
#       role_arn = aws_iam_role.config.arn
#
#       recording_group {
#         all_supported                 = true
#         include_global_resource_types = true
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.config.recorder_not_all_resources

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["recording_group", i, "all_supported"], sprintf("%s records only a selection of resource types", [r.address])) if {
	some r in tf.resources("aws_config_configuration_recorder")
	some i, g in tf.list(r.values, "recording_group")
	tf.is_false(tf.val(g, "all_supported", true))
}

deny contains tf.finding(r, ["recording_group", i, "recording_strategy", j, "use_only"], sprintf("%s records only a selection of resource types (%s)", [r.address, s.use_only])) if {
	some r in tf.resources("aws_config_configuration_recorder")
	some i, g in tf.list(r.values, "recording_group")
	not tf.is_false(tf.val(g, "all_supported", true))
	some j, s in tf.list(g, "recording_strategy")
	tf.val(s, "use_only", "") in {"INCLUSION_BY_RESOURCE_TYPES", "EXCLUSION_BY_RESOURCE_TYPES"}
}
