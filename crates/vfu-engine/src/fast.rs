//! Hash maps with a fast, fixed hash (rustc's FxHash): the engine's keys are small integers it
//! makes itself, so the default hash's protection against chosen keys buys nothing, and it was
//! an eighth of the engine's time at region scale (measured with perf). A fixed hash also
//! iterates in the same order on every run.

/// A hash map with the fast hash.
pub type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
/// A hash set with the fast hash.
pub type HashSet<K> = rustc_hash::FxHashSet<K>;
