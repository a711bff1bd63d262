# METADATA
# title: Dataflow job workers have public IP addresses
# description: >-
#   Fires on a google_dataflow_job (or google_dataflow_flex_template_job)
#   whose ip_configuration is not WORKER_IP_PRIVATE. The default gives every
#   worker an external IP, putting hosts that process the pipeline's data on
#   the internet. An unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dataflow_job#ip_configuration
#   - https://cloud.google.com/dataflow/docs/guides/routes-firewall#turn_off_external_ip_address
# custom:
#   id: TFW-GCP-0283
#   severity: MEDIUM
#   category: security
#   resource_types: [google_dataflow_job, google_dataflow_flex_template_job]
#   frameworks:
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_94
#   remediation: |
#     ```hcl
#     resource "google_dataflow_job" "this" {
#       name              = "wordcount"
#       template_gcs_path = "gs://dataflow-templates/latest/Word_Count"
#       temp_gcs_location = "gs://acme-tmp/dataflow"
#
#       ip_configuration = "WORKER_IP_PRIVATE"
#     }
#     ```
#   aliases: []
package tfward.gcp.dataflow.public_ips

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["ip_configuration"], sprintf("%s gives its workers public IP addresses (ip_configuration is not WORKER_IP_PRIVATE)", [r.address])) if {
	some r in tf.value_not_in(["google_dataflow_job", "google_dataflow_flex_template_job"], ["ip_configuration"], {"WORKER_IP_PRIVATE"}, "WORKER_IP_PUBLIC")
}
