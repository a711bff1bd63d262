# Unparsable on purpose: the scan reports it as an error and goes on.
resource "aws_s3_bucket" "broken" {
  bucket = "unterminated
}
