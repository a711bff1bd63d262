# Rego unit tests of the constraint parser behind this policy.
package tfward.general.providers.version_unbounded_test

import rego.v1

import data.tfward.general.providers.version_unbounded as policy

test_pessimistic_constraints_are_bounded if {
	policy.bounded("~> 5.40")
}

test_explicit_upper_bound_is_bounded if {
	policy.bounded(">= 5.0, < 6.0")
}

test_exact_version_is_bounded if {
	policy.bounded("5.40.1")
	policy.bounded("= 5.40.1")
}

test_floor_only_is_not_bounded if {
	not policy.bounded(">= 4.0")
	not policy.bounded(">= 4.0, != 4.2.0")
}
