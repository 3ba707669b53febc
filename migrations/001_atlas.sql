-- Atlas: areas, indicators, datasets and counts. Only SQL that PostgreSQL 15 supports.

CREATE TABLE area (
  code            text PRIMARY KEY,
  name            text NOT NULL,
  level           text NOT NULL CHECK (level IN ('land', 'provincie', 'ggdregio', 'jeugdregio', 'gemeente', 'wijk')),
  land_code       text REFERENCES area (code),
  provincie_code  text REFERENCES area (code),
  ggdregio_code   text REFERENCES area (code),
  jeugdregio_code text REFERENCES area (code),
  gemeente_code   text REFERENCES area (code),
  valid_from      integer,
  valid_to        integer,
  inhabitants     integer NOT NULL CHECK (inhabitants >= 0),
  sort_order      integer NOT NULL
);
CREATE INDEX area_level_idx ON area (level, sort_order);
CREATE INDEX area_gemeente_idx ON area (gemeente_code);

CREATE TABLE indicator (
  id          text PRIMARY KEY,
  method      text NOT NULL CHECK (method IN ('proportion', 'rate', 'mean', 'count')),
  polarity    text NOT NULL CHECK (polarity IN ('low-is-good', 'high-is-good', 'none')),
  multiplier  double precision NOT NULL CHECK (multiplier > 0),
  metadata    jsonb NOT NULL,
  sort_order  integer NOT NULL
);

-- Where counts come from: the synthetic demo set or an imported file.
CREATE TABLE dataset (
  id           serial PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('demo', 'long-csv', 'births')),
  synthetic    boolean NOT NULL,
  source_nl    text NOT NULL,
  source_en    text NOT NULL,
  file_name    text,
  file_sha256  text,
  row_count    integer NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- Numerators and denominators at the level they were delivered (wijk for the demo data):
-- the source of truth of the atlas. Every derived figure is computed from these rows.
-- No foreign keys here on purpose: counts arrive in bulk (475,000 demo rows, 300,000 from a
-- year-set of births) and per-row foreign-key triggers made loading 4x slower. Every writer
-- goes through the importer, which checks area codes, indicators and datasets first.
CREATE TABLE indicator_count (
  indicator_id text NOT NULL,
  period       integer NOT NULL CHECK (period BETWEEN 1900 AND 2200),
  area_code    text NOT NULL,
  numerator    bigint NOT NULL CHECK (numerator >= 0),
  denominator  bigint NOT NULL CHECK (denominator >= 0),
  dataset_id   integer NOT NULL,
  PRIMARY KEY (indicator_id, period, area_code)
);
CREATE INDEX indicator_count_dataset_idx ON indicator_count (dataset_id);

-- One row. Every change to the counts raises counts_version in the same transaction; app
-- servers compute derived figures (rates, intervals, comparisons, trends, smoothing,
-- suppression) from the counts and cache them under that version, so any number of servers
-- stay consistent without holding state of their own.
CREATE TABLE atlas_state (
  id             integer PRIMARY KEY CHECK (id = 1),
  counts_version bigint NOT NULL DEFAULT 0,
  changed_at     timestamptz NOT NULL DEFAULT now()
);
INSERT INTO atlas_state (id) VALUES (1);
