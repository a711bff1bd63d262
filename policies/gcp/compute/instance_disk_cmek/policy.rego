# METADATA
# title: VM boot or template disk is not encrypted with a customer-managed key
# description: >-
#   Fires on a VM whose disks are created with Google-managed keys: a
#   google_compute_instance (or google_compute_instance_from_template that
#   writes boot_disk) whose boot_disk has no kms_key_self_link, and each disk
#   of a google_compute_instance_template or
#   google_compute_region_instance_template without
#   disk_encryption_key.kms_key_self_link. Disks attached from an existing
#   google_compute_disk (source) are checked on that disk by TFW-GCP-0127, and
#   disks with a customer-supplied key by TFW-GCP-0110. Unknown keys stay
#   silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#kms_key_self_link
#   - https://cloud.google.com/compute/docs/disks/customer-managed-encryption
# custom:
#   id: TFW-GCP-0128
#   severity: LOW
#   category: compliance
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_from_template
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#   frameworks:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   equivalents:
#     checkov: CKV_GCP_38
#     trivy: GCP-0033
#   remediation: |
#     ```hcl
#     resource "google_compute_instance" "app" {
#       name         = "app"
#       machine_type = "e2-medium"
#       zone         = "europe-west1-b"
#
#       boot_disk {
#         kms_key_self_link = google_kms_crypto_key.disks.id
#         initialize_params {
#           image = "debian-cloud/debian-12"
#         }
#       }
#
#       network_interface {
#         network = "default"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.instance_disk_cmek

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["boot_disk", 0, "kms_key_self_link"], sprintf("%s boot disk is encrypted with Google-managed keys (no kms_key_self_link)", [r.address])) if {
	some t in ["google_compute_instance", "google_compute_instance_from_template"]
	some r in tf.resources(t)
	some d in tf.list(r.values, "boot_disk")
	not tf.is_set(r, ["boot_disk", 0, "kms_key_self_link"])
	created_here(r, d)
	not customer_supplied(r)
}

# The instance creates its boot disk from initialize_params (in a plan the
# disk's source is then computed); a boot disk with only a source is an
# existing disk, checked on its google_compute_disk.
created_here(r, d) if count(tf.list(d, "initialize_params")) > 0

created_here(r, d) if {
	count(tf.list(d, "initialize_params")) == 0
	not tf.is_set(r, ["boot_disk", 0, "source"])
	not tf.is_unknown(r, ["boot_disk", 0, "source"])
}

customer_supplied(r) if {
	some a in ["disk_encryption_key_raw", "disk_encryption_key_rsa"]
	tf.is_set(r, ["boot_disk", 0, a])
}

customer_supplied(r) if {
	some a in ["disk_encryption_key_raw", "disk_encryption_key_rsa"]
	tf.is_unknown(r, ["boot_disk", 0, a])
}

deny contains tf.finding(r, ["disk", i, "disk_encryption_key", 0, "kms_key_self_link"], sprintf("%s disk %d is encrypted with Google-managed keys (no disk_encryption_key.kms_key_self_link)", [r.address, i])) if {
	some t in ["google_compute_instance_template", "google_compute_region_instance_template"]
	some r in tf.resources(t)
	some i, d in tf.list(r.values, "disk")
	not tf.is_set(r, ["disk", i, "disk_encryption_key", 0, "kms_key_self_link"])
	not tf.is_set(r, ["disk", i, "source"])
	not tf.is_unknown(r, ["disk", i, "source"])
}
