-- One term's planning problem, exactly as a vfu-scenario/1 file holds it.
-- Natural composite keys (term_id, id) keep the SQL portable between SQLite and PostgreSQL
-- (no dialect-specific auto-increment) and make every reference a real foreign key.
-- `position` columns keep the file's order so that an export gives back what was imported.

CREATE TABLE terms (
    id                              TEXT PRIMARY KEY CHECK (id <> ''),
    name                            TEXT NOT NULL,
    first_week                      TEXT NOT NULL,
    last_week                       TEXT NOT NULL CHECK (last_week >= first_week),
    weight_unplaced                 DOUBLE PRECISION NOT NULL CHECK (weight_unplaced >= 0),
    weight_remit_shortfall_per_week DOUBLE PRECISION NOT NULL CHECK (weight_remit_shortfall_per_week >= 0),
    weight_preference_rank          DOUBLE PRECISION NOT NULL CHECK (weight_preference_rank >= 0),
    weight_unpreferred              DOUBLE PRECISION NOT NULL CHECK (weight_unpreferred >= 0),
    weight_travel_per_km            DOUBLE PRECISION NOT NULL CHECK (weight_travel_per_km >= 0)
);

CREATE TABLE term_closed_weeks (
    term_id  TEXT NOT NULL REFERENCES terms (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    week     TEXT NOT NULL,
    PRIMARY KEY (term_id, week)
);

CREATE TABLE schools (
    term_id  TEXT NOT NULL REFERENCES terms (id) ON DELETE CASCADE,
    id       TEXT NOT NULL CHECK (id <> ''),
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    level    TEXT NOT NULL CHECK (level IN ('university', 'higher_vocational', 'upper_secondary')),
    PRIMARY KEY (term_id, id)
);

CREATE TABLE programmes (
    term_id                      TEXT NOT NULL,
    id                           TEXT NOT NULL CHECK (id <> ''),
    position                     INTEGER NOT NULL,
    school_id                    TEXT NOT NULL,
    name                         TEXT NOT NULL,
    profession                   TEXT NOT NULL CHECK (profession <> ''),
    trained_supervisor_required  BOOLEAN NOT NULL,
    max_students_per_supervisor  INTEGER NOT NULL CHECK (max_students_per_supervisor >= 1),
    PRIMARY KEY (term_id, id),
    FOREIGN KEY (term_id) REFERENCES terms (id) ON DELETE CASCADE,
    FOREIGN KEY (term_id, school_id) REFERENCES schools (term_id, id) ON DELETE CASCADE
);

CREATE TABLE providers (
    term_id   TEXT NOT NULL REFERENCES terms (id) ON DELETE CASCADE,
    id        TEXT NOT NULL CHECK (id <> ''),
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL,
    ownership TEXT CHECK (ownership IN ('public', 'private')),
    PRIMARY KEY (term_id, id)
);

CREATE TABLE remit_entries (
    term_id           TEXT NOT NULL,
    provider_id       TEXT NOT NULL,
    programme_id      TEXT NOT NULL,
    position          INTEGER NOT NULL,
    min_student_weeks INTEGER NOT NULL CHECK (min_student_weeks >= 0),
    max_student_weeks INTEGER CHECK (max_student_weeks >= min_student_weeks),
    PRIMARY KEY (term_id, provider_id, programme_id),
    FOREIGN KEY (term_id, provider_id) REFERENCES providers (term_id, id) ON DELETE CASCADE,
    FOREIGN KEY (term_id, programme_id) REFERENCES programmes (term_id, id) ON DELETE CASCADE
);

CREATE TABLE units (
    term_id        TEXT NOT NULL,
    id             TEXT NOT NULL CHECK (id <> ''),
    position       INTEGER NOT NULL,
    provider_id    TEXT NOT NULL,
    name           TEXT NOT NULL,
    accepts_minors BOOLEAN NOT NULL,
    lat            DOUBLE PRECISION CHECK (lat BETWEEN -90 AND 90),
    lon            DOUBLE PRECISION CHECK (lon BETWEEN -180 AND 180),
    ipl_weeks      INTEGER CHECK (ipl_weeks >= 1),
    ipl_max_teams  INTEGER CHECK (ipl_max_teams >= 1),
    PRIMARY KEY (term_id, id),
    FOREIGN KEY (term_id, provider_id) REFERENCES providers (term_id, id) ON DELETE CASCADE,
    CHECK ((lat IS NULL) = (lon IS NULL)),
    CHECK ((ipl_weeks IS NULL) = (ipl_max_teams IS NULL))
);
CREATE INDEX units_by_provider ON units (term_id, provider_id);

CREATE TABLE unit_areas (
    term_id  TEXT NOT NULL,
    unit_id  TEXT NOT NULL,
    position INTEGER NOT NULL,
    area     TEXT NOT NULL CHECK (area <> ''),
    PRIMARY KEY (term_id, unit_id, area),
    FOREIGN KEY (term_id, unit_id) REFERENCES units (term_id, id) ON DELETE CASCADE
);

CREATE TABLE unit_levels (
    term_id  TEXT NOT NULL,
    unit_id  TEXT NOT NULL,
    position INTEGER NOT NULL,
    level    TEXT NOT NULL CHECK (level IN ('university', 'higher_vocational', 'upper_secondary')),
    PRIMARY KEY (term_id, unit_id, level),
    FOREIGN KEY (term_id, unit_id) REFERENCES units (term_id, id) ON DELETE CASCADE
);

CREATE TABLE unit_requirements (
    term_id   TEXT NOT NULL,
    unit_id   TEXT NOT NULL,
    position  INTEGER NOT NULL,
    clearance TEXT NOT NULL CHECK (clearance <> ''),
    PRIMARY KEY (term_id, unit_id, clearance),
    FOREIGN KEY (term_id, unit_id) REFERENCES units (term_id, id) ON DELETE CASCADE
);

CREATE TABLE capacity_entries (
    term_id    TEXT NOT NULL,
    unit_id    TEXT NOT NULL,
    position   INTEGER NOT NULL,
    profession TEXT NOT NULL CHECK (profession <> ''),
    from_week  TEXT,
    to_week    TEXT,
    places     INTEGER NOT NULL CHECK (places >= 0),
    PRIMARY KEY (term_id, unit_id, position),
    FOREIGN KEY (term_id, unit_id) REFERENCES units (term_id, id) ON DELETE CASCADE,
    CHECK (from_week IS NULL OR to_week IS NULL OR from_week <= to_week)
);

CREATE TABLE supervisors (
    term_id      TEXT NOT NULL,
    id           TEXT NOT NULL CHECK (id <> ''),
    unit_id      TEXT NOT NULL,
    position     INTEGER NOT NULL,
    profession   TEXT NOT NULL CHECK (profession <> ''),
    trained      BOOLEAN NOT NULL,
    max_students INTEGER NOT NULL CHECK (max_students >= 1),
    from_week    TEXT,
    to_week      TEXT,
    PRIMARY KEY (term_id, id),
    FOREIGN KEY (term_id, unit_id) REFERENCES units (term_id, id) ON DELETE CASCADE,
    CHECK (from_week IS NULL OR to_week IS NULL OR from_week <= to_week)
);
CREATE INDEX supervisors_by_unit ON supervisors (term_id, unit_id);

CREATE TABLE ipl_team_members (
    term_id    TEXT NOT NULL,
    unit_id    TEXT NOT NULL,
    profession TEXT NOT NULL CHECK (profession <> ''),
    team_count INTEGER NOT NULL CHECK (team_count >= 1),
    PRIMARY KEY (term_id, unit_id, profession),
    FOREIGN KEY (term_id, unit_id) REFERENCES units (term_id, id) ON DELETE CASCADE
);

CREATE TABLE ipl_starts (
    term_id  TEXT NOT NULL,
    unit_id  TEXT NOT NULL,
    position INTEGER NOT NULL,
    week     TEXT NOT NULL,
    PRIMARY KEY (term_id, unit_id, week),
    FOREIGN KEY (term_id, unit_id) REFERENCES units (term_id, id) ON DELETE CASCADE
);

CREATE TABLE students (
    term_id      TEXT NOT NULL,
    id           TEXT NOT NULL CHECK (id <> ''),
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    personal_id  TEXT NOT NULL CHECK (length(personal_id) = 12),
    programme_id TEXT NOT NULL,
    minor        BOOLEAN NOT NULL,
    home_lat     DOUBLE PRECISION CHECK (home_lat BETWEEN -90 AND 90),
    home_lon     DOUBLE PRECISION CHECK (home_lon BETWEEN -180 AND 180),
    PRIMARY KEY (term_id, id),
    FOREIGN KEY (term_id, programme_id) REFERENCES programmes (term_id, id) ON DELETE CASCADE,
    CHECK ((home_lat IS NULL) = (home_lon IS NULL))
);

CREATE TABLE student_exclusions (
    term_id    TEXT NOT NULL,
    student_id TEXT NOT NULL,
    position   INTEGER NOT NULL,
    unit_id    TEXT NOT NULL,
    PRIMARY KEY (term_id, student_id, unit_id),
    FOREIGN KEY (term_id, student_id) REFERENCES students (term_id, id) ON DELETE CASCADE,
    FOREIGN KEY (term_id, unit_id) REFERENCES units (term_id, id) ON DELETE CASCADE
);

CREATE TABLE student_clearances (
    term_id    TEXT NOT NULL,
    student_id TEXT NOT NULL,
    position   INTEGER NOT NULL,
    clearance  TEXT NOT NULL CHECK (clearance <> ''),
    PRIMARY KEY (term_id, student_id, clearance),
    FOREIGN KEY (term_id, student_id) REFERENCES students (term_id, id) ON DELETE CASCADE
);

CREATE TABLE needs (
    term_id    TEXT NOT NULL,
    id         TEXT NOT NULL CHECK (id <> ''),
    student_id TEXT NOT NULL,
    position   INTEGER NOT NULL,
    area       TEXT NOT NULL CHECK (area <> ''),
    weeks      INTEGER NOT NULL CHECK (weeks >= 1),
    earliest   TEXT,
    latest     TEXT,
    ipl        BOOLEAN NOT NULL,
    priority   INTEGER NOT NULL CHECK (priority >= 1),
    PRIMARY KEY (term_id, id),
    FOREIGN KEY (term_id, student_id) REFERENCES students (term_id, id) ON DELETE CASCADE,
    CHECK (earliest IS NULL OR latest IS NULL OR earliest <= latest)
);
CREATE INDEX needs_by_student ON needs (term_id, student_id);

CREATE TABLE need_preferences (
    term_id TEXT NOT NULL,
    need_id TEXT NOT NULL,
    rank    INTEGER NOT NULL CHECK (rank >= 1),
    unit_id TEXT NOT NULL,
    PRIMARY KEY (term_id, need_id, rank),
    UNIQUE (term_id, need_id, unit_id),
    FOREIGN KEY (term_id, need_id) REFERENCES needs (term_id, id) ON DELETE CASCADE,
    FOREIGN KEY (term_id, unit_id) REFERENCES units (term_id, id) ON DELETE CASCADE
);

CREATE TABLE locked_placements (
    term_id       TEXT NOT NULL,
    need_id       TEXT NOT NULL,
    position      INTEGER NOT NULL,
    unit_id       TEXT NOT NULL,
    supervisor_id TEXT NOT NULL,
    start_week    TEXT NOT NULL,
    PRIMARY KEY (term_id, need_id),
    FOREIGN KEY (term_id, need_id) REFERENCES needs (term_id, id) ON DELETE CASCADE,
    FOREIGN KEY (term_id, unit_id) REFERENCES units (term_id, id) ON DELETE CASCADE,
    FOREIGN KEY (term_id, supervisor_id) REFERENCES supervisors (term_id, id) ON DELETE CASCADE
);
