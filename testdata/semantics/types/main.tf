# Variable values are converted to the declared type from every source, as
# Terraform's type conversion (go-cty convert) does: defaults, tfvars,
# module call arguments, object attributes and optional() defaults.
variable "port" {
  type    = string
  default = 22 # "22"
}

variable "enabled" {
  type = bool # "true" in terraform.tfvars
}

variable "ports" {
  type    = list(string)
  default = [80, 443] # ["80", "443"]
}

variable "sizes" {
  type    = map(number)
  default = { cpu = "2" } # { cpu = 2 }
}

variable "n" {
  type = number # "3" in terraform.tfvars
}

variable "zones" {
  type    = set(string)
  default = ["b", "a", "b"] # ["a", "b"]
}

variable "c" {
  type    = bool
  default = true
}

resource "aws_instance" "i" {
  count = var.n # three instances
  ami   = "ami-1"
  tags = {
    port    = var.port
    enabled = var.enabled
    ports   = var.ports
    cpu     = var.sizes.cpu
    zones   = var.zones
    # A conditional unifies its results' types (HCL): the number becomes "12".
    cond = var.c ? 12 : "hello"
    # Numbers are arbitrary precision (Terraform's big.Float): exact past 2^53.
    big = tostring(9007199254740993)
    sum = 9007199254740993 + 2
  }
}

module "child" {
  source = "./child"
  disk   = { size = "50" } # object attribute converted: 50
}
