# METADATA
# title: AWS Config recorder does not record global resources
# description: >-
#   Global resources - IAM users, groups, roles and policies - are recorded
#   only by a recorder whose recording_group sets
#   include_global_resource_types = true. Fires on an
#   aws_config_configuration_recorder without a recording_group, or whose
#   recording_group leaves include_global_resource_types false or absent
#   (the provider's default is false). Silent when it is true or not known.
#   Record global resources in one region of each account; a recorder in
#   another region may leave them out (suppress it there).
# related_resources:
#   - https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/config_configuration_recorder#include_global_resource_types
# custom:
#   id: TFW-AWS-0537
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
#   equivalents:
#     checkov: CKV2_AWS_48
#   remediation: |
#     Record every supported resource type, global ones included:
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
package tfward.aws.config.recorder_no_global_resources

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["recording_group"], sprintf("%s does not record global resources such as IAM", [r.address])) if {
	some r in tf.resources("aws_config_configuration_recorder")
	count(tf.list(r.values, "recording_group")) == 0
	not tf.is_unknown(r, ["recording_group"])
}

deny contains tf.finding(r, ["recording_group", i, "include_global_resource_types"], sprintf("%s does not record global resources such as IAM", [r.address])) if {
	some r in tf.resources("aws_config_configuration_recorder")
	some i, g in tf.list(r.values, "recording_group")
	not tf.is_true(tf.val(g, "include_global_resource_types", false))
}
