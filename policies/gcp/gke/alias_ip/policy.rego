# METADATA
# title: GKE cluster uses routes-based networking instead of alias IPs
# description: >-
#   Fires on a google_container_cluster with networking_mode = "ROUTES".
#   Routes-based clusters give pods no VPC-native addresses, so firewall
#   rules, VPC flow logs and private Google access cannot tell pods apart and
#   anti-spoofing checks do not apply to pod traffic. Since provider 5.0 new
#   clusters default to VPC_NATIVE (alias IPs), with or without an
#   ip_allocation_policy block, so an absent networking_mode stays silent, as
#   does an unknown one.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#networking_mode
#   - https://cloud.google.com/kubernetes-engine/docs/concepts/alias-ips
# custom:
#   id: TFW-GCP-0187
#   severity: LOW
#   category: security
#   resource_types: [google_container_cluster]
#   frameworks:
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-1188"]
#   equivalents:
#     checkov: CKV_GCP_23
#     trivy: GCP-0049
#     kics: c606ba1d-d736-43eb-ac24-e16108f3a9e0
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       networking_mode = "VPC_NATIVE"
#       ip_allocation_policy {}
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.alias_ip

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["networking_mode"], sprintf("%s uses routes-based networking (networking_mode = ROUTES)", [r.address])) if {
	some r in tf.value_in(["google_container_cluster"], ["networking_mode"], {"ROUTES", "routes"}, "VPC_NATIVE")
}
