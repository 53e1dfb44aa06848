//! Providers' education remits: for each programme whose students their units take, a
//! minimum of about 30–60 % and a maximum of about 100–150 % of the programme's fair share
//! of the units' place-weeks (some entries without one or the other).

use super::catalogue::*;
use super::locks::Lock;
use super::students::StudentDraft;
use super::units::{ProviderDraft, UnitDraft};
use super::Gen;
use crate::model::RemitEntry;
use std::collections::BTreeMap;

pub(super) fn remits(
    gen: &mut Gen,
    providers: &[ProviderDraft],
    units: &[UnitDraft],
    students: &[StudentDraft],
    locks: &[Lock],
) -> Vec<Vec<RemitEntry>> {
    let mut per_programme = vec![0usize; PROGRAMMES.len()];
    for s in students {
        per_programme[s.programme] += 1;
    }
    let mut per_group: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (i, &n) in per_programme.iter().enumerate() {
        *per_group.entry((PROGRAMMES[i].profession, level_index(level_of(i)))).or_default() += n;
    }
    // Place-weeks per provider, profession and level.
    let mut capacity = vec![BTreeMap::<(usize, usize), u32>::new(); providers.len()];
    for u in units {
        for (p, places) in &u.places {
            let weeks: u32 = places.iter().sum();
            for (level, _) in u.levels.iter().enumerate().filter(|(_, &ok)| ok) {
                *capacity[u.provider].entry((*p, level)).or_default() += weeks;
            }
        }
    }
    let mut locked: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    for l in locks {
        let s = &students[l.student];
        *locked.entry((units[l.unit].provider, s.programme)).or_default() += s.needs[l.need].weeks;
    }
    (0..providers.len())
        .map(|prov| {
            let mut entries = Vec::new();
            for (i, spec) in PROGRAMMES.iter().enumerate() {
                let group = (spec.profession, level_index(level_of(i)));
                let Some(&weeks) = capacity[prov].get(&group) else { continue };
                if per_programme[i] == 0 {
                    continue;
                }
                let share = f64::from(weeks) * per_programme[i] as f64 / per_group[&group] as f64;
                if share < 2.0 {
                    continue;
                }
                let has_min = gen.chance(0.85);
                let has_max = !has_min || gen.chance(0.8);
                let min = if has_min { (share * gen.uniform(0.3, 0.6)).floor() as u32 } else { 0 };
                let floor = locked.get(&(prov, i)).copied().unwrap_or(0).max(min);
                // A maximum below one placement would shut the programme out altogether.
                let floor = floor.max(spec.weeks.1);
                let max = has_max.then(|| ((share * gen.uniform(1.0, 1.5)).ceil() as u32).max(floor));
                entries.push(RemitEntry { programme: spec.id.into(), min_student_weeks: min, max_student_weeks: max });
            }
            entries
        })
        .collect()
}
