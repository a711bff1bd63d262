# METADATA
# title: CloudTrail trail sends no notification of log delivery
# description: >-
#   With sns_topic_name the trail publishes a notification for every log file
#   it delivers, which lets a consumer (a SIEM, a Lambda function) pick logs up
#   as they arrive and notice when deliveries stop. Fires when sns_topic_name is
#   absent or empty (the provider sets none); silent when it is set or not
#   known.
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/configure-sns-notifications-for-cloudtrail.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#sns_topic_name
# custom:
#   id: TFW-AWS-0525
#   severity: LOW
#   category: security
#   resource_types: [aws_cloudtrail]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-5, SI-4]
#   equivalents:
#     checkov: CKV_AWS_252
#     kics: 482b7d26-0bdb-4b5f-bf6f-545826c0a3dd
#   remediation: |
#     Notify a topic on each delivery:
#     ```hcl
#     resource "aws_cloudtrail" "main" {
#       name           = "main"
#       s3_bucket_name = aws_s3_bucket.cloudtrail.id
#       sns_topic_name = aws_sns_topic.cloudtrail.name
#     }
#     ```
#   aliases: []
package tfward.aws.cloudtrail.no_sns_topic

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["sns_topic_name"], sprintf("%s does not notify anyone of log deliveries", [r.address])) if {
	some r in tf.unset(["aws_cloudtrail"], ["sns_topic_name"])
}
