# METADATA
# title: Dataproc cluster is not encrypted with a customer-managed key
# description: >-
#   Fires on a google_dataproc_cluster without a customer-managed Cloud KMS
#   key (cluster_config.0.encryption_config.0.kms_key_name): Google then
#   encrypts it with a key it manages, and you cannot audit each use of the
#   key, rotate it on your schedule, or make the data unreadable by disabling
#   it, as some regulations require. The key encrypts the cluster's persistent
#   disks. The key comes from a variable or another resource in most modules;
#   an unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dataproc_cluster
#   - https://cloud.google.com/dataproc/docs/concepts/configuring-clusters/customer-managed-encryption
#   - https://cloud.google.com/kms/docs/cmek
# custom:
#   id: TFW-GCP-0123
#   severity: LOW
#   category: compliance
#   resource_types: [google_dataproc_cluster]
#   frameworks:
#     cis-gcp-2.0: ["1.17"]
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   equivalents:
#     checkov: CKV_GCP_91
#   remediation: |
#     ```hcl
#     resource "google_dataproc_cluster" "this" {
#       # ...
#       cluster_config {
#         encryption_config {
#           kms_key_name = google_kms_crypto_key.key.id
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.dataproc.cluster_cmek

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["cluster_config", 0, "encryption_config", 0, "kms_key_name"], sprintf("%s is encrypted with Google-managed keys (cluster_config.0.encryption_config.0.kms_key_name is not set)", [r.address])) if {
	some r in tf.unset(["google_dataproc_cluster"], ["cluster_config", 0, "encryption_config", 0, "kms_key_name"])
}
