//! Where students are placed: the wards and clinics of the region's hospitals, psychiatry,
//! geriatrics, primary care centres, care homes, labs and radiology clinics (as `region`
//! describes them), with names, areas, positions and the clearances they ask for.
//!
//! Units are laid out per clinical area in proportion to the area's demand, so that even a
//! small term has somewhere to go for every area its students need; what each unit takes is
//! decided later, in `capacity`.

use super::catalogue::*;
use super::geography::{self, slug, MUNICIPALITIES};
use super::region::*;
use super::Gen;
use crate::model::{CapacityEntry, GeoPoint, Ownership, Supervisor};
use rand::seq::SliceRandom;
use rand::Rng;
use std::collections::{HashMap, HashSet};

pub(super) struct ProviderDraft {
    pub id: String,
    pub name: String,
    pub ownership: Ownership,
}

/// An interprofessional training ward's team and timetable (starts as open-week positions).
pub(super) struct IplDraft {
    pub team: Vec<(usize, u32)>,
    pub weeks: u32,
    pub starts: Vec<usize>,
    pub max_teams: u32,
}

pub(super) struct UnitDraft {
    pub provider: usize,
    pub id: String,
    pub name: String,
    pub areas: Vec<usize>,
    pub kind: Kind,
    pub location: GeoPoint,
    /// Relative size, so that big wards get more of an area's students.
    pub size: f64,
    /// Accepted levels, indexed by `level_index`.
    pub levels: [bool; 3],
    pub accepts_minors: bool,
    /// Clearance bits a student must hold.
    pub requirements: u8,
    /// Place-weeks allotted per profession before they are declared as capacity entries.
    pub place_weeks: [f64; PROFESSIONS.len()],
    pub ipl: Option<IplDraft>,
    pub capacity: Vec<CapacityEntry>,
    pub supervisors: Vec<Supervisor>,
    /// Declared places per profession and open week, once the capacity is declared.
    pub places: Vec<(usize, Vec<u32>)>,
}

impl UnitDraft {
    pub fn places_of(&self, profession: usize) -> Option<&[u32]> {
        self.places.iter().find(|(p, _)| *p == profession).map(|(_, v)| v.as_slice())
    }
}

/// Name scopes of units whose providers are not one organisation's wards.
const PRIMARY_CARE_SCOPE: usize = usize::MAX;
const CARE_HOME_SCOPE: usize = usize::MAX - 1;

#[derive(Clone, Copy)]
enum Host {
    Site(usize),
    Chain(usize),
    PrimaryCare,
    CareHome,
}

/// The region's units and their providers, before anything is declared.
pub(super) struct Layout {
    pub providers: Vec<ProviderDraft>,
    pub units: Vec<UnitDraft>,
}

struct Builder<'g> {
    gen: &'g mut Gen,
    providers: Vec<ProviderDraft>,
    provider_index: HashMap<String, usize>,
    units: Vec<UnitDraft>,
    unit_ids: HashSet<String>,
    /// Names used per provider (primary care centres and care homes share a scope each).
    names: HashSet<(usize, String)>,
    ward_numbers: Vec<u32>,
    vc_count: usize,
    care_home_count: usize,
    chain_counts: Vec<usize>,
}

/// Lays out `regular` units over the areas in proportion to `area_weeks` (the need-weeks
/// asked for in each area) plus `ipl_wards` interprofessional training wards.
pub(super) fn lay_out(
    gen: &mut Gen,
    regular: usize,
    area_weeks: &[f64; AREAS.len()],
    ipl_wards: usize,
    ipl_starts: impl Fn(usize) -> Vec<usize>,
) -> Layout {
    let mut b = Builder {
        providers: FIXED_PROVIDERS
            .iter()
            .map(|p| ProviderDraft { id: p.id.into(), name: p.name.into(), ownership: p.ownership })
            .collect(),
        provider_index: FIXED_PROVIDERS.iter().enumerate().map(|(i, p)| (p.id.to_string(), i)).collect(),
        units: Vec::new(),
        unit_ids: HashSet::new(),
        names: HashSet::new(),
        ward_numbers: SITES.iter().map(|_| gen.rng.random_range(10..=30)).collect(),
        vc_count: 0,
        care_home_count: 0,
        chain_counts: vec![0; CHAINS.len()],
        gen,
    };
    let counts = apportion(regular, area_weeks);
    let mut order: Vec<usize> = counts.iter().enumerate().flat_map(|(a, &n)| std::iter::repeat_n(a, n)).collect();
    order.shuffle(&mut b.gen.rng);
    let hosts: Vec<Vec<(Host, f64)>> = (0..AREAS.len()).map(hosts_of).collect();
    for area in order {
        let weights: Vec<f64> = hosts[area].iter().map(|(_, w)| *w).collect();
        let host = hosts[area][b.gen.weighted(&weights)].0;
        b.add_unit(host, area);
    }
    for i in 0..ipl_wards {
        b.add_ipl_ward(i, ipl_starts(i));
    }
    b.finish()
}

/// Splits `total` over the areas in proportion to `weights`, at least one per area asked for.
fn apportion(total: usize, weights: &[f64; AREAS.len()]) -> [usize; AREAS.len()] {
    let mut counts = [0usize; AREAS.len()];
    let asked: Vec<usize> = (0..AREAS.len()).filter(|&a| weights[a] > 0.0).collect();
    if asked.is_empty() {
        return counts;
    }
    for &a in &asked {
        counts[a] = 1;
    }
    let rest = total.saturating_sub(asked.len());
    let sum: f64 = asked.iter().map(|&a| weights[a]).sum();
    let mut remainders: Vec<(f64, usize)> = Vec::new();
    let mut given = 0;
    for &a in &asked {
        let exact = rest as f64 * weights[a] / sum;
        counts[a] += exact.floor() as usize;
        given += exact.floor() as usize;
        remainders.push((exact - exact.floor(), a));
    }
    remainders.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    for &(_, a) in remainders.iter().take(rest - given) {
        counts[a] += 1;
    }
    counts
}

fn hosts_of(area: usize) -> Vec<(Host, f64)> {
    let mut hosts: Vec<(Host, f64)> = Vec::new();
    if area == PC {
        return vec![(Host::PrimaryCare, 1.0)];
    }
    for (i, s) in SITES.iter().enumerate() {
        if s.areas.contains(&area) {
            hosts.push((Host::Site(i), s.size));
        }
    }
    for (i, c) in CHAINS.iter().enumerate() {
        if c.area == area {
            hosts.push((Host::Chain(i), c.weight));
        }
    }
    if area == GER {
        // About two fifths of elderly-care placements are in care homes.
        let sites: f64 = hosts.iter().map(|(_, w)| w).sum();
        hosts.push((Host::CareHome, sites * 0.65));
    }
    hosts
}

impl Builder<'_> {
    fn provider(&mut self, id: &str, name: &str, ownership: Ownership) -> usize {
        if let Some(&i) = self.provider_index.get(id) {
            return i;
        }
        self.providers.push(ProviderDraft { id: id.into(), name: name.into(), ownership });
        self.provider_index.insert(id.into(), self.providers.len() - 1);
        self.providers.len() - 1
    }

    fn fixed(&self, id: &str) -> usize {
        self.provider_index[id]
    }

    fn unique_id(&mut self, base: String) -> String {
        let mut id = base.clone();
        let mut k = 1;
        while !self.unit_ids.insert(id.clone()) {
            k += 1;
            id = format!("{base}-{k}");
        }
        id
    }

    /// A name not yet used in `scope` (a second "Röntgen" of a provider becomes "Röntgen 2").
    fn unique_name(&mut self, scope: usize, base: String) -> String {
        let mut name = base.clone();
        let mut k = 1;
        while !self.names.insert((scope, name.clone())) {
            k += 1;
            name = format!("{base} {k}");
        }
        name
    }

    fn add_unit(&mut self, host: Host, area: usize) {
        let (provider, id, name, kind, location, size) = match host {
            Host::Site(s) => self.site_unit(s, area),
            Host::Chain(c) => self.chain_unit(c),
            Host::PrimaryCare => self.primary_care_unit(),
            Host::CareHome => self.care_home_unit(),
        };
        let mut areas = vec![area];
        let offered: &[usize] = match host {
            Host::Site(s) => SITES[s].areas,
            Host::PrimaryCare => &[REHAB],
            _ => &[],
        };
        let seconds: Vec<usize> =
            second_areas(area).iter().copied().filter(|a| offered.contains(a) && *a != area).collect();
        if !seconds.is_empty() && self.gen.chance(if host_is_site(host) { 0.25 } else { 0.1 }) {
            areas.push(seconds[self.gen.rng.random_range(0..seconds.len())]);
        }
        let requirements = self.requirements(kind, &areas);
        self.units.push(UnitDraft {
            provider,
            id,
            name,
            areas,
            kind,
            location,
            size,
            levels: [false; 3],
            accepts_minors: false,
            requirements,
            place_weeks: [0.0; PROFESSIONS.len()],
            ipl: None,
            capacity: Vec::new(),
            supervisors: Vec::new(),
            places: Vec::new(),
        });
    }

    /// Nearly every unit asks for the hygiene course; some wards MRSA screening; every unit
    /// with children a criminal-record extract.
    fn requirements(&mut self, kind: Kind, areas: &[usize]) -> u8 {
        let mut r = 0;
        if areas.contains(&PAED) {
            return JOBSH | RECORD_EXTRACT;
        }
        if self.gen.chance(0.93) {
            r |= JOBSH;
        }
        let exposed = matches!(kind, Kind::Hospital | Kind::Geriatric)
            && areas.iter().any(|a| matches!(*a, IM | SURG | EM | GER | ORTO));
        if self.gen.chance(if exposed { 0.2 } else { 0.04 }) {
            r |= MRSA;
        }
        r
    }

    fn site_unit(&mut self, s: usize, area: usize) -> (usize, String, String, Kind, GeoPoint, f64) {
        let site = &SITES[s];
        let provider = self.fixed(site.provider);
        let list = templates(area);
        // Numbered wards are the common case; the first template is the most common ward.
        let weights: Vec<f64> = list
            .iter()
            .enumerate()
            .map(|(i, (p, _))| {
                if i == 0 {
                    3.0
                } else if p.contains("{n}") {
                    1.0
                } else {
                    0.35
                }
            })
            .collect();
        let (pattern, short) = list[self.gen.weighted(&weights)];
        let (name, id) = if pattern.contains("{n}") {
            self.ward_numbers[s] += self.gen.rng.random_range(1..=3);
            let n = self.ward_numbers[s];
            (pattern.replace("{n}", &n.to_string()), format!("{}-avd{n}", site.id))
        } else {
            (pattern.to_string(), format!("{}-{short}", site.id))
        };
        let name = self.unique_name(provider, name);
        let id = self.unique_id(id);
        let location = geography::jitter(self.gen, site.lat, site.lon, 0.12);
        let size = self.gen.uniform(0.6, 1.6);
        (provider, id, name, site.kind, location, size)
    }

    fn chain_unit(&mut self, c: usize) -> (usize, String, String, Kind, GeoPoint, f64) {
        let chain = &CHAINS[c];
        let provider = self.fixed(chain.provider);
        let (m, district) = match chain.region {
            Region::All => {
                let m = geography::municipality(self.gen);
                (m, geography::district(self.gen, m))
            }
            Region::North | Region::South => {
                let north = chain.region == Region::North;
                let m = geography::municipality_in(self.gen, north);
                (m, geography::district_in(self.gen, m, north))
            }
        };
        let name = self.unique_name(provider, chain.name.replace("{}", district));
        self.chain_counts[c] += 1;
        let id = self.unique_id(format!("{}{:02}", chain.prefix_sep(), self.chain_counts[c]));
        let location = geography::around_municipality(self.gen, m, 0.6);
        let size = self.gen.uniform(0.5, 1.3);
        (provider, id, name, chain.kind, location, size)
    }

    fn primary_care_unit(&mut self) -> (usize, String, String, Kind, GeoPoint, f64) {
        let m = geography::municipality(self.gen);
        let district = geography::district(self.gen, m);
        let public = self.gen.chance(0.4);
        let patterns = if public { PUBLIC_VC } else { PRIVATE_VC };
        let pattern = patterns[self.gen.rng.random_range(0..patterns.len())];
        self.vc_count += 1;
        let id = format!("vc-{:04}", self.vc_count);
        let base = pattern.replace("{}", district);
        // Each centre is its own provider; its name is unique across the region.
        let name = self.unique_name(PRIMARY_CARE_SCOPE, base);
        let ownership = if public { Ownership::Public } else { Ownership::Private };
        let provider = self.provider(&id, &name, ownership);
        let id = self.unique_id(id);
        let location = geography::around_municipality(self.gen, m, 0.7);
        let size = self.gen.uniform(0.5, 1.3);
        (provider, id, name, Kind::PrimaryCare, location, size)
    }

    fn care_home_unit(&mut self) -> (usize, String, String, Kind, GeoPoint, f64) {
        let m = geography::municipality(self.gen);
        let provider = if self.gen.chance(0.5) {
            let council = MUNICIPALITIES[m].council;
            self.provider(&slug(council), council, Ownership::Public)
        } else {
            let (id, name) = CARE_CHAINS[self.gen.rng.random_range(0..CARE_CHAINS.len())];
            self.provider(id, name, Ownership::Private)
        };
        let home = CARE_HOMES[self.gen.rng.random_range(0..CARE_HOMES.len())];
        let name = format!("Vård- och omsorgsboendet {home}");
        let name = if self.names.contains(&(CARE_HOME_SCOPE, name.clone())) {
            format!("{name}, {}", geography::district(self.gen, m))
        } else {
            name
        };
        let name = self.unique_name(CARE_HOME_SCOPE, name);
        self.care_home_count += 1;
        let id = self.unique_id(format!("vob-{:04}", self.care_home_count));
        let location = geography::around_municipality(self.gen, m, 0.8);
        let size = self.gen.uniform(0.5, 1.1);
        (provider, id, name, Kind::CareHome, location, size)
    }

    fn add_ipl_ward(&mut self, i: usize, starts: Vec<usize>) {
        let (site_id, area, base) = IPL_WARDS[i % IPL_WARDS.len()];
        let round = i / IPL_WARDS.len();
        let name = if round == 0 { base.to_string() } else { format!("{base} {}", round + 1) };
        let s = SITES.iter().position(|s| s.id == site_id).expect("IPL wards are at known sites");
        let site = &SITES[s];
        let provider = self.fixed(site.provider);
        let name = self.unique_name(provider, name);
        let id = self.unique_id(format!("{}-kua", site.id));
        let location = geography::jitter(self.gen, site.lat, site.lon, 0.1);
        // Most wards take the full team; some run without a second medical student.
        let team = if i % 3 == 2 {
            vec![(NURSE, 2), (PHYSICIAN, 1), (PHYSIO, 1), (OT, 1)]
        } else {
            vec![(NURSE, 2), (PHYSICIAN, 2), (PHYSIO, 1), (OT, 1)]
        };
        let max_teams = if self.gen.chance(0.4) { 2 } else { 1 };
        let mut levels = [false; 3];
        levels[level_index(crate::model::Level::University)] = true;
        self.units.push(UnitDraft {
            provider,
            id,
            name,
            areas: vec![area],
            kind: Kind::Hospital,
            location,
            size: 1.0,
            levels,
            accepts_minors: false,
            requirements: JOBSH,
            place_weeks: [0.0; PROFESSIONS.len()],
            ipl: Some(IplDraft { team, weeks: 2, starts, max_teams }),
            capacity: Vec::new(),
            supervisors: Vec::new(),
            places: Vec::new(),
        });
    }

    /// Keeps providers that have units, in their order, and groups units by provider.
    fn finish(self) -> Layout {
        let mut used = vec![false; self.providers.len()];
        for u in &self.units {
            used[u.provider] = true;
        }
        let mut new_index = vec![usize::MAX; self.providers.len()];
        let mut providers = Vec::new();
        for (i, p) in self.providers.into_iter().enumerate() {
            if used[i] {
                new_index[i] = providers.len();
                providers.push(p);
            }
        }
        let mut units = self.units;
        for u in &mut units {
            u.provider = new_index[u.provider];
        }
        units.sort_by_key(|u| u.provider);
        Layout { providers, units }
    }
}

fn host_is_site(host: Host) -> bool {
    matches!(host, Host::Site(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportion_gives_every_asked_area_a_unit() {
        let mut w = [0.0; AREAS.len()];
        w[IM] = 100.0;
        w[LAB] = 0.1;
        w[PC] = 50.0;
        let c = apportion(15, &w);
        assert_eq!(c.iter().sum::<usize>(), 15);
        assert!(c[LAB] == 1 && c[IM] > c[PC] && c[SURG] == 0, "{c:?}");
    }

    #[test]
    fn every_area_has_a_host() {
        for (a, name) in AREAS.iter().enumerate() {
            assert!(!hosts_of(a).is_empty(), "{name}");
        }
    }
}
