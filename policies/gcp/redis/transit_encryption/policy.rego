# METADATA
# title: Memorystore for Redis instance does not encrypt traffic in transit
# description: >-
#   Fires on a google_redis_instance whose transit_encryption_mode is not
#   SERVER_AUTHENTICATION (the default is DISABLED). Clients then send AUTH
#   strings and data in clear text across the VPC, where anyone who can
#   capture traffic reads them. An unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/redis_instance#transit_encryption_mode
#   - https://cloud.google.com/memorystore/docs/redis/about-in-transit-encryption
# custom:
#   id: TFW-GCP-0280
#   severity: MEDIUM
#   category: security
#   resource_types: [google_redis_instance]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: ["SC-8"]
#     cwe: ["CWE-319"]
#   equivalents:
#     checkov: CKV_GCP_97
#   remediation: |
#     ```hcl
#     resource "google_redis_instance" "this" {
#       name           = "cache"
#       memory_size_gb = 1
#
#       transit_encryption_mode = "SERVER_AUTHENTICATION"
#     }
#     ```
#   aliases: []
package tfward.gcp.redis.transit_encryption

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["transit_encryption_mode"], sprintf("%s does not encrypt traffic in transit (transit_encryption_mode is not SERVER_AUTHENTICATION)", [r.address])) if {
	some r in tf.value_not_in(["google_redis_instance"], ["transit_encryption_mode"], {"SERVER_AUTHENTICATION"}, "DISABLED")
}
