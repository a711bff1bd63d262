# Helpers for module sources: what kind of source a string is, and whether it
# is approved (data.tfward.config.approved_module_sources, a list of
# prefixes, or the default list below).
package lib.modules

import rego.v1

is_local(s) if startswith(s, "./")

is_local(s) if startswith(s, "../")

is_git(s) if startswith(s, "git::")

is_git(s) if startswith(s, "git@")

is_git(s) if {
	some host in ["github.com/", "bitbucket.org/"]
	startswith(s, host)
}

is_http(s) if startswith(s, "http://")

is_http(s) if startswith(s, "https://")

is_other(s) if {
	some p in ["s3::", "gcs::", "hg::", "oci::"]
	startswith(s, p)
}

# The module's address without a `//subdir` (registry and other sources
# name a directory of a package that way).
package_of(s) := split(s, "//")[0] if {
	not is_git(s)
	not is_http(s)
	not is_other(s)
} else := s

# namespace/name/provider, optionally with a registry host in front, and
# optionally a `//subdir` of the package (terraform-aws-modules/ecs/aws//modules/cluster).
is_registry(s) if {
	not is_local(s)
	not is_git(s)
	not is_http(s)
	not is_other(s)
	parts := split(package_of(s), "/")
	count(parts) in {3, 4}
	not contains(s, "::")
}

# The approved prefixes, when a team configured them (the policy that
# uses them is opt-in: organisation conventions run only when set).
configured if is_array(data.tfward.config.approved_module_sources)

approved_prefixes := data.tfward.config.approved_module_sources if configured

else := []

approved(s) if is_local(s)

approved(s) if {
	some p in approved_prefixes
	startswith(s, p)
}

# The public registry's shorthand (no host) is registry.terraform.io.
approved(s) if {
	is_registry(s)
	count(split(package_of(s), "/")) == 3
	"registry.terraform.io/" in approved_prefixes
}
