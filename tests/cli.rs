//! The `vfu` command line end to end, exactly as the acceptance checks call it.

use std::time::Instant;
use vfu_core::format::{read_scenario, write_plan};
use vfu_tests::{example_plan, examples_dir, run_binary, run_binary_with, Run};

fn vfu(args: &[&str]) -> Run {
    run_binary(env!("CARGO_BIN_EXE_vfu"), args)
}

fn example(name: &str) -> String {
    examples_dir().join(name).display().to_string()
}

#[test]
fn check_says_tiny_plan_is_valid_at_its_objective() {
    let run = vfu(&["check", &example("tiny.json"), &example("tiny.plan.json")]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("VALID: the plan keeps every rule, at objective 21445.50083."), "{}", run.stdout);
    assert!(run.stdout.contains("gap 0.000 %"), "{}", run.stdout);
}

#[test]
fn check_rejects_a_broken_plan_naming_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = example_plan("tiny.plan.json");
    plan.placements.iter_mut().find(|p| p.need == "st-07-1").unwrap().start = "2027-W46".parse().unwrap();
    let path = dir.path().join("broken.plan.json");
    std::fs::write(&path, write_plan(&plan)).unwrap();
    let run = vfu(&["check", &example("tiny.json"), path.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("rule 10 (locked placement): need st-07-1 is locked"), "{}", run.stdout);
    assert!(run.stdout.contains("NOT VALID"), "{}", run.stdout);
}

#[test]
fn bad_scenario_is_reported_with_file_and_json_paths() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("tiny.json")).unwrap();
    let bad = text.replacen("\"2027-W45\"", "\"2027-W60\"", 1).replacen("\"200105052385\"", "\"200105052386\"", 1);
    let path = dir.path().join("bad.json");
    std::fs::write(&path, bad).unwrap();
    let db = dir.path().join("db.sqlite");
    let run = vfu(&["import", path.to_str().unwrap(), "--db", db.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("bad.json cannot be used: 2 problems in the file"), "{}", run.stderr);
    assert!(run.stderr.contains("term.first_week: \"2027-W60\" is not an ISO week"), "{}", run.stderr);
    assert!(run.stderr.contains("students[0].personal_id: \"200105052386\" fails its check digit"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn import_is_all_or_nothing_and_refuses_a_second_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("vfu.sqlite");
    let db = db.to_str().unwrap();
    let first = vfu(&["import", &example("tiny.json"), "--db", db]);
    assert_eq!((first.code, first.stdout.trim()), (0, "HT2027-v45"), "{}", first.stderr);
    let again = vfu(&["import", &example("tiny.json"), "--db", db]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("a term with id \"HT2027-v45\" is already in the database"), "{}", again.stderr);
    // The first import is untouched.
    let out = vfu(&["export", "HT2027-v45", "--db", db]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let tiny = read_scenario(&std::fs::read_to_string(example("tiny.json")).unwrap()).unwrap();
    assert_eq!(read_scenario(&out.stdout).unwrap(), tiny);
}

#[test]
fn export_of_an_unknown_term_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("vfu.sqlite");
    let db = db.to_str().unwrap();
    assert_eq!(vfu(&["import", &example("tiny.json"), "--db", db]).code, 0);
    let run = vfu(&["export", "VT2030", "--db", db]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("there is no term with id \"VT2030\""), "{}", run.stderr);
}

#[test]
fn generated_ten_thousand_student_term_round_trips_through_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let generated = dir.path().join("gen.json");
    let exported = dir.path().join("export.json");
    let db = dir.path().join("vfu.sqlite");
    let t = Instant::now();
    let run = vfu(&["generate", "--students", "10000", "--seed", "1", "--out", generated.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let generate_time = t.elapsed();
    let t = Instant::now();
    let run = vfu(&["import", generated.to_str().unwrap(), "--db", db.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let import_time = t.elapsed();
    let term = run.stdout.trim().to_string();
    let t = Instant::now();
    let run = vfu(&["export", &term, "--db", db.to_str().unwrap(), "--out", exported.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let export_time = t.elapsed();
    let original = std::fs::read_to_string(&generated).unwrap();
    let back = std::fs::read_to_string(&exported).unwrap();
    assert_eq!(read_scenario(&back).unwrap(), read_scenario(&original).unwrap());
    assert_eq!(back, original, "the export is byte-identical to the generated file");
    println!(
        "10,000 students (debug build): generate {generate_time:?}, import {import_time:?}, export {export_time:?}"
    );
}

#[test]
fn generate_is_deterministic_per_seed() {
    let a = vfu(&["generate", "--students", "300", "--seed", "7"]);
    let b = vfu(&["generate", "--students", "300", "--seed", "7"]);
    let c = vfu(&["generate", "--students", "300", "--seed", "8"]);
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert_eq!(a.stdout, b.stdout);
    assert_ne!(a.stdout, c.stdout);
    let scenario = read_scenario(&a.stdout).unwrap();
    assert_eq!(scenario.students.len(), 300);
}

#[test]
fn solve_on_a_work_limit_writes_the_same_plan_on_every_run_and_machine_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let term = dir.path().join("term.json");
    let generated = vfu(&["generate", "--students", "400", "--seed", "2", "--out", term.to_str().unwrap()]);
    assert_eq!(generated.code, 0, "{}", generated.stderr);
    // Run on one thread and on three: on a work budget the plan does not depend on the machine's
    // cores either.
    let plans: Vec<String> = ["1", "3"]
        .into_iter()
        .map(|threads| {
            let out = dir.path().join(format!("plan-{threads}.json"));
            let args = ["solve", term.to_str().unwrap(), "--out", out.to_str().unwrap(), "--time-limit", "300"];
            let args = [&args[..], &["--work-limit", "1"]].concat();
            let solved = run_binary_with(env!("CARGO_BIN_EXE_vfu"), &args, &[("VFU_ENGINE_THREADS", threads)]);
            assert_eq!(solved.code, 0, "{}{}", solved.stdout, solved.stderr);
            assert!(solved.stdout.contains("every run with this work limit gives this plan"), "{}", solved.stdout);
            std::fs::read_to_string(out).unwrap()
        })
        .collect();
    assert_eq!(plans[0], plans[1]);
    let refused = vfu(&["solve", term.to_str().unwrap(), "--out", "x.json", "--work-limit", "0"]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(refused.stderr.contains("--work-limit must be a positive number of seconds"), "{}", refused.stderr);
}
