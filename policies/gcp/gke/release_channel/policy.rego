# METADATA
# title: GKE cluster opts out of release channels
# description: >-
#   Fires on a google_container_cluster with release_channel.channel =
#   "UNSPECIFIED". Outside a release channel the control plane and nodes are
#   upgraded only when GKE forces it, and security patches arrive late. An
#   absent release_channel block leaves the choice to GKE, which enrolls new
#   clusters in the REGULAR channel, so it stays silent, as does an unknown
#   channel.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#release_channel
#   - https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels
# custom:
#   id: TFW-GCP-0184
#   severity: LOW
#   category: reliability
#   resource_types: [google_container_cluster]
#   frameworks:
#     nist-800-53-r5: ["SI-2"]
#     cwe: ["CWE-1104"]
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       release_channel {
#         channel = "REGULAR"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.release_channel

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["release_channel", i, "channel"], sprintf("%s is not enrolled in a release channel (channel = UNSPECIFIED)", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	some i, rc in tf.list(r.values, "release_channel")
	upper(tf.val(rc, "channel", "")) == "UNSPECIFIED"
}
