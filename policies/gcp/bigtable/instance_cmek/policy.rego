# METADATA
# title: Bigtable instance cluster is not encrypted with a customer-managed key
# description: >-
#   Fires on a google_bigtable_instance without a customer-managed Cloud KMS
#   key (cluster.0.kms_key_name): Google then encrypts it with a key it
#   manages, and you cannot audit each use of the key, rotate it on your
#   schedule, or make the data unreadable by disabling it, as some regulations
#   require. Each cluster block carries its own key; every cluster is checked.
#   The key comes from a variable or another resource in most modules; an
#   unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigtable_instance
#   - https://cloud.google.com/bigtable/docs/cmek
#   - https://cloud.google.com/kms/docs/cmek
# custom:
#   id: TFW-GCP-0124
#   severity: LOW
#   category: compliance
#   resource_types: [google_bigtable_instance]
#   frameworks:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   equivalents:
#     checkov: CKV_GCP_85
#   remediation: |
#     ```hcl
#     resource "google_bigtable_instance" "this" {
#       # ...
#       cluster {
#         kms_key_name = google_kms_crypto_key.key.id
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.bigtable.instance_cmek

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["cluster", i, "kms_key_name"], sprintf("%s cluster %s is encrypted with Google-managed keys (no kms_key_name)", [r.address, object.get(c, "cluster_id", sprintf("%d", [i]))])) if {
	some r in tf.resources("google_bigtable_instance")
	some i, c in tf.list(r.values, "cluster")
	not tf.is_set(r, ["cluster", i, "kms_key_name"])
}
