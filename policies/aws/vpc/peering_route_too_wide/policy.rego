# METADATA
# title: Route sends all traffic over a VPC peering connection
# description: >-
#   A route to 0.0.0.0/0 or ::/0 through a VPC peering connection sends every
#   destination to the peer VPC, so the peer can reach (and is reached by) far
#   more than the subnets that need to talk; CIS asks that peering routes be
#   "least access". Fires on aws_route with a vpc_peering_connection_id (set, or
#   referring to a peering connection) and a world destination, and on
#   aws_route_table inline routes of that shape. Route only the peer's CIDR
#   ranges.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/peering/peering-configurations-partial-access.html
# custom:
#   id: TFW-AWS-0211
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_route, aws_route_table]
#   frameworks:
#     cis-aws-1.5: ["5.5"]
#     cis-aws-2.0: ["5.5"]
#     cis-aws-3.0: ["5.5"]
#     nist-800-53-r5: [AC-4, SC-7]
#     cwe: [CWE-284]
#   remediation: |
#     Route only the peer VPC's range:
#     ```hcl
#     resource "aws_route" "to_shared" {
#       route_table_id            = aws_route_table.private.id
#       destination_cidr_block    = "10.50.0.0/16"
#       vpc_peering_connection_id = aws_vpc_peering_connection.shared.id
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.peering_route_too_wide

import rego.v1
import data.lib.net
import data.lib.tf

peering(obj, r, path) if tf.val(obj, "vpc_peering_connection_id", "") != ""

peering(_, r, path) if tf.is_unknown(r, path)

deny contains tf.finding(r, [attr], msg) if {
	some r in tf.resources("aws_route")
	peering(r.values, r, ["vpc_peering_connection_id"])
	some attr in ["destination_cidr_block", "destination_ipv6_cidr_block"]
	net.open_cidr(tf.val(r.values, attr, ""))
	msg := sprintf("%s sends %s through a VPC peering connection", [r.address, r.values[attr]])
}

deny contains tf.finding(r, ["route", i, attr], msg) if {
	some r in tf.resources("aws_route_table")
	some i, rt in tf.list(r.values, "route")
	peering(rt, r, ["route", i, "vpc_peering_connection_id"])
	some attr in ["cidr_block", "ipv6_cidr_block"]
	net.open_cidr(tf.val(rt, attr, ""))
	msg := sprintf("%s sends %s through a VPC peering connection", [r.address, rt[attr]])
}
