//! `vfu`: the headless command line of VFU Planner over the same core and store as the app.
//!
//! Each subcommand converts its arguments, makes one call into vfu-core or vfu-store and prints
//! the answer. Errors go to stderr as sentences naming the file and the JSON path they concern.
//! Exit codes: 0 success, 1 a checked plan is not valid, 2 bad input or a failure.

mod bench;
mod check;
mod solve;

use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vfu_core::format::{read_scenario, write_scenario, ReadError};
use vfu_core::generate::{generate_scenario, GeneratorOptions};
use vfu_core::Scenario;
use vfu_store::Store;

#[derive(Parser)]
#[command(
    name = "vfu",
    version,
    about = "VFU Planner on the command line: check, import, export and generate placement terms"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a plan against every rule of its scenario and recompute its cost; exit 0 only when valid.
    Check {
        /// The scenario file (vfu-scenario/1).
        scenario: PathBuf,
        /// The plan file (vfu-plan/1).
        plan: PathBuf,
    },
    /// Import a scenario file as a new term, all or nothing; prints the term id.
    Import {
        /// The scenario file (vfu-scenario/1).
        scenario: PathBuf,
        /// The database file (created when missing).
        #[arg(long, env = "VFU_DB")]
        db: PathBuf,
    },
    /// Export a term as a scenario file.
    Export {
        /// The term id.
        term: String,
        /// The database file.
        #[arg(long, env = "VFU_DB")]
        db: PathBuf,
        /// Where to write; standard output when left out.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Find the best valid plan for a scenario within a time limit.
    Solve {
        /// The scenario file (vfu-scenario/1).
        scenario: PathBuf,
        /// Where to write the plan (vfu-plan/1).
        #[arg(long)]
        out: PathBuf,
        /// Seconds the engine may take; the best plan found is written when they run out.
        #[arg(long, default_value_t = 60.0)]
        time_limit: f64,
        /// Seconds of work (about a second each on the README's machine) the engine may do: the
        /// plan is then the same, byte for byte, on every run that they, not the time limit,
        /// end. Without it the time limit decides, and plans vary from run to run.
        #[arg(long)]
        work_limit: Option<f64>,
        /// A previous plan to stay close to: each moved placement costs a penalty.
        #[arg(long)]
        previous: Option<PathBuf>,
    },
    /// Benchmark the engine on generated terms and print a table (markdown).
    Bench {
        /// Student counts of the generated terms (a "stress" variant of the largest, with 80 % of
        /// the places, is added).
        #[arg(long, value_delimiter = ',', default_value = "1000,5000,15000")]
        sizes: Vec<usize>,
        /// Seed of the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Seconds per instance; when left out, the target for its size: 10 s up to 1,000
        /// students, 30 s up to 5,000, 60 s above (a re-plan always gets 10 s).
        #[arg(long)]
        time_limit: Option<f64>,
        /// Where the generated scenarios and plans are kept.
        #[arg(long, default_value = "target/bench")]
        dir: PathBuf,
        /// Where to write the table; standard output when left out.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Generate a realistic Stockholm-like term, the same for the same seed.
    Generate {
        /// Number of students.
        #[arg(long)]
        students: usize,
        /// Seed of the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write; standard output when left out.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// A failure reported to the user as a sentence, with exit code 2.
pub(crate) struct Failure(pub(crate) String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { scenario, plan } => check::run(&scenario, &plan),
        Command::Import { scenario, db } => import(&scenario, &db),
        Command::Export { term, db, out } => export(&term, &db, out.as_deref()),
        Command::Generate { students, seed, out } => generate(students, seed, out.as_deref()),
        Command::Bench { sizes, seed, time_limit, dir, out } => {
            bench::run(&sizes, seed, time_limit, &dir, out.as_deref())
        }
        Command::Solve { scenario, out, time_limit, work_limit, previous } => {
            solve::run(&scenario, &out, time_limit, work_limit, previous.as_deref())
        }
    };
    match result {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

pub(crate) fn read_text(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| Failure(format!("could not read {}: {e}", path.display())))
}

/// Reads and validates a scenario file, naming the file in every error.
pub(crate) fn load_scenario(path: &Path) -> Result<Scenario, Failure> {
    read_scenario(&read_text(path)?).map_err(|e| described(path, &e))
}

pub(crate) fn described(path: &Path, error: &ReadError) -> Failure {
    Failure(format!("{} cannot be used: {error}", path.display()))
}

pub(crate) fn write_output(out: Option<&Path>, text: &str) -> Result<(), Failure> {
    match out {
        Some(path) => std::fs::write(path, format!("{text}\n"))
            .map_err(|e| Failure(format!("could not write {}: {e}", path.display()))),
        None => {
            println!("{text}");
            Ok(())
        }
    }
}

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure(format!("could not start: {e}")))
}

fn open_store(rt: &tokio::runtime::Runtime, db: &Path) -> Result<Store, Failure> {
    rt.block_on(Store::open(db)).map_err(|e| Failure(e.to_string()))
}

fn import(path: &Path, db: &Path) -> Result<ExitCode, Failure> {
    let scenario = load_scenario(path)?;
    let rt = runtime()?;
    let store = open_store(&rt, db)?;
    rt.block_on(store.import_scenario(&scenario))
        .map_err(|e| Failure(format!("{} was not imported: {e}", path.display())))?;
    println!("{}", scenario.term.id);
    Ok(ExitCode::SUCCESS)
}

fn export(term: &str, db: &Path, out: Option<&Path>) -> Result<ExitCode, Failure> {
    if !db.exists() {
        return Err(Failure(format!("there is no database at {}", db.display())));
    }
    let rt = runtime()?;
    let store = open_store(&rt, db)?;
    let scenario = rt.block_on(store.export_scenario(term)).map_err(|e| Failure(e.to_string()))?;
    write_output(out, &write_scenario(&scenario))?;
    Ok(ExitCode::SUCCESS)
}

fn generate(students: usize, seed: u64, out: Option<&Path>) -> Result<ExitCode, Failure> {
    if students == 0 {
        return Err(Failure("--students must be at least 1".to_string()));
    }
    let scenario = generate_scenario(&GeneratorOptions { students, seed });
    write_output(out, &write_scenario(&scenario))?;
    Ok(ExitCode::SUCCESS)
}
