# METADATA
# title: EBS encryption by default is turned off
# description: >-
#   aws_ebs_encryption_by_default with enabled = false switches off the account-and
#   region-wide setting that encrypts every new EBS volume and snapshot
#   copy. Any volume created without an explicit encrypted = true is then stored
#   in clear text.
# related_resources:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html
# custom:
#   id: TFW-AWS-0024
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ebs_encryption_by_default]
#   frameworks:
#     cis-aws-1.5: ["2.2.1"]
#     cis-aws-2.0: ["2.2.1"]
#     cis-aws-3.0: ["2.2.1"]
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_106
#     kics: 3d3f6270-546b-443c-adb4-bb6fb2187ca6
#   remediation: |
#     Keep default encryption on:
#     ```hcl
#     resource "aws_ebs_encryption_by_default" "this" {
#       enabled = true
#     }
#     ```
#   aliases: []
package tfward.aws.ebs.default_encryption_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["enabled"], sprintf("%s turns EBS encryption by default off", [r.address])) if {
	some r in tf.resources("aws_ebs_encryption_by_default")
	tf.is_false(r.values.enabled)
}
