# METADATA
# title: VPC subnetwork has no flow logs
# description: >-
#   Fires on a google_compute_subnetwork that carries VM traffic and has no
#   log_config block (flow logs are off by default). Without VPC flow logs
#   there is no record of which hosts talked to which, on what ports, when
#   investigating an intrusion or exfiltration. Proxy-only, Private Service
#   Connect and private NAT subnets, which have no flow logs, are skipped, as
#   are unknown purposes or log settings.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_subnetwork#log_config
#   - https://cloud.google.com/vpc/docs/flow-logs
# custom:
#   id: TFW-GCP-0040
#   severity: LOW
#   category: compliance
#   resource_types: [google_compute_subnetwork]
#   frameworks:
#     cis-gcp-2.0: ["3.8"]
#     soc2: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: ["AU-12", "SI-4"]
#     cwe: ["CWE-778"]
#   equivalents:
#     checkov: CKV_GCP_26
#     trivy: [GCP-0076, GCP-0029]
#     kics: 40430747-442d-450a-a34f-dc57149f4609
#   remediation: |
#     ```hcl
#     resource "google_compute_subnetwork" "app" {
#       name          = "app-europe-west1"
#       ip_cidr_range = "10.10.0.0/20"
#       region        = "europe-west1"
#       network       = "vpc-main"
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

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["log_config"], sprintf("%s has no VPC flow logs", [r.address])) if {
	some r in data.lib.gcp.vm_subnets
	count(tf.list(r.values, "log_config")) == 0
	not tf.is_unknown(r, ["log_config"])
}
