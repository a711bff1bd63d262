# METADATA
# title: Resource is missing required tags
# description: >-
#   Tags (labels on GCP) tie a resource to an owner, an environment and a cost
#   centre; without them cost reports, incident routing and clean-up of
#   orphaned resources break down. Which keys are required is one
#   organisation's convention, so the policy runs only when tfward.toml sets
#   `required_tags` (for example ["Owner", "Environment"]). Tags set through
#   the AWS provider's `default_tags` count, and resources whose tags are
#   unknown are not judged.
# related_resources:
#   - https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html
# custom:
#   id: TFW-GEN-0007
#   severity: LOW
#   category: compliance
#   resource_types:
#     - aws_instance
#     - aws_s3_bucket
#     - aws_db_instance
#     - aws_rds_cluster
#     - aws_dynamodb_table
#     - aws_lambda_function
#     - aws_ecs_cluster
#     - aws_eks_cluster
#     - aws_vpc
#     - aws_lb
#     - aws_kms_key
#     - aws_sqs_queue
#     - aws_sns_topic
#     - azurerm_resource_group
#     - azurerm_storage_account
#     - azurerm_linux_virtual_machine
#     - azurerm_windows_virtual_machine
#     - azurerm_kubernetes_cluster
#     - azurerm_key_vault
#     - google_compute_instance
#     - google_storage_bucket
#     - google_sql_database_instance
#     - google_container_cluster
#   frameworks:
#     soc2: [CC6.1]
#   settings: [required_tags]
#   opt_in: true
#   remediation: |
#     Set the required tags on the resource, or once for all AWS resources
#     through the provider:
#     ```hcl
#     provider "aws" {
#       default_tags {
#         tags = {
#           Owner       = "payments-team"
#           Environment = "production"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.general.tags.required_tags

import rego.v1

import data.lib.tags

taggable := {
	"aws_instance", "aws_s3_bucket", "aws_db_instance", "aws_rds_cluster", "aws_dynamodb_table",
	"aws_lambda_function", "aws_ecs_cluster", "aws_eks_cluster", "aws_vpc", "aws_lb", "aws_kms_key",
	"aws_sqs_queue", "aws_sns_topic", "azurerm_resource_group", "azurerm_storage_account",
	"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_kubernetes_cluster",
	"azurerm_key_vault", "google_compute_instance", "google_storage_bucket",
	"google_sql_database_instance", "google_container_cluster",
}

deny contains {"address": r.address, "path": path_of(r), "msg": msg} if {
	some r in input.resources
	r.mode == "managed"
	r.type in taggable
	not default_tags_unknown(r)
	missing := [k | some k in tags.missing(r); not k in default_tag_keys(r)]
	count(missing) > 0
	msg := sprintf("%s is missing required tags: %s", [r.address, concat(", ", missing)])
}

path_of(r) := ["labels"] if startswith(r.type, "google_")

else := ["tags"]

# Keys set by `provider "aws" { default_tags { tags = {...} } }` apply to
# every AWS resource; they are not in the resource's own tags.
default_tag_keys(r) := {k | some k, _ in input.default_tags[r.provider]} if input.default_tags[r.provider]

else := set()

default_tags_unknown(r) if input.default_tags_unknown[r.provider]
