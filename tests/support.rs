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

/// The `vfu` binary built beside this test (cargo and nextest build every workspace binary).
pub fn vfu_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let dir = exe.parent().and_then(|deps| deps.parent()).expect("target profile directory");
    let bin = dir.join(format!("vfu{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.exists(), "{} is missing: build it with `cargo build -p vfu-cli`", bin.display());
    bin
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

/// Runs `vfu` with the arguments.
pub fn vfu(args: &[&str]) -> Run {
    let out = std::process::Command::new(vfu_binary()).args(args).env_remove("VFU_DB").output().expect("vfu runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
