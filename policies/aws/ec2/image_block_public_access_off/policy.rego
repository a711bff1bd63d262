# METADATA
# title: AMI block public access is turned off
# description: >-
#   aws_ec2_image_block_public_access with state = "unblocked" lets AMIs of the
#   account and region be made public, so one wrong launch permission exposes an
#   image and everything baked into it. Set state = "block-new-sharing".
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/block-public-access-to-amis.html
# custom:
#   id: TFW-AWS-0228
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ec2_image_block_public_access]
#   frameworks:
#     nist-800-53-r5: [AC-3, AC-21]
#     cwe: [CWE-284]
#   remediation: |
#     Block public sharing of AMIs:
#     ```hcl
#     resource "aws_ec2_image_block_public_access" "this" {
#       state = "block-new-sharing"
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.image_block_public_access_off

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["state"], sprintf("%s allows AMIs to be shared publicly", [r.address])) if {
	some r in tf.value_in(["aws_ec2_image_block_public_access"], ["state"], {"unblocked"}, "")
}
