//! Where people live and units are: the municipalities of Stockholm County with their
//! populations, centres and districts, and positions drawn around them.
//!
//! Only arithmetic (no trigonometry at run time), so that a seed gives the same positions on
//! every platform.

use super::Gen;
use crate::model::GeoPoint;
use rand::Rng;

pub(super) struct Municipality {
    /// The municipality as an organisation (it runs elderly care), which also names it.
    pub council: &'static str,
    /// Inhabitants, rounded (2024).
    pub population: u32,
    pub lat: f64,
    pub lon: f64,
    /// Typical distance in km of homes from the centre.
    pub spread_km: f64,
    /// How many of `districts`, from the first, are served by Norra Stockholms psykiatri;
    /// the rest by Södra.
    pub north_districts: usize,
    pub districts: &'static [&'static str],
}

#[allow(clippy::too_many_arguments)]
const fn m(
    council: &'static str,
    population: u32,
    lat: f64,
    lon: f64,
    spread_km: f64,
    north: bool,
    districts: &'static [&'static str],
) -> Municipality {
    let north_districts = if north { districts.len() } else { 0 };
    Municipality { council, population, lat, lon, spread_km, north_districts, districts }
}

pub(super) const STOCKHOLM: usize = 0;

pub(super) const MUNICIPALITIES: &[Municipality] = &[
    // Stockholm's northern districts first (Norra Stockholms psykiatri), then the southern.
    Municipality {
        council: "Stockholms stad",
        population: 989_000,
        lat: 59.3293,
        lon: 18.0686,
        spread_km: 5.5,
        north_districts: 20,
        districts: &[
            "Rinkeby",
            "Vällingby",
            "Hässelby",
            "Bromma",
            "Kungsholmen",
            "Östermalm",
            "Kista",
            "Tensta",
            "Spånga",
            "Vasastan",
            "Odenplan",
            "Gärdet",
            "Norrmalm",
            "Husby",
            "Akalla",
            "Råcksta",
            "Blackeberg",
            "Fridhemsplan",
            "S:t Eriksplan",
            "Hjorthagen",
            "Farsta",
            "Skärholmen",
            "Södermalm",
            "Hornstull",
            "Liljeholmen",
            "Hägersten",
            "Årsta",
            "Enskede",
            "Gubbängen",
            "Högdalen",
            "Rågsved",
            "Bagarmossen",
            "Skarpnäck",
            "Hammarbyhöjden",
            "Sköndal",
            "Älvsjö",
            "Aspudden",
            "Fruängen",
            "Bandhagen",
            "Hökarängen",
            "Mariatorget",
            "Medborgarplatsen",
            "Hammarby sjöstad",
            "Västertorp",
            "Bredäng",
        ],
    },
    m(
        "Huddinge kommun",
        116_000,
        59.2372,
        17.9819,
        3.5,
        false,
        &["Huddinge centrum", "Flemingsberg", "Skogås", "Trångsund", "Stuvsta", "Segeltorp", "Vårby", "Sjödalen"],
    ),
    m(
        "Nacka kommun",
        109_000,
        59.3105,
        18.1637,
        3.5,
        false,
        &["Nacka Forum", "Saltsjöbaden", "Fisksätra", "Orminge", "Älta", "Boo", "Sickla"],
    ),
    m(
        "Södertälje kommun",
        102_000,
        59.1955,
        17.6253,
        4.0,
        false,
        &["Södertälje centrum", "Hovsjö", "Ronna", "Järna", "Geneta", "Brunnsäng"],
    ),
    m(
        "Botkyrka kommun",
        96_000,
        59.2000,
        17.8300,
        3.5,
        false,
        &["Tumba", "Fittja", "Alby", "Hallunda", "Tullinge", "Norsborg"],
    ),
    m(
        "Haninge kommun",
        96_000,
        59.1687,
        18.1374,
        4.0,
        false,
        &["Handen", "Jordbro", "Brandbergen", "Vendelsö", "Västerhaninge"],
    ),
    m(
        "Solna stad",
        86_000,
        59.3600,
        18.0000,
        1.5,
        true,
        &["Solna centrum", "Råsunda", "Bergshamra", "Hagalund", "Huvudsta"],
    ),
    m(
        "Järfälla kommun",
        85_000,
        59.4225,
        17.8355,
        2.5,
        true,
        &["Jakobsberg", "Barkarby", "Kallhäll", "Viksjö", "Skälby"],
    ),
    m(
        "Täby kommun",
        76_000,
        59.4439,
        18.0687,
        2.5,
        true,
        &["Täby centrum", "Gribbylund", "Näsby park", "Viggbyholm", "Ensta"],
    ),
    m(
        "Sollentuna kommun",
        75_000,
        59.4280,
        17.9509,
        2.5,
        true,
        &["Häggvik", "Tureberg", "Rotebro", "Edsberg", "Helenelund"],
    ),
    m("Norrtälje kommun", 64_000, 59.7580, 18.7050, 6.0, true, &["Norrtälje", "Hallstavik", "Rimbo", "Älmsta"]),
    m("Sundbybergs stad", 55_000, 59.3612, 17.9716, 1.2, true, &["Sundbyberg", "Hallonbergen", "Rissne", "Duvbo"]),
    m("Sigtuna kommun", 51_000, 59.6200, 17.8500, 4.0, true, &["Märsta", "Sigtuna", "Rosersberg"]),
    m("Tyresö kommun", 49_000, 59.2440, 18.2290, 2.5, false, &["Tyresö centrum", "Trollbäcken", "Bollmora"]),
    m("Lidingö stad", 48_000, 59.3667, 18.1500, 2.0, true, &["Lidingö centrum", "Larsberg", "Brevik"]),
    m("Upplands Väsby kommun", 48_000, 59.5184, 17.9113, 2.5, true, &["Väsby centrum", "Runby", "Vilunda"]),
    m("Österåkers kommun", 47_000, 59.4810, 18.2990, 3.5, true, &["Åkersberga", "Österskär"]),
    m("Värmdö kommun", 47_000, 59.3260, 18.3900, 5.0, false, &["Gustavsberg", "Hemmesta", "Brunn"]),
    m("Vallentuna kommun", 35_000, 59.5344, 18.0776, 3.5, true, &["Vallentuna centrum", "Lindholmen"]),
    m("Danderyds kommun", 33_000, 59.4000, 18.0333, 1.5, true, &["Mörby", "Djursholm", "Stocksund", "Enebyberg"]),
    m("Upplands-Bro kommun", 31_000, 59.4960, 17.6900, 4.0, true, &["Kungsängen", "Bro"]),
    m("Nynäshamns kommun", 30_000, 58.9030, 17.9470, 3.5, false, &["Nynäshamn", "Ösmo", "Sorunda"]),
    m("Ekerö kommun", 29_000, 59.2900, 17.8100, 4.0, true, &["Ekerö centrum", "Stenhamra", "Skå"]),
    m("Salems kommun", 17_000, 59.2000, 17.7700, 2.0, false, &["Salem", "Rönninge"]),
    m("Vaxholms stad", 12_000, 59.4020, 18.3510, 1.5, true, &["Vaxholm"]),
    m("Nykvarns kommun", 11_000, 59.1790, 17.4310, 2.5, false, &["Nykvarn"]),
];

/// km per degree of latitude, and of longitude at the county's latitude (cos 59.35° ≈ 0.5105).
const KM_PER_LAT: f64 = 111.2;
const KM_PER_LON: f64 = 111.2 * 0.5105;

/// A municipality drawn by population, so that homes and local clinics follow where people live.
pub(super) fn municipality(gen: &mut Gen) -> usize {
    let total: u32 = MUNICIPALITIES.iter().map(|m| m.population).sum();
    let mut x = gen.rng.random_range(0..total);
    for (i, m) in MUNICIPALITIES.iter().enumerate() {
        if x < m.population {
            return i;
        }
        x -= m.population;
    }
    STOCKHOLM
}

/// A municipality drawn by the population of its districts on one side of the county
/// (north or south of the city centre), for a provider that serves only that side.
pub(super) fn municipality_in(gen: &mut Gen, north: bool) -> usize {
    let weight = |m: &Municipality| {
        let side = if north { m.north_districts } else { m.districts.len() - m.north_districts };
        u64::from(m.population) * side as u64 / m.districts.len() as u64
    };
    let total: u64 = MUNICIPALITIES.iter().map(weight).sum();
    let mut x = gen.rng.random_range(0..total);
    for (i, m) in MUNICIPALITIES.iter().enumerate() {
        if x < weight(m) {
            return i;
        }
        x -= weight(m);
    }
    STOCKHOLM
}

/// A district of the municipality on one side of the county.
pub(super) fn district_in(gen: &mut Gen, municipality: usize, north: bool) -> &'static str {
    let m = &MUNICIPALITIES[municipality];
    let side = if north { &m.districts[..m.north_districts] } else { &m.districts[m.north_districts..] };
    let side = if side.is_empty() { m.districts } else { side };
    side[gen.rng.random_range(0..side.len())]
}

/// A district of the municipality, for naming a clinic after where it is.
pub(super) fn district(gen: &mut Gen, municipality: usize) -> &'static str {
    let districts = MUNICIPALITIES[municipality].districts;
    districts[gen.rng.random_range(0..districts.len())]
}

/// A position around the municipality's centre, `closeness` times as spread as its homes
/// (clinics cluster nearer the centre than homes do).
pub(super) fn around_municipality(gen: &mut Gen, municipality: usize, closeness: f64) -> GeoPoint {
    let m = &MUNICIPALITIES[municipality];
    jitter(gen, m.lat, m.lon, m.spread_km * closeness)
}

/// A position near a point: an approximately normal offset (sum of uniforms) of about
/// `spread_km` in each direction, rounded to about ten metres.
pub(super) fn jitter(gen: &mut Gen, lat: f64, lon: f64, spread_km: f64) -> GeoPoint {
    let mut bell = || {
        let s: f64 = (0..3).map(|_| gen.rng.random::<f64>()).sum::<f64>() - 1.5;
        s * 2.0 * spread_km
    };
    let (dy, dx) = (bell(), bell());
    GeoPoint { lat: round4(lat + dy / KM_PER_LAT), lon: round4(lon + dx / KM_PER_LON) }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// A flat position in km, good enough to rank distances inside the county.
pub(super) fn plane(p: GeoPoint) -> (f64, f64) {
    (p.lon * KM_PER_LON, p.lat * KM_PER_LAT)
}

pub(super) fn dist2(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (a.0 - b.0, a.1 - b.1);
    dx * dx + dy * dy
}

/// An ASCII id fragment of a Swedish name ("Upplands Väsby" → "upplands-vasby").
pub(super) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        match c {
            'å' | 'ä' | 'Å' | 'Ä' => out.push('a'),
            'ö' | 'Ö' => out.push('o'),
            'é' | 'É' => out.push('e'),
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            _ => {
                if !out.ends_with('-') && !out.is_empty() {
                    out.push('-')
                }
            }
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Upplands Väsby"), "upplands-vasby");
        assert_eq!(slug("S:t Eriksplan"), "s-t-eriksplan");
        assert_eq!(slug("Österåker"), "osteraker");
    }

    #[test]
    fn centres_lie_in_the_county() {
        for m in MUNICIPALITIES {
            assert!((58.7..60.3).contains(&m.lat) && (17.2..19.2).contains(&m.lon), "{}", m.council);
        }
    }
}
