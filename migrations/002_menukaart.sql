-- Menukaart: interventions, the shared risk-factor vocabulary and the links from atlas
-- indicators to risk factors. Content is versioned: every version of an item is a row, keyed
-- by (id, version); readers take the highest version of each id. Rows are written by the
-- content loader (src/menukaart/content-loader.ts) from the files in content/, and later by
-- the programme team's editing screens. Only SQL that PostgreSQL 15 supports.

CREATE TABLE risk_factor (
  id              text NOT NULL,
  version         integer NOT NULL CHECK (version >= 1),
  content         jsonb NOT NULL,
  content_sha256  text NOT NULL,
  search_text     text,
  loaded_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

CREATE TABLE intervention (
  id              text NOT NULL,
  version         integer NOT NULL CHECK (version >= 1),
  content         jsonb NOT NULL,
  content_sha256  text NOT NULL,
  -- Names, aliases, summary, target group and goals in both languages, lowercased and
  -- without accents: what the full-text filter `q` searches.
  search_text     text NOT NULL,
  loaded_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

-- id = the atlas indicator id.
CREATE TABLE indicator_link (
  id              text NOT NULL,
  version         integer NOT NULL CHECK (version >= 1),
  content         jsonb NOT NULL,
  content_sha256  text NOT NULL,
  search_text     text,
  loaded_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

-- One row. Raised whenever content is added, so that app servers reload their copy.
CREATE TABLE menukaart_state (
  id              integer PRIMARY KEY CHECK (id = 1),
  content_version bigint NOT NULL DEFAULT 0,
  changed_at      timestamptz NOT NULL DEFAULT now()
);
INSERT INTO menukaart_state (id) VALUES (1);
