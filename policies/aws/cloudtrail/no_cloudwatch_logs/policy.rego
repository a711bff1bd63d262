# METADATA
# title: CloudTrail trail does not send events to CloudWatch Logs
# description: >-
#   Delivering trail events to a CloudWatch Logs group is what makes real-time
#   metric filters and alarms possible (root logins, IAM policy changes, console
#   logins without MFA). Without cloud_watch_logs_group_arn, events only land in
#   S3 and are looked at after the fact, if at all. Fires when
#   cloud_watch_logs_group_arn is absent or empty; silent when it is not known
#   (a reference to a log group's ARN is known only at apply).
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail
# custom:
#   id: TFW-AWS-0050
#   severity: LOW
#   category: security
#   resource_types: [aws_cloudtrail]
#   frameworks:
#     cis-aws-1.5: ["3.4"]
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.4.1"]
#     nist-800-53-r5: [AU-6, SI-4]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV2_AWS_10
#     trivy: AWS-0162
#   remediation: |
#     Configure the trail:
#     ```hcl
#     resource "aws_cloudtrail" "main" {
#       name                          = "main"
#       s3_bucket_name                = "acme-cloudtrail"
#       is_multi_region_trail         = true
#       include_global_service_events = true
#       enable_log_file_validation    = true
#       kms_key_id                    = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       cloud_watch_logs_group_arn    = "arn:aws:logs:eu-west-1:111122223333:log-group:cloudtrail:*"
#       cloud_watch_logs_role_arn     = "arn:aws:iam::111122223333:role/cloudtrail-to-cloudwatch"
#     }
#     ```
#   aliases: []
package tfward.aws.cloudtrail.no_cloudwatch_logs

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["cloud_watch_logs_group_arn"], sprintf("%s does not deliver events to CloudWatch Logs", [r.address])) if {
	some r in tf.resources("aws_cloudtrail")
	tf.val(r.values, "cloud_watch_logs_group_arn", "") == ""
	not tf.is_unknown(r, ["cloud_watch_logs_group_arn"])
}
