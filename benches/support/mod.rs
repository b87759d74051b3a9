//! Shared by the benches: a deterministic pseudo-random stream (xorshift64), so every run
//! measures the same synthetic contacts.

pub fn xorshift() -> impl FnMut() -> u64 {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    }
}
