# Rego unit tests of lib.modules: source kinds and the approved list.
package lib.modules_test

import rego.v1

import data.lib.modules

test_source_kinds if {
	modules.is_local("./vpc")
	modules.is_local("../shared/vpc")
	modules.is_git("git::https://example.com/vpc.git?ref=v1")
	modules.is_git("github.com/acme/vpc")
	modules.is_http("https://example.com/vpc.zip")
	modules.is_other("s3::https://s3.amazonaws.com/b/vpc.zip")
	modules.is_registry("terraform-aws-modules/vpc/aws")
	modules.is_registry("app.terraform.io/acme/vpc/aws")
	not modules.is_registry("github.com/acme/vpc")
	not modules.is_registry("./a/b")
}

public_registries := {"approved_module_sources": ["registry.terraform.io/", "registry.opentofu.org/"]}

test_public_registries_approved if {
	modules.approved("./vpc") with data.tfward.config as public_registries
	modules.approved("terraform-aws-modules/vpc/aws") with data.tfward.config as public_registries
	modules.approved("terraform-aws-modules/ecs/aws//modules/cluster") with data.tfward.config as public_registries
	modules.approved("registry.terraform.io/terraform-aws-modules/vpc/aws") with data.tfward.config as public_registries
	not modules.approved("app.terraform.io/acme/vpc/aws") with data.tfward.config as public_registries
	not modules.approved("git::https://example.com/vpc.git") with data.tfward.config as public_registries
}

test_not_configured_without_a_list if {
	not modules.configured with data.tfward.config as {}
}

test_configured_approved_sources_replace_the_public_registry if {
	config := {"approved_module_sources": ["app.terraform.io/acme/"]}
	modules.approved("app.terraform.io/acme/vpc/aws") with data.tfward.config as config
	modules.approved("./vpc") with data.tfward.config as config
	not modules.approved("terraform-aws-modules/vpc/aws") with data.tfward.config as config
}
