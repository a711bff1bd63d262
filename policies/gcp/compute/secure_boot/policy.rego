# METADATA
# title: Shielded VM Secure Boot is not enabled
# description: >-
#   Fires on an instance or instance template (global or regional) whose
#   shielded_instance_config.enable_secure_boot is not true. Secure Boot
#   checks the signature of every boot component, so unsigned or tampered
#   kernels, drivers and bootloaders do not load. It is off by default, so a
#   missing setting fires; an instance from a template is checked only when it
#   writes the setting, and unknown values stay silent. Images that need
#   unsigned drivers (some GPU images) cannot use it: suppress the finding
#   there.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#enable_secure_boot
#   - https://cloud.google.com/compute/shielded-vm/docs/shielded-vm#secure-boot
# custom:
#   id: TFW-GCP-0221
#   severity: LOW
#   category: security
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#     - google_compute_instance_from_template
#   frameworks:
#     nist-800-53-r5: ["SI-7"]
#     cwe: ["CWE-693"]
#   equivalents:
#     trivy: GCP-0067
#   remediation: |
#     ```hcl
#     resource "google_compute_instance" "app" {
#       # ...
#       shielded_instance_config {
#         enable_secure_boot = true
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.secure_boot

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["shielded_instance_config", 0, "enable_secure_boot"], sprintf("%s boots without Secure Boot", [r.address])) if {
	some r in data.lib.gcp.instances
	not gcp.from_template(r)
	not tf.is_true(tf.at(r, ["shielded_instance_config", 0, "enable_secure_boot"], false))
}

deny contains tf.finding(r, ["shielded_instance_config", 0, "enable_secure_boot"], sprintf("%s boots without Secure Boot", [r.address])) if {
	some r in data.lib.gcp.instances
	gcp.from_template(r)
	tf.is_false(tf.at(r, ["shielded_instance_config", 0, "enable_secure_boot"], true))
}
