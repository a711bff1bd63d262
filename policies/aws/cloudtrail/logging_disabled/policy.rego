# METADATA
# title: CloudTrail trail is not logging
# description: >-
#   enable_logging = false creates the trail but stops it recording: API
#   activity in the account goes unrecorded while the trail looks configured.
#   Fires when enable_logging is false; silent when it is true, absent (the
#   provider's default is true) or not known.
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopLogging.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#enable_logging
# custom:
#   id: TFW-AWS-0526
#   severity: HIGH
#   category: security
#   resource_types: [aws_cloudtrail]
#   frameworks:
#     cis-aws-1.5: ["3.1"]
#     cis-aws-2.0: ["3.1"]
#     cis-aws-3.0: ["3.1"]
#     cis-aws-4.0: ["3.1"]
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_251
#     kics: 4bb76f17-3d63-4529-bdca-2b454529d774
#   remediation: |
#     Let the trail record:
#     ```hcl
#     resource "aws_cloudtrail" "main" {
#       name           = "main"
#       s3_bucket_name = aws_s3_bucket.cloudtrail.id
#       enable_logging = true
#     }
#     ```
#   aliases: []
package tfward.aws.cloudtrail.logging_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["enable_logging"], sprintf("%s does not record API activity (enable_logging = false)", [r.address])) if {
	some r in tf.resources("aws_cloudtrail")
	tf.is_false(tf.val(r.values, "enable_logging", true))
}
