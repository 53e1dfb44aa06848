//! Shared helpers for the integration tests: where the shared example files are, and
//! loading them.

use std::path::PathBuf;
use vfu_core::format::{read_plan, read_scenario};
use vfu_core::{Plan, Scenario};

/// `../shared/examples` beside the repository (override with `VFU_SHARED_DIR`).
pub fn examples_dir() -> PathBuf {
    match std::env::var_os("VFU_SHARED_DIR") {
        Some(dir) => PathBuf::from(dir).join("examples"),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/examples"),
    }
}

/// The text of an example file.
pub fn example_text(name: &str) -> String {
    let path = examples_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// An example scenario, read and validated.
pub fn example_scenario(name: &str) -> Scenario {
    read_scenario(&example_text(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// An example plan.
pub fn example_plan(name: &str) -> Plan {
    read_plan(&example_text(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// What a `vfu` run printed and how it ended.
pub struct Run {
    /// Exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Runs the `vfu` binary at `binary` with the arguments.
pub fn run_binary(binary: &str, args: &[&str]) -> Run {
    run_binary_with(binary, args, &[])
}

/// [`run_binary`] with these environment variables set.
pub fn run_binary_with(binary: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
    let out = std::process::Command::new(binary)
        .args(args)
        .env_remove("VFU_DB")
        .envs(env.iter().copied())
        .output()
        .expect("vfu runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
