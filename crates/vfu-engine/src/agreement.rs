//! A tuning aid, traced only (`VFU_ENGINE_TRACE`): how far a plan follows the relaxation, block
//! by block. At 5,000 students it showed the constructed plan placing 86 % of what the LP wanted,
//! the rest lost to what the split relaxation does not see (students busy in another area, units
//! full with another area's students), and the search closing most of that.

use crate::construct::Guidance;
use crate::instance::Instance;
use crate::ledger::Ledger;

/// Per profession and area: needs, how many the plan places where the LP does (or at the LP's
/// unit, another start), and the plan's cost against the LP's.
pub(crate) fn trace(inst: &Instance, ledger: &Ledger, values: &Guidance, label: &str) {
    let mut rows: std::collections::BTreeMap<String, (usize, usize, usize, f64, f64)> = Default::default();
    for (n, v) in values.iter().enumerate() {
        let key = format!("{} in {}", inst.professions[inst.needs[n].profession], inst.need_records(n).1.area);
        let row = rows.entry(key).or_default();
        row.0 += 1;
        let lp_cost: f64 = v.iter().zip(&inst.options[n]).map(|(x, o)| x * o.cost).sum::<f64>()
            + (1.0 - v.iter().sum::<f64>()).max(0.0) * inst.needs[n].unplaced_cost;
        row.4 += lp_cost;
        match ledger.assigned[n] {
            Some(a) => {
                row.3 += a.cost;
                if crate::construct::at_the_lps_option(inst, values, n, &a) {
                    row.1 += 1;
                } else if v.iter().zip(&inst.options[n]).any(|(x, o)| *x >= 0.5 && o.unit as usize == a.unit) {
                    row.2 += 1;
                }
            }
            None => row.3 += inst.needs[n].unplaced_cost,
        }
    }
    for (key, (needs, same, unit, plan, lp)) in rows {
        crate::relax::trace(&format!(
            "{label} {key}: {needs} needs, {same} as the LP, {unit} at its unit, cost {plan:.0} vs LP {lp:.0}"
        ));
    }
}
