# Fixture for the report-format snapshots (tests/it/formats.rs): two
# findings from built-in policies, TFW-AWS-0001 and TFW-AWS-0002.

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = aws_s3_bucket.logs.id
  acl    = "public-read"
}

resource "aws_security_group" "admin" {
  name        = "admin"
  description = "SSH for admins"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
