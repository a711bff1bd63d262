# METADATA
# title: VPC subnetwork has Private Google Access disabled
# description: >-
#   Fires on a google_compute_subnetwork that carries VM traffic without
#   private_ip_google_access = true (the provider default is false). VMs with
#   only internal addresses then cannot reach Google APIs (Cloud Storage,
#   Artifact Registry, Cloud Logging) without an external IP or a NAT path,
#   and teams tend to add public IPs. Proxy-only, Private Service Connect and
#   private NAT subnets, and unknown values, stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_subnetwork#private_ip_google_access
#   - https://cloud.google.com/vpc/docs/private-google-access
# custom:
#   id: TFW-GCP-0041
#   severity: LOW
#   category: security
#   resource_types: [google_compute_subnetwork]
#   frameworks:
#     nist-800-53-r5: ["SC-7"]
#   equivalents:
#     checkov: CKV_GCP_74
#     trivy: GCP-0075
#   remediation: |
#     ```hcl
#     resource "google_compute_subnetwork" "app" {
#       name          = "app-europe-west1"
#       ip_cidr_range = "10.10.0.0/20"
#       region        = "europe-west1"
#       network       = "vpc-main"
#       private_ip_google_access = true
#     }
#     ```
#   aliases: []
package tfward.gcp.network.private_google_access

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["private_ip_google_access"], sprintf("%s has Private Google Access disabled", [r.address])) if {
	some r in data.lib.gcp.vm_subnets
	not tf.is_true(tf.val(r.values, "private_ip_google_access", false))
}
