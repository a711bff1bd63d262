# Sensitivity marks, as Terraform propagates them
# (https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output):
# a value computed from a sensitive variable, a sensitive output or
# sensitive() is itself sensitive, through operators, templates, functions
# and module boundaries; nonsensitive() removes the mark; issensitive()
# tells. A sensitive value is never printed.
variable "token" {
  type      = string
  sensitive = true
  default   = "s3cr3t-token"
}

resource "aws_ssm_parameter" "p" {
  name        = "plain"
  value       = upper(var.token)                  # sensitive
  description = base64encode(var.token)           # sensitive
  key_id      = sensitive("literal-key")          # sensitive
  tier        = var.token == "x" ? "Advanced" : "Standard" # sensitive
  type        = nonsensitive(length(var.token)) > 3 ? "SecureString" : "String"
  overwrite   = issensitive(var.token)
  tags = {
    Name  = "p"
    Owner = "team-${var.token}" # only this tag is sensitive
  }
}

module "child" {
  source = "./child"
  secret = var.token # the child's variable is not declared sensitive
}

resource "aws_ssm_parameter" "from_child" {
  name  = "from-child"
  value = module.child.derived # a sensitive output
}

# Policies see the value; findings that quote it print "(sensitive)".
variable "acl" {
  type      = string
  sensitive = true
  default   = "public-read-write"
}

resource "aws_s3_bucket_acl" "open" {
  bucket = "b"
  acl    = var.acl
}

# A sensitive count is allowed and unmarked (Terraform's eval_count.go: "sensitive
# values are allowed in count but not for_each, as using it here will not
# disclose the sensitive value").
resource "aws_ssm_parameter" "counted" {
  count = length(var.token) > 3 ? 1 : 0
  name  = "counted"
  value = "v"
}
