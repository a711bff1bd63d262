# METADATA
# title: GuardDuty detector is disabled
# description: >-
#   A detector with enable = false stops GuardDuty analysing CloudTrail, VPC
#   flow logs and DNS logs: no findings for compromised credentials, crypto-
#   mining or exfiltration. Fires when enable is false; silent when it is
#   true, absent (the provider's default is true) or not known.
# related_resources:
#   - https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/guardduty_detector#enable
# custom:
#   id: TFW-AWS-0542
#   severity: HIGH
#   category: security
#   resource_types: [aws_guardduty_detector]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["11.5.1"]
#     nist-800-53-r5: [SI-4]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_238
#     kics: 704dadd3-54fc-48ac-b6a0-02f170011473
#   remediation: |
#     Keep the detector running:
#     ```hcl
#     resource "aws_guardduty_detector" "main" {
#       enable                       = true
#       finding_publishing_frequency = "FIFTEEN_MINUTES"
#     }
#     ```
#   aliases: []
package tfward.aws.guardduty.detector_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["enable"], sprintf("%s is disabled", [r.address])) if {
	some r in tf.resources("aws_guardduty_detector")
	tf.is_false(tf.val(r.values, "enable", true))
}
