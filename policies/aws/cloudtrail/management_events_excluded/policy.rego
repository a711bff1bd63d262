# METADATA
# title: CloudTrail trail leaves out management events
# description: >-
#   CIS asks for a trail that records every management event, reads and writes,
#   including global services (IAM, STS, CloudFront). Fires on a logging trail
#   that excludes some of them - include_global_service_events = false,
#   event selectors that all set include_management_events = false or a
#   read_write_type other than All, or advanced selectors none of which select
#   eventCategory Management without a readOnly filter - unless another logging
#   trail of the module records them all. A trail without selectors records all
#   management events (the provider's default). Silent when the selectors are
#   not known.
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#include_global_service_events
# custom:
#   id: TFW-AWS-0530
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
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   remediation: |
#     Record all management events, global services included:
#     ```hcl
#     resource "aws_cloudtrail" "main" {
#       name                          = "main"
#       s3_bucket_name                = aws_s3_bucket.cloudtrail.id
#       is_multi_region_trail         = true
#       include_global_service_events = true
#
#       event_selector {
#         read_write_type           = "All"
#         include_management_events = true
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.cloudtrail.management_events_excluded

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(t, [], sprintf("%s does not record every management event, and no other trail of the module does", [t.address])) if {
	some t in data.lib.aws.logging_trails
	not aws.trail_records_management(t)
	not tf.is_unknown(t, ["include_global_service_events"])
	count([x | some x in data.lib.aws.logging_trails; aws.trail_records_management(x)]) == 0
}
