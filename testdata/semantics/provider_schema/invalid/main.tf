# A value that does not convert to the attribute's type is Terraform's
# "Incorrect attribute value type" error at the value.
resource "aws_db_instance" "db" {
  instance_class = "db.t3.micro"
  port           = "five thousand"
}
