// The tables of lfrplan's schema, written once for both databases (private
// to core). {{TOKENS}} stand for what the two dialects spell differently;
// schema.cpp (renderDdl) says what each becomes on SQLite and on
// PostgreSQL, and is the only place that does. What only one database
// needs (SQLite's triggers, PostgreSQL's roles, row-level security and
// server functions) is in schema_sqlite.h and schema_postgres*.h. The
// ladder of versions that runs them is schema.cpp's schemaLadder(). A
// released version is never edited: a change is a new step.
//
// Shared conventions: every scenario owns a snapshot of the force data it
// plans over; every other table is keyed by (scenario_id, ...) and hangs
// off scenarios with ON DELETE CASCADE (the plan's tables through plans).
// References inside a scenario are plain (NO ACTION) foreign keys that
// include scenario_id, so they never cross scenarios. Text compares byte
// by byte on both (PostgreSQL: COLLATE "C"), so lists, keys and orders are
// the same. Dates are 'YYYY-MM-DD', times 'HH:MM'.
#pragma once

namespace lfr::schema {

// Version 1: scenarios and their force data, pins and plans. A scenario
// is only ever deleted whole, children first (see deleteScenarioRows), so
// the foreign-key checks meet empty ranges of primary keys and need no
// extra indexes; the one index kept makes a bare "DELETE FROM scenarios"
// in a shell cheap too. List order is kept in `ord` columns. On SQLite the
// schema version is PRAGMA user_version; on PostgreSQL schema_info has it.
inline constexpr const char *kTablesV1 = R"sql(
CREATE TABLE schema_info (
    singleton {{INT32}} PRIMARY KEY CHECK (singleton = 1),{{SCHEMA_VERSION}}
    min_compatible_version {{INT32}} NOT NULL CHECK (min_compatible_version >= 1)
){{STRICT}};

CREATE TABLE scenarios (
    id {{ROWID}},
    name {{TEXT}} NOT NULL UNIQUE,
    max_deployments {{INT}} NOT NULL CHECK (max_deployments >= 0),
    max_days {{INT}} NOT NULL CHECK (max_days >= 0),
    max_per_date {{INT}} CHECK (max_per_date >= 0),
    max_duties_per_officer {{INT}} NOT NULL CHECK (max_duties_per_officer >= 0),
    travel_weight {{REAL}} NOT NULL CHECK (travel_weight >= 0),
    created_at {{TEXT}} NOT NULL,
    updated_at {{TEXT}} NOT NULL
){{STRICT}};

CREATE TABLE scenario_dates (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    ord {{INT}} NOT NULL CHECK (ord >= 0),
    date {{TEXT}} NOT NULL {{CALENDAR_DATE_CHECK:date}},
    PRIMARY KEY (scenario_id, ord),
    UNIQUE (scenario_id, date)
){{STRICT_KEYED}};

CREATE TABLE windows (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    id {{TEXT}} NOT NULL CHECK (id <> ''),
    ord {{INT}} NOT NULL CHECK (ord >= 0),
    start_time {{TEXT}} NOT NULL {{TIME_CHECK:start_time}},
    end_time {{TEXT}} NOT NULL {{TIME_CHECK:end_time}},
    CHECK (start_time < end_time),
    PRIMARY KEY (scenario_id, id),
    UNIQUE (scenario_id, ord)
){{STRICT_KEYED}};

CREATE TABLE shifts (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    id {{TEXT}} NOT NULL CHECK (id <> ''),
    ord {{INT}} NOT NULL CHECK (ord >= 0),
    start_time {{TEXT}} NOT NULL {{TIME_CHECK:start_time}},
    end_time {{TEXT}} NOT NULL {{TIME_CHECK:end_time}},
    PRIMARY KEY (scenario_id, id),
    UNIQUE (scenario_id, ord)
){{STRICT_KEYED}};

CREATE TABLE roles (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    id {{TEXT}} NOT NULL CHECK (id <> ''),
    ord {{INT}} NOT NULL CHECK (ord >= 0),
    min_rank {{TEXT}} CHECK (min_rank IN ('PC', 'PS', 'Insp', 'CI', 'Supt', 'CS', 'Cmdr')),
    skill {{TEXT}},
    PRIMARY KEY (scenario_id, id),
    UNIQUE (scenario_id, ord)
){{STRICT_KEYED}};

CREATE TABLE default_crew (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    role_id {{TEXT}} NOT NULL,
    count {{INT}} NOT NULL CHECK (count >= 0),
    PRIMARY KEY (scenario_id, role_id),
    FOREIGN KEY (scenario_id, role_id) REFERENCES roles (scenario_id, id)
){{STRICT_KEYED}};

CREATE TABLE teams (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    id {{TEXT}} NOT NULL CHECK (id <> ''),
    ord {{INT}} NOT NULL CHECK (ord >= 0),
    name {{TEXT}} NOT NULL,
    base_lat {{REAL}} NOT NULL,
    base_lon {{REAL}} NOT NULL,
    min_on_duty {{INT}} NOT NULL CHECK (min_on_duty >= 0),
    max_abstracted {{INT}} CHECK (max_abstracted >= 0),
    PRIMARY KEY (scenario_id, id),
    UNIQUE (scenario_id, ord)
){{STRICT_KEYED}};

CREATE TABLE officers (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    id {{TEXT}} NOT NULL CHECK (id <> ''),
    ord {{INT}} NOT NULL CHECK (ord >= 0),
    name {{TEXT}} NOT NULL,
    rank {{TEXT}} NOT NULL CHECK (rank IN ('PC', 'PS', 'Insp', 'CI', 'Supt', 'CS', 'Cmdr')),
    team_id {{TEXT}} NOT NULL,
    max_duties {{INT}} CHECK (max_duties >= 0),
    PRIMARY KEY (scenario_id, id),
    UNIQUE (scenario_id, ord),
    FOREIGN KEY (scenario_id, team_id) REFERENCES teams (scenario_id, id)
){{STRICT_KEYED}};
CREATE INDEX officers_by_team ON officers (scenario_id, team_id);

CREATE TABLE officer_skills (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    officer_id {{TEXT}} NOT NULL,
    ord {{INT}} NOT NULL CHECK (ord >= 0),
    skill {{TEXT}} NOT NULL,
    PRIMARY KEY (scenario_id, officer_id, ord),
    FOREIGN KEY (scenario_id, officer_id) REFERENCES officers (scenario_id, id)
){{STRICT_KEYED}};

CREATE TABLE roster_entries (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    officer_id {{TEXT}} NOT NULL,
    date {{TEXT}} NOT NULL CHECK (length(date) = 10),
    shift_id {{TEXT}} NOT NULL,
    PRIMARY KEY (scenario_id, officer_id, date),
    FOREIGN KEY (scenario_id, officer_id) REFERENCES officers (scenario_id, id),
    FOREIGN KEY (scenario_id, date) REFERENCES scenario_dates (scenario_id, date),
    FOREIGN KEY (scenario_id, shift_id) REFERENCES shifts (scenario_id, id)
){{STRICT_KEYED}};

CREATE TABLE hotspots (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    id {{TEXT}} NOT NULL CHECK (id <> ''),
    ord {{INT}} NOT NULL CHECK (ord >= 0),
    name {{TEXT}} NOT NULL,
    borough {{TEXT}} NOT NULL,
    lat {{REAL}} NOT NULL,
    lon {{REAL}} NOT NULL,
    value {{REAL}} NOT NULL CHECK (value > 0),
    max_per_horizon {{INT}} NOT NULL CHECK (max_per_horizon >= 0),
    min_gap_days {{INT}} NOT NULL CHECK (min_gap_days >= 0),
    repeat_decay {{REAL}} NOT NULL CHECK (repeat_decay BETWEEN 0 AND 1),
    has_dates {{INT}} NOT NULL CHECK (has_dates IN (0, 1)),
    has_crew {{INT}} NOT NULL CHECK (has_crew IN (0, 1)),
    PRIMARY KEY (scenario_id, id),
    UNIQUE (scenario_id, ord)
){{STRICT_KEYED}};

CREATE TABLE hotspot_windows (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    hotspot_id {{TEXT}} NOT NULL,
    window_id {{TEXT}} NOT NULL,
    multiplier {{REAL}} NOT NULL CHECK (multiplier > 0),
    PRIMARY KEY (scenario_id, hotspot_id, window_id),
    FOREIGN KEY (scenario_id, hotspot_id) REFERENCES hotspots (scenario_id, id),
    FOREIGN KEY (scenario_id, window_id) REFERENCES windows (scenario_id, id)
){{STRICT_KEYED}};

CREATE TABLE hotspot_weekday_factors (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    hotspot_id {{TEXT}} NOT NULL,
    weekday {{INT}} NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    factor {{REAL}} NOT NULL CHECK (factor >= 0),
    PRIMARY KEY (scenario_id, hotspot_id, weekday),
    FOREIGN KEY (scenario_id, hotspot_id) REFERENCES hotspots (scenario_id, id)
){{STRICT_KEYED}};

CREATE TABLE hotspot_dates (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    hotspot_id {{TEXT}} NOT NULL,
    ord {{INT}} NOT NULL CHECK (ord >= 0),
    date {{TEXT}} NOT NULL CHECK (length(date) = 10),
    PRIMARY KEY (scenario_id, hotspot_id, ord),
    FOREIGN KEY (scenario_id, hotspot_id) REFERENCES hotspots (scenario_id, id),
    FOREIGN KEY (scenario_id, date) REFERENCES scenario_dates (scenario_id, date)
){{STRICT_KEYED}};

CREATE TABLE hotspot_crew (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    hotspot_id {{TEXT}} NOT NULL,
    role_id {{TEXT}} NOT NULL,
    count {{INT}} NOT NULL CHECK (count >= 0),
    PRIMARY KEY (scenario_id, hotspot_id, role_id),
    FOREIGN KEY (scenario_id, hotspot_id) REFERENCES hotspots (scenario_id, id),
    FOREIGN KEY (scenario_id, role_id) REFERENCES roles (scenario_id, id)
){{STRICT_KEYED}};

CREATE TABLE vans (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    id {{TEXT}} NOT NULL CHECK (id <> ''),
    ord {{INT}} NOT NULL CHECK (ord >= 0),
    name {{TEXT}},
    max_per_date {{INT}} NOT NULL CHECK (max_per_date >= 0),
    PRIMARY KEY (scenario_id, id),
    UNIQUE (scenario_id, ord)
){{STRICT_KEYED}};

CREATE TABLE van_unavailable_dates (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    van_id {{TEXT}} NOT NULL,
    ord {{INT}} NOT NULL CHECK (ord >= 0),
    date {{TEXT}} NOT NULL CHECK (length(date) = 10),
    PRIMARY KEY (scenario_id, van_id, ord),
    FOREIGN KEY (scenario_id, van_id) REFERENCES vans (scenario_id, id),
    FOREIGN KEY (scenario_id, date) REFERENCES scenario_dates (scenario_id, date)
){{STRICT_KEYED}};

CREATE TABLE pins (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    ord {{INT}} NOT NULL CHECK (ord >= 0),
    hotspot_id {{TEXT}} NOT NULL,
    date {{TEXT}} NOT NULL CHECK (length(date) = 10),
    window_id {{TEXT}} NOT NULL,
    van_id {{TEXT}},
    PRIMARY KEY (scenario_id, ord),
    FOREIGN KEY (scenario_id, hotspot_id) REFERENCES hotspots (scenario_id, id),
    FOREIGN KEY (scenario_id, date) REFERENCES scenario_dates (scenario_id, date),
    FOREIGN KEY (scenario_id, window_id) REFERENCES windows (scenario_id, id),
    FOREIGN KEY (scenario_id, van_id) REFERENCES vans (scenario_id, id)
){{STRICT_KEYED}};

CREATE TABLE pin_crew (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    pin_ord {{INT}} NOT NULL,
    ord {{INT}} NOT NULL CHECK (ord >= 0),
    officer_id {{TEXT}} NOT NULL,
    role_id {{TEXT}} NOT NULL,
    PRIMARY KEY (scenario_id, pin_ord, ord),
    FOREIGN KEY (scenario_id, pin_ord) REFERENCES pins (scenario_id, ord),
    FOREIGN KEY (scenario_id, officer_id) REFERENCES officers (scenario_id, id),
    FOREIGN KEY (scenario_id, role_id) REFERENCES roles (scenario_id, id)
){{STRICT_KEYED}};

CREATE TABLE plans (
    scenario_id {{INT}} PRIMARY KEY REFERENCES scenarios (id) ON DELETE CASCADE,
    status {{TEXT}} NOT NULL CHECK (status IN ('optimal', 'feasible', 'infeasible')),
    objective {{REAL}},
    value {{REAL}},
    travel_penalty {{REAL}},
    bound {{REAL}},
    reason {{TEXT}},
    saved_at {{TEXT}} NOT NULL
){{STRICT}};

CREATE TABLE plan_deployments (
    scenario_id {{INT}} NOT NULL REFERENCES plans (scenario_id) ON DELETE CASCADE,
    ord {{INT}} NOT NULL CHECK (ord >= 0),
    date {{TEXT}} NOT NULL CHECK (length(date) = 10),
    window_id {{TEXT}} NOT NULL,
    hotspot_id {{TEXT}} NOT NULL,
    van_id {{TEXT}} NOT NULL,
    PRIMARY KEY (scenario_id, ord),
    FOREIGN KEY (scenario_id, date) REFERENCES scenario_dates (scenario_id, date),
    FOREIGN KEY (scenario_id, window_id) REFERENCES windows (scenario_id, id),
    FOREIGN KEY (scenario_id, hotspot_id) REFERENCES hotspots (scenario_id, id),
    FOREIGN KEY (scenario_id, van_id) REFERENCES vans (scenario_id, id)
){{STRICT_KEYED}};

CREATE TABLE plan_crew (
    scenario_id {{INT}} NOT NULL REFERENCES plans (scenario_id) ON DELETE CASCADE,
    deployment_ord {{INT}} NOT NULL,
    ord {{INT}} NOT NULL CHECK (ord >= 0),
    officer_id {{TEXT}} NOT NULL,
    role_id {{TEXT}} NOT NULL,
    PRIMARY KEY (scenario_id, deployment_ord, ord),
    FOREIGN KEY (scenario_id, deployment_ord) REFERENCES plan_deployments (scenario_id, ord) ON DELETE CASCADE,
    FOREIGN KEY (scenario_id, officer_id) REFERENCES officers (scenario_id, id),
    FOREIGN KEY (scenario_id, role_id) REFERENCES roles (scenario_id, id)
){{STRICT_KEYED}};
)sql";

// Version 2 (issue 6), accountability: authorisations (one record per
// deployment, keyed by hotspot, date and window so it survives
// re-planning; its status in a column and the whole record as JSON), the
// imported published_records, the force's safeguard settings and the
// audit_log, append-only (each database's own triggers enforce that).
// Minimum compatible version 2: a version-1 build would change data
// without writing the audit trail.
inline constexpr const char *kTablesV2 = R"sql(
CREATE TABLE authorisations (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    hotspot {{TEXT}} NOT NULL,
    date {{TEXT}} NOT NULL CHECK ({{DATE:date}}),
    window_id {{TEXT}} NOT NULL,
    status {{TEXT}} NOT NULL CHECK (status IN ('draft', 'authorised', 'deployed', 'closed', 'cancelled')),
    record {{TEXT}} NOT NULL CHECK ({{JSON:record}}),
    updated_at {{TEXT}} NOT NULL,
    updated_by {{TEXT}} NOT NULL,
    PRIMARY KEY (scenario_id, hotspot, date, window_id)
){{STRICT}};

CREATE TABLE published_records (
    source {{TEXT}} NOT NULL,
    line {{INT}} NOT NULL CHECK (line >= 1),
    date {{TEXT}} NOT NULL CHECK ({{DATE:date}}),
    record {{TEXT}} NOT NULL CHECK ({{JSON:record}}),
    PRIMARY KEY (source, line)
){{STRICT}};

CREATE TABLE settings (
    key {{TEXT}} PRIMARY KEY,
    value {{TEXT}} NOT NULL
){{STRICT}};

CREATE TABLE audit_log (
    seq {{SERIAL}},
    at {{TEXT}} NOT NULL,
    actor {{TEXT}} NOT NULL CHECK (actor <> ''),
    action {{TEXT}} NOT NULL CHECK (action <> ''),
    subject {{TEXT}} NOT NULL,
    old_value {{TEXT}} CHECK (old_value IS NULL OR {{JSON:old_value}}),
    new_value {{TEXT}} CHECK (new_value IS NULL OR {{JSON:new_value}})
){{STRICT}};

)sql";

// Version 3: each scenario's notes, one row per scenario that has notes.
// Minimum compatible version 2: a version-2 build never touches the table,
// and deleting a scenario removes its notes by ON DELETE CASCADE.
inline constexpr const char *kTablesV3 = R"sql(
CREATE TABLE scenario_notes (
    scenario_id {{INT}} PRIMARY KEY REFERENCES scenarios (id) ON DELETE CASCADE,
    notes {{TEXT}} NOT NULL
){{STRICT}};
)sql";

// Version 4 (issue 8): each scenario's revision, for optimistic
// versioning. Every scenario starts at revision 1; each change to its data,
// plan or notes, and a rename, raises it by one (docs/storage.md). Minimum
// compatible version 4: a version-3 build would save without raising it.
inline constexpr const char *kColumnsV4 = R"sql(
ALTER TABLE scenarios ADD COLUMN revision {{INT}} NOT NULL DEFAULT 1 CHECK (revision >= 1);
)sql";

// Version 6 (issue 15): users (which login is which officer, collar
// number; at most one officer a login and one login an officer); each
// authorisation record's revision (a stale save is a conflict); each audit
// entry's chain hash (lfr::auditEntryHash), filled in by the database.
inline constexpr const char *kTablesV6 = R"sql(
CREATE TABLE users (
    login {{TEXT}} PRIMARY KEY CHECK (login <> ''),
    officer {{TEXT}} NOT NULL UNIQUE CHECK (officer <> '')
){{STRICT}};

ALTER TABLE authorisations ADD COLUMN revision {{INT}} NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE audit_log ADD COLUMN hash {{TEXT}};
)sql";

// Version 7 (issue 20): published versions of a scenario's plan. Each is
// the plan file's JSON as it was published, numbered 1, 2, ... per
// scenario, with who published it (the authenticated login) and when. A
// version is never changed or removed (each database's triggers refuse
// it), so a scenario with published versions cannot be deleted (no ON
// DELETE CASCADE: the key refuses it). Minimum compatible version 6: an
// older build never touches the table.
inline constexpr const char *kTablesV7 = R"sql(
CREATE TABLE published_plans (
    scenario_id {{INT}} NOT NULL REFERENCES scenarios (id),
    version {{INT}} NOT NULL CHECK (version >= 1),
    published_at {{TEXT}} NOT NULL,
    published_by {{TEXT}} NOT NULL CHECK (published_by <> ''),
    plan {{TEXT}} NOT NULL CHECK ({{JSON:plan}}),
    PRIMARY KEY (scenario_id, version)
){{STRICT}};
)sql";

} // namespace lfr::schema
