# METADATA
# title: AMI lookup does not restrict the image owner
# description: >-
#   A data "aws_ami" lookup without owners (or with an empty list) searches
#   every public image that matches the filters, so an attacker who publishes an
#   AMI with a matching name wins the most_recent lookup and your instances boot
#   their image. Name the owning accounts (an account id, "self", "amazon" or an
#   alias) in owners.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/ami
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/finding-an-ami.html
# custom:
#   id: TFW-AWS-0225
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ami]
#   frameworks:
#     nist-800-53-r5: [SR-11, CM-14]
#     cwe: [CWE-494]
#   equivalents:
#     trivy: AWS-0344
#   remediation: |
#     Restrict the lookup to the publisher:
#     ```hcl
#     data "aws_ami" "ubuntu" {
#       most_recent = true
#       owners      = ["099720109477"] # Canonical
#
#       filter {
#         name   = "name"
#         values = ["ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.ami_data_source_without_owners

import rego.v1
import data.lib.tf

deny contains tf.finding(d, ["owners"], sprintf("%s looks up AMIs from any owner", [d.address])) if {
	some d in tf.data_sources("aws_ami")
	count(tf.list(d.values, "owners")) == 0
	not tf.is_unknown(d, ["owners"])
}
