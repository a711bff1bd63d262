# METADATA
# title: AWS Config recorder has no delivery channel
# description: >-
#   A recorder cannot start without a delivery channel: configuration
#   snapshots and history need an S3 bucket to go to. Fires on an
#   aws_config_configuration_recorder when the module has no
#   aws_config_delivery_channel. Silent when the module has one (a region
#   holds one recorder and one channel) or calls a module that may create
#   it. A channel created in another configuration is not seen.
# related_resources:
#   - https://docs.aws.amazon.com/config/latest/developerguide/manage-delivery-channel.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/config_delivery_channel
# custom:
#   id: TFW-AWS-0541
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_config_configuration_recorder, aws_config_delivery_channel]
#   frameworks:
#     cis-aws-1.5: ["3.5"]
#     cis-aws-2.0: ["3.3"]
#     cis-aws-3.0: ["3.3"]
#     cis-aws-4.0: ["3.3"]
#     soc2: [CC7.1]
#     nist-800-53-r5: [CM-8, AU-12]
#     cwe: [CWE-778]
#   remediation: |
#     Deliver configuration history to a bucket:
#     ```hcl
#     resource "aws_config_delivery_channel" "main" {
#       name           = "main"
#       s3_bucket_name = aws_s3_bucket.config.bucket
#       depends_on     = [aws_config_configuration_recorder.main]
#     }
#     ```
#   aliases: []
package tfward.aws.config.recorder_no_delivery_channel

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s has no delivery channel in this module, so it cannot record", [r.address])) if {
	some r in tf.resources("aws_config_configuration_recorder")
	count(tf.resources("aws_config_delivery_channel")) == 0
	count(input.module_calls) == 0
}
