# METADATA
# title: GuardDuty protection plan is switched off
# description: >-
#   GuardDuty's protection plans extend detection to S3 data events, EKS
#   audit logs, runtime activity, EBS malware scans, RDS logins and Lambda
#   network activity. Fires on an aws_guardduty_detector_feature whose
#   status is DISABLED, and on an aws_guardduty_detector whose datasources
#   block sets s3_logs, kubernetes audit_logs or malware_protection's EBS
#   volume scanning to enable = false. Silent when a plan is left at its
#   default (accounts new to GuardDuty get the foundational plans on),
#   enabled, or not known.
# related_resources:
#   - https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-features-activation-model.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/guardduty_detector_feature
# custom:
#   id: TFW-AWS-0543
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_guardduty_detector, aws_guardduty_detector_feature]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [SI-4]
#   remediation: |
#     Turn the protection plan on:
#     ```hcl
#     resource "aws_guardduty_detector_feature" "s3" {
#       detector_id = aws_guardduty_detector.main.id
#       name        = "S3_DATA_EVENTS"
#       status      = "ENABLED"
#     }
#     ```
#   aliases: []
package tfward.aws.guardduty.protection_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["status"], sprintf("%s switches off GuardDuty %s", [r.address, tf.val(r.values, "name", "protection")])) if {
	some r in tf.resources("aws_guardduty_detector_feature")
	upper(tf.val(r.values, "status", "")) == "DISABLED"
}

deny contains tf.finding(r, path, sprintf("%s switches off GuardDuty %s", [r.address, what])) if {
	some r in tf.resources("aws_guardduty_detector")
	some [path, what] in datasource_switches(r)
	tf.is_false(tf.at(r, path, true))
}

datasource_switches(r) := [[p, w] |
	some i, _ in tf.list(r.values, "datasources")
	some [p, w] in [
		[["datasources", i, "s3_logs", 0, "enable"], "S3 protection"],
		[["datasources", i, "kubernetes", 0, "audit_logs", 0, "enable"], "EKS audit log monitoring"],
		[["datasources", i, "malware_protection", 0, "scan_ec2_instance_with_findings", 0, "ebs_volumes", 0, "enable"], "EBS malware protection"],
	]
]
