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

# namespace/name/provider, optionally with a registry host in front.
is_registry(s) if {
	not is_local(s)
	not is_git(s)
	not is_http(s)
	not is_other(s)
	parts := split(s, "/")
	count(parts) in {3, 4}
	not contains(s, "::")
}

default_approved := ["registry.terraform.io/", "registry.opentofu.org/"]

approved_prefixes := data.tfward.config.approved_module_sources if data.tfward.config.approved_module_sources

else := default_approved

approved(s) if is_local(s)

approved(s) if {
	some p in approved_prefixes
	startswith(s, p)
}

# The public registry's shorthand (no host) counts as registry.terraform.io
# unless a team configured its own list.
approved(s) if {
	not data.tfward.config.approved_module_sources
	is_registry(s)
	count(split(s, "/")) == 3
}
