# METADATA
# title: Data Fusion instance is not private
# description: >-
#   Fires on a google_data_fusion_instance whose private_instance is not true
#   (the default is false). A public instance has a public endpoint and its
#   pipelines' Dataproc nodes use public IPs. An unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/data_fusion_instance#private_instance
#   - https://cloud.google.com/data-fusion/docs/how-to/create-private-ip
# custom:
#   id: TFW-GCP-0282
#   severity: MEDIUM
#   category: security
#   resource_types: [google_data_fusion_instance]
#   frameworks:
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_87
#   remediation: |
#     ```hcl
#     resource "google_data_fusion_instance" "this" {
#       name   = "pipelines"
#       region = "europe-west1"
#       type   = "BASIC"
#
#       private_instance = true
#     }
#     ```
#   aliases: []
package tfward.gcp.datafusion.public_instance

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["private_instance"], sprintf("%s is not a private instance (private_instance is not true)", [r.address])) if {
	some r in tf.not_true(["google_data_fusion_instance"], ["private_instance"], false)
}
