# METADATA
# title: Secret Manager secret is not encrypted with a customer-managed key
# description: >-
#   Fires on a google_secret_manager_secret without a customer-managed Cloud
#   KMS key (replication.0): Google then encrypts it with a key it manages,
#   and you cannot audit each use of the key, rotate it on your schedule, or
#   make the data unreadable by disabling it, as some regulations require.
#   With automatic replication the key is
#   replication.auto.customer_managed_encryption.kms_key_name; with user-
#   managed replication every replica needs its own
#   customer_managed_encryption. The key comes from a variable or another
#   resource in most modules; an unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/secret_manager_secret
#   - https://cloud.google.com/secret-manager/docs/cmek
#   - https://cloud.google.com/kms/docs/cmek
# custom:
#   id: TFW-GCP-0143
#   severity: LOW
#   category: compliance
#   resource_types: [google_secret_manager_secret]
#   frameworks:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   remediation: |
#     ```hcl
#     resource "google_secret_manager_secret" "this" {
#       # ...
#       replication = google_kms_crypto_key.key.id
#     }
#     ```
#   aliases: []
package tfward.gcp.secretmanager.secret_cmek

import rego.v1

import data.lib.tf

deny contains tf.finding(r, path, sprintf("%s is encrypted with Google-managed keys (%s has no customer_managed_encryption key)", [r.address, where])) if {
	some r in tf.resources("google_secret_manager_secret")
	not tf.is_unknown(r, ["replication"])
	some [path, where] in key_paths(r)
	key := array.concat(path, ["customer_managed_encryption", 0, "kms_key_name"])
	not tf.is_set(r, key)
	not tf.is_unknown(r, key)
}

key_paths(r) := array.concat(auto_path(r), replica_paths(r))

auto_path(r) := [[["replication", 0, "auto", 0], "automatic replication"] |
	count(tf.list(tf.at(r, ["replication", 0], {}), "auto")) > 0
]

replica_paths(r) := [[["replication", 0, "user_managed", 0, "replicas", i], sprintf("replica %s", [tf.val(rep, "location", sprintf("%d", [i]))])] |
	some i, rep in tf.list(tf.at(r, ["replication", 0, "user_managed", 0], {}), "replicas")
]
