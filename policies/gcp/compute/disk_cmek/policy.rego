# METADATA
# title: Compute disk is not encrypted with a customer-managed key
# description: >-
#   Fires on a google_compute_disk without
#   disk_encryption_key.kms_key_self_link (or a google_compute_region_disk
#   without disk_encryption_key.kms_key_name): Compute Engine then encrypts it
#   with a key Google manages, and you cannot audit each use, rotate it on
#   your schedule or crypto-shred the disk by disabling the key. A disk with a
#   customer-supplied key (raw_key or rsa_encrypted_key) is encrypted with a
#   customer key and is left to TFW-GCP-0110. An unknown key stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_disk#disk_encryption_key
#   - https://cloud.google.com/compute/docs/disks/customer-managed-encryption
# custom:
#   id: TFW-GCP-0127
#   severity: LOW
#   category: compliance
#   resource_types: [google_compute_disk, google_compute_region_disk]
#   frameworks:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   equivalents:
#     checkov: CKV_GCP_37
#     trivy: GCP-0034
#   remediation: |
#     ```hcl
#     resource "google_compute_disk" "data" {
#       name = "data"
#       zone = "europe-west1-b"
#       size = 100
#
#       disk_encryption_key {
#         kms_key_self_link = google_kms_crypto_key.disks.id
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.disk_cmek

import rego.v1

import data.lib.tf

key_attr := {"google_compute_disk": "kms_key_self_link", "google_compute_region_disk": "kms_key_name"}

deny contains tf.finding(r, path, sprintf("%s is encrypted with Google-managed keys (no disk_encryption_key.%s)", [r.address, attr])) if {
	some t, attr in key_attr
	some r in tf.resources(t)
	path := ["disk_encryption_key", 0, attr]
	not tf.is_set(r, path)
	not customer_supplied(r)
}

customer_supplied(r) if {
	some a in ["raw_key", "rsa_encrypted_key"]
	tf.is_set(r, ["disk_encryption_key", 0, a])
}

customer_supplied(r) if {
	some a in ["raw_key", "rsa_encrypted_key"]
	tf.is_unknown(r, ["disk_encryption_key", 0, a])
}
