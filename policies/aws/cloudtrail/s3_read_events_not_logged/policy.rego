# METADATA
# title: No CloudTrail trail records S3 object-level read events
# description: >-
#   Management events do not include S3 object operations: GetObject,
#   HeadObject and friends are data events, recorded only when a trail
#   selects them. Fires once per module, on its first trail that is logging,
#   when no such trail has an event_selector with a data_resource of type
#   AWS::S3::Object and read_write_type All or ReadOnly (All is the default),
#   or an advanced_event_selector selecting eventCategory Data and
#   resources.type AWS::S3::Object that does not restrict readOnly to false.
#   Silent when a trail's selectors are not known. Trails created in another
#   module are not seen.
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#event_selector
# custom:
#   id: TFW-AWS-0528
#   severity: LOW
#   category: security
#   resource_types: [aws_cloudtrail]
#   frameworks:
#     cis-aws-1.5: ["3.11"]
#     cis-aws-2.0: ["3.9"]
#     cis-aws-3.0: ["3.9"]
#     cis-aws-4.0: ["3.9"]
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   remediation: |
#     Record S3 object-level events of all buckets:
#     ```hcl
#     resource "aws_cloudtrail" "main" {
#       name           = "main"
#       s3_bucket_name = aws_s3_bucket.cloudtrail.id
#
#       event_selector {
#         read_write_type           = "All"
#         include_management_events = true
#
#         data_resource {
#           type   = "AWS::S3::Object"
#           values = ["arn:aws:s3"]
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.cloudtrail.s3_read_events_not_logged

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(t, [], sprintf("no trail of the module (%s and any other) records S3 object-level read events", [t.address])) if {
	t := data.lib.aws.first_logging_trail
	count([x | some x in data.lib.aws.logging_trails; aws.trail_records_s3_data(x, "read")]) == 0
}
