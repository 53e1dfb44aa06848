//! Bounds from counting alone, with no LP: each is a proven lower bound on a part of the cost
//! of any valid plan, cheap enough to compute at any size.

use crate::fast::HashMap;
use crate::instance::Instance;
use petgraph::algo::dinics;
use petgraph::graph::Graph;

/// A bound from the places alone: each profession's placements take student-weeks out of what
/// its units offer (summed over units and weeks, each week the fewer of places and supervision),
/// so at best the needs that save the most per week are placed, at their cheapest option, until
/// that runs out (a knapsack, solved as an LP by taking needs in order of saving per week). It is
/// the LP with every capacity row added up into one per profession: weak where places suffice,
/// strong where they run out (a term short of places), and it costs no solve.
pub fn capacity_bound(inst: &Instance, inside: impl Fn(usize) -> bool) -> f64 {
    let mut bound = 0.0;
    let mut by_profession: HashMap<usize, Vec<usize>> = HashMap::default();
    for n in (0..inst.needs.len()).filter(|&n| inside(n)) {
        if inst.options[n].is_empty() {
            bound += inst.needs[n].unplaced_cost;
        } else {
            by_profession.entry(inst.needs[n].profession).or_default().push(n);
        }
    }
    let mut professions: Vec<usize> = by_profession.keys().copied().collect();
    professions.sort_unstable();
    for p in professions {
        let needs = &by_profession[&p];
        let mut units: Vec<usize> =
            needs.iter().flat_map(|&n| inst.options[n].iter().map(|o| o.unit as usize)).collect();
        units.sort_unstable();
        units.dedup();
        let mut weeks_offered = 0.0;
        for u in units {
            for w in 0..inst.weeks {
                let places = inst.units[u].places.get(&p).map_or(0, |row| row[w]);
                let supervised = inst.supervision(u, p, w, |_| true, |h| inst.supervisors[h].max_students);
                weeks_offered += f64::from(places.min(supervised));
            }
        }
        // (saving per week, weeks, cheapest cost, cost of leaving out)
        let mut items: Vec<(f64, f64, f64, f64)> = needs
            .iter()
            .map(|&n| {
                let (weeks, out) = (inst.needs[n].weeks as f64, inst.needs[n].unplaced_cost);
                // A need whose every option costs more than leaving it out (weights allow an
                // unplaced weight below travel and preference) costs at best its unplaced cost:
                // counting its cheapest option instead overstated the bound.
                let cheapest = inst.options[n].iter().map(|o| o.cost).fold(f64::INFINITY, f64::min).min(out);
                ((out - cheapest) / weeks, weeks, cheapest, out)
            })
            .collect();
        items.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (_, weeks, cheapest, out) in items {
            let share = if weeks <= weeks_offered { 1.0 } else { (weeks_offered / weeks).max(0.0) };
            weeks_offered -= weeks * share;
            bound += share * cheapest + (1.0 - share) * out;
        }
    }
    bound
}

/// A bound on the shortfall cost of the remit minimums that `held` says no relaxation block
/// holds (a block holds a minimum only when no need outside it can count towards it; see
/// `lp::Block`).
///
/// A need adds its weeks to at most one provider's entry, and only to providers where it has an
/// option. So the weeks that can count towards these minimums are at most a maximum flow from
/// the needs (each up to its weeks) through the providers they could go to, into the entries
/// (each up to its minimum); what the flow cannot reach is short in every plan. Flow may split a
/// need between providers, which only makes the bound weaker, never wrong.
pub fn remit_shortfall_bound(inst: &Instance, held: &[bool]) -> f64 {
    let dropped: Vec<usize> = (0..inst.remits.len()).filter(|&r| !held[r] && inst.remits[r].min > 0).collect();
    if dropped.is_empty() {
        return 0.0;
    }
    let mut graph: Graph<(), u64> = Graph::new();
    let source = graph.add_node(());
    let sink = graph.add_node(());
    let mut entry_node = HashMap::default();
    let mut wanted = 0u64;
    for &r in &dropped {
        let node = graph.add_node(());
        graph.add_edge(node, sink, u64::from(inst.remits[r].min));
        entry_node.insert(r, node);
        wanted += u64::from(inst.remits[r].min);
    }
    for (n, need) in inst.needs.iter().enumerate() {
        let mut entries: Vec<usize> = inst.options[n]
            .iter()
            .filter_map(|o| inst.remit_at(o.unit as usize, need.programme))
            .filter(|r| entry_node.contains_key(r))
            .collect();
        entries.sort_unstable();
        entries.dedup();
        if entries.is_empty() {
            continue;
        }
        let weeks = need.weeks as u64;
        let node = graph.add_node(());
        graph.add_edge(source, node, weeks);
        for r in entries {
            graph.add_edge(node, entry_node[&r], weeks);
        }
    }
    let (reachable, _) = dinics(&graph, source, sink);
    (wanted - reachable) as f64 * inst.shortfall_weight
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bound_from_places_never_passes_leaving_every_need_out() {
        // Unplaced needs nearly free: leaving every one out is a valid plan, cheaper than most
        // needs' cheapest option.
        let mut scenario = crate::testing::unlocked(60, 4);
        scenario.weights.unplaced = 1.0;
        scenario.providers.iter_mut().flat_map(|p| p.remit.iter_mut()).for_each(|r| r.min_student_weeks = 0);
        let inst = Instance::new(&scenario).unwrap();
        let all_out: f64 = inst.needs.iter().map(|n| n.unplaced_cost).sum();
        let bound = capacity_bound(&inst, |_| true);
        assert!(bound <= all_out + 1e-9, "bound {bound} above leaving every need out, {all_out}");
        assert!(bound > 0.0);
    }
}
