# METADATA
# title: Elastic IP is not attached to anything
# description: >-
#   An Elastic IP that is neither given an instance or network_interface nor
#   used by an aws_eip_association or aws_nat_gateway of the module is billed by
#   the hour for nothing (every public IPv4 address is charged) and is an
#   address nobody tracks. Unknown associations, and EIPs whose allocation_id is
#   referenced by resources outside this list, stay silent.
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html
#   - https://aws.amazon.com/vpc/pricing/
# custom:
#   id: TFW-AWS-0229
#   severity: LOW
#   category: cost
#   resource_types: [aws_eip, aws_eip_association, aws_nat_gateway]
#   equivalents:
#     checkov: CKV2_AWS_19
#   remediation: |
#     Attach the address, or release it:
#     ```hcl
#     resource "aws_eip" "bastion" {
#       domain   = "vpc"
#       instance = aws_instance.bastion.id
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.eip_unattached

import rego.v1
import data.lib.tf

users := {"aws_eip_association": "allocation_id", "aws_nat_gateway": "allocation_id"}

deny contains tf.finding(r, [], sprintf("%s is not attached to an instance, network interface or NAT gateway", [r.address])) if {
	some r in tf.resources("aws_eip")
	not tf.is_set(r, ["instance"])
	not tf.is_set(r, ["network_interface"])
	not tf.is_unknown(r, ["instance"])
	not tf.is_unknown(r, ["network_interface"])
	not used(r)
}

used(r) if {
	some t, attr in users
	tf.has_linked(r, t, attr)
}

used(r) if {
	some t, attr in users
	tf.maybe_linked(r, t, attr)
}

# Anything else of the module that refers to the address (a rule, built
# once per evaluation).
used(r) if tf.base_address(r.address) in referenced

referenced contains ref if {
	some o in input.resources
	some _, refs in o.references
	some ref in refs
}
