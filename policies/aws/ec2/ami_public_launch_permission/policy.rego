# METADATA
# title: AMI is shared with everyone
# description: >-
#   An aws_ami_launch_permission with group = "all" makes the image public: any
#   AWS account can launch it and read everything baked into it (code,
#   configuration, keys left on disk). Sharing with named accounts or an
#   organization (account_id, organization_arn, organizational_unit_arn) is not
#   reported.
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html
# custom:
#   id: TFW-AWS-0224
#   severity: HIGH
#   category: security
#   resource_types: [aws_ami_launch_permission]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [AC-3, AC-21]
#     cwe: [CWE-284]
#   remediation: |
#     Share with the accounts that need the image:
#     ```hcl
#     resource "aws_ami_launch_permission" "partner" {
#       image_id   = aws_ami.base.id
#       account_id = "111122223333"
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.ami_public_launch_permission

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["group"], sprintf("%s makes the AMI public", [r.address])) if {
	some r in tf.value_in(["aws_ami_launch_permission"], ["group"], {"all"}, "")
}
