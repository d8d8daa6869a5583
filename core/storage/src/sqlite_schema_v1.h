// The DDL of schema version 1 (private to core; used by the first
// migration step in sqlite_schema.cpp). A released version is never edited:
// a change is a new migration step.
#pragma once

namespace lfr::sqlite {

// Schema version 1. Every scenario owns a snapshot of the force data it
// plans over: every other table is keyed by (scenario_id, ...) and hangs
// off scenarios with ON DELETE CASCADE (the plan's tables through plans).
// References inside a scenario are plain (NO ACTION) foreign keys that
// include scenario_id, so they never cross scenarios. A scenario is only
// ever deleted whole, children first (see deleteScenarioRows), so those
// checks meet empty ranges of primary keys and need no extra indexes; the
// one index kept makes a bare "DELETE FROM scenarios" in a shell cheap too.
// List order is kept in `ord` columns. Dates are 'YYYY-MM-DD' (real
// calendar days in scenario_dates; every other date column refers to one
// of them), times 'HH:MM'.
inline constexpr const char *kSchemaV1 = R"sql(
CREATE TABLE schema_info (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    min_compatible_version INTEGER NOT NULL CHECK (min_compatible_version >= 1)
) STRICT;

CREATE TABLE scenarios (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    max_deployments INTEGER NOT NULL CHECK (max_deployments >= 0),
    max_days INTEGER NOT NULL CHECK (max_days >= 0),
    max_per_date INTEGER CHECK (max_per_date >= 0),
    max_duties_per_officer INTEGER NOT NULL CHECK (max_duties_per_officer >= 0),
    travel_weight REAL NOT NULL CHECK (travel_weight >= 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE scenario_dates (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    ord INTEGER NOT NULL CHECK (ord >= 0),
    date TEXT NOT NULL CHECK (length(date) = 10
        AND date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'
        AND date >= '0001-01-01' AND date(date, '+0 days') IS date),
    PRIMARY KEY (scenario_id, ord),
    UNIQUE (scenario_id, date)
) STRICT, WITHOUT ROWID;

CREATE TABLE windows (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    id TEXT NOT NULL CHECK (id <> ''),
    ord INTEGER NOT NULL CHECK (ord >= 0),
    start_time TEXT NOT NULL CHECK (length(start_time) = 5
        AND start_time GLOB '[0-2][0-9]:[0-5][0-9]' AND start_time <= '23:59'),
    end_time TEXT NOT NULL CHECK (length(end_time) = 5
        AND end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time <= '23:59'),
    CHECK (start_time < end_time),
    PRIMARY KEY (scenario_id, id),
    UNIQUE (scenario_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE shifts (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    id TEXT NOT NULL CHECK (id <> ''),
    ord INTEGER NOT NULL CHECK (ord >= 0),
    start_time TEXT NOT NULL CHECK (length(start_time) = 5
        AND start_time GLOB '[0-2][0-9]:[0-5][0-9]' AND start_time <= '23:59'),
    end_time TEXT NOT NULL CHECK (length(end_time) = 5
        AND end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time <= '23:59'),
    PRIMARY KEY (scenario_id, id),
    UNIQUE (scenario_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE roles (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    id TEXT NOT NULL CHECK (id <> ''),
    ord INTEGER NOT NULL CHECK (ord >= 0),
    min_rank TEXT CHECK (min_rank IN ('PC', 'PS', 'Insp', 'CI', 'Supt', 'CS', 'Cmdr')),
    skill TEXT,
    PRIMARY KEY (scenario_id, id),
    UNIQUE (scenario_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE default_crew (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    role_id TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (scenario_id, role_id),
    FOREIGN KEY (scenario_id, role_id) REFERENCES roles (scenario_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE teams (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    id TEXT NOT NULL CHECK (id <> ''),
    ord INTEGER NOT NULL CHECK (ord >= 0),
    name TEXT NOT NULL,
    base_lat REAL NOT NULL,
    base_lon REAL NOT NULL,
    min_on_duty INTEGER NOT NULL CHECK (min_on_duty >= 0),
    max_abstracted INTEGER CHECK (max_abstracted >= 0),
    PRIMARY KEY (scenario_id, id),
    UNIQUE (scenario_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE officers (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    id TEXT NOT NULL CHECK (id <> ''),
    ord INTEGER NOT NULL CHECK (ord >= 0),
    name TEXT NOT NULL,
    rank TEXT NOT NULL CHECK (rank IN ('PC', 'PS', 'Insp', 'CI', 'Supt', 'CS', 'Cmdr')),
    team_id TEXT NOT NULL,
    max_duties INTEGER CHECK (max_duties >= 0),
    PRIMARY KEY (scenario_id, id),
    UNIQUE (scenario_id, ord),
    FOREIGN KEY (scenario_id, team_id) REFERENCES teams (scenario_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX officers_by_team ON officers (scenario_id, team_id);

CREATE TABLE officer_skills (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    officer_id TEXT NOT NULL,
    ord INTEGER NOT NULL CHECK (ord >= 0),
    skill TEXT NOT NULL,
    PRIMARY KEY (scenario_id, officer_id, ord),
    FOREIGN KEY (scenario_id, officer_id) REFERENCES officers (scenario_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE roster_entries (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    officer_id TEXT NOT NULL,
    date TEXT NOT NULL CHECK (length(date) = 10),
    shift_id TEXT NOT NULL,
    PRIMARY KEY (scenario_id, officer_id, date),
    FOREIGN KEY (scenario_id, officer_id) REFERENCES officers (scenario_id, id),
    FOREIGN KEY (scenario_id, date) REFERENCES scenario_dates (scenario_id, date),
    FOREIGN KEY (scenario_id, shift_id) REFERENCES shifts (scenario_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE hotspots (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    id TEXT NOT NULL CHECK (id <> ''),
    ord INTEGER NOT NULL CHECK (ord >= 0),
    name TEXT NOT NULL,
    borough TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    value REAL NOT NULL CHECK (value > 0),
    max_per_horizon INTEGER NOT NULL CHECK (max_per_horizon >= 0),
    min_gap_days INTEGER NOT NULL CHECK (min_gap_days >= 0),
    repeat_decay REAL NOT NULL CHECK (repeat_decay BETWEEN 0 AND 1),
    has_dates INTEGER NOT NULL CHECK (has_dates IN (0, 1)),
    has_crew INTEGER NOT NULL CHECK (has_crew IN (0, 1)),
    PRIMARY KEY (scenario_id, id),
    UNIQUE (scenario_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE hotspot_windows (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    hotspot_id TEXT NOT NULL,
    window_id TEXT NOT NULL,
    multiplier REAL NOT NULL CHECK (multiplier > 0),
    PRIMARY KEY (scenario_id, hotspot_id, window_id),
    FOREIGN KEY (scenario_id, hotspot_id) REFERENCES hotspots (scenario_id, id),
    FOREIGN KEY (scenario_id, window_id) REFERENCES windows (scenario_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE hotspot_weekday_factors (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    hotspot_id TEXT NOT NULL,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    factor REAL NOT NULL CHECK (factor >= 0),
    PRIMARY KEY (scenario_id, hotspot_id, weekday),
    FOREIGN KEY (scenario_id, hotspot_id) REFERENCES hotspots (scenario_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE hotspot_dates (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    hotspot_id TEXT NOT NULL,
    ord INTEGER NOT NULL CHECK (ord >= 0),
    date TEXT NOT NULL CHECK (length(date) = 10),
    PRIMARY KEY (scenario_id, hotspot_id, ord),
    FOREIGN KEY (scenario_id, hotspot_id) REFERENCES hotspots (scenario_id, id),
    FOREIGN KEY (scenario_id, date) REFERENCES scenario_dates (scenario_id, date)
) STRICT, WITHOUT ROWID;

CREATE TABLE hotspot_crew (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    hotspot_id TEXT NOT NULL,
    role_id TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (scenario_id, hotspot_id, role_id),
    FOREIGN KEY (scenario_id, hotspot_id) REFERENCES hotspots (scenario_id, id),
    FOREIGN KEY (scenario_id, role_id) REFERENCES roles (scenario_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE vans (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    id TEXT NOT NULL CHECK (id <> ''),
    ord INTEGER NOT NULL CHECK (ord >= 0),
    name TEXT,
    max_per_date INTEGER NOT NULL CHECK (max_per_date >= 0),
    PRIMARY KEY (scenario_id, id),
    UNIQUE (scenario_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE van_unavailable_dates (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    van_id TEXT NOT NULL,
    ord INTEGER NOT NULL CHECK (ord >= 0),
    date TEXT NOT NULL CHECK (length(date) = 10),
    PRIMARY KEY (scenario_id, van_id, ord),
    FOREIGN KEY (scenario_id, van_id) REFERENCES vans (scenario_id, id),
    FOREIGN KEY (scenario_id, date) REFERENCES scenario_dates (scenario_id, date)
) STRICT, WITHOUT ROWID;

CREATE TABLE pins (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    ord INTEGER NOT NULL CHECK (ord >= 0),
    hotspot_id TEXT NOT NULL,
    date TEXT NOT NULL CHECK (length(date) = 10),
    window_id TEXT NOT NULL,
    van_id TEXT,
    PRIMARY KEY (scenario_id, ord),
    FOREIGN KEY (scenario_id, hotspot_id) REFERENCES hotspots (scenario_id, id),
    FOREIGN KEY (scenario_id, date) REFERENCES scenario_dates (scenario_id, date),
    FOREIGN KEY (scenario_id, window_id) REFERENCES windows (scenario_id, id),
    FOREIGN KEY (scenario_id, van_id) REFERENCES vans (scenario_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE pin_crew (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    pin_ord INTEGER NOT NULL,
    ord INTEGER NOT NULL CHECK (ord >= 0),
    officer_id TEXT NOT NULL,
    role_id TEXT NOT NULL,
    PRIMARY KEY (scenario_id, pin_ord, ord),
    FOREIGN KEY (scenario_id, pin_ord) REFERENCES pins (scenario_id, ord),
    FOREIGN KEY (scenario_id, officer_id) REFERENCES officers (scenario_id, id),
    FOREIGN KEY (scenario_id, role_id) REFERENCES roles (scenario_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE plans (
    scenario_id INTEGER PRIMARY KEY REFERENCES scenarios (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('optimal', 'feasible', 'infeasible')),
    objective REAL,
    value REAL,
    travel_penalty REAL,
    bound REAL,
    reason TEXT,
    saved_at TEXT NOT NULL
) STRICT;

CREATE TABLE plan_deployments (
    scenario_id INTEGER NOT NULL REFERENCES plans (scenario_id) ON DELETE CASCADE,
    ord INTEGER NOT NULL CHECK (ord >= 0),
    date TEXT NOT NULL CHECK (length(date) = 10),
    window_id TEXT NOT NULL,
    hotspot_id TEXT NOT NULL,
    van_id TEXT NOT NULL,
    PRIMARY KEY (scenario_id, ord),
    FOREIGN KEY (scenario_id, date) REFERENCES scenario_dates (scenario_id, date),
    FOREIGN KEY (scenario_id, window_id) REFERENCES windows (scenario_id, id),
    FOREIGN KEY (scenario_id, hotspot_id) REFERENCES hotspots (scenario_id, id),
    FOREIGN KEY (scenario_id, van_id) REFERENCES vans (scenario_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE plan_crew (
    scenario_id INTEGER NOT NULL REFERENCES plans (scenario_id) ON DELETE CASCADE,
    deployment_ord INTEGER NOT NULL,
    ord INTEGER NOT NULL CHECK (ord >= 0),
    officer_id TEXT NOT NULL,
    role_id TEXT NOT NULL,
    PRIMARY KEY (scenario_id, deployment_ord, ord),
    FOREIGN KEY (scenario_id, deployment_ord) REFERENCES plan_deployments (scenario_id, ord) ON DELETE CASCADE,
    FOREIGN KEY (scenario_id, officer_id) REFERENCES officers (scenario_id, id),
    FOREIGN KEY (scenario_id, role_id) REFERENCES roles (scenario_id, id)
) STRICT, WITHOUT ROWID;
)sql";

} // namespace lfr::sqlite
