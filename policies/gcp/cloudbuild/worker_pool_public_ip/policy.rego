# METADATA
# title: Cloud Build private pool workers have external IP addresses
# description: >-
#   Fires on a google_cloudbuild_worker_pool whose
#   worker_config.no_external_ip is not true (the default is false). Build
#   workers then get public IPs, so builds that handle source, secrets and
#   signing keys run on hosts reachable from the internet and can send data
#   anywhere. An unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloudbuild_worker_pool#no_external_ip
#   - https://cloud.google.com/build/docs/private-pools/private-pools-overview
# custom:
#   id: TFW-GCP-0281
#   severity: MEDIUM
#   category: security
#   resource_types: [google_cloudbuild_worker_pool]
#   frameworks:
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_86
#   remediation: |
#     ```hcl
#     resource "google_cloudbuild_worker_pool" "this" {
#       name     = "private-pool"
#       location = "europe-west1"
#
#       worker_config {
#         no_external_ip = true
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.cloudbuild.worker_pool_public_ip

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["worker_config", 0, "no_external_ip"], sprintf("%s gives its workers external IP addresses (no_external_ip is not true)", [r.address])) if {
	some r in tf.not_true(["google_cloudbuild_worker_pool"], ["worker_config", 0, "no_external_ip"], false)
}
