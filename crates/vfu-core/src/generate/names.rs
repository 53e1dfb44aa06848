//! Who the students are: names as common in Stockholm today, birth dates fitting their
//! programme, and personal identity numbers with a valid check digit.
//!
//! The numbers are well-formed but random; they are test data and may coincide with a real
//! person's, so generated terms must never be mixed with real registers.

use super::catalogue::Cohort;
use super::Gen;
use crate::personal_id::luhn_check_digit;
use chrono::{Datelike, Months, NaiveDate};
use rand::Rng;
use std::collections::HashSet;

const FEMALE: &[&str] = &[
    "Alva", "Elsa", "Maja", "Alice", "Astrid", "Vera", "Ebba", "Wilma", "Freja", "Olivia", "Agnes", "Saga", "Selma",
    "Alma", "Ella", "Stella", "Signe", "Ellen", "Clara", "Lilly", "Ines", "Elin", "Julia", "Emma", "Ida", "Hanna",
    "Sara", "Linnea", "Moa", "Matilda", "Amanda", "Johanna", "Frida", "Emelie", "Lisa", "Sofia", "Anna", "Maria",
    "Karin", "Kristina", "Lena", "Eva", "Malin", "Jenny", "Sanna", "Therese", "Camilla", "Jessica", "Fatima", "Amina",
    "Leila", "Hiba", "Nour", "Yasmin", "Zeynep", "Mariam", "Aisha", "Daniela", "Natalia", "Elena", "Tuva", "Nora",
    "Lovisa", "Tilda", "Felicia", "Rebecka", "Hedda",
];

const MALE: &[&str] = &[
    "William",
    "Liam",
    "Noah",
    "Hugo",
    "Lucas",
    "Oliver",
    "Elias",
    "Adam",
    "Alexander",
    "Nils",
    "Leo",
    "Oscar",
    "Viktor",
    "Axel",
    "Ludvig",
    "Isak",
    "Filip",
    "Anton",
    "Gustav",
    "Erik",
    "Johan",
    "Karl",
    "Anders",
    "Per",
    "Lars",
    "Mikael",
    "Fredrik",
    "Daniel",
    "Jonas",
    "Magnus",
    "Henrik",
    "Andreas",
    "Marcus",
    "Emil",
    "Simon",
    "Sebastian",
    "Jakob",
    "Albin",
    "Linus",
    "Rasmus",
    "Mohammed",
    "Ali",
    "Omar",
    "Yusuf",
    "Ibrahim",
    "Hassan",
    "Ahmed",
    "Mustafa",
    "Amir",
    "David",
    "Samuel",
    "Josef",
    "Milan",
    "Dejan",
    "Mehmet",
    "Arvid",
    "Melvin",
    "Vincent",
    "Sixten",
    "Theo",
    "Olle",
    "Kevin",
    "Robin",
    "Tobias",
];

const SURNAMES: &[&str] = &[
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Jönsson",
    "Lindberg",
    "Jakobsson",
    "Magnusson",
    "Lindström",
    "Olofsson",
    "Lindqvist",
    "Lindgren",
    "Berg",
    "Axelsson",
    "Bergström",
    "Lundberg",
    "Lind",
    "Lundgren",
    "Lundqvist",
    "Mattsson",
    "Berglund",
    "Fredriksson",
    "Sandberg",
    "Henriksson",
    "Forsberg",
    "Sjöberg",
    "Wallin",
    "Ali",
    "Engström",
    "Mohamed",
    "Eklund",
    "Danielsson",
    "Lundin",
    "Håkansson",
    "Björk",
    "Bergman",
    "Gunnarsson",
    "Holm",
    "Wikström",
    "Samuelsson",
    "Isaksson",
    "Fransson",
    "Bergqvist",
    "Nyström",
    "Holmberg",
    "Arvidsson",
    "Löfgren",
    "Söderberg",
    "Nyberg",
    "Blomqvist",
    "Claesson",
    "Nordström",
    "Ahmed",
    "Mårtensson",
    "Lundström",
    "Hassan",
    "Viklund",
    "Björklund",
    "Eliasson",
    "Pålsson",
    "Berggren",
    "Sandström",
    "Lund",
    "Nordin",
    "Ström",
    "Åberg",
    "Hermansson",
    "Ekström",
    "Falk",
    "Holmgren",
    "Dahlberg",
    "Hellström",
    "Hedlund",
    "Sundberg",
    "Sjögren",
    "Ek",
    "Blom",
    "Abrahamsson",
    "Yilmaz",
    "Nguyen",
    "Kaya",
    "Hussein",
    "Omar",
    "Nikolić",
    "Kowalski",
    "Rodríguez",
    "Haddad",
    "Khalil",
    "Öberg",
    "Strand",
    "Åkesson",
    "Nordqvist",
];

/// A student's name, birth date and personal identity number.
pub(super) struct Person {
    pub name: String,
    pub birth: NaiveDate,
    pub personal_id: String,
}

impl Person {
    /// Under 18 on the term's first day: the format's `minor`.
    pub fn minor_on(&self, day: NaiveDate) -> bool {
        self.birth.checked_add_months(Months::new(18 * 12)).is_none_or(|adult| adult > day)
    }
}

/// A new person; `taken` holds the personal identity numbers already given out, since two
/// students never share one.
pub(super) fn person(gen: &mut Gen, cohort: Cohort, taken: &mut HashSet<String>) -> Person {
    let female = gen.rng.random_bool(match cohort {
        // Nursing and care programmes are mostly women; medicine about half.
        Cohort::University => 0.72,
        _ => 0.8,
    });
    let first = if female { FEMALE } else { MALE };
    let first = first[gen.rng.random_range(0..first.len())];
    let last = SURNAMES[gen.rng.random_range(0..SURNAMES.len())];
    let name = if gen.rng.random_bool(0.06) {
        let second = SURNAMES[gen.rng.random_range(0..SURNAMES.len())];
        if second == last {
            format!("{first} {last}")
        } else {
            format!("{first} {last} {second}")
        }
    } else {
        format!("{first} {last}")
    };
    let birth = birth_date(gen, cohort);
    let mut id = personal_id(gen, birth, female);
    while !taken.insert(id.clone()) {
        id = personal_id(gen, birth, female);
    }
    Person { name, birth, personal_id: id }
}

fn birth_date(gen: &mut Gen, cohort: Cohort) -> NaiveDate {
    let r: f64 = gen.rng.random();
    let year = match cohort {
        Cohort::University => {
            if r < 0.75 {
                gen.rng.random_range(1999..=2006)
            } else {
                gen.rng.random_range(1975..=1998)
            }
        }
        Cohort::HigherVocational => gen.rng.random_range(1968..=2005),
        Cohort::Komvux => gen.rng.random_range(1962..=2007),
        // Year 3 born 2009, year 2 born 2010, a few in year 1 or repeating a year.
        Cohort::Gymnasium => match r {
            r if r < 0.04 => 2008,
            r if r < 0.49 => 2009,
            r if r < 0.92 => 2010,
            _ => 2011,
        },
    };
    let day_of_year = gen.rng.random_range(0..365);
    NaiveDate::from_yo_opt(year, day_of_year + 1).expect("day 1..=365 exists in every year")
}

/// A personnummer: birth date, a three-digit serial whose last digit is odd for men and even
/// for women, and the Luhn check digit over the last nine digits.
fn personal_id(gen: &mut Gen, birth: NaiveDate, female: bool) -> String {
    let serial = gen.rng.random_range(0..50u32) * 2 + u32::from(!female) + gen.rng.random_range(0..10u32) * 100;
    let (yy, mm, dd) = (birth.year() as u32 % 100, birth.month(), birth.day());
    let nine = [yy / 10, yy % 10, mm / 10, mm % 10, dd / 10, dd % 10, serial / 100, serial / 10 % 10, serial % 10];
    format!("{:04}{mm:02}{dd:02}{serial:03}{}", birth.year(), luhn_check_digit(&nine))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::personal_id::validate;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn personal_ids_are_valid_and_fit_the_birth_date() {
        let mut gen = Gen { rng: ChaCha8Rng::seed_from_u64(7) };
        for cohort in [Cohort::University, Cohort::HigherVocational, Cohort::Gymnasium, Cohort::Komvux] {
            let mut taken = HashSet::new();
            for _ in 0..500 {
                let p = person(&mut gen, cohort, &mut taken);
                assert_eq!(validate(&p.personal_id), Ok(()), "{}", p.personal_id);
                assert_eq!(&p.personal_id[..8], p.birth.format("%Y%m%d").to_string());
            }
        }
    }

    #[test]
    fn minors_are_under_eighteen_on_the_day() {
        let day = NaiveDate::from_ymd_opt(2027, 8, 30).unwrap();
        let born = |y, m, d| Person {
            name: String::new(),
            birth: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            personal_id: String::new(),
        };
        assert!(!born(2009, 8, 30).minor_on(day));
        assert!(born(2009, 8, 31).minor_on(day));
        assert!(!born(1990, 1, 1).minor_on(day));
    }
}
