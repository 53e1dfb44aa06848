//! Small pieces of the sentences the checker and the engine write for coordinators.

/// `1 week`, `3 weeks`.
pub fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
