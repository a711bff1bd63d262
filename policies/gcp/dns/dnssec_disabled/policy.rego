# METADATA
# title: Public Cloud DNS zone does not use DNSSEC
# description: >-
#   Fires on a public google_dns_managed_zone (visibility public, the default)
#   without dnssec_config, or with dnssec_config.state other than on. DNSSEC
#   is off by default; without it resolvers cannot tell forged answers from
#   real ones, so cache poisoning and spoofing can redirect users of the
#   domain. Private zones cannot use DNSSEC and stay silent, as do unknown
#   values.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dns_managed_zone#dnssec_config
#   - https://cloud.google.com/dns/docs/dnssec
# custom:
#   id: TFW-GCP-0042
#   severity: MEDIUM
#   category: security
#   resource_types: [google_dns_managed_zone]
#   frameworks:
#     cis-gcp-2.0: ["3.3"]
#     nist-800-53-r5: ["SC-20"]
#     cwe: ["CWE-350"]
#   equivalents:
#     checkov: CKV_GCP_16
#     trivy: GCP-0013
#     kics: 5ef61c88-bbb4-4725-b1df-55d23c9676bb
#   remediation: |
#     ```hcl
#     resource "google_dns_managed_zone" "public" {
#       name     = "acme-public"
#       dns_name = "public.acme.com."
#
#       dnssec_config {
#         state = "on"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.dns.dnssec_disabled

import rego.v1

import data.lib.tf

public(r) if {
	lower(tf.val(r.values, "visibility", "public")) == "public"
	not tf.is_unknown(r, ["visibility"])
}

deny contains tf.finding(r, ["dnssec_config"], sprintf("%s does not sign its records with DNSSEC", [r.address])) if {
	some r in tf.resources("google_dns_managed_zone")
	public(r)
	count(tf.list(r.values, "dnssec_config")) == 0
	not tf.is_unknown(r, ["dnssec_config"])
}

deny contains tf.finding(r, ["dnssec_config", i, "state"], sprintf("%s has DNSSEC state %q", [r.address, tf.val(c, "state", "off")])) if {
	some r in tf.resources("google_dns_managed_zone")
	public(r)
	some i, c in tf.list(r.values, "dnssec_config")
	lower(tf.val(c, "state", "off")) != "on"
}
