# METADATA
# title: EC2 serial console access is enabled for the account
# description: >-
#   aws_ec2_serial_console_access turns on the EC2 serial console for the
#   account and region: anyone allowed ec2-instance-
#   connect:SendSerialConsoleSSHPublicKey can get an interactive console below
#   the network layer, bypassing security groups. The resource's `enabled`
#   defaults to true, so declaring it without enabled = false turns the console
#   on. Keep it off except during a break-glass recovery.
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configure-access-to-serial-console.html
# custom:
#   id: TFW-AWS-0226
#   severity: LOW
#   category: security
#   resource_types: [aws_ec2_serial_console_access]
#   frameworks:
#     nist-800-53-r5: [AC-17, CM-7]
#     cwe: [CWE-284]
#   remediation: |
#     Keep the serial console off:
#     ```hcl
#     resource "aws_ec2_serial_console_access" "this" {
#       enabled = false
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.serial_console_enabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["enabled"], sprintf("%s enables EC2 serial console access", [r.address])) if {
	some r in tf.set_true(["aws_ec2_serial_console_access"], ["enabled"], true)
}
