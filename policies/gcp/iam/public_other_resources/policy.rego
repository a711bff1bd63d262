# METADATA
# title: Google Cloud resource IAM grants a role to allUsers or allAuthenticatedUsers
# description: >-
#   Fires when the IAM of a resource without a dedicated policy grants a role
#   to allUsers or allAuthenticatedUsers: notebooks and Workbench instances,
#   Healthcare datasets and stores, Source Repositories, Data Catalog,
#   Endpoints, Cloud Tasks, Bigtable, Private CA pools and templates, API
#   Gateway, IAP-protected apps and tunnels (public access there bypasses
#   IAP), Dataplex, Binary Authorization attestors, Container Analysis notes,
#   Service Directory, tags, Runtime Config, Pub/Sub schemas, managed folders,
#   Dataproc jobs, Cloud Build connections, Dataform, GKE Hub and Cloud Run
#   worker pools. Buckets, datasets, tables, topics, functions, Cloud Run,
#   KMS, secrets, Dataproc clusters, Spanner, service accounts and Compute
#   resources have their own policies. Every resource form counts:
#   *_iam_member, *_iam_binding, and *_iam_policy whose policy_data comes from
#   a google_iam_policy data source (the finding points at the data source's
#   binding) or, in a plan, from the rendered JSON. IAM conditions do not
#   narrow who the public principals are, so a conditional grant still fires.
#   Unknown members stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/iap_web_iam
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/healthcare_dataset_iam
#   - https://cloud.google.com/iam/docs/principals-overview#all-users
# custom:
#   id: TFW-GCP-0170
#   severity: HIGH
#   category: security
#   resource_types:
#     - google_notebooks_instance_iam_member
#     - google_notebooks_instance_iam_binding
#     - google_notebooks_instance_iam_policy
#     - google_notebooks_runtime_iam_member
#     - google_notebooks_runtime_iam_binding
#     - google_notebooks_runtime_iam_policy
#     - google_workbench_instance_iam_member
#     - google_workbench_instance_iam_binding
#     - google_workbench_instance_iam_policy
#     - google_healthcare_dataset_iam_member
#     - google_healthcare_dataset_iam_binding
#     - google_healthcare_dataset_iam_policy
#     - google_healthcare_dicom_store_iam_member
#     - google_healthcare_dicom_store_iam_binding
#     - google_healthcare_dicom_store_iam_policy
#     - google_healthcare_fhir_store_iam_member
#     - google_healthcare_fhir_store_iam_binding
#     - google_healthcare_fhir_store_iam_policy
#     - google_healthcare_hl7_v2_store_iam_member
#     - google_healthcare_hl7_v2_store_iam_binding
#     - google_healthcare_hl7_v2_store_iam_policy
#     - google_healthcare_consent_store_iam_member
#     - google_healthcare_consent_store_iam_binding
#     - google_healthcare_consent_store_iam_policy
#     - google_sourcerepo_repository_iam_member
#     - google_sourcerepo_repository_iam_binding
#     - google_sourcerepo_repository_iam_policy
#     - google_data_catalog_entry_group_iam_member
#     - google_data_catalog_entry_group_iam_binding
#     - google_data_catalog_entry_group_iam_policy
#     - google_data_catalog_tag_template_iam_member
#     - google_data_catalog_tag_template_iam_binding
#     - google_data_catalog_tag_template_iam_policy
#     - google_data_catalog_taxonomy_iam_member
#     - google_data_catalog_taxonomy_iam_binding
#     - google_data_catalog_taxonomy_iam_policy
#     - google_data_catalog_policy_tag_iam_member
#     - google_data_catalog_policy_tag_iam_binding
#     - google_data_catalog_policy_tag_iam_policy
#     - google_endpoints_service_iam_member
#     - google_endpoints_service_iam_binding
#     - google_endpoints_service_iam_policy
#     - google_cloud_tasks_queue_iam_member
#     - google_cloud_tasks_queue_iam_binding
#     - google_cloud_tasks_queue_iam_policy
#     - google_bigtable_instance_iam_member
#     - google_bigtable_instance_iam_binding
#     - google_bigtable_instance_iam_policy
#     - google_bigtable_table_iam_member
#     - google_bigtable_table_iam_binding
#     - google_bigtable_table_iam_policy
#     - google_privateca_ca_pool_iam_member
#     - google_privateca_ca_pool_iam_binding
#     - google_privateca_ca_pool_iam_policy
#     - google_privateca_certificate_template_iam_member
#     - google_privateca_certificate_template_iam_binding
#     - google_privateca_certificate_template_iam_policy
#     - google_api_gateway_api_iam_member
#     - google_api_gateway_api_iam_binding
#     - google_api_gateway_api_iam_policy
#     - google_api_gateway_gateway_iam_member
#     - google_api_gateway_gateway_iam_binding
#     - google_api_gateway_gateway_iam_policy
#     - google_iap_web_iam_member
#     - google_iap_web_iam_binding
#     - google_iap_web_iam_policy
#     - google_iap_web_backend_service_iam_member
#     - google_iap_web_backend_service_iam_binding
#     - google_iap_web_backend_service_iam_policy
#     - google_iap_tunnel_iam_member
#     - google_iap_tunnel_iam_binding
#     - google_iap_tunnel_iam_policy
#     - google_iap_tunnel_instance_iam_member
#     - google_iap_tunnel_instance_iam_binding
#     - google_iap_tunnel_instance_iam_policy
#     - google_dataplex_lake_iam_member
#     - google_dataplex_lake_iam_binding
#     - google_dataplex_lake_iam_policy
#     - google_dataplex_zone_iam_member
#     - google_dataplex_zone_iam_binding
#     - google_dataplex_zone_iam_policy
#     - google_dataplex_asset_iam_member
#     - google_dataplex_asset_iam_binding
#     - google_dataplex_asset_iam_policy
#     - google_binary_authorization_attestor_iam_member
#     - google_binary_authorization_attestor_iam_binding
#     - google_binary_authorization_attestor_iam_policy
#     - google_container_analysis_note_iam_member
#     - google_container_analysis_note_iam_binding
#     - google_container_analysis_note_iam_policy
#     - google_service_directory_namespace_iam_member
#     - google_service_directory_namespace_iam_binding
#     - google_service_directory_namespace_iam_policy
#     - google_service_directory_service_iam_member
#     - google_service_directory_service_iam_binding
#     - google_service_directory_service_iam_policy
#     - google_tags_tag_key_iam_member
#     - google_tags_tag_key_iam_binding
#     - google_tags_tag_key_iam_policy
#     - google_tags_tag_value_iam_member
#     - google_tags_tag_value_iam_binding
#     - google_tags_tag_value_iam_policy
#     - google_runtimeconfig_config_iam_member
#     - google_runtimeconfig_config_iam_binding
#     - google_runtimeconfig_config_iam_policy
#     - google_pubsub_schema_iam_member
#     - google_pubsub_schema_iam_binding
#     - google_pubsub_schema_iam_policy
#     - google_storage_managed_folder_iam_member
#     - google_storage_managed_folder_iam_binding
#     - google_storage_managed_folder_iam_policy
#     - google_dataproc_job_iam_member
#     - google_dataproc_job_iam_binding
#     - google_dataproc_job_iam_policy
#     - google_cloudbuildv2_connection_iam_member
#     - google_cloudbuildv2_connection_iam_binding
#     - google_cloudbuildv2_connection_iam_policy
#     - google_dataform_repository_iam_member
#     - google_dataform_repository_iam_binding
#     - google_dataform_repository_iam_policy
#     - google_gke_hub_membership_iam_member
#     - google_gke_hub_membership_iam_binding
#     - google_gke_hub_membership_iam_policy
#     - google_cloud_run_v2_worker_pool_iam_member
#     - google_cloud_run_v2_worker_pool_iam_binding
#     - google_cloud_run_v2_worker_pool_iam_policy
#     - google_iam_policy
#   frameworks:
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-3"]
#     cwe: ["CWE-284"]
#   remediation: |
#     Grant the role to the identities that need it:
#     ```hcl
#     resource "google_notebooks_instance_iam_member" "readers" {
#       location      = "europe-west4-a"
#       instance_name = "nb"
#       role   = "roles/notebooks.viewer"
#       member = "group:readers@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.iam.public_other_resources

import rego.v1

import data.lib.gcp
import data.lib.tf

prefixes := [
	"google_notebooks_instance",
	"google_notebooks_runtime",
	"google_workbench_instance",
	"google_healthcare_dataset",
	"google_healthcare_dicom_store",
	"google_healthcare_fhir_store",
	"google_healthcare_hl7_v2_store",
	"google_healthcare_consent_store",
	"google_sourcerepo_repository",
	"google_data_catalog_entry_group",
	"google_data_catalog_tag_template",
	"google_data_catalog_taxonomy",
	"google_data_catalog_policy_tag",
	"google_endpoints_service",
	"google_cloud_tasks_queue",
	"google_bigtable_instance",
	"google_bigtable_table",
	"google_privateca_ca_pool",
	"google_privateca_certificate_template",
	"google_api_gateway_api",
	"google_api_gateway_gateway",
	"google_iap_web",
	"google_iap_web_backend_service",
	"google_iap_tunnel",
	"google_iap_tunnel_instance",
	"google_dataplex_lake",
	"google_dataplex_zone",
	"google_dataplex_asset",
	"google_binary_authorization_attestor",
	"google_container_analysis_note",
	"google_service_directory_namespace",
	"google_service_directory_service",
	"google_tags_tag_key",
	"google_tags_tag_value",
	"google_runtimeconfig_config",
	"google_pubsub_schema",
	"google_storage_managed_folder",
	"google_dataproc_job",
	"google_cloudbuildv2_connection",
	"google_dataform_repository",
	"google_gke_hub_membership",
	"google_cloud_run_v2_worker_pool",
]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s: anyone can use it", [g.resource.address, gcp.public_grant_text(g)])) if {
	some g in gcp.public_grants(prefixes)
}
