# METADATA
# title: Route 53 public hosted zone is not signed with DNSSEC
# description: >-
#   DNSSEC lets resolvers verify that answers for the zone come from it,
#   which defeats cache poisoning and spoofed answers. Fires on a public
#   aws_route53_zone (no vpc block) that no aws_route53_hosted_zone_dnssec
#   names in hosted_zone_id. Silent for private zones, and when a DNSSEC
#   resource's zone is not known and may be this one. DNSSEC also needs a DS
#   record at the registrar; that is not checked.
# related_resources:
#   - https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-configuring-dnssec.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/route53_hosted_zone_dnssec
# custom:
#   id: TFW-AWS-0550
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_route53_zone, aws_route53_hosted_zone_dnssec]
#   frameworks:
#     nist-800-53-r5: [SC-20]
#     cwe: [CWE-350]
#   equivalents:
#     checkov: CKV2_AWS_38
#   remediation: |
#     Sign the zone:
#     ```hcl
#     resource "aws_route53_key_signing_key" "public" {
#       hosted_zone_id             = aws_route53_zone.public.id
#       key_management_service_arn = aws_kms_key.dnssec.arn
#       name                       = "public"
#     }
#
#     resource "aws_route53_hosted_zone_dnssec" "public" {
#       hosted_zone_id = aws_route53_key_signing_key.public.hosted_zone_id
#       depends_on     = [aws_route53_key_signing_key.public]
#     }
#     ```
#   aliases: []
package tfward.aws.route53.zone_no_dnssec

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s is a public zone without DNSSEC signing", [r.address])) if {
	some r in tf.resources("aws_route53_zone")
	count(tf.list(r.values, "vpc")) == 0
	not tf.is_unknown(r, ["vpc"])
	not signed(r)
}

signed(r) if tf.has_linked(r, "aws_route53_hosted_zone_dnssec", "hosted_zone_id")

signed(r) if tf.maybe_linked(r, "aws_route53_hosted_zone_dnssec", "hosted_zone_id")

# hosted_zone_id = aws_route53_key_signing_key.x.hosted_zone_id: the key of this zone.
signed(r) if {
	some d in tf.resources("aws_route53_hosted_zone_dnssec")
	some k in tf.resources("aws_route53_key_signing_key")
	tf.points_at(d, "hosted_zone_id", k)
	tf.points_at(k, "hosted_zone_id", r)
}
