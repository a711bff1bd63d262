# METADATA
# title: VPC subnetwork has Private Google Access disabled
# description: >-
#   Without `private_ip_google_access = true`, VMs that have only internal
#   addresses cannot reach Google APIs (Cloud Storage, Artifact Registry,
#   Cloud Logging) unless they get an external IP or a NAT path. Teams then
#   tend to add public IPs, which this setting makes unnecessary.
# related_resources:
#   - https://cloud.google.com/vpc/docs/private-google-access
# custom:
#   id: TFW-GCP-0041
#   severity: LOW
#   category: security
#   resource_types: [google_compute_subnetwork]
#   frameworks:
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     trivy: GCP-0075
#   remediation: |
#     ```hcl
#     resource "google_compute_subnetwork" "app" {
#       name                     = "app-europe-west1"
#       ip_cidr_range            = "10.10.0.0/20"
#       region                   = "europe-west1"
#       network                  = google_compute_network.vpc.id
#       private_ip_google_access = true
#     }
#     ```
#   aliases: []
package tfward.gcp.network.private_google_access

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["private_ip_google_access"], sprintf("%s has Private Google Access disabled", [r.address])) if {
	some r in gcp.vm_subnets
	not tf.is_true(tf.val(r.values, "private_ip_google_access", false))
}
