// `sqlx::migrate!` embeds the migrations at compile time; without this a changed migration
// would not trigger a rebuild and the binary would ship a stale schema.
fn main() {
    println!("cargo:rerun-if-changed=../../migrations");
}
