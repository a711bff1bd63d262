# METADATA
# title: GKE cluster does not encrypt Kubernetes secrets with a Cloud KMS key
# description: >-
#   Fires on a google_container_cluster without application-layer secrets
#   encryption: database_encryption absent (the default state is DECRYPTED) or
#   with a state other than ENCRYPTED. Secrets in etcd are then protected only
#   by Google's storage encryption; envelope encryption with your Cloud KMS
#   key adds a layer you control and audit. Unknown state or key stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#database_encryption
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets
# custom:
#   id: TFW-GCP-0129
#   severity: MEDIUM
#   category: security
#   resource_types: [google_container_cluster]
#   frameworks:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       name     = "main"
#       location = "europe-west1"
#
#       database_encryption {
#         state    = "ENCRYPTED"
#         key_name = google_kms_crypto_key.gke.id
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.secrets_encryption

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["database_encryption"], sprintf("%s stores Kubernetes secrets without application-layer encryption (no database_encryption)", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	count(tf.list(r.values, "database_encryption")) == 0
	not tf.is_unknown(r, ["database_encryption"])
}

deny contains tf.finding(r, ["database_encryption", i, "state"], sprintf("%s stores Kubernetes secrets without application-layer encryption (state %s)", [r.address, tf.val(c, "state", "DECRYPTED")])) if {
	some r in tf.resources("google_container_cluster")
	some i, c in tf.list(r.values, "database_encryption")
	upper(tf.val(c, "state", "DECRYPTED")) != "ENCRYPTED"
}
