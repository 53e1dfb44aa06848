//! Bulk inserts: rows go in as multi-row `INSERT … VALUES (…), (…)` statements, a few
//! thousand values each, because one statement per row makes a 10,000-student import take
//! tens of seconds.

use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

/// One value of a row.
pub(crate) enum Cell {
    Text(String),
    OptText(Option<String>),
    Int(i64),
    OptInt(Option<i64>),
    OptReal(Option<f64>),
    Real(f64),
    Bool(bool),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}
impl From<&String> for Cell {
    fn from(s: &String) -> Cell {
        Cell::Text(s.clone())
    }
}
impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}
impl From<u32> for Cell {
    fn from(n: u32) -> Cell {
        Cell::Int(i64::from(n))
    }
}
impl From<usize> for Cell {
    fn from(n: usize) -> Cell {
        Cell::Int(n as i64)
    }
}
impl From<Option<u32>> for Cell {
    fn from(n: Option<u32>) -> Cell {
        Cell::OptInt(n.map(i64::from))
    }
}
impl From<bool> for Cell {
    fn from(b: bool) -> Cell {
        Cell::Bool(b)
    }
}
impl From<f64> for Cell {
    fn from(x: f64) -> Cell {
        Cell::Real(x)
    }
}
impl From<Option<f64>> for Cell {
    fn from(x: Option<f64>) -> Cell {
        Cell::OptReal(x)
    }
}
impl From<Option<String>> for Cell {
    fn from(s: Option<String>) -> Cell {
        Cell::OptText(s)
    }
}

/// Builds a row from values convertible to cells.
macro_rules! row {
    ($($value:expr),* $(,)?) => { vec![$($crate::rows::Cell::from($value)),*] };
}
pub(crate) use row;

/// Bound parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535.
const MAX_PARAMETERS: usize = 30_000;

/// Inserts `rows` (each with one value per column) into `table`.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Cell>>,
) -> Result<(), sqlx::Error> {
    let per_statement = (MAX_PARAMETERS / columns.len()).max(1);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<Vec<Cell>> = rows.by_ref().take(per_statement).collect();
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(format!("INSERT INTO {table} ({}) ", columns.join(", ")));
        q.push_values(chunk, |mut b, row| {
            debug_assert_eq!(row.len(), columns.len(), "row shape of {table}");
            for cell in row {
                match cell {
                    Cell::Text(s) => b.push_bind(s),
                    Cell::OptText(s) => b.push_bind(s),
                    Cell::Int(n) => b.push_bind(n),
                    Cell::OptInt(n) => b.push_bind(n),
                    Cell::OptReal(x) => b.push_bind(x),
                    Cell::Real(x) => b.push_bind(x),
                    Cell::Bool(v) => b.push_bind(v),
                };
            }
        });
        q.build().execute(&mut *conn).await?;
    }
    Ok(())
}
