# METADATA
# title: Athena workgroup lets clients override its settings
# description: >-
#   With enforce_workgroup_configuration = false, each query can choose its own
#   result location and encryption, so the workgroup's encryption setting can be
#   skipped. An aws_athena_workgroup whose
#   configuration.enforce_workgroup_configuration is false is reported; the
#   default is true.
# related_resources:
#   - https://docs.aws.amazon.com/athena/latest/ug/workgroups-settings-override.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/athena_workgroup#enforce_workgroup_configuration
# custom:
#   id: TFW-AWS-0380
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_athena_workgroup]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [CM-6]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_82
#     trivy: AWS-0007
#   remediation: |
#     Enforce the workgroup's settings:
#     ```hcl
#     configuration {
#       enforce_workgroup_configuration = true
#     }
#     ```
#   aliases: []
package tfward.aws.athena.workgroup_not_enforced

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["configuration", i, "enforce_workgroup_configuration"], sprintf("%s lets queries override its result encryption", [r.address])) if {
	some r in tf.resources("aws_athena_workgroup")
	some i, c in tf.list(r.values, "configuration")
	tf.is_false(tf.val(c, "enforce_workgroup_configuration", true))
}
