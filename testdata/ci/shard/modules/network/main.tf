resource "aws_s3_bucket_acl" "bmodules_network" {
  bucket = "acmemodules_network"
  acl    = "public-read"
}
