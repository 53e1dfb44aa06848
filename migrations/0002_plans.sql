-- Plans of a term, the audit trail of what coordinators changed by hand, and the log of
-- scenario edits that undo walks back.
--
-- Version 0 is the working draft (what matching writes and manual changes edit); publishing
-- copies it to the next version number, which is never changed again. Placements name needs and
-- units without foreign keys to them: a plan is a record of a decision, and an edit of the
-- scenario afterwards must not silently rewrite it (the checker reports what no longer fits).

CREATE TABLE plan_versions (
    term_id       TEXT NOT NULL REFERENCES terms (id) ON DELETE CASCADE,
    version       INTEGER NOT NULL CHECK (version >= 0),
    objective     DOUBLE PRECISION NOT NULL,
    bound         DOUBLE PRECISION,
    solver_status TEXT NOT NULL,
    extra         TEXT NOT NULL DEFAULT '{}',
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (term_id, version)
);

CREATE TABLE plan_placements (
    term_id       TEXT NOT NULL,
    version       INTEGER NOT NULL,
    need_id       TEXT NOT NULL,
    position      INTEGER NOT NULL,
    student_id    TEXT NOT NULL,
    unit_id       TEXT NOT NULL,
    supervisor_id TEXT NOT NULL,
    start_week    TEXT NOT NULL,
    PRIMARY KEY (term_id, version, need_id),
    FOREIGN KEY (term_id, version) REFERENCES plan_versions (term_id, version) ON DELETE CASCADE
);

CREATE TABLE plan_unplaced (
    term_id    TEXT NOT NULL,
    version    INTEGER NOT NULL,
    need_id    TEXT NOT NULL,
    position   INTEGER NOT NULL,
    student_id TEXT NOT NULL,
    reason     TEXT NOT NULL CHECK (reason IN
                   ('no_eligible_unit', 'no_capacity', 'student_conflict', 'remit_limit', 'ipl_team', 'other')),
    detail     TEXT NOT NULL,
    PRIMARY KEY (term_id, version, need_id),
    FOREIGN KEY (term_id, version) REFERENCES plan_versions (term_id, version) ON DELETE CASCADE
);

-- Every change to a term's plan: matching runs, manual moves (with the coordinator's reason),
-- locks, publications. Never updated or deleted while the term exists.
CREATE TABLE plan_changes (
    term_id           TEXT NOT NULL REFERENCES terms (id) ON DELETE CASCADE,
    seq               INTEGER NOT NULL,
    action            TEXT NOT NULL CHECK (action IN
                          ('matching', 'place', 'unplace', 'lock', 'unlock', 'publish', 'import_plan')),
    need_id           TEXT,
    before_unit       TEXT,
    before_supervisor TEXT,
    before_start      TEXT,
    after_unit        TEXT,
    after_supervisor  TEXT,
    after_start       TEXT,
    reason            TEXT NOT NULL,
    created_at        TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (term_id, seq)
);

-- Scenario edits made in the app, each with the edit that undoes it (JSON of a ScenarioEdit).
CREATE TABLE scenario_edits (
    term_id    TEXT NOT NULL REFERENCES terms (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    entity_id  TEXT,
    action     TEXT NOT NULL CHECK (action IN ('added', 'changed', 'removed')),
    inverse    TEXT NOT NULL,
    undone     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (term_id, seq)
);
