# METADATA
# title: Account instance metadata defaults do not require IMDSv2
# description: >-
#   aws_ec2_instance_metadata_defaults sets the IMDS defaults for every new
#   instance of the account and region. With http_tokens absent (the provider
#   default "no-preference", which falls back to the AMI's setting) or
#   "optional", instances launched without their own metadata_options accept
#   IMDSv1 and expose role credentials to SSRF. Set http_tokens = "required"; an
#   http_endpoint of "disabled" also passes.
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html#set-imds-default-account
# custom:
#   id: TFW-AWS-0227
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ec2_instance_metadata_defaults]
#   frameworks:
#     cis-aws-3.0: ["5.6"]
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-918]
#   remediation: |
#     Require IMDSv2 by default:
#     ```hcl
#     resource "aws_ec2_instance_metadata_defaults" "this" {
#       http_tokens                 = "required"
#       http_put_response_hop_limit = 1
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.metadata_defaults_allow_imdsv1

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["http_tokens"], msg) if {
	some r in tf.value_not_in(["aws_ec2_instance_metadata_defaults"], ["http_tokens"], {"required"}, "no-preference")
	tf.at(r, ["http_endpoint"], "no-preference") != "disabled"
	msg := sprintf("%s does not require IMDSv2 tokens for new instances (http_tokens is %q)", [r.address, tf.at(r, ["http_tokens"], "no-preference")])
}
