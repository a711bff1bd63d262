resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
  acl    = "private"
}

resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_db_instance" "db" {
  identifier = "orders"
  password   = var.db_password
  port       = 5432
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "correct-horse-battery"
}

resource "aws_sqs_queue" "new" {
  name = "jobs"
}
