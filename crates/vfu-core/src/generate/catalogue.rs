//! What the region's education side looks like: the clinical areas, the professions, the
//! schools and their programmes with how many students each sends and what placements they need.
//!
//! Everything here is static data; the shares are of all students of a term and sum to 1.

use crate::model::{Level, Programme, School};

/// Clinical areas, in the order the generator indexes them.
pub(super) const AREAS: [&str; 12] = [
    "internal_medicine",
    "surgery",
    "geriatrics",
    "psychiatry",
    "primary_care",
    "emergency",
    "paediatrics",
    "orthopaedics",
    "obstetrics",
    "rehabilitation",
    "radiology",
    "laboratory",
];

pub(super) const IM: usize = 0;
pub(super) const SURG: usize = 1;
pub(super) const GER: usize = 2;
pub(super) const PSY: usize = 3;
pub(super) const PC: usize = 4;
pub(super) const EM: usize = 5;
pub(super) const PAED: usize = 6;
pub(super) const ORTO: usize = 7;
pub(super) const OBS: usize = 8;
pub(super) const REHAB: usize = 9;
pub(super) const RAD: usize = 10;
pub(super) const LAB: usize = 11;

/// Professions shared by programmes and supervisors, in the order the generator indexes them.
pub(super) const PROFESSIONS: [&str; 9] = [
    "nurse",
    "physician",
    "physiotherapist",
    "occupational_therapist",
    "biomedical_scientist",
    "radiographer",
    "midwife",
    "medical_secretary",
    "assistant_nurse",
];

pub(super) const NURSE: usize = 0;
pub(super) const PHYSICIAN: usize = 1;
pub(super) const PHYSIO: usize = 2;
pub(super) const OT: usize = 3;
pub(super) const BIOMED: usize = 4;
pub(super) const RADIOGRAPHER: usize = 5;
pub(super) const MIDWIFE: usize = 6;
pub(super) const MEDSEC: usize = 7;
pub(super) const AN: usize = 8;

/// Whether supervisors of the profession are mostly trained: every programme training it at
/// university demands it, so units keep trained supervisors for it.
pub(super) fn university_profession(profession: usize) -> bool {
    profession < MEDSEC
}

/// How old a programme's students are, which decides birth dates and so who is a minor.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Cohort {
    University,
    HigherVocational,
    /// Gymnasium students, two thirds of them under 18 in the autumn.
    Gymnasium,
    /// Adults retraining at komvux.
    Komvux,
}

pub(super) struct SchoolSpec {
    pub id: &'static str,
    pub name: &'static str,
    pub level: Level,
}

pub(super) const SCHOOLS: &[SchoolSpec] = &[
    SchoolSpec { id: "ki", name: "Karolinska Institutet", level: Level::University },
    SchoolSpec { id: "shh", name: "Sophiahemmet Högskola", level: Level::University },
    SchoolSpec { id: "rkh", name: "Röda Korsets Högskola", level: Level::University },
    SchoolSpec { id: "esh", name: "Ersta Sköndal Bräcke högskola", level: Level::University },
    SchoolSpec { id: "ec", name: "EC Utbildning", level: Level::HigherVocational },
    SchoolSpec { id: "ya", name: "YrkesAkademin", level: Level::HigherVocational },
    SchoolSpec { id: "fu", name: "Folkuniversitetet", level: Level::HigherVocational },
    SchoolSpec { id: "pg", name: "Praktiska Gymnasiet Stockholm", level: Level::UpperSecondary },
    SchoolSpec { id: "fbg", name: "Fredrika Bremergymnasiet", level: Level::UpperSecondary },
    SchoolSpec { id: "jg", name: "Järfälla gymnasium", level: Level::UpperSecondary },
    SchoolSpec { id: "hermods", name: "Hermods vuxenutbildning", level: Level::UpperSecondary },
    SchoolSpec { id: "lernia", name: "Lernia Vuxenutbildning", level: Level::UpperSecondary },
    SchoolSpec { id: "komvux-sthlm", name: "Komvux Stockholm, vård och omsorg", level: Level::UpperSecondary },
];

pub(super) struct ProgrammeSpec {
    pub id: &'static str,
    pub school: usize,
    pub name: &'static str,
    pub profession: usize,
    pub trained: bool,
    pub per_supervisor: u32,
    /// Share of all students of the term.
    pub share: f64,
    /// Chance that a student needs two placements this term rather than one.
    pub two_needs: f64,
    /// Placement length in open weeks, inclusive.
    pub weeks: (u32, u32),
    /// Areas the programme trains in, with relative weights.
    pub areas: &'static [(usize, u32)],
    pub cohort: Cohort,
}

/// Minors are placed where the region lets them work: elderly care, wards, primary care.
pub(super) const MINOR_AREAS: &[(usize, u32)] = &[(GER, 60), (IM, 20), (PC, 20)];

const NURSE_AREAS: &[(usize, u32)] =
    &[(IM, 30), (SURG, 20), (GER, 12), (PC, 12), (PSY, 10), (EM, 6), (PAED, 5), (ORTO, 5)];
const AN_AREAS: &[(usize, u32)] = &[(GER, 40), (IM, 20), (SURG, 10), (PC, 10), (PSY, 10), (REHAB, 5), (ORTO, 5)];
const MEDSEC_AREAS: &[(usize, u32)] = &[(PC, 30), (IM, 20), (SURG, 15), (PSY, 15), (RAD, 10), (ORTO, 10)];

const fn nurse(id: &'static str, school: usize, per_supervisor: u32, share: f64) -> ProgrammeSpec {
    ProgrammeSpec {
        id,
        school,
        name: "Sjuksköterskeprogrammet",
        profession: NURSE,
        trained: true,
        per_supervisor,
        share,
        two_needs: 0.45,
        weeks: (4, 8),
        areas: NURSE_AREAS,
        cohort: Cohort::University,
    }
}

const fn assistant_nurse(
    id: &'static str,
    school: usize,
    name: &'static str,
    share: f64,
    cohort: Cohort,
) -> ProgrammeSpec {
    ProgrammeSpec {
        id,
        school,
        name,
        profession: AN,
        trained: false,
        per_supervisor: 2,
        share,
        two_needs: 0.5,
        weeks: (3, 5),
        areas: AN_AREAS,
        cohort,
    }
}

const fn medical_secretary(id: &'static str, school: usize, share: f64) -> ProgrammeSpec {
    ProgrammeSpec {
        id,
        school,
        name: "Medicinsk sekreterare",
        profession: MEDSEC,
        trained: false,
        per_supervisor: 1,
        share,
        two_needs: 0.2,
        weeks: (5, 8),
        areas: MEDSEC_AREAS,
        cohort: Cohort::HigherVocational,
    }
}

#[allow(clippy::too_many_arguments)]
const fn university(
    id: &'static str,
    name: &'static str,
    profession: usize,
    per_supervisor: u32,
    share: f64,
    two_needs: f64,
    weeks: (u32, u32),
    areas: &'static [(usize, u32)],
) -> ProgrammeSpec {
    ProgrammeSpec {
        id,
        school: 0,
        name,
        profession,
        trained: true,
        per_supervisor,
        share,
        two_needs,
        weeks,
        areas,
        cohort: Cohort::University,
    }
}

/// Nurses and assistant nurses are the largest groups, as in the region.
pub(super) const PROGRAMMES: &[ProgrammeSpec] = &[
    nurse("ki-nurse", 0, 2, 0.12),
    nurse("shh-nurse", 1, 2, 0.055),
    nurse("rkh-nurse", 2, 1, 0.06),
    nurse("esh-nurse", 3, 2, 0.055),
    university(
        "ki-physician",
        "Läkarprogrammet",
        PHYSICIAN,
        1,
        0.09,
        0.6,
        (4, 6),
        &[(IM, 25), (SURG, 20), (PC, 15), (PSY, 10), (PAED, 8), (OBS, 8), (EM, 6), (ORTO, 5), (GER, 3)],
    ),
    university(
        "ki-physio",
        "Fysioterapeutprogrammet",
        PHYSIO,
        1,
        0.035,
        0.5,
        (4, 6),
        &[(REHAB, 35), (PC, 25), (ORTO, 20), (GER, 10), (IM, 10)],
    ),
    university(
        "ki-ot",
        "Arbetsterapeutprogrammet",
        OT,
        1,
        0.025,
        0.5,
        (4, 6),
        &[(REHAB, 35), (GER, 25), (PSY, 20), (PC, 20)],
    ),
    university("ki-biomed", "Biomedicinska analytikerprogrammet", BIOMED, 2, 0.02, 0.3, (3, 5), &[(LAB, 1)]),
    university("ki-radiographer", "Röntgensjuksköterskeprogrammet", RADIOGRAPHER, 2, 0.02, 0.5, (3, 6), &[(RAD, 1)]),
    university("ki-midwife", "Barnmorskeprogrammet", MIDWIFE, 1, 0.015, 0.5, (5, 8), &[(OBS, 1)]),
    medical_secretary("ec-medsec", 4, 0.035),
    ProgrammeSpec {
        id: "ya-usk",
        school: 5,
        name: "Specialistundersköterska, äldres hälsa och vård",
        profession: AN,
        trained: false,
        per_supervisor: 1,
        share: 0.03,
        two_needs: 0.3,
        weeks: (4, 6),
        areas: &[(GER, 70), (REHAB, 15), (IM, 15)],
        cohort: Cohort::HigherVocational,
    },
    medical_secretary("fu-medsec", 6, 0.02),
    ProgrammeSpec {
        id: "fu-usk",
        school: 6,
        name: "Specialistundersköterska, psykiatri",
        profession: AN,
        trained: false,
        per_supervisor: 1,
        share: 0.02,
        two_needs: 0.3,
        weeks: (4, 6),
        areas: &[(PSY, 1)],
        cohort: Cohort::HigherVocational,
    },
    assistant_nurse("pg-vo", 7, "Vård- och omsorgsprogrammet", 0.08, Cohort::Gymnasium),
    assistant_nurse("fbg-vo", 8, "Vård- och omsorgsprogrammet", 0.08, Cohort::Gymnasium),
    assistant_nurse("jg-vo", 9, "Vård- och omsorgsprogrammet", 0.08, Cohort::Gymnasium),
    assistant_nurse("hermods-usk", 10, "Undersköterska, vård och omsorg (komvux)", 0.06, Cohort::Komvux),
    assistant_nurse("lernia-usk", 11, "Undersköterska, vård och omsorg (komvux)", 0.05, Cohort::Komvux),
    assistant_nurse("komvux-sthlm-usk", 12, "Undersköterskeutbildning (komvux)", 0.05, Cohort::Komvux),
];

pub(super) fn schools() -> Vec<School> {
    SCHOOLS.iter().map(|s| School { id: s.id.into(), name: s.name.into(), level: s.level }).collect()
}

pub(super) fn programmes() -> Vec<Programme> {
    PROGRAMMES
        .iter()
        .map(|p| Programme {
            id: p.id.into(),
            school: SCHOOLS[p.school].id.into(),
            name: p.name.into(),
            profession: PROFESSIONS[p.profession].into(),
            trained_supervisor_required: p.trained,
            max_students_per_supervisor: p.per_supervisor,
        })
        .collect()
}

pub(super) fn level_of(programme: usize) -> Level {
    SCHOOLS[PROGRAMMES[programme].school].level
}

pub(super) fn level_index(level: Level) -> usize {
    match level {
        Level::University => 0,
        Level::HigherVocational => 1,
        Level::UpperSecondary => 2,
    }
}

/// Clearances, as bits of a mask, in the order the file lists them.
pub(super) const CLEARANCES: [&str; 3] = ["jobsh", "mrsa_screening", "record_extract"];
pub(super) const JOBSH: u8 = 1;
pub(super) const MRSA: u8 = 2;
pub(super) const RECORD_EXTRACT: u8 = 4;

pub(super) fn clearance_words(mask: u8) -> Vec<String> {
    CLEARANCES.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, w)| w.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_sum_to_one_and_schools_match_levels() {
        let total: f64 = PROGRAMMES.iter().map(|p| p.share).sum();
        assert!((total - 1.0).abs() < 1e-9, "{total}");
        for p in PROGRAMMES {
            let level = SCHOOLS[p.school].level;
            assert_eq!(p.trained, level == Level::University, "{}", p.id);
            assert!(p.weeks.0 >= 2 && p.weeks.1 <= 8 && p.weeks.0 <= p.weeks.1, "{}", p.id);
            assert_eq!(p.cohort == Cohort::University, level == Level::University, "{}", p.id);
        }
    }
}
