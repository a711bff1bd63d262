# Block shapes and nested attribute types from the provider schema given
# with --provider-schema (../schema.json). Terraform decodes a resource
# block with the hcldec spec its schema implies
# (internal/configs/configschema/decoder_spec.go), so a nested block
# type's value depends on its nesting_mode:
# - "list" and "set": a list of objects (BlockListSpec, BlockSetSpec);
# - "single": one object, null when the block is not written (BlockSpec);
#   a second block is HCL's "Duplicate ... block" error;
# - "group": the same, but an unwritten block is the object of an empty
#   block (a DefaultSpec over the block type's EmptyValue), not null;
# - "map": an object keyed by each block's label (BlockMapSpec with the
#   one label name "key"); a block without the label, or with a label
#   used before, is an error.
# Nested attribute types (nested_type, protocol 6 providers) convert as
# configschema.Object.ImpliedType says: an object whose members that are
# not required may be left out, alone or in a list, set or map. Members
# that only the provider sets (computed, neither optional nor required)
# are unknown in the plan, like such attributes at the top: the plugin
# framework's MarkComputedNilsAsUnknown (internal/fwserver/
# server_planresourcechange.go) walks nested attributes too.

variable "metrics_port" {
  default = "9090"
}

resource "example_service" "api" {
  name = "api"

  endpoints = [
    { port = "443", protocol = "https" },
    { port = 80 },
  ]
  settings = { mode = "fast" }
  routes = {
    blue  = { weight = "90" }
    green = { weight = 10 }
  }

  listener "public" {
    port = "443"
  }

  listener "admin" {
    port = 8443
  }

  # A dynamic block's labels argument names each block it generates.
  dynamic "listener" {
    for_each = { metrics = var.metrics_port }
    labels   = [listener.key]
    content {
      port = listener.value
    }
  }

  replica {
    region = "eu-west-1"
  }
}

# limits (a group) is not written: an empty block's object all the same.
resource "example_service" "bare" {
  name = "bare"
}

# A reference to a provider-set member of another resource is unknown; a
# member that resource writes is known, converted. A reference to another
# resource's block is the block's value, shaped as above.
resource "example_service" "copy" {
  name = example_service.api.endpoints[0].url
  endpoints = [
    { port = example_service.api.endpoints[0].port },
  ]
  settings = { mode = aws_db_instance.timed.timeouts.create }
  routes = {
    for name, l in example_service.api.listener : name => { weight = l.port }
  }
}

# timeouts is a "single" block in the AWS provider's schema: an object.
resource "aws_db_instance" "timed" {
  instance_class = "db.t3.micro"

  timeouts {
    create = "60m"
  }
}
