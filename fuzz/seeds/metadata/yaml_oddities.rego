# METADATA
# title: &a [*a, *a]
# custom: !!binary aGVsbG8=
#   id: "\u001b[2J"
# custom:
#  dup: 1
package p
