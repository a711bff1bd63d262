# METADATA
# title: Cloud KMS key versions are destroyed after less than 7 days
# description: >-
#   Fires on a google_kms_crypto_key whose destroy_scheduled_duration is
#   shorter than 7 days (604800s). A key version scheduled for destruction can
#   only be restored during that window; once it passes, every ciphertext
#   under the version is lost for good, so a mistaken or malicious destroy
#   leaves little time to notice. The default is 30 days, so an absent
#   attribute stays silent, as does an unknown one.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/kms_crypto_key#destroy_scheduled_duration
#   - https://cloud.google.com/kms/docs/destroy-restore#scheduled_for_destruction
# custom:
#   id: TFW-GCP-0264
#   severity: LOW
#   category: reliability
#   resource_types: [google_kms_crypto_key]
#   frameworks:
#     nist-800-53-r5: ["SC-12", "CP-9"]
#   remediation: |
#     ```hcl
#     resource "google_kms_crypto_key" "data" {
#       name     = "data"
#       key_ring = "projects/acme-prod/locations/europe/keyRings/main"
#       destroy_scheduled_duration = "2592000s"
#     }
#     ```
#   aliases: []
package tfward.gcp.kms.destroy_scheduled_duration

import rego.v1

import data.lib.tf

min_seconds := 604800

seconds(p) := to_number(trim_suffix(p, "s")) if {
	is_string(p)
	regex.match(`^[0-9]+(\.[0-9]+)?s$`, p)
}

deny contains tf.finding(r, ["destroy_scheduled_duration"], sprintf("%s destroys key versions after %s, less than 7 days", [r.address, r.values.destroy_scheduled_duration])) if {
	some r in tf.resources("google_kms_crypto_key")
	seconds(r.values.destroy_scheduled_duration) < min_seconds
}
