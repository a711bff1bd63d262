# METADATA
# title: IAM policy allows actions that return credentials on every resource
# description: >-
#   An identity-policy statement that allows, on Resource "*" and without a
#   condition, an action whose response carries credentials - sts:AssumeRole,
#   sts:GetFederationToken, iam:CreateAccessKey, iam:UpdateAccessKey,
#   redshift:GetClusterCredentials, rds-db:connect, ec2:GetPasswordData,
#   sso:GetRoleCredentials and the other calls cloudsplaining lists (except
#   ecr:GetAuthorizationToken, which cannot be scoped) - lets the holder mint
#   or read credentials for every role, user, registry or database those
#   calls reach. Wildcards ("sts:*",
#   "*", NotAction) count; an unconditioned Deny of the same document removes
#   the action. Allow statements of identity policies (aws_iam_policy,
#   aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy,
#   inline_policy of aws_iam_role, aws_ssoadmin_permission_set_inline_policy)
#   and aws_iam_policy_document data sources are checked; unknown actions,
#   resources or conditions never make it fire.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#   - https://cloudsplaining.readthedocs.io/en/latest/glossary/credentials-exposure/
# custom:
#   id: TFW-AWS-0414
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_ssoadmin_permission_set_inline_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["7.2.2"]
#     nist-800-53-r5: [AC-6, IA-5]
#     cwe: [CWE-522]
#   equivalents:
#     checkov: [CKV_AWS_287, CKV_AWS_107]
#   remediation: |
#     Name the roles (users, repositories, databases) the credentials are for:
#     ```hcl
#     data "aws_iam_policy_document" "deployer" {
#       statement {
#         actions   = ["sts:AssumeRole"]
#         resources = [aws_iam_role.deploy.arn]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.iam.policy_credentials_exposure

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some [x, granted] in aws.unrestricted_grants(credential_actions)
	msg := sprintf("%s allows %s on every resource", [x.res.address, concat(", ", sort(granted))])
}

# cloudsplaining's ACTIONS_THAT_RETURN_CREDENTIALS, without
# ecr:GetAuthorizationToken (it cannot be scoped to a resource; checkov
# leaves it out too).
credential_actions := [
	"airflow:CreateCliToken", "airflow:CreateWebLoginToken", "appsync:CreateApiKey", "chime:CreateApiKey",
	"cloud9:CreateEnvironmentToken", "codeartifact:GetAuthorizationToken", "codepipeline:PollForJobs",
	"cognito-identity:GetOpenIdToken", "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
	"cognito-identity:GetCredentialsForIdentity", "cognito-idp:GetSigningCertificate",
	"connect:GetFederationToken", "connect:GetFederationTokens", "ec2:GetPasswordData",
	"ecr-public:GetAuthorizationToken",
	"emr-containers:GetManagedEndpointSessionCredentials", "finspace-api:GetProgrammaticAccessCredentials",
	"gamelift:RequestUploadCredentials", "gamelift:GetInstanceAccess", "gamelift:GetComputeAccess",
	"gamelift:GetComputeAuthToken", "grafana:CreateWorkspaceApiKey", "iam:CreateAccessKey",
	"iam:CreateLoginProfile", "iam:CreateServiceSpecificCredential", "iam:ResetServiceSpecificCredential",
	"iam:UpdateAccessKey", "license-manager:GetAccessToken", "lightsail:GetInstanceAccessDetails",
	"lightsail:DownloadDefaultKeyPair", "lightsail:CreateBucketAccessKey",
	"lightsail:GetRelationalDatabaseMasterUserPassword", "mediapackage:RotateChannelCredentials",
	"mediapackage:RotateIngestEndpointCredentials", "rds-db:connect", "redshift:GetClusterCredentials",
	"redshift:GetClusterCredentialsWithIAM", "redshift-serverless:GetCredentials", "sso:GetRoleCredentials",
	"sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity", "sts:GetFederationToken",
	"sts:GetSessionToken",
]
