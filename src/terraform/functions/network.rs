//! IP network functions: `cidrhost`, `cidrnetmask`, `cidrsubnet(s)`,
//! `cidrcontains` (OpenTofu).

use super::*;

/// An IP network: address, address width in bits (32 or 128), prefix length.
#[derive(Clone, Copy)]
pub(super) struct Net {
    addr: u128,
    bits: u32,
    prefix: u32,
}

pub(super) fn full_mask(bits: u32) -> u128 {
    if bits >= 128 {
        u128::MAX
    } else {
        (1u128 << bits) - 1
    }
}

pub(super) fn net_mask(prefix: u32, bits: u32) -> u128 {
    if prefix == 0 {
        0
    } else {
        (u128::MAX << (128 - prefix.min(128))) >> (128 - bits)
    }
}

impl Net {
    fn host_mask(&self) -> u128 {
        full_mask(self.bits) & !net_mask(self.prefix, self.bits)
    }

    fn with_prefix(&self, addr: u128, prefix: u32) -> Net {
        Net {
            addr: addr & net_mask(prefix, self.bits),
            bits: self.bits,
            prefix,
        }
    }

    fn contains(&self, addr: u128) -> bool {
        addr & net_mask(self.prefix, self.bits) == self.addr
    }
}

pub(super) fn format_ip(addr: u128, bits: u32) -> String {
    if bits == 32 {
        return std::net::Ipv4Addr::from(addr as u32).to_string();
    }
    let v6 = std::net::Ipv6Addr::from(addr);
    // Go prints IPv4-mapped addresses in dotted form.
    match v6.to_ipv4_mapped() {
        Some(v4) => v4.to_string(),
        None => v6.to_string(),
    }
}

pub(super) fn format_net(n: &Net) -> String {
    format!("{}/{}", format_ip(n.addr, n.bits), n.prefix)
}

/// Parses an IPv4 address, accepting leading zeros as Terraform does.
pub(super) fn parse_ipv4(s: &str) -> Option<u32> {
    let mut out = 0u32;
    let mut parts = 0;
    for part in s.split('.') {
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u32 = part.parse().ok()?;
        if n > 255 {
            return None;
        }
        out = (out << 8) | n;
        parts += 1;
    }
    (parts == 4).then_some(out)
}

pub(super) fn parse_cidr(s: &str) -> Result<Net, String> {
    let bad = || format!("invalid CIDR expression: invalid CIDR address: {s}");
    let (ip, prefix) = s.split_once('/').ok_or_else(bad)?;
    let (addr, bits) = if let Some(v4) = parse_ipv4(ip) {
        (u128::from(v4), 32)
    } else {
        let v6: std::net::Ipv6Addr = ip.parse().map_err(|_| bad())?;
        (u128::from(v6), 128)
    };
    if prefix.is_empty() || prefix.len() > 3 || !prefix.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let prefix: u32 = prefix.parse().map_err(|_| bad())?;
    if prefix > bits {
        return Err(bad());
    }
    Ok(Net {
        addr: addr & net_mask(prefix, bits),
        bits,
        prefix,
    })
}

pub(super) fn fn_cidrhost(a: &[Value], _: &FnContext<'_>) -> Res {
    let net = parse_cidr(&to_str(&a[0])?)?;
    let num = to_int(&a[1])?;
    let max = net.host_mask();
    let host = if num < 0 {
        let back = u128::from(num.unsigned_abs() - 1);
        if back > max {
            return Err(format!(
                "prefix of {} does not accommodate a host numbered {}",
                net.prefix,
                max as i128 - back as i128
            ));
        }
        max - back
    } else {
        let n = u128::from(num.unsigned_abs());
        if n > max {
            return Err(format!(
                "prefix of {} does not accommodate a host numbered {num}",
                net.prefix
            ));
        }
        n
    };
    Ok(Value::String(format_ip(net.addr | host, net.bits)))
}

pub(super) fn fn_cidrnetmask(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let net = parse_cidr(&text)?;
    if net.bits != 32 {
        return Err(format!("IPv6 addresses cannot have a netmask: {text}"));
    }
    Ok(Value::String(format_ip(net_mask(net.prefix, 32), 32)))
}

pub(super) fn fn_cidrsubnet(a: &[Value], _: &FnContext<'_>) -> Res {
    let net = parse_cidr(&to_str(&a[0])?)?;
    let newbits = to_int(&a[1])?;
    let netnum = to_int(&a[2])?;
    let new_prefix = i64::from(net.prefix) + newbits;
    if newbits < 0 || new_prefix > i64::from(net.bits) {
        return Err(format!(
            "insufficient address space to extend prefix of {} by {newbits}",
            net.prefix
        ));
    }
    let new_prefix = new_prefix as u32;
    let newbits = newbits as u32;
    let max = if newbits >= 64 {
        u128::from(u64::MAX)
    } else {
        (1u128 << newbits) - 1
    };
    if netnum < 0 || u128::from(netnum.unsigned_abs()) > max {
        return Err(format!(
            "prefix extension of {newbits} does not accommodate a subnet numbered {netnum}"
        ));
    }
    let shift = net.bits - new_prefix;
    let num = u128::from(netnum.unsigned_abs());
    let addr = if shift >= 128 {
        net.addr
    } else {
        net.addr | (num << shift)
    };
    Ok(Value::String(format_net(
        &net.with_prefix(addr & full_mask(net.bits), new_prefix),
    )))
}

pub(super) fn fn_cidrsubnets(a: &[Value], _: &FnContext<'_>) -> Res {
    let net = parse_cidr(&to_str(&a[0])?)?;
    let lengths = a[1..].iter().map(to_int).collect::<Result<Vec<_>, _>>()?;
    let Some(first) = lengths.first() else {
        return Ok(Value::List(Vec::new()));
    };
    let first_prefix = (i64::from(net.prefix) + first).clamp(0, i64::from(net.bits)) as u32;
    // go-cidr's PreviousSubnet: the subnet of that size just before the base.
    let mut current = net.with_prefix(net.addr.wrapping_sub(1) & full_mask(net.bits), first_prefix);
    let mut out = Vec::with_capacity(lengths.len());
    for (i, length) in lengths.iter().enumerate() {
        if *length < 1 {
            return Err(format!(
                "argument {}: must extend prefix by at least one bit",
                i + 1
            ));
        }
        if *length > 32 {
            return Err(format!(
                "argument {}: may not extend prefix by more than 32 bits",
                i + 1
            ));
        }
        let prefix = i64::from(net.prefix) + length;
        if prefix > i64::from(net.bits) {
            let proto = if net.bits == 32 { "IPv4" } else { "IPv6" };
            return Err(format!(
                "argument {}: would extend prefix to {prefix} bits, which is too long for an {proto} address",
                i + 1
            ));
        }
        let prefix = prefix as u32;
        // go-cidr's NextSubnet.
        let last = current.addr | current.host_mask();
        let sized = net.with_prefix(last, prefix);
        let after = (sized.addr | sized.host_mask()).wrapping_add(1) & full_mask(net.bits);
        let next = net.with_prefix(after, prefix);
        if after == 0 || !net.contains(next.addr) {
            return Err(format!(
                "argument {}: not enough remaining address space for a subnet with a prefix of {prefix} bits after {}",
                i + 1,
                format_net(&current)
            ));
        }
        out.push(Value::String(format_net(&next)));
        current = next;
    }
    Ok(Value::List(out))
}

/// OpenTofu's `cidrcontains(containing_prefix, contained_ip_or_prefix)`.
pub(super) fn fn_cidrcontains(a: &[Value], _: &FnContext<'_>) -> Res {
    let outer = parse_cidr(&to_str(&a[0])?)?;
    let text = to_str(&a[1])?;
    let inner = if text.contains('/') {
        parse_cidr(&text)?
    } else if let Some(v4) = parse_ipv4(&text) {
        Net {
            addr: u128::from(v4),
            bits: 32,
            prefix: 32,
        }
    } else {
        let v6: std::net::Ipv6Addr = text
            .parse()
            .map_err(|_| format!("invalid IP address or prefix: {text}"))?;
        Net {
            addr: u128::from(v6),
            bits: 128,
            prefix: 128,
        }
    };
    if inner.bits != outer.bits {
        return Err(format!(
            "address family mismatch: {} vs. {text}",
            format_net(&outer)
        ));
    }
    Ok(Value::Bool(
        inner.prefix >= outer.prefix && outer.contains(inner.addr),
    ))
}
