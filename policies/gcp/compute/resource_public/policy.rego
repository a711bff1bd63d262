# METADATA
# title: Compute image, disk, snapshot, instance or subnetwork is shared with allUsers or allAuthenticatedUsers
# description: >-
#   Fires when a Compute Engine image, disk, regional disk, snapshot,
#   instance, machine image or subnetwork grants a role to allUsers or
#   allAuthenticatedUsers. A public image, disk or snapshot lets anyone create
#   disks from it and read everything it contains (keys, data, configuration);
#   a public instance or subnetwork role lets anyone administer or attach to
#   it. Every resource form counts: *_iam_member, *_iam_binding, and
#   *_iam_policy whose policy_data comes from a google_iam_policy data source
#   (the finding points at the data source's binding) or, in a plan, from the
#   rendered JSON. IAM conditions do not narrow who the public principals are,
#   so a conditional grant still fires. Unknown members stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_image_iam
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_disk_iam
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_snapshot_iam
#   - https://cloud.google.com/iam/docs/principals-overview#all-users
# custom:
#   id: TFW-GCP-0169
#   severity: HIGH
#   category: security
#   resource_types:
#     - google_compute_image_iam_member
#     - google_compute_image_iam_binding
#     - google_compute_image_iam_policy
#     - google_compute_disk_iam_member
#     - google_compute_disk_iam_binding
#     - google_compute_disk_iam_policy
#     - google_compute_region_disk_iam_member
#     - google_compute_region_disk_iam_binding
#     - google_compute_region_disk_iam_policy
#     - google_compute_snapshot_iam_member
#     - google_compute_snapshot_iam_binding
#     - google_compute_snapshot_iam_policy
#     - google_compute_instance_iam_member
#     - google_compute_instance_iam_binding
#     - google_compute_instance_iam_policy
#     - google_compute_machine_image_iam_member
#     - google_compute_machine_image_iam_binding
#     - google_compute_machine_image_iam_policy
#     - google_compute_subnetwork_iam_member
#     - google_compute_subnetwork_iam_binding
#     - google_compute_subnetwork_iam_policy
#     - google_iam_policy
#   frameworks:
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-3"]
#     cwe: ["CWE-284"]
#   remediation: |
#     Grant the role to the identities that need it:
#     ```hcl
#     resource "google_compute_image_iam_member" "readers" {
#       image = "golden-debian"
#       role   = "roles/compute.imageUser"
#       member = "group:readers@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.resource_public

import rego.v1

import data.lib.gcp
import data.lib.tf

prefixes := [
	"google_compute_image",
	"google_compute_disk",
	"google_compute_region_disk",
	"google_compute_snapshot",
	"google_compute_instance",
	"google_compute_machine_image",
	"google_compute_subnetwork",
]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s: anyone can use it", [g.resource.address, gcp.public_grant_text(g)])) if {
	some g in gcp.public_grants(prefixes)
}
