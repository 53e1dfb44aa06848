//! The relaxation of one block of a scenario on its own, for tuning column generation:
//!
//! `VFU_ENGINE_TRACE=1 cargo run --release -p vfu-engine --example block -- SCENARIO PROFESSION
//! [AREA[,AREA...]|-] [SECONDS] [--seeded]` (several areas: one block of them all, as
//! `relax::area_groups` groups areas that share units)
//!
//! `--seeded` starts the restricted model from the greedy plan's columns, as `vfu solve` does;
//! `SPLIT=K` relaxes the block in K parts by the students' homes instead (as
//! `relax::split_by_home` splits a large block), each with its share of the seconds, and prints
//! their sum.
use std::time::{Duration, Instant};
use vfu_engine::instance::Instance;
use vfu_engine::lp::Block;
use vfu_engine::relax;
use vfu_engine::stop::Stop;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--seeded").collect();
    let seeded = std::env::args().any(|a| a == "--seeded");
    let [path, profession, rest @ ..] = args.as_slice() else {
        return Err("usage: block SCENARIO PROFESSION [AREA[,AREA...]|-] [SECONDS] [--seeded]".into());
    };
    let area = rest.first().filter(|a| *a != "-");
    let seconds: f64 = rest.get(1).map_or(Ok(60.0), |s| s.parse())?;
    let scenario = vfu_core::format::read_scenario(&std::fs::read_to_string(path)?)?;
    let inst = Instance::new(&scenario)?;
    let inside = |n: usize| {
        inst.professions[inst.needs[n].profession] == *profession
            && area.is_none_or(|a| a.split(',').any(|a| inst.need_records(n).1.area == a))
    };
    let seeds =
        if seeded { vfu_engine::construct::construct(&inst, &[], None, None).placed_options() } else { Vec::new() };
    let started = Instant::now();
    let parts: usize = std::env::var("SPLIT").ok().map_or(Ok(1), |v| v.parse())?;
    if parts > 1 {
        // The block's needs under one key, every other need under another.
        let keys: Vec<String> =
            (0..inst.needs.len()).map(|n| if inside(n) { "block" } else { "" }.to_string()).collect();
        let size = (0..inst.needs.len()).filter(|&n| inside(n)).count();
        let split = relax::split_by_home(&inst, &keys, size.div_ceil(parts));
        let mut names: Vec<&String> = split.iter().filter(|k| k.starts_with("block")).collect();
        names.sort();
        names.dedup();
        let mut total = 0.0;
        for key in names.iter().copied() {
            let t = Instant::now();
            let stop = Stop::at(t + Duration::from_secs_f64(seconds / names.len() as f64));
            let block = Block::of(&inst, |n| split[n] == *key);
            let r = relax::relax(&inst, &stop, &seeds, Some(block)).ok_or("HiGHS gave no solution")?;
            println!("{key}: bound {:.1}, converged {}, {:.2} s", r.bound, r.converged, t.elapsed().as_secs_f64());
            total += r.bound;
        }
        println!("sum of parts {total:.1} in {:.2} s", started.elapsed().as_secs_f64());
        return Ok(());
    }
    let stop = Stop::at(started + Duration::from_secs_f64(seconds));
    let r = relax::relax(&inst, &stop, &seeds, Some(Block::of(&inst, inside))).ok_or("HiGHS gave no solution")?;
    println!(
        "bound {:.1}, converged {}, {} rounds, {} columns, {:.2} s",
        r.bound,
        r.converged,
        r.rounds,
        r.columns,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
