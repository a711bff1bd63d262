# Values follow the provider schema given with --provider-schema
# (../schema.json), as Terraform makes them follow it when it decodes a
# resource block against the provider's schema (hcldec, then cty's
# convert package):
# - an argument's value converts to the attribute's type: "3600" becomes
#   3600 for a number, "true" true for a bool, 22 "22" for a string;
# - a set (a set-typed attribute, a nesting_mode "set" block type) holds
#   each value once: equal elements collapse after conversion;
# - an attribute the provider alone sets (computed, neither optional nor
#   required) is unknown until apply, and an optional one left out is null.

variable "max_age" {
  # No type: the string stays a string until the schema converts it.
  default = "3600"
}

resource "aws_s3_bucket_cors_configuration" "c" {
  bucket = "site"

  cors_rule {
    allowed_methods = ["GET", "HEAD", "GET"]
    allowed_origins = ["*"]
    max_age_seconds = var.max_age
  }

  # Equal to the first once converted: the set holds it once.
  cors_rule {
    allowed_methods = ["HEAD", "GET"]
    allowed_origins = ["*"]
    max_age_seconds = 3600
  }

  cors_rule {
    allowed_methods = ["PUT"]
    allowed_origins = ["https://example.com"]
  }
}

resource "aws_security_group" "sg" {
  name                   = "web"
  revoke_rules_on_delete = "true"
  tags = {
    Port = 22
  }

  # ingress is a set of objects written as blocks: members left out are null.
  ingress {
    from_port   = "22"
    to_port     = "22"
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_db_instance" "src" {
  instance_class                  = "db.t3.micro"
  allocated_storage               = "20"
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade", "postgresql"]
}

resource "aws_db_instance" "copy" {
  instance_class = "db.t3.micro"
  # src does not set it: null by the schema (optional, not computed).
  storage_encrypted = aws_db_instance.src.storage_encrypted
  port              = aws_db_instance.src.port
}

# Arguments of a data source convert too; what it reads is read at plan
# time, so it is not unknown.
data "aws_vpc" "v" {
  id = "vpc-0a1b"
  tags = {
    Tier = 1
  }
}

# Not in the schema: left as written.
resource "aws_sqs_queue" "q" {
  delay_seconds = "90"
}
