# METADATA
# title: VPC subnetwork has flow logs disabled
# description: >-
#   VPC flow logs sample the connections to and from every VM interface in
#   the subnet. Without a `log_config` block there is no network-level record
#   for detecting scanning or exfiltration, or for working out afterwards
#   which hosts a compromised VM talked to. Proxy-only and Private Service
#   Connect subnets are skipped.
# related_resources:
#   - https://cloud.google.com/vpc/docs/flow-logs
# custom:
#   id: TFW-GCP-0040
#   severity: LOW
#   category: compliance
#   resource_types: [google_compute_subnetwork]
#   frameworks:
#     cis-gcp-2.0: ["3.8"]
#     pci-dss-4.0: ["10.2.1"]
#     soc2: [CC7.2]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_GCP_26
#     trivy: GCP-0076
#     kics: 40430747-442d-450a-a34f-dc57149f4609
#   remediation: |
#     ```hcl
#     resource "google_compute_subnetwork" "app" {
#       name          = "app-europe-west1"
#       ip_cidr_range = "10.10.0.0/20"
#       region        = "europe-west1"
#       network       = google_compute_network.vpc.id
#
#       log_config {
#         aggregation_interval = "INTERVAL_5_SEC"
#         flow_sampling        = 0.5
#         metadata             = "INCLUDE_ALL_METADATA"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.network.subnet_flow_logs

import rego.v1

import data.lib.net

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["log_config"], sprintf("%s has no VPC flow logs", [r.address])) if {
	some r in gcp.vm_subnets
	count(tf.list(r.values, "log_config")) == 0
	not tf.is_unknown(r, ["log_config"])
}
