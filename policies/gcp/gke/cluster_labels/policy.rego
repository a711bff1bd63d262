# METADATA
# title: GKE cluster has no resource labels
# description: >-
#   Fires on a google_container_cluster without resource_labels (absent or
#   empty). Labels on the cluster carry over to its nodes, disks and load
#   balancers and are how billing, inventory and ownership are tracked; an
#   unlabelled cluster is hard to attribute. Unknown labels stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#resource_labels
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/creating-managing-labels
# custom:
#   id: TFW-GCP-0189
#   severity: LOW
#   category: compliance
#   resource_types: [google_container_cluster]
#   frameworks:
#     nist-800-53-r5: ["CM-8"]
#   equivalents:
#     checkov: CKV_GCP_21
#     trivy: GCP-0051
#     kics: 65c1bc7a-4835-4ac4-a2b6-13d310b0648d
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       resource_labels = {
#         team = "platform"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.cluster_labels

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["resource_labels"], sprintf("%s has no resource_labels", [r.address])) if {
	some r in tf.unset(["google_container_cluster"], ["resource_labels"])
}
