# METADATA
# title: Module from a registry or git is not pinned to a version
# description: >-
#   A registry module without `version`, or a git module without `?ref=` or
#   with a ref that names a branch (main, master, develop, feature/x),
#   resolves to the newest release (or the branch's head) each time `terraform
#   init` runs: modules are not recorded in the dependency lock file, so the
#   same code can deploy different infrastructure on two days. A ref is a pin
#   when it is a commit hash (7 to 40 hex digits) or a version tag (v2,
#   1.2.3, v2.3.0-rc1, release-1.4). A registry `version` constraint is
#   accepted whatever its form, in root and reusable modules alike (HashiCorp
#   asks callers to constrain module versions; a range such as ~> 5.0 is a
#   deliberate choice). Local modules (./, ../) are part of the caller, and
#   archive sources (https, s3::, gcs::) take no version argument: neither is
#   judged. Configuration and plans (configuration.module_calls) are read.
# related_resources:
#   - https://developer.hashicorp.com/terraform/language/modules/sources
# custom:
#   id: TFW-GEN-0003
#   severity: MEDIUM
#   category: reliability
#   resource_types: [module]
#   frameworks:
#     soc2: [CC8.1]
#     cwe: [CWE-1104]
#   equivalents:
#     checkov: CKV_TF_2
#   remediation: |
#     Pin the module:
#     ```hcl
#     module "vpc" {
#       source  = "terraform-aws-modules/vpc/aws"
#       version = "5.8.1"
#     }
#
#     module "network" {
#       source = "git::https://example.com/infra/network.git?ref=v2.3.0"
#     }
#     ```
#   aliases: []
package tfward.general.modules.version_unpinned

import rego.v1

import data.lib.modules

deny contains {"address": concat(".", ["module", c.name]), "path": ["source"], "msg": msg} if {
	some c in input.module_calls
	modules.is_registry(c.source)
	not c.version
	msg := sprintf("module %q uses %q without a version: each init may fetch a newer release", [c.name, c.source])
}

deny contains {"address": concat(".", ["module", c.name]), "path": ["source"], "msg": msg} if {
	some c in input.module_calls
	modules.is_git(c.source)
	not git_ref(c.source)
	msg := sprintf("module %q uses %q without ?ref=: it follows the default branch", [c.name, c.source])
}

deny contains {"address": concat(".", ["module", c.name]), "path": ["source"], "msg": msg} if {
	some c in input.module_calls
	modules.is_git(c.source)
	ref := git_ref(c.source)
	not pinned_ref(ref)
	msg := sprintf("module %q uses %q: ref=%s names a branch, which moves; pin a tag or a commit", [c.name, c.source, ref])
}

# The ref= query parameter of a git source ("v1.2.0" in
# git::https://host/repo.git//sub?ref=v1.2.0&depth=1).
git_ref(source) := ref if {
	m := regex.find_all_string_submatch_n(`[?&]ref=([^&]*)`, source, 1)
	count(m) > 0
	ref := m[0][1]
}

# A commit hash, or a tag that carries a version number.
pinned_ref(ref) if regex.match(`^[0-9a-fA-F]{7,40}$`, ref)

pinned_ref(ref) if regex.match(`^v?[0-9]+([.\-+_][0-9A-Za-z.\-+_]*)?$`, ref)

pinned_ref(ref) if regex.match(`[0-9]\.[0-9]`, ref)
