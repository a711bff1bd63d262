# METADATA
# title: GKE cluster enables legacy ABAC authorization
# description: >-
#   Fires on a google_container_cluster with enable_legacy_abac = true. Legacy
#   attribute-based access control grants permissions outside Kubernetes RBAC,
#   including broad rights for service accounts and nodes, and cannot be
#   audited or scoped the way RBAC roles can. The provider default is false,
#   so an absent attribute stays silent, as does an unknown one.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_legacy_abac
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled_default_for_110
# custom:
#   id: TFW-GCP-0015
#   severity: HIGH
#   category: security
#   resource_types: [google_container_cluster]
#   frameworks:
#     soc2: ["CC6.3"]
#     nist-800-53-r5: ["AC-3"]
#     cwe: ["CWE-285"]
#   equivalents:
#     checkov: CKV_GCP_7
#     trivy: GCP-0062
#     kics: 5baa92d2-d8ee-4c75-88a4-52d9d8bb8067
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       enable_legacy_abac = false
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.legacy_abac

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["enable_legacy_abac"], sprintf("%s enables legacy ABAC authorization", [r.address])) if {
	some r in tf.set_true(["google_container_cluster"], ["enable_legacy_abac"], false)
}
