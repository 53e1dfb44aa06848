//! The relaxation of one block of a scenario on its own, for tuning column generation:
//!
//! `VFU_ENGINE_TRACE=1 cargo run --release -p vfu-engine --example block -- SCENARIO PROFESSION
//! [AREA|-] [SECONDS] [--seeded]`
//!
//! `--seeded` starts the restricted model from the greedy plan's columns, as `vfu solve` does;
//! `SPLIT=K` relaxes the block in K parts by the students' homes instead (see
//! `relax::BLOCK_PART_NEEDS`), each with its share of the seconds, and prints their sum.
use std::time::{Duration, Instant};
use vfu_engine::instance::Instance;
use vfu_engine::lp::Block;
use vfu_engine::relax;
use vfu_engine::stop::Stop;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--seeded").collect();
    let seeded = std::env::args().any(|a| a == "--seeded");
    let [path, profession, rest @ ..] = args.as_slice() else {
        return Err("usage: block SCENARIO PROFESSION [AREA|-] [SECONDS] [--seeded]".into());
    };
    let area = rest.first().filter(|a| *a != "-");
    let seconds: f64 = rest.get(1).map_or(Ok(60.0), |s| s.parse())?;
    let scenario = vfu_core::format::read_scenario(&std::fs::read_to_string(path)?)?;
    let inst = Instance::new(&scenario)?;
    let block = Block::of(&inst, |n| {
        inst.professions[inst.needs[n].profession] == *profession
            && area.is_none_or(|a| inst.need_records(n).1.area == *a)
    });
    let seeds: Vec<(usize, usize)> = if seeded {
        let plan = vfu_engine::construct::construct(&inst, &[], None, None);
        plan.assigned
            .iter()
            .enumerate()
            .filter_map(|(n, a)| Some((n, inst.option_index(n, a.as_ref()?.unit, a.as_ref()?.start)?)))
            .collect()
    } else {
        Vec::new()
    };
    let started = Instant::now();
    let parts: usize = std::env::var("SPLIT").ok().and_then(|v| v.parse().ok()).unwrap_or(1);
    if parts > 1 {
        // Parts by the students' home longitude, each with every unit's places.
        let mut inside: Vec<usize> = (0..inst.needs.len()).filter(|&n| block.needs[n]).collect();
        let lon = |n: usize| inst.need_records(n).0.home.as_ref().map_or(0.0, |h| h.lon * 1000.0 + h.lat);
        inside.sort_by(|&a, &b| lon(a).total_cmp(&lon(b)));
        let mut total = 0.0;
        for (k, chunk) in inside.chunks(inside.len().div_ceil(parts)).enumerate() {
            let set: std::collections::HashSet<usize> = chunk.iter().copied().collect();
            let sub = Block::of(&inst, |n| set.contains(&n));
            let t = Instant::now();
            let stop = Stop { deadline: t + Duration::from_secs_f64(seconds / parts as f64), cancel: None };
            let r = relax::relax(&inst, &stop, &seeds, Some(sub)).ok_or("HiGHS gave no solution")?;
            println!(
                "part {k}: {} needs, bound {:.1}, converged {}, {:.2} s",
                chunk.len(),
                r.bound,
                r.converged,
                t.elapsed().as_secs_f64()
            );
            total += r.bound;
        }
        println!("sum of parts {total:.1} in {:.2} s", started.elapsed().as_secs_f64());
        return Ok(());
    }
    let stop = Stop { deadline: started + Duration::from_secs_f64(seconds), cancel: None };
    let r = relax::relax(&inst, &stop, &seeds, Some(block)).ok_or("HiGHS gave no solution")?;
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
