# METADATA
# title: IAM access key for the root user
# description: >-
#   Access keys of the root user cannot be limited by any policy and give
#   full, permanent control of the account to whoever finds them. CIS asks that
#   the root user has no access keys at all. Reported: an aws_iam_access_key
#   for the user "root" (any case) that is active - status absent (the
#   provider default, Active) or "Active"; an unknown user or status stays
#   silent.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#id_root-user_manage_delete-key
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_access_key
# custom:
#   id: TFW-AWS-0400
#   severity: CRITICAL
#   category: security
#   resource_types: [aws_iam_access_key]
#   frameworks:
#     cis-aws-1.5: ["1.4"]
#     cis-aws-2.0: ["1.4"]
#     cis-aws-3.0: ["1.4"]
#     soc2: [CC6.1]
#     pci-dss-4.0: ["8.2.2"]
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-250]
#   equivalents:
#     checkov: CKV_AWS_348
#     kics: 970d224d-b42a-416b-81f9-8f4dfe70c4bc
#   remediation: |
#     Delete the root user's access keys and give automation an IAM role
#     instead; if a key must stay for a migration, deactivate it:
#     ```hcl
#     resource "aws_iam_access_key" "legacy" {
#       user   = "root"
#       status = "Inactive"
#     }
#     ```
#   aliases: []
package tfward.aws.iam.root_access_key

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["user"], sprintf("%s is an active access key of the root user", [r.address])) if {
	some r in tf.resources("aws_iam_access_key")
	is_string(r.values.user)
	lower(r.values.user) == "root"
	tf.val(r.values, "status", "Active") == "Active"
	not tf.is_unknown(r, ["status"])
}
