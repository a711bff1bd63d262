# METADATA
# title: Dataproc cluster nodes have public IP addresses
# description: >-
#   Fires on a google_dataproc_cluster whose
#   cluster_config.gce_cluster_config.internal_ip_only is not true. Without it
#   every master and worker gets an ephemeral external IP, exposing Hadoop,
#   Spark and YARN web interfaces and SSH wherever firewall rules allow. The
#   provider leaves clusters without the setting on external IPs, so a missing
#   setting fires; an unknown one stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dataproc_cluster#internal_ip_only
#   - https://cloud.google.com/dataproc/docs/concepts/configuring-clusters/network#create_a_cluster_that_uses_internal_ip_addresses_only
# custom:
#   id: TFW-GCP-0274
#   severity: MEDIUM
#   category: security
#   resource_types: [google_dataproc_cluster]
#   frameworks:
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_103
#   remediation: |
#     ```hcl
#     resource "google_dataproc_cluster" "etl" {
#       name   = "etl"
#       region = "europe-west1"
#
#       cluster_config {
#         gce_cluster_config {
#           internal_ip_only = true
#           subnetwork       = google_compute_subnetwork.private.id
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.dataproc.public_ip

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["cluster_config", 0, "gce_cluster_config", 0, "internal_ip_only"], sprintf("%s nodes get public IP addresses (internal_ip_only is not true)", [r.address])) if {
	some r in tf.not_true(["google_dataproc_cluster"], ["cluster_config", 0, "gce_cluster_config", 0, "internal_ip_only"], false)
}
