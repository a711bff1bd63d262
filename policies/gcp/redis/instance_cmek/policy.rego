# METADATA
# title: Memorystore for Redis instance is not encrypted with a customer-managed key
# description: >-
#   Fires on a google_redis_instance without a customer-managed Cloud KMS key
#   (customer_managed_key): Google then encrypts it with a key it manages, and
#   you cannot audit each use of the key, rotate it on your schedule, or make
#   the data unreadable by disabling it, as some regulations require. The key
#   comes from a variable or another resource in most modules; an unknown
#   value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/redis_instance
#   - https://cloud.google.com/memorystore/docs/redis/cmek
#   - https://cloud.google.com/kms/docs/cmek
# custom:
#   id: TFW-GCP-0144
#   severity: LOW
#   category: compliance
#   resource_types: [google_redis_instance]
#   frameworks:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   remediation: |
#     ```hcl
#     resource "google_redis_instance" "this" {
#       # ...
#       customer_managed_key = google_kms_crypto_key.key.id
#     }
#     ```
#   aliases: []
package tfward.gcp.redis.instance_cmek

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["customer_managed_key"], sprintf("%s is encrypted with Google-managed keys (customer_managed_key is not set)", [r.address])) if {
	some r in tf.unset(["google_redis_instance"], ["customer_managed_key"])
}
