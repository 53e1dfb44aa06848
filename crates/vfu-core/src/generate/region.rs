//! The region's healthcare landscape as static data: its providers, hospital sites and
//! other fixed sites with their areas, the chains whose clinics are spread over the county,
//! and how wards, clinics, primary care centres and care homes are named.
//!
//! Sizes are relative: a site's `size` and a chain's `weight` decide how many of an area's
//! units it hosts. Positions are WGS 84 degrees, approximately right.

use super::catalogue::*;
use crate::model::Ownership;

/// What sort of place a unit is, which decides the professions it can supervise.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
    Hospital,
    Geriatric,
    Rehab,
    Psychiatry,
    PrimaryCare,
    CareHome,
    Radiology,
    Lab,
}

impl Kind {
    /// A lab has only biomedical scientists to supervise, a care home no physicians, …
    pub fn takes(self, profession: usize) -> bool {
        match self {
            Kind::Hospital => true,
            Kind::Geriatric => !matches!(profession, BIOMED | RADIOGRAPHER | MIDWIFE),
            Kind::Rehab => matches!(profession, PHYSIO | OT | NURSE | AN | PHYSICIAN),
            Kind::Psychiatry => matches!(profession, NURSE | PHYSICIAN | OT | AN | MEDSEC),
            Kind::PrimaryCare => matches!(profession, NURSE | PHYSICIAN | PHYSIO | OT | AN | MEDSEC),
            Kind::CareHome => matches!(profession, NURSE | AN | OT | PHYSIO),
            Kind::Radiology => matches!(profession, RADIOGRAPHER | MEDSEC),
            Kind::Lab => profession == BIOMED,
        }
    }

    /// Where minors may work at all: care of the elderly, wards and primary care.
    pub fn may_take_minors(self) -> bool {
        matches!(self, Kind::Hospital | Kind::Geriatric | Kind::PrimaryCare | Kind::CareHome)
    }
}

pub(super) struct FixedProvider {
    pub id: &'static str,
    pub name: &'static str,
    pub ownership: Ownership,
}

const fn public(id: &'static str, name: &'static str) -> FixedProvider {
    FixedProvider { id, name, ownership: Ownership::Public }
}

const fn private(id: &'static str, name: &'static str) -> FixedProvider {
    FixedProvider { id, name, ownership: Ownership::Private }
}

pub(super) const FIXED_PROVIDERS: &[FixedProvider] = &[
    public("ks", "Karolinska Universitetssjukhuset"),
    public("sos", "Södersjukhuset"),
    public("ds", "Danderyds sjukhus"),
    private("stg", "Capio S:t Görans sjukhus"),
    public("sts", "Södertälje sjukhus"),
    private("nts", "Norrtälje sjukhus"),
    private("ssh", "Stockholms Sjukhem"),
    private("ersta", "Ersta sjukhus"),
    private("sophia", "Sophiahemmet"),
    public("nsp", "Norra Stockholms psykiatri"),
    public("ssp", "Södra Stockholms psykiatri"),
    private("prima", "Prima Vuxenpsykiatri"),
    public("bcs", "Beroendecentrum Stockholm"),
    public("dalen", "Dalens sjukhus"),
    private("jakobsberg", "Jakobsbergsgeriatriken"),
    public("nacka-geri", "Nacka sjukhus, geriatrik"),
    private("sabbatsberg", "Sabbatsbergsgeriatriken"),
    private("rehab-station", "Rehab Station Stockholm"),
    private("aleris-rtg", "Aleris Röntgen"),
    private("unilabs", "Unilabs"),
];

/// Care home operators besides the municipalities themselves.
pub(super) const CARE_CHAINS: &[(&str, &str)] =
    &[("attendo", "Attendo"), ("vardaga", "Vardaga"), ("humana", "Humana"), ("forenade-care", "Förenade Care")];

pub(super) struct Site {
    pub id: &'static str,
    pub provider: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub size: f64,
    pub kind: Kind,
    pub areas: &'static [usize],
}

const ACUTE: &[usize] = &[IM, SURG, GER, EM, PAED, ORTO, OBS, REHAB, RAD, LAB];

#[allow(clippy::too_many_arguments)]
const fn site(
    id: &'static str,
    provider: &'static str,
    lat: f64,
    lon: f64,
    size: f64,
    kind: Kind,
    areas: &'static [usize],
) -> Site {
    Site { id, provider, lat, lon, size, kind, areas }
}

pub(super) const SITES: &[Site] = &[
    site("ks-solna", "ks", 59.3496, 18.0333, 1.0, Kind::Hospital, &[IM, SURG, EM, PAED, ORTO, OBS, REHAB, RAD, LAB]),
    site("ks-hudd", "ks", 59.2219, 17.9379, 1.0, Kind::Hospital, ACUTE),
    site("sos", "sos", 59.3105, 18.0590, 1.0, Kind::Hospital, &[IM, SURG, EM, PAED, ORTO, OBS, RAD, LAB]),
    site("ds", "ds", 59.3916, 18.0411, 0.8, Kind::Hospital, &[IM, SURG, GER, EM, ORTO, OBS, REHAB, RAD, LAB]),
    site("stg", "stg", 59.3377, 18.0212, 0.6, Kind::Hospital, &[IM, SURG, GER, EM, ORTO, RAD, LAB]),
    site("sts", "sts", 59.1797, 17.6455, 0.35, Kind::Hospital, &[IM, SURG, GER, EM, PAED, ORTO, OBS, RAD, LAB]),
    site("nts", "nts", 59.7616, 18.6856, 0.25, Kind::Hospital, &[IM, SURG, GER, EM, ORTO, RAD, LAB]),
    site("ssh", "ssh", 59.3273, 18.0166, 0.2, Kind::Geriatric, &[GER, REHAB, IM]),
    site("ersta", "ersta", 59.3150, 18.0850, 0.2, Kind::Hospital, &[IM, SURG, GER]),
    site("sophia", "sophia", 59.3470, 18.0760, 0.15, Kind::Hospital, &[SURG, ORTO, RAD]),
    site("nsp", "nsp", 59.3362, 18.0195, 0.6, Kind::Psychiatry, &[PSY]),
    site("ssp", "ssp", 59.2950, 18.0780, 0.6, Kind::Psychiatry, &[PSY]),
    site("dalen", "dalen", 59.2800, 18.0960, 0.15, Kind::Geriatric, &[GER, REHAB]),
    site("jakobsberg", "jakobsberg", 59.4230, 17.8330, 0.12, Kind::Geriatric, &[GER, REHAB]),
    site("nacka-geri", "nacka-geri", 59.3115, 18.1610, 0.12, Kind::Geriatric, &[GER, REHAB]),
    site("sabbatsberg", "sabbatsberg", 59.3390, 18.0430, 0.1, Kind::Geriatric, &[GER]),
    site("rehab-station", "rehab-station", 59.3660, 18.0130, 0.15, Kind::Rehab, &[REHAB]),
];

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Region {
    All,
    North,
    South,
}

/// A provider whose clinics are spread over the county.
pub(super) struct Chain {
    pub prefix: &'static str,
    pub provider: &'static str,
    pub kind: Kind,
    pub area: usize,
    pub weight: f64,
    /// The clinic's name, `{}` standing for its district.
    pub name: &'static str,
    pub region: Region,
}

#[allow(clippy::too_many_arguments)]
const fn chain(
    prefix: &'static str,
    provider: &'static str,
    kind: Kind,
    area: usize,
    weight: f64,
    name: &'static str,
    region: Region,
) -> Chain {
    Chain { prefix, provider, kind, area, weight, name, region }
}

pub(super) const CHAINS: &[Chain] = &[
    chain("nsp-m", "nsp", Kind::Psychiatry, PSY, 0.5, "Psykiatrisk mottagning {}", Region::North),
    chain("ssp-m", "ssp", Kind::Psychiatry, PSY, 0.5, "Psykiatrisk mottagning {}", Region::South),
    chain("prima", "prima", Kind::Psychiatry, PSY, 0.2, "Prima Vuxenpsykiatri {}", Region::All),
    chain("bcs", "bcs", Kind::Psychiatry, PSY, 0.2, "Beroendemottagning {}", Region::All),
    chain("aleris-rtg", "aleris-rtg", Kind::Radiology, RAD, 0.8, "Aleris Röntgen {}", Region::All),
    chain("unilabs-rtg", "unilabs", Kind::Radiology, RAD, 0.4, "Unilabs Röntgen {}", Region::All),
    chain("unilabs-lab", "unilabs", Kind::Lab, LAB, 1.2, "Unilabs Laboratorium {}", Region::All),
];

/// Ward and clinic names per area; `{n}` is the ward's number, and a slug names the
/// unnumbered ones in ids.
pub(super) fn templates(area: usize) -> &'static [(&'static str, &'static str)] {
    match area {
        IM => &[
            ("Avdelning {n}, internmedicin", ""),
            ("Avdelning {n}, kardiologi", ""),
            ("Avdelning {n}, lungmedicin", ""),
            ("Avdelning {n}, njurmedicin", ""),
            ("Avdelning {n}, gastroenterologi", ""),
            ("Avdelning {n}, endokrinologi", ""),
            ("Avdelning {n}, hematologi", ""),
            ("Avdelning {n}, infektion", ""),
            ("Avdelning {n}, neurologi", ""),
            ("Medicinmottagningen", "medmott"),
            ("Hjärtintensiven", "hia"),
        ],
        SURG => &[
            ("Avdelning {n}, kirurgi", ""),
            ("Avdelning {n}, övre buk", ""),
            ("Avdelning {n}, kolorektal kirurgi", ""),
            ("Avdelning {n}, urologi", ""),
            ("Avdelning {n}, kärlkirurgi", ""),
            ("Avdelning {n}, bröst- och endokrinkirurgi", ""),
            ("Operationsavdelningen", "op"),
            ("Dagkirurgen", "dagkir"),
            ("Kirurgmottagningen", "kirmott"),
        ],
        GER => &[
            ("Avdelning {n}, geriatrik", ""),
            ("Avdelning {n}, palliativ vård", ""),
            ("Avdelning {n}, ortogeriatrik", ""),
            ("Avdelning {n}, akutgeriatrik", ""),
            ("Geriatriska mottagningen", "gerimott"),
        ],
        PSY => &[
            ("Avdelning {n}, allmänpsykiatri", ""),
            ("Avdelning {n}, psykos", ""),
            ("Avdelning {n}, affektiva sjukdomar", ""),
            ("Avdelning {n}, beroendepsykiatri", ""),
            ("Avdelning {n}, rättspsykiatri", ""),
            ("Psykiatriska akutmottagningen", "psykakut"),
        ],
        EM => &[
            ("Akutmottagningen", "akut"),
            ("Akutvårdsavdelning {n}", ""),
            ("Medicinsk akutvårdsavdelning {n}", ""),
            ("Intensivvårdsavdelningen", "iva"),
            ("Ambulanssjukvården", "ambulans"),
        ],
        PAED => &[
            ("Avdelning {n}, barnmedicin", ""),
            ("Barnakuten", "barnakut"),
            ("Neonatalavdelning {n}", ""),
            ("Avdelning {n}, barnkirurgi", ""),
            ("Avdelning {n}, barnonkologi", ""),
            ("Barnmottagningen", "barnmott"),
        ],
        ORTO => &[
            ("Avdelning {n}, ortopedi", ""),
            ("Avdelning {n}, höftfraktur", ""),
            ("Avdelning {n}, handkirurgi", ""),
            ("Ortopedmottagningen", "ortomott"),
        ],
        OBS => &[
            ("Förlossningen", "forlossning"),
            ("BB-avdelning {n}", ""),
            ("Avdelning {n}, gynekologi", ""),
            ("Kvinnokliniken, mottagning", "kvmott"),
            ("Specialistmödravården", "smv"),
        ],
        REHAB => &[
            ("Avdelning {n}, rehabiliteringsmedicin", ""),
            ("Avdelning {n}, neurorehabilitering", ""),
            ("Avdelning {n}, strokerehabilitering", ""),
            ("Fysioterapin", "fysio"),
            ("Arbetsterapin", "arbter"),
        ],
        RAD => &[
            ("Röntgen", "rtg"),
            ("Bild och funktion", "bof"),
            ("Neuroradiologi", "neurortg"),
            ("Mammografi", "mammo"),
            ("Nuklearmedicin", "nukmed"),
        ],
        LAB => &[
            ("Klinisk kemi", "kemi"),
            ("Klinisk mikrobiologi", "mikro"),
            ("Klinisk patologi", "pat"),
            ("Transfusionsmedicin", "transf"),
            ("Klinisk fysiologi", "klinfys"),
            ("Klinisk immunologi", "immun"),
        ],
        _ => &[("Mottagningen", "mott")],
    }
}

pub(super) const CARE_HOMES: &[&str] = &[
    "Solgården",
    "Lindgården",
    "Ekbacken",
    "Björkbacken",
    "Tallbacken",
    "Rosengården",
    "Sjöängen",
    "Ängsgården",
    "Linnégården",
    "Furuhem",
    "Äppelgården",
    "Söderhemmet",
    "Hagaberg",
    "Sjöstjärnan",
    "Fyrklövern",
    "Kastanjen",
    "Lönnen",
    "Enen",
    "Ljungen",
    "Nyponet",
    "Aspen",
    "Solrosen",
    "Stjärnhuset",
    "Vintergatan",
    "Bergsgården",
];

/// Names of primary care centres, `{}` standing for the district; public ones first.
pub(super) const PUBLIC_VC: &[&str] =
    &["Vårdcentralen {}", "Vårdcentralen {}", "Vårdcentralen {}", "Akademiska vårdcentralen {}"];
pub(super) const PRIVATE_VC: &[&str] = &[
    "Capio Vårdcentral {}",
    "Capio Vårdcentral {}",
    "Vårdcentralen {} (Praktikertjänst)",
    "Vårdcentralen {} (Praktikertjänst)",
    "Kry Vårdcentral {}",
    "Doktor.se Vårdcentral {}",
    "Familjeläkarna {}",
    "Achima Care {} Vårdcentral",
    "Aleris Vårdcentral {}",
];

/// Areas a unit often covers besides its main one (a medical ward with geriatric beds, …).
pub(super) fn second_areas(area: usize) -> &'static [usize] {
    match area {
        IM => &[GER, EM],
        SURG => &[ORTO],
        GER => &[REHAB, IM, PSY],
        PSY => &[GER],
        PC => &[REHAB],
        EM => &[IM],
        PAED => &[EM],
        ORTO => &[SURG, REHAB],
        REHAB => &[GER, ORTO],
        _ => &[],
    }
}

/// The interprofessional training wards, in the order they open as terms grow.
pub(super) const IPL_WARDS: &[(&str, usize, &str)] = &[
    ("ks-hudd", ORTO, "KUA Huddinge"),
    ("ks-solna", IM, "KUA Solna"),
    ("sos", IM, "IPL-avdelning Södersjukhuset"),
    ("ds", GER, "KUA Danderyd"),
    ("stg", GER, "IPL-avdelning S:t Göran"),
    ("sts", IM, "IPL-avdelning Södertälje"),
    ("ks-hudd", IM, "KUA Huddinge, medicin"),
    ("ks-solna", ORTO, "KUA Solna, ortopedi"),
];

impl Chain {
    /// `nsp-m` numbers as `nsp-m01`, `aleris-rtg` as `aleris-rtg-01`.
    pub fn prefix_sep(&self) -> String {
        if self.prefix.ends_with("-m") {
            self.prefix.to_string()
        } else {
            format!("{}-", self.prefix)
        }
    }
}
