# METADATA
# title: Memorystore for Redis instance does not require AUTH
# description: >-
#   Fires on a google_redis_instance whose auth_enabled is not true (the
#   default is false). Without AUTH any client that can reach the instance's
#   IP on the VPC can read and overwrite every key, and run commands such as
#   FLUSHALL. An unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/redis_instance#auth_enabled
#   - https://cloud.google.com/memorystore/docs/redis/about-redis-auth
# custom:
#   id: TFW-GCP-0279
#   severity: MEDIUM
#   category: security
#   resource_types: [google_redis_instance]
#   frameworks:
#     nist-800-53-r5: ["IA-2", "AC-3"]
#     cwe: ["CWE-306"]
#   equivalents:
#     checkov: CKV_GCP_95
#   remediation: |
#     ```hcl
#     resource "google_redis_instance" "this" {
#       name           = "cache"
#       memory_size_gb = 1
#
#       auth_enabled = true
#     }
#     ```
#   aliases: []
package tfward.gcp.redis.auth_disabled

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["auth_enabled"], sprintf("%s does not require AUTH (auth_enabled is not true)", [r.address])) if {
	some r in tf.not_true(["google_redis_instance"], ["auth_enabled"], false)
}
