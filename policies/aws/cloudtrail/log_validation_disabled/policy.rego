# METADATA
# title: CloudTrail log file validation is disabled
# description: >-
#   Log file validation writes signed digest files that prove whether delivered
#   log files were changed or deleted afterwards. Without it, an intruder who
#   reaches the trail bucket can edit out their tracks unnoticed.
#   Fires when enable_log_file_validation is false or absent (the provider's
#   default is false); silent when it is not known.
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail
# custom:
#   id: TFW-AWS-0048
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_cloudtrail]
#   frameworks:
#     cis-aws-1.5: ["3.2"]
#     cis-aws-2.0: ["3.2"]
#     cis-aws-3.0: ["3.2"]
#     cis-aws-4.0: ["3.2"]
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.3.4"]
#     hipaa: ["164.312(c)(1)"]
#     nist-800-53-r5: [AU-9]
#     cwe: [CWE-354]
#   equivalents:
#     checkov: CKV_AWS_36
#     trivy: AWS-0016
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
package tfward.aws.cloudtrail.log_validation_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["enable_log_file_validation"], sprintf("%s does not validate its log files", [r.address])) if {
	some r in tf.resources("aws_cloudtrail")
	not tf.is_true(tf.val(r.values, "enable_log_file_validation", false))
}
