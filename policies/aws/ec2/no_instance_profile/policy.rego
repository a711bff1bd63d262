# METADATA
# title: EC2 instance has no IAM instance profile
# description: >-
#   An instance without an IAM role cannot be managed by Systems Manager and
#   tempts teams into putting long-lived access keys on the box for anything it
#   calls. Fires on aws_instance and aws_spot_instance_request without
#   iam_instance_profile, on aws_launch_template without an iam_instance_profile
#   block (arn or name), and on aws_launch_configuration without
#   iam_instance_profile. Attach a role with only the permissions the workload
#   needs.
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html
# custom:
#   id: TFW-AWS-0218
#   severity: LOW
#   category: security
#   resource_types: [aws_instance, aws_spot_instance_request, aws_launch_template, aws_launch_configuration]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [IA-5, AC-2]
#   equivalents:
#     checkov: CKV2_AWS_41
#   remediation: |
#     Attach an instance profile:
#     ```hcl
#     resource "aws_instance" "app" {
#       ami                  = data.aws_ami.base.id
#       instance_type        = "t3.micro"
#       iam_instance_profile = aws_iam_instance_profile.app.name
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.no_instance_profile

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["iam_instance_profile"], sprintf("%s has no IAM instance profile", [r.address])) if {
	some r in tf.unset(["aws_instance", "aws_spot_instance_request", "aws_launch_configuration"], ["iam_instance_profile"])
}

deny contains tf.finding(r, ["iam_instance_profile"], sprintf("%s gives its instances no IAM instance profile", [r.address])) if {
	some r in tf.resources("aws_launch_template")
	not profile(r)
}

profile(r) if {
	some p in tf.list(r.values, "iam_instance_profile")
	some k in ["arn", "name"]
	tf.val(p, k, "") != ""
}

profile(r) if {
	some i, _ in tf.list(r.values, "iam_instance_profile")
	some k in ["arn", "name"]
	tf.is_unknown(r, ["iam_instance_profile", i, k])
}
