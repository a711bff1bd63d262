# METADATA
# title: Cloud KMS key is not rotated every 90 days
# description: >-
#   Fires on a symmetric google_kms_crypto_key (purpose ENCRYPT_DECRYPT, the
#   default) without rotation_period (keys are never rotated automatically by
#   default) or with a period above 90 days (7776000s). Frequent rotation
#   limits how much data one key version protects and how long a leaked
#   version stays useful. Asymmetric and MAC keys, which Cloud KMS cannot
#   rotate automatically, are skipped, as are unknown values.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/kms_crypto_key#rotation_period
#   - https://cloud.google.com/kms/docs/key-rotation
# custom:
#   id: TFW-GCP-0035
#   severity: MEDIUM
#   category: compliance
#   resource_types: [google_kms_crypto_key]
#   frameworks:
#     cis-gcp-2.0: ["1.10"]
#     pci-dss-4.0: ["3.7.4"]
#     nist-800-53-r5: ["SC-12"]
#     cwe: ["CWE-324"]
#   equivalents:
#     checkov: CKV_GCP_43
#     trivy: GCP-0065
#     kics: d8c57c4e-bf6f-4e32-a2bf-8643532de77b
#   remediation: |
#     ```hcl
#     resource "google_kms_crypto_key" "data" {
#       name     = "data"
#       key_ring = "projects/acme-prod/locations/europe/keyRings/main"
#       rotation_period = "7776000s"
#     }
#     ```
#   aliases: []
package tfward.gcp.kms.rotation_period

import rego.v1

import data.lib.tf

max_seconds := 7776000

symmetric(r) if upper(tf.val(r.values, "purpose", "ENCRYPT_DECRYPT")) == "ENCRYPT_DECRYPT"

seconds(p) := to_number(trim_suffix(p, "s")) if {
	is_string(p)
	regex.match(`^[0-9]+(\.[0-9]+)?s$`, p)
}

deny contains tf.finding(r, ["rotation_period"], sprintf("%s is never rotated automatically (no rotation_period)", [r.address])) if {
	some r in tf.resources("google_kms_crypto_key")
	symmetric(r)
	not tf.is_unknown(r, ["purpose"])
	tf.val(r.values, "rotation_period", "") == ""
	not tf.is_unknown(r, ["rotation_period"])
}

deny contains tf.finding(r, ["rotation_period"], sprintf("%s rotates every %s, more than 90 days", [r.address, r.values.rotation_period])) if {
	some r in tf.resources("google_kms_crypto_key")
	symmetric(r)
	seconds(r.values.rotation_period) > max_seconds
}
