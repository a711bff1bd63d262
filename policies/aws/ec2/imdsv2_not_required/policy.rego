# METADATA
# title: EC2 instance metadata service does not require IMDSv2 tokens
# description: >-
#   Instance metadata service v1 answers unauthenticated GET requests, so a
#   server-side request forgery in any application on the instance can read the
#   instance role's credentials. Fires when metadata_options.http_tokens is not
#   "required" while the endpoint is enabled, and when the metadata_options
#   block is absent (http_tokens then defaults to "optional"). Checked on every
#   resource that launches instances: aws_instance, aws_spot_instance_request,
#   aws_launch_template and aws_launch_configuration. An http_endpoint of
#   "disabled" passes.
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html
# custom:
#   id: TFW-AWS-0021
#   severity: HIGH
#   category: security
#   resource_types: [aws_instance, aws_spot_instance_request, aws_launch_template, aws_launch_configuration]
#   frameworks:
#     cis-aws-3.0: ["5.6"]
#     soc2: [CC6.1]
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-918]
#   equivalents:
#     checkov: CKV_AWS_79
#     trivy: [AWS-0028, AWS-0130]
#   remediation: |
#     Require session tokens:
#     ```hcl
#     resource "aws_instance" "app" {
#       ami           = data.aws_ami.al2023.id
#       instance_type = "t3.micro"
#
#       metadata_options {
#         http_tokens                 = "required"
#         http_put_response_hop_limit = 1
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.imdsv2_not_required

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["metadata_options", 0, "http_tokens"], msg) if {
	some t in data.lib.aws.launcher_types
	some r in tf.resources(t)
	some m in tf.list(r.values, "metadata_options")
	tf.val(m, "http_endpoint", "enabled") != "disabled"
	tf.val(m, "http_tokens", "optional") != "required"
	msg := sprintf("%s allows IMDSv1 (metadata_options.http_tokens is not \"required\")", [r.address])
}

deny contains tf.finding(r, ["metadata_options"], msg) if {
	some t in data.lib.aws.launcher_types
	some r in tf.resources(t)
	count(tf.list(r.values, "metadata_options")) == 0
	not config_unknown(r)
	msg := sprintf("%s has no metadata_options block, so IMDSv1 stays enabled", [r.address])
}

config_unknown(r) if {
	input.source == "config"
	tf.is_unknown(r, ["metadata_options"])
}
