# METADATA
# title: Cloud TPU VM has external IP addresses
# description: >-
#   Fires on a google_tpu_v2_vm whose network_config.enable_external_ips is
#   not false. External IPs put the TPU hosts, which hold training data and
#   model weights, on the internet; reach Google APIs through Private Google
#   Access instead. The block's default gives external IPs, so an absent
#   network_config fires; unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/tpu_v2_vm#enable_external_ips
# custom:
#   id: TFW-GCP-0289
#   severity: MEDIUM
#   category: security
#   resource_types: [google_tpu_v2_vm]
#   frameworks:
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV2_GCP_32
#   remediation: |
#     ```hcl
#     resource "google_tpu_v2_vm" "train" {
#       name             = "train"
#       zone             = "us-central1-c"
#       runtime_version  = "tpu-vm-tf-2.13.0"
#       accelerator_type = "v2-8"
#
#       network_config {
#         enable_external_ips = false
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.tpu.public_ip

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["network_config", 0, "enable_external_ips"], sprintf("%s has external IP addresses", [r.address])) if {
	some r in tf.resources("google_tpu_v2_vm")
	not tf.is_false(tf.at(r, ["network_config", 0, "enable_external_ips"], true))
	not tf.is_unknown(r, ["network_config"])
}
