# METADATA
# title: Redshift cluster does not use enhanced VPC routing
# description: >-
#   Without enhanced VPC routing, COPY and UNLOAD traffic between the cluster
#   and S3 or other services leaves the VPC's controls: security groups, network
#   ACLs, VPC endpoint policies and flow logs do not see it. An
#   aws_redshift_cluster is reported when enhanced_vpc_routing is false or left
#   out (the default).
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/enhanced-vpc-routing.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster#enhanced_vpc_routing
# custom:
#   id: TFW-AWS-0356
#   severity: LOW
#   category: security
#   resource_types: [aws_redshift_cluster]
#   frameworks:
#     nist-800-53-r5: [SC-7, AC-4]
#   equivalents:
#     checkov: CKV_AWS_321
#   remediation: |
#     Route the cluster's traffic through the VPC:
#     ```hcl
#     resource "aws_redshift_cluster" "dw" {
#       # ...
#       enhanced_vpc_routing = true
#     }
#     ```
#   aliases: []
package tfward.aws.redshift.enhanced_vpc_routing_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["enhanced_vpc_routing"], sprintf("%s sends COPY and UNLOAD traffic outside the VPC (enhanced_vpc_routing is off)", [r.address])) if {
	some r in tf.not_true(["aws_redshift_cluster"], ["enhanced_vpc_routing"], false)
}
