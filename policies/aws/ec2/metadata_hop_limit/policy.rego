# METADATA
# title: Instance metadata response hop limit is greater than 1
# description: >-
#   With http_put_response_hop_limit above 1, IMDSv2 token responses travel
#   further than the instance itself, so containers (and anything behind a
#   forwarding hop on the host) can fetch the instance role's credentials. Fires
#   when metadata_options.http_put_response_hop_limit is greater than 1 while
#   the endpoint is enabled, on aws_instance, aws_spot_instance_request,
#   aws_launch_template and aws_launch_configuration. The provider default is 1
#   (absent passes); EKS nodes that need pods to reach IMDS should use IRSA or
#   Pod Identity instead of raising it.
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-options.html
# custom:
#   id: TFW-AWS-0215
#   severity: LOW
#   category: security
#   resource_types: [aws_instance, aws_spot_instance_request, aws_launch_template, aws_launch_configuration]
#   frameworks:
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-918]
#   equivalents:
#     checkov: CKV_AWS_341
#   remediation: |
#     Keep the hop limit at 1:
#     ```hcl
#     resource "aws_launch_template" "app" {
#       metadata_options {
#         http_tokens                 = "required"
#         http_put_response_hop_limit = 1
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.metadata_hop_limit

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["metadata_options", i, "http_put_response_hop_limit"], msg) if {
	some t in data.lib.aws.launcher_types
	some r in tf.resources(t)
	some i, m in tf.list(r.values, "metadata_options")
	tf.val(m, "http_endpoint", "enabled") != "disabled"
	limit := tf.val(m, "http_put_response_hop_limit", 1)
	is_number(limit)
	limit > 1
	msg := sprintf("%s lets metadata responses travel %d hops", [r.address, limit])
}
