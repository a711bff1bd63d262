# METADATA
# title: GKE cluster has legacy ABAC authorization enabled
# description: >-
#   Legacy attribute-based access control grants permissions outside
#   Kubernetes RBAC, including broad rights for service accounts and nodes,
#   and cannot be audited or scoped the way RBAC roles can. With
#   `enable_legacy_abac = true` RBAC restrictions are effectively bypassed.
# related_resources:
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled
# custom:
#   id: TFW-GCP-0015
#   severity: HIGH
#   category: security
#   resource_types: [google_container_cluster]
#   frameworks:
#     soc2: [CC6.3]
#     cwe: [CWE-285]
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

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["enable_legacy_abac"], sprintf("%s enables legacy ABAC authorization", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	tf.is_true(tf.val(r.values, "enable_legacy_abac", false))
}
