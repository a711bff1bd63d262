# METADATA
# title: Public Cloud DNS zone has DNSSEC disabled
# description: >-
#   Without DNSSEC, resolvers cannot verify that answers for the zone really
#   come from its authoritative servers, so cache poisoning and spoofed
#   responses can send users and services to attacker-controlled hosts. The
#   rule checks public zones (the default visibility) whose `dnssec_config`
#   is absent or not "on".
# related_resources:
#   - https://cloud.google.com/dns/docs/dnssec-config
# custom:
#   id: TFW-GCP-0042
#   severity: MEDIUM
#   category: security
#   resource_types: [google_dns_managed_zone]
#   frameworks:
#     cis-gcp-2.0: ["3.3"]
#     soc2: [CC6.7]
#     cwe: [CWE-350]
#   equivalents:
#     checkov: CKV_GCP_16
#     trivy: GCP-0013
#     kics: 5ef61c88-bbb4-4725-b1df-55d23c9676bb
#   remediation: |
#     ```hcl
#     resource "google_dns_managed_zone" "public" {
#       name     = "acme-com"
#       dns_name = "acme.com."
#
#       dnssec_config {
#         state = "on"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.dns.dnssec_disabled

import rego.v1

import data.lib.gcp
import data.lib.tf

public(r) if lower(tf.val(r.values, "visibility", "public")) == "public"

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
