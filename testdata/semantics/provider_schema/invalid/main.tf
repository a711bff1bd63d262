# A value that does not convert to the attribute's type is Terraform's
# "Incorrect attribute value type" error at the value.
resource "aws_db_instance" "db" {
  instance_class = "db.t3.micro"
  port           = "five thousand"
}

# Block labels as HCL checks them against the block types of the schema
# (hclsyntax Body.Content and hcldec's BlockMapSpec and BlockSpec): a
# "map" block needs its one label, and each label once; other blocks take
# no label; a "single" block is written once.
resource "example_service" "svc" {
  name = "svc"

  listener {
    port = 80
  }

  listener "a" {
    port = 81
  }

  listener "a" {
    port = 82
  }

  replica "eu" {
    region = "eu-west-1"
  }
}

resource "aws_db_instance" "twice" {
  instance_class = "db.t3.micro"

  timeouts {
    create = "60m"
  }

  timeouts {
    create = "90m"
  }
}
