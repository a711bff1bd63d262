# METADATA
# title: CloudTrail trail does not cover all regions
# description: >-
#   A single-region trail misses API activity in every other region - exactly
#   where an attacker with stolen keys starts instances or creates resources,
#   because nobody looks there. Fires when is_multi_region_trail is false or
#   absent (the provider's default is false); silent when it is not known.
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail
# custom:
#   id: TFW-AWS-0047
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_cloudtrail]
#   frameworks:
#     cis-aws-1.5: ["3.1"]
#     cis-aws-2.0: ["3.1"]
#     cis-aws-3.0: ["3.1"]
#     cis-aws-4.0: ["3.1"]
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     hipaa: ["164.312(b)"]
#     nist-800-53-r5: [AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_67
#     trivy: AWS-0014
#     kics: 8173d5eb-96b5-4aa6-a71b-ecfa153c123d
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
package tfward.aws.cloudtrail.not_multi_region

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["is_multi_region_trail"], sprintf("%s records API activity of one region only", [r.address])) if {
	some r in tf.resources("aws_cloudtrail")
	not tf.is_true(tf.val(r.values, "is_multi_region_trail", false))
}
