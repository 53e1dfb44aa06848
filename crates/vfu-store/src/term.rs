//! One term's tables: writing a scenario into them and reading it back.

use crate::rows::{insert as insert_rows, row};
use crate::StoreError;
use sqlx::SqliteConnection;
use std::collections::{BTreeMap, HashMap};
use vfu_core::model::*;
use vfu_core::Week;

fn week_text(w: Option<Week>) -> Option<String> {
    w.map(|w| w.to_string())
}

/// Writes every table of one term. The caller owns the transaction.
pub(crate) async fn insert(conn: &mut SqliteConnection, s: &Scenario) -> Result<(), StoreError> {
    let t = &s.term;
    let w = &s.weights;
    insert_rows(
        conn,
        "terms",
        &[
            "id",
            "name",
            "first_week",
            "last_week",
            "weight_unplaced",
            "weight_remit_shortfall_per_week",
            "weight_preference_rank",
            "weight_unpreferred",
            "weight_travel_per_km",
        ],
        vec![row![
            &t.id,
            &t.name,
            t.first_week.to_string(),
            t.last_week.to_string(),
            w.unplaced,
            w.remit_shortfall_per_week,
            w.preference_rank,
            w.unpreferred,
            w.travel_per_km
        ]],
    )
    .await?;
    insert_contents(conn, s).await
}

/// Replaces everything of a stored term but its id (and its plans, which are records of their
/// own): the term's weeks and weights and every entity. The caller owns the transaction.
pub(crate) async fn replace(conn: &mut SqliteConnection, s: &Scenario) -> Result<(), StoreError> {
    let t = &s.term;
    let w = &s.weights;
    let done = sqlx::query(
        "UPDATE terms SET name = $2, first_week = $3, last_week = $4, weight_unplaced = $5, \
         weight_remit_shortfall_per_week = $6, weight_preference_rank = $7, weight_unpreferred = $8, \
         weight_travel_per_km = $9 WHERE id = $1",
    )
    .bind(&t.id)
    .bind(&t.name)
    .bind(t.first_week.to_string())
    .bind(t.last_week.to_string())
    .bind(w.unplaced)
    .bind(w.remit_shortfall_per_week)
    .bind(w.preference_rank)
    .bind(w.unpreferred)
    .bind(w.travel_per_km)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::TermNotFound(t.id.clone()));
    }
    // Children first where no cascade reaches: every other table hangs off these by ON DELETE CASCADE.
    for table in ["locked_placements", "students", "units", "providers", "programmes", "schools", "term_closed_weeks"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE term_id = $1")).bind(&t.id).execute(&mut *conn).await?;
    }
    insert_contents(conn, s).await
}

/// Writes the term's closed weeks and every entity (the term row exists).
async fn insert_contents(conn: &mut SqliteConnection, s: &Scenario) -> Result<(), StoreError> {
    let t = &s.term;
    let id = t.id.as_str();
    let closed = t.closed_weeks.iter().enumerate().map(|(i, wk)| row![id, i, wk.to_string()]).collect();
    insert_rows(conn, "term_closed_weeks", &["term_id", "position", "week"], closed).await?;

    let schools = s.schools.iter().enumerate().map(|(i, x)| row![id, &x.id, i, &x.name, x.level.as_str()]).collect();
    insert_rows(conn, "schools", &["term_id", "id", "position", "name", "level"], schools).await?;

    let programmes = s
        .programmes
        .iter()
        .enumerate()
        .map(|(i, p)| {
            row![
                id,
                &p.id,
                i,
                &p.school,
                &p.name,
                &p.profession,
                p.trained_supervisor_required,
                p.max_students_per_supervisor
            ]
        })
        .collect();
    insert_rows(
        conn,
        "programmes",
        &[
            "term_id",
            "id",
            "position",
            "school_id",
            "name",
            "profession",
            "trained_supervisor_required",
            "max_students_per_supervisor",
        ],
        programmes,
    )
    .await?;

    let providers = s
        .providers
        .iter()
        .enumerate()
        .map(|(i, p)| row![id, &p.id, i, &p.name, p.ownership.map(|o| o.as_str().to_string())])
        .collect();
    insert_rows(conn, "providers", &["term_id", "id", "position", "name", "ownership"], providers).await?;
    let remits = s
        .providers
        .iter()
        .flat_map(|p| {
            p.remit
                .iter()
                .enumerate()
                .map(move |(i, r)| row![id, &p.id, &r.programme, i, r.min_student_weeks, r.max_student_weeks])
        })
        .collect();
    insert_rows(
        conn,
        "remit_entries",
        &["term_id", "provider_id", "programme_id", "position", "min_student_weeks", "max_student_weeks"],
        remits,
    )
    .await?;

    insert_units(conn, id, &s.units).await?;
    insert_students(conn, id, &s.students).await?;

    let locks = s
        .locked
        .iter()
        .enumerate()
        .map(|(i, l)| row![id, &l.need, i, &l.unit, &l.supervisor, l.start.to_string()])
        .collect();
    insert_rows(
        conn,
        "locked_placements",
        &["term_id", "need_id", "position", "unit_id", "supervisor_id", "start_week"],
        locks,
    )
    .await?;
    Ok(())
}

async fn insert_units(conn: &mut SqliteConnection, id: &str, units: &[Unit]) -> Result<(), StoreError> {
    let rows = units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            row![
                id,
                &u.id,
                i,
                &u.provider,
                &u.name,
                u.accepts_minors,
                u.location.map(|l| l.lat),
                u.location.map(|l| l.lon),
                u.ipl.as_ref().map(|x| x.weeks),
                u.ipl.as_ref().map(|x| x.max_teams)
            ]
        })
        .collect();
    insert_rows(
        conn,
        "units",
        &[
            "term_id",
            "id",
            "position",
            "provider_id",
            "name",
            "accepts_minors",
            "lat",
            "lon",
            "ipl_weeks",
            "ipl_max_teams",
        ],
        rows,
    )
    .await?;
    let words = |pick: fn(&Unit) -> Vec<String>| {
        units
            .iter()
            .flat_map(|u| pick(u).into_iter().enumerate().map(move |(i, w)| row![id, &u.id, i, w]))
            .collect::<Vec<_>>()
    };
    insert_rows(conn, "unit_areas", &["term_id", "unit_id", "position", "area"], words(|u| u.areas.clone())).await?;
    insert_rows(
        conn,
        "unit_levels",
        &["term_id", "unit_id", "position", "level"],
        words(|u| u.levels.iter().map(|l| l.as_str().to_string()).collect()),
    )
    .await?;
    insert_rows(
        conn,
        "unit_requirements",
        &["term_id", "unit_id", "position", "clearance"],
        words(|u| u.requirements.clone()),
    )
    .await?;
    let capacity = units
        .iter()
        .flat_map(|u| {
            u.capacity
                .iter()
                .enumerate()
                .map(move |(i, c)| row![id, &u.id, i, &c.profession, week_text(c.from), week_text(c.to), c.places])
        })
        .collect();
    insert_rows(
        conn,
        "capacity_entries",
        &["term_id", "unit_id", "position", "profession", "from_week", "to_week", "places"],
        capacity,
    )
    .await?;
    let supervisors = units
        .iter()
        .flat_map(|u| {
            u.supervisors.iter().enumerate().map(move |(i, h)| {
                row![id, &h.id, &u.id, i, &h.profession, h.trained, h.max_students, week_text(h.from), week_text(h.to)]
            })
        })
        .collect();
    insert_rows(
        conn,
        "supervisors",
        &["term_id", "id", "unit_id", "position", "profession", "trained", "max_students", "from_week", "to_week"],
        supervisors,
    )
    .await?;
    let team = units
        .iter()
        .filter_map(|u| Some((u, u.ipl.as_ref()?)))
        .flat_map(|(u, ipl)| ipl.team.iter().map(move |(p, n)| row![id, &u.id, p, *n]))
        .collect();
    insert_rows(conn, "ipl_team_members", &["term_id", "unit_id", "profession", "team_count"], team).await?;
    let starts = units
        .iter()
        .filter_map(|u| Some((u, u.ipl.as_ref()?)))
        .flat_map(|(u, ipl)| ipl.starts.iter().enumerate().map(move |(i, w)| row![id, &u.id, i, w.to_string()]))
        .collect();
    insert_rows(conn, "ipl_starts", &["term_id", "unit_id", "position", "week"], starts).await?;
    Ok(())
}

async fn insert_students(conn: &mut SqliteConnection, id: &str, students: &[Student]) -> Result<(), StoreError> {
    let rows = students
        .iter()
        .enumerate()
        .map(|(i, st)| {
            row![
                id,
                &st.id,
                i,
                &st.name,
                &st.personal_id,
                &st.programme,
                st.minor,
                st.home.map(|h| h.lat),
                st.home.map(|h| h.lon)
            ]
        })
        .collect();
    insert_rows(
        conn,
        "students",
        &["term_id", "id", "position", "name", "personal_id", "programme_id", "minor", "home_lat", "home_lon"],
        rows,
    )
    .await?;
    let exclusions = students
        .iter()
        .flat_map(|st| st.excluded_units.iter().enumerate().map(move |(i, u)| row![id, &st.id, i, u]))
        .collect();
    insert_rows(conn, "student_exclusions", &["term_id", "student_id", "position", "unit_id"], exclusions).await?;
    let clearances = students
        .iter()
        .flat_map(|st| st.clearances.iter().enumerate().map(move |(i, c)| row![id, &st.id, i, c]))
        .collect();
    insert_rows(conn, "student_clearances", &["term_id", "student_id", "position", "clearance"], clearances).await?;
    let needs = students
        .iter()
        .flat_map(|st| {
            st.needs.iter().enumerate().map(move |(i, n)| {
                row![
                    id,
                    &n.id,
                    &st.id,
                    i,
                    &n.area,
                    n.weeks,
                    week_text(n.earliest),
                    week_text(n.latest),
                    n.ipl,
                    n.priority
                ]
            })
        })
        .collect();
    insert_rows(
        conn,
        "needs",
        &["term_id", "id", "student_id", "position", "area", "weeks", "earliest", "latest", "ipl", "priority"],
        needs,
    )
    .await?;
    let preferences = students
        .iter()
        .flat_map(|st| &st.needs)
        .flat_map(|n| n.preferences.iter().enumerate().map(move |(i, u)| row![id, &n.id, i + 1, u]))
        .collect();
    insert_rows(conn, "need_preferences", &["term_id", "need_id", "rank", "unit_id"], preferences).await?;
    Ok(())
}

/// Turns stored text back into domain values, reporting damage by term.
pub(crate) struct Decoder<'a> {
    pub(crate) term: &'a str,
}

impl Decoder<'_> {
    pub(crate) fn corrupt(&self, detail: String) -> StoreError {
        StoreError::Corrupt { term: self.term.to_string(), detail }
    }

    pub(crate) fn week(&self, text: &str) -> Result<Week, StoreError> {
        text.parse().map_err(|_| self.corrupt(format!("\"{text}\" is not a week")))
    }

    pub(crate) fn opt_week(&self, text: Option<String>) -> Result<Option<Week>, StoreError> {
        text.map(|t| self.week(&t)).transpose()
    }

    fn count(&self, n: i64) -> Result<u32, StoreError> {
        u32::try_from(n).map_err(|_| self.corrupt(format!("{n} is not a count")))
    }

    fn level(&self, text: &str) -> Result<Level, StoreError> {
        Level::parse(text).ok_or_else(|| self.corrupt(format!("\"{text}\" is not a level")))
    }

    fn point(&self, lat: Option<f64>, lon: Option<f64>) -> Option<GeoPoint> {
        Some(GeoPoint { lat: lat?, lon: lon? })
    }
}

/// Groups child rows by their parent id, keeping the stored order.
fn grouped<T>(rows: impl IntoIterator<Item = (String, T)>) -> HashMap<String, Vec<T>> {
    let mut map: HashMap<String, Vec<T>> = HashMap::new();
    for (parent, item) in rows {
        map.entry(parent).or_default().push(item);
    }
    map
}

type TermRow = (String, String, String, f64, f64, f64, f64, f64);
type CapacityRow = (String, String, Option<String>, Option<String>, i64);
type UnitRow = (String, String, String, bool, Option<f64>, Option<f64>, Option<i64>, Option<i64>);
type SupervisorRow = (String, String, String, bool, i64, Option<String>, Option<String>);
type StudentRow = (String, String, String, String, bool, Option<f64>, Option<f64>);
type NeedRow = (String, String, String, i64, Option<String>, Option<String>, bool, i64);

/// Reads one term back as a scenario.
pub(crate) async fn load(conn: &mut SqliteConnection, term_id: &str) -> Result<Scenario, StoreError> {
    let d = Decoder { term: term_id };
    let term_row: Option<TermRow> = sqlx::query_as(
        "SELECT name, first_week, last_week, weight_unplaced, weight_remit_shortfall_per_week, \
         weight_preference_rank, weight_unpreferred, weight_travel_per_km FROM terms WHERE id = $1",
    )
    .bind(term_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((name, first, last, unplaced, remit, rank, unpreferred, travel)) = term_row else {
        return Err(StoreError::TermNotFound(term_id.to_string()));
    };
    let closed: Vec<(String,)> =
        sqlx::query_as("SELECT week FROM term_closed_weeks WHERE term_id = $1 ORDER BY position")
            .bind(term_id)
            .fetch_all(&mut *conn)
            .await?;
    let term = Term {
        id: term_id.to_string(),
        name,
        first_week: d.week(&first)?,
        last_week: d.week(&last)?,
        closed_weeks: closed.iter().map(|(w,)| d.week(w)).collect::<Result<_, _>>()?,
    };

    let schools: Vec<(String, String, String)> =
        sqlx::query_as("SELECT id, name, level FROM schools WHERE term_id = $1 ORDER BY position")
            .bind(term_id)
            .fetch_all(&mut *conn)
            .await?;
    let schools = schools
        .into_iter()
        .map(|(id, name, level)| Ok(School { id, name, level: d.level(&level)? }))
        .collect::<Result<_, StoreError>>()?;

    let programmes: Vec<(String, String, String, String, bool, i64)> = sqlx::query_as(
        "SELECT id, school_id, name, profession, trained_supervisor_required, max_students_per_supervisor \
         FROM programmes WHERE term_id = $1 ORDER BY position",
    )
    .bind(term_id)
    .fetch_all(&mut *conn)
    .await?;
    let programmes = programmes
        .into_iter()
        .map(|(id, school, name, profession, trained, max)| {
            Ok(Programme {
                id,
                school,
                name,
                profession,
                trained_supervisor_required: trained,
                max_students_per_supervisor: d.count(max)?,
            })
        })
        .collect::<Result<_, StoreError>>()?;

    let remits: Vec<(String, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT provider_id, programme_id, min_student_weeks, max_student_weeks FROM remit_entries \
         WHERE term_id = $1 ORDER BY provider_id, position",
    )
    .bind(term_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut remits = grouped(remits.into_iter().map(|(p, prog, min, max)| (p, (prog, min, max))));
    let providers: Vec<(String, String, Option<String>)> =
        sqlx::query_as("SELECT id, name, ownership FROM providers WHERE term_id = $1 ORDER BY position")
            .bind(term_id)
            .fetch_all(&mut *conn)
            .await?;
    let providers = providers
        .into_iter()
        .map(|(id, name, ownership)| {
            let ownership = match ownership {
                Some(o) => Some(Ownership::parse(&o).ok_or_else(|| d.corrupt(format!("\"{o}\" is not an ownership")))?),
                None => None,
            };
            let remit = remits
                .remove(&id)
                .unwrap_or_default()
                .into_iter()
                .map(|(programme, min, max)| {
                    Ok(RemitEntry {
                        programme,
                        min_student_weeks: d.count(min)?,
                        max_student_weeks: max.map(|m| d.count(m)).transpose()?,
                    })
                })
                .collect::<Result<_, StoreError>>()?;
            Ok(Provider { id, name, ownership, remit })
        })
        .collect::<Result<_, StoreError>>()?;

    let units = load_units(conn, &d, term_id).await?;
    let students = load_students(conn, &d, term_id).await?;

    let locks: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT need_id, unit_id, supervisor_id, start_week FROM locked_placements WHERE term_id = $1 ORDER BY position",
    )
    .bind(term_id)
    .fetch_all(&mut *conn)
    .await?;
    let locked = locks
        .into_iter()
        .map(|(need, unit, supervisor, start)| Ok(LockedPlacement { need, unit, supervisor, start: d.week(&start)? }))
        .collect::<Result<_, StoreError>>()?;

    Ok(Scenario {
        term,
        schools,
        programmes,
        providers,
        units,
        students,
        locked,
        weights: Weights {
            unplaced,
            remit_shortfall_per_week: remit,
            preference_rank: rank,
            unpreferred,
            travel_per_km: travel,
        },
    })
}

/// The words of a per-unit or per-student list table, grouped by parent in stored order.
async fn word_lists(
    conn: &mut SqliteConnection,
    sql: &str,
    term_id: &str,
) -> Result<HashMap<String, Vec<String>>, StoreError> {
    let rows: Vec<(String, String)> = sqlx::query_as(sql).bind(term_id).fetch_all(&mut *conn).await?;
    Ok(grouped(rows))
}

async fn load_units(conn: &mut SqliteConnection, d: &Decoder<'_>, term_id: &str) -> Result<Vec<Unit>, StoreError> {
    let mut areas =
        word_lists(conn, "SELECT unit_id, area FROM unit_areas WHERE term_id = $1 ORDER BY unit_id, position", term_id)
            .await?;
    let mut levels = word_lists(
        conn,
        "SELECT unit_id, level FROM unit_levels WHERE term_id = $1 ORDER BY unit_id, position",
        term_id,
    )
    .await?;
    let mut requirements = word_lists(
        conn,
        "SELECT unit_id, clearance FROM unit_requirements WHERE term_id = $1 ORDER BY unit_id, position",
        term_id,
    )
    .await?;
    let capacity: Vec<CapacityRow> = sqlx::query_as(
        "SELECT unit_id, profession, from_week, to_week, places FROM capacity_entries \
         WHERE term_id = $1 ORDER BY unit_id, position",
    )
    .bind(term_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut capacity = grouped(capacity.into_iter().map(|(u, p, f, t, n)| (u, (p, f, t, n))));
    let supervisors: Vec<SupervisorRow> = sqlx::query_as(
        "SELECT unit_id, id, profession, trained, max_students, from_week, to_week FROM supervisors \
         WHERE term_id = $1 ORDER BY unit_id, position",
    )
    .bind(term_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut supervisors = grouped(supervisors.into_iter().map(|(u, id, p, t, m, f, to)| (u, (id, p, t, m, f, to))));
    let team: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT unit_id, profession, team_count FROM ipl_team_members WHERE term_id = $1 ORDER BY unit_id, profession",
    )
    .bind(term_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut teams = grouped(team.into_iter().map(|(u, p, n)| (u, (p, n))));
    let mut starts =
        word_lists(conn, "SELECT unit_id, week FROM ipl_starts WHERE term_id = $1 ORDER BY unit_id, position", term_id)
            .await?;

    let units: Vec<UnitRow> = sqlx::query_as(
        "SELECT id, provider_id, name, accepts_minors, lat, lon, ipl_weeks, ipl_max_teams FROM units \
         WHERE term_id = $1 ORDER BY position",
    )
    .bind(term_id)
    .fetch_all(&mut *conn)
    .await?;
    units
        .into_iter()
        .map(|(id, provider, name, accepts_minors, lat, lon, ipl_weeks, ipl_max_teams)| {
            let ipl = match (ipl_weeks, ipl_max_teams) {
                (Some(weeks), Some(max_teams)) => Some(IplWard {
                    team: teams
                        .remove(&id)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(p, n)| Ok((p, d.count(n)?)))
                        .collect::<Result<BTreeMap<_, _>, StoreError>>()?,
                    weeks: d.count(weeks)?,
                    starts: starts
                        .remove(&id)
                        .unwrap_or_default()
                        .iter()
                        .map(|w| d.week(w))
                        .collect::<Result<_, _>>()?,
                    max_teams: d.count(max_teams)?,
                }),
                _ => None,
            };
            Ok(Unit {
                areas: areas.remove(&id).unwrap_or_default(),
                levels: levels.remove(&id).unwrap_or_default().iter().map(|l| d.level(l)).collect::<Result<_, _>>()?,
                requirements: requirements.remove(&id).unwrap_or_default(),
                capacity: capacity
                    .remove(&id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(profession, from, to, places)| {
                        Ok(CapacityEntry {
                            profession,
                            from: d.opt_week(from)?,
                            to: d.opt_week(to)?,
                            places: d.count(places)?,
                        })
                    })
                    .collect::<Result<_, StoreError>>()?,
                supervisors: supervisors
                    .remove(&id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(id, profession, trained, max, from, to)| {
                        Ok(Supervisor {
                            id,
                            profession,
                            trained,
                            max_students: d.count(max)?,
                            from: d.opt_week(from)?,
                            to: d.opt_week(to)?,
                        })
                    })
                    .collect::<Result<_, StoreError>>()?,
                location: d.point(lat, lon),
                ipl,
                id,
                provider,
                name,
                accepts_minors,
            })
        })
        .collect()
}

async fn load_students(
    conn: &mut SqliteConnection,
    d: &Decoder<'_>,
    term_id: &str,
) -> Result<Vec<Student>, StoreError> {
    let mut exclusions = word_lists(
        conn,
        "SELECT student_id, unit_id FROM student_exclusions WHERE term_id = $1 ORDER BY student_id, position",
        term_id,
    )
    .await?;
    let mut clearances = word_lists(
        conn,
        "SELECT student_id, clearance FROM student_clearances WHERE term_id = $1 ORDER BY student_id, position",
        term_id,
    )
    .await?;
    let mut preferences = word_lists(
        conn,
        "SELECT need_id, unit_id FROM need_preferences WHERE term_id = $1 ORDER BY need_id, rank",
        term_id,
    )
    .await?;
    let needs: Vec<NeedRow> = sqlx::query_as(
        "SELECT student_id, id, area, weeks, earliest, latest, ipl, priority FROM needs \
         WHERE term_id = $1 ORDER BY student_id, position",
    )
    .bind(term_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut needs = grouped(needs.into_iter().map(|(s, id, a, w, e, l, i, p)| (s, (id, a, w, e, l, i, p))));
    let students: Vec<StudentRow> = sqlx::query_as(
        "SELECT id, name, personal_id, programme_id, minor, home_lat, home_lon FROM students \
         WHERE term_id = $1 ORDER BY position",
    )
    .bind(term_id)
    .fetch_all(&mut *conn)
    .await?;
    students
        .into_iter()
        .map(|(id, name, personal_id, programme, minor, lat, lon)| {
            let student_needs = needs
                .remove(&id)
                .unwrap_or_default()
                .into_iter()
                .map(|(need_id, area, weeks, earliest, latest, ipl, priority)| {
                    Ok(Need {
                        preferences: preferences.remove(&need_id).unwrap_or_default(),
                        id: need_id,
                        area,
                        weeks: d.count(weeks)?,
                        earliest: d.opt_week(earliest)?,
                        latest: d.opt_week(latest)?,
                        ipl,
                        priority: d.count(priority)?,
                    })
                })
                .collect::<Result<_, StoreError>>()?;
            Ok(Student {
                excluded_units: exclusions.remove(&id).unwrap_or_default(),
                clearances: clearances.remove(&id).unwrap_or_default(),
                home: d.point(lat, lon),
                needs: student_needs,
                id,
                name,
                personal_id,
                programme,
                minor,
            })
        })
        .collect()
}
