# METADATA
# title: ECR repository has no lifecycle policy
# description: >-
#   Without an aws_ecr_lifecycle_policy, every image ever pushed stays in the
#   repository: storage cost grows without bound and old, unpatched images
#   remain deployable. Fires on an aws_ecr_repository that no
#   aws_ecr_lifecycle_policy of the module points at (by reference or by
#   repository name); a lifecycle policy whose repository cannot be resolved
#   keeps the policy silent.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html
# custom:
#   id: TFW-AWS-0266
#   severity: LOW
#   category: cost
#   resource_types: [aws_ecr_repository, aws_ecr_lifecycle_policy]
#   frameworks:
#     nist-800-53-r5: [CM-2]
#   remediation: |
#     Expire old images:
#     ```hcl
#     resource "aws_ecr_lifecycle_policy" "app" {
#       repository = aws_ecr_repository.app.name
#       policy = jsonencode({
#         rules = [{
#           rulePriority = 1
#           selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 50 }
#           action       = { type = "expire" }
#         }]
#       })
#     }
#     ```
#   aliases: []
package tfward.aws.ecr.no_lifecycle_policy

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s has no lifecycle policy, so images are never expired", [r.address])) if {
	some r in tf.without_linked(["aws_ecr_repository"], "aws_ecr_lifecycle_policy", "repository")
}
