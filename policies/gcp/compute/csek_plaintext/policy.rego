# METADATA
# title: Customer-supplied disk encryption key is written in the configuration
# description: >-
#   Fires when a customer-supplied encryption key (CSEK) is given as a known
#   value: raw_key or rsa_encrypted_key in the encryption key blocks of disks,
#   regional disks, snapshots, images and machine images (disk_encryption_key,
#   snapshot_encryption_key, image_encryption_key,
#   machine_image_encryption_key, and the source_*_encryption_key blocks),
#   disk_encryption_key_raw or disk_encryption_key_rsa on instance boot and
#   attached disks, and the source image/snapshot keys of instance template
#   disks. A key in the code or in a variable default sits in version control,
#   in plans and in the state, so anyone who reads them can decrypt the disk.
#   Keys that are unknown at plan time (read from a secret store or passed at
#   run time) stay silent, as does kms_key_self_link (a Cloud KMS key
#   reference, not key material).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_disk#disk_encryption_key
#   - https://cloud.google.com/compute/docs/disks/customer-supplied-encryption
# custom:
#   id: TFW-GCP-0110
#   severity: CRITICAL
#   category: security
#   resource_types:
#     - google_compute_disk
#     - google_compute_region_disk
#     - google_compute_instance
#     - google_compute_instance_from_template
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#     - google_compute_snapshot
#     - google_compute_image
#     - google_compute_machine_image
#   frameworks:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-321", "CWE-312"]
#   equivalents:
#     trivy: GCP-0037
#   remediation: |
#     Use a Cloud KMS key instead of key material in the configuration:
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
package tfward.gcp.compute.csek_plaintext

import rego.v1

import data.lib.tf

# Encryption key blocks and the key-material attributes inside them.
key_blocks := ["disk_encryption_key", "source_image_encryption_key", "source_snapshot_encryption_key", "snapshot_encryption_key", "source_disk_encryption_key", "image_encryption_key", "machine_image_encryption_key"]

block_attrs := ["raw_key", "rsa_encrypted_key"]

# Instance disks name the attributes differently.
disk_lists := ["boot_disk", "attached_disk"]

disk_attrs := ["disk_encryption_key_raw", "disk_encryption_key_rsa"]

deny contains tf.finding(r, path, sprintf("%s has a customer-supplied encryption key in %s: the key is readable in the code, plan and state", [r.address, tf.dotted(path)])) if {
	some t in types
	some r in tf.resources(t)
	some path in key_paths(r)
	v := tf.at(r, path, "")
	is_string(v)
	v != ""
}

types := ["google_compute_disk", "google_compute_region_disk", "google_compute_instance", "google_compute_instance_from_template", "google_compute_instance_template", "google_compute_region_instance_template", "google_compute_snapshot", "google_compute_image", "google_compute_machine_image"]

key_paths(r) := array.concat(array.concat(block_paths(r.values, []), instance_paths(r)), template_paths(r))

block_paths(obj, prefix) := [array.concat(prefix, [b, i, a]) |
	some b in key_blocks
	some i, _ in tf.list(obj, b)
	some a in block_attrs
]

instance_paths(r) := [[l, i, a] |
	some l in disk_lists
	some i, _ in tf.list(r.values, l)
	some a in disk_attrs
]

template_paths(r) := [p |
	some i, d in tf.list(r.values, "disk")
	some p in block_paths(d, ["disk", i])
]
