# METADATA
# title: Cloud KMS key is not rotated at least every 90 days
# description: >-
#   A symmetric key without `rotation_period`, or with one longer than 90
#   days (7776000s), keeps encrypting new data with the same key version for
#   a long time, which widens the impact of a compromised version. Automatic
#   rotation creates a new primary version on schedule; asymmetric keys,
#   which cannot rotate automatically, are skipped.
# related_resources:
#   - https://cloud.google.com/kms/docs/key-rotation
# custom:
#   id: TFW-GCP-0035
#   severity: MEDIUM
#   category: security
#   resource_types: [google_kms_crypto_key]
#   frameworks:
#     cis-gcp-2.0: ["1.10"]
#     pci-dss-4.0: ["3.7.4"]
#     soc2: [CC6.1]
#     cwe: [CWE-324]
#   equivalents:
#     checkov: CKV_GCP_43
#     trivy: GCP-0065
#     kics: d8c57c4e-bf6f-4e32-a2bf-8643532de77b
#   remediation: |
#     ```hcl
#     resource "google_kms_crypto_key" "data" {
#       name            = "data"
#       key_ring        = google_kms_key_ring.main.id
#       rotation_period = "7776000s" # 90 days
#     }
#     ```
#   aliases: []
package tfward.gcp.kms.rotation_period

import rego.v1

import data.lib.gcp
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
}

deny contains tf.finding(r, ["rotation_period"], sprintf("%s rotates every %s, more than 90 days", [r.address, r.values.rotation_period])) if {
	some r in tf.resources("google_kms_crypto_key")
	symmetric(r)
	seconds(r.values.rotation_period) > max_seconds
}
