# METADATA
# title: Instance on a Confidential VM machine type does not enable Confidential Computing
# description: >-
#   Fires on an instance or instance template whose machine type supports
#   Confidential VM (N2D, C2D, C3D with AMD SEV, C3 with Intel TDX) but whose
#   confidential_instance_config neither sets enable_confidential_compute =
#   true nor a confidential_instance_type. Confidential VMs keep memory
#   encrypted with a per-VM key the host cannot read. Other machine families
#   cannot run as Confidential VMs and stay silent, as do unknown machine
#   types or settings.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#confidential_instance_config
#   - https://cloud.google.com/confidential-computing/confidential-vm/docs/about-cvm
# custom:
#   id: TFW-GCP-0222
#   severity: LOW
#   category: compliance
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#   frameworks:
#     cis-gcp-2.0: ["4.11"]
#     nist-800-53-r5: ["SC-28"]
#     cwe: ["CWE-311"]
#   remediation: |
#     ```hcl
#     resource "google_compute_instance" "app" {
#       machine_type = "n2d-standard-4"
#       # ...
#       confidential_instance_config {
#         enable_confidential_compute = true
#       }
#
#       scheduling {
#         on_host_maintenance = "TERMINATE"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.confidential_computing

import rego.v1

import data.lib.tf

capable_families := ["n2d-", "c2d-", "c3d-", "c3-"]

capable(r) if {
	mt := lower(tf.val(r.values, "machine_type", ""))
	some f in capable_families
	startswith(mt, f)
}

confidential(r) if tf.is_true(tf.at(r, ["confidential_instance_config", 0, "enable_confidential_compute"], false))

confidential(r) if tf.is_set(r, ["confidential_instance_config", 0, "confidential_instance_type"])

undecided(r) if tf.is_unknown(r, ["confidential_instance_config"])

undecided(r) if tf.is_unknown(r, ["confidential_instance_config", 0, "enable_confidential_compute"])

undecided(r) if tf.is_unknown(r, ["confidential_instance_config", 0, "confidential_instance_type"])

deny contains tf.finding(r, ["confidential_instance_config"], sprintf("%s runs on %s without Confidential Computing", [r.address, r.values.machine_type])) if {
	some t in ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]
	some r in tf.resources(t)
	capable(r)
	not confidential(r)
	not undecided(r)
}
