# METADATA
# title: Cloud DNS zone signs with RSASHA1
# description: >-
#   Fires on a google_dns_managed_zone whose dnssec_config.default_key_specs
#   use the rsasha1 algorithm, for the key-signing or the zone-signing key.
#   SHA-1 signatures are deprecated for DNSSEC (RFC 8624) and collision-prone;
#   use rsasha256, rsasha512, ecdsap256sha256 or ecdsap384sha384. Zones
#   without default_key_specs get Google's defaults (RSASHA256) and stay
#   silent, as do unknown algorithms.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dns_managed_zone#algorithm
#   - https://cloud.google.com/dns/docs/dnssec-advanced#advanced-signing-options
# custom:
#   id: TFW-GCP-0262
#   severity: MEDIUM
#   category: security
#   resource_types: [google_dns_managed_zone]
#   frameworks:
#     cis-gcp-2.0: ["3.4", "3.5"]
#     nist-800-53-r5: ["SC-13", "SC-20"]
#     cwe: ["CWE-327"]
#   equivalents:
#     checkov: CKV_GCP_17
#     trivy: GCP-0012
#     kics: ccc3100c-0fdd-4a5e-9908-c10107291860
#   remediation: |
#     ```hcl
#     resource "google_dns_managed_zone" "public" {
#       name     = "acme-public"
#       dns_name = "public.acme.com."
#
#       dnssec_config {
#         state = "on"
#
#         default_key_specs {
#           algorithm  = "rsasha256"
#           key_length = 2048
#           key_type   = "keySigning"
#         }
#
#         default_key_specs {
#           algorithm  = "rsasha256"
#           key_length = 1024
#           key_type   = "zoneSigning"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.dns.dnssec_rsasha1

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["dnssec_config", i, "default_key_specs", j, "algorithm"], sprintf("%s signs its %s key with RSASHA1", [r.address, tf.val(k, "key_type", "DNSSEC")])) if {
	some r in tf.resources("google_dns_managed_zone")
	some i, c in tf.list(r.values, "dnssec_config")
	some j, k in tf.list(c, "default_key_specs")
	lower(tf.val(k, "algorithm", "")) == "rsasha1"
}
