# METADATA
# title: MSK cluster brokers are reachable from the internet
# description: >-
#   public_access type SERVICE_PROVIDED_EIPS gives every broker of an
#   aws_msk_cluster an Elastic IP, so the Kafka listeners are reachable from the
#   internet, protected only by client authentication and security groups. The
#   cluster is reported when
#   broker_node_group_info.connectivity_info.public_access.type is
#   SERVICE_PROVIDED_EIPS. The default, DISABLED, keeps brokers private;
#   serverless clusters have no public access.
# related_resources:
#   - https://docs.aws.amazon.com/msk/latest/developerguide/public-access.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/msk_cluster#public_access
# custom:
#   id: TFW-AWS-0334
#   severity: HIGH
#   category: security
#   resource_types: [aws_msk_cluster]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.4.4"]
#     nist-800-53-r5: [AC-3, SC-7]
#     cwe: [CWE-668]
#   equivalents:
#     checkov: CKV_AWS_291
#   remediation: |
#     Keep the brokers private and connect through the VPC (or PrivateLink):
#     ```hcl
#     connectivity_info {
#       public_access {
#         type = "DISABLED"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.msk.public_access

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, path, sprintf("%s gives its brokers public IP addresses (SERVICE_PROVIDED_EIPS)", [r.address])) if {
	some r in tf.resources("aws_msk_cluster")
	some i, b in tf.list(r.values, "broker_node_group_info")
	some j, c in tf.list(b, "connectivity_info")
	some k, p in tf.list(c, "public_access")
	tf.val(p, "type", "DISABLED") == "SERVICE_PROVIDED_EIPS"
	path := ["broker_node_group_info", i, "connectivity_info", j, "public_access", k, "type"]
}
