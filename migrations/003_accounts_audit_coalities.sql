-- Accounts and sessions, the audit trail, and the local coalitions with their funding
-- applications. Only SQL that PostgreSQL 15 supports. Access rules live in code as data
-- (src/auth/policy.ts); these tables hold who is who and what belongs to which coalition.
-- Cross-coalition links (agreement parties, funding plan items, a plan item's goal) are
-- composite foreign keys that include coalition_id, so even a faulty query cannot attach a
-- record of one coalition to another.

-- ---------------------------------------------------------------------------------------------
-- Organisations and accounts

CREATE TABLE organisation (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  type        text NOT NULL CHECK (type IN ('gemeente', 'jgz', 'verloskunde', 'ziekenhuis', 'kraamzorg', 'zorgverzekeraar', 'wijkteam', 'huisarts', 'programmateam', 'overig')),
  -- A gemeente organisation is linked to its gemeente (GM code); others may name their area.
  area_code   text REFERENCES area (code),
  -- The OpenID Connect provider (its id in the settings) through which this organisation's
  -- accounts may sign in; NULL: password only.
  oidc_provider text,
  is_demo     boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (type <> 'gemeente' OR area_code IS NOT NULL)
);
CREATE UNIQUE INDEX organisation_gemeente_idx ON organisation (area_code) WHERE type = 'gemeente';

CREATE TABLE app_user (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email               text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) <= 254),
  name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role                text NOT NULL CHECK (role IN ('programma', 'gemeente', 'partner', 'professional', 'jgz')),
  organisation_id     uuid NOT NULL REFERENCES organisation (id),
  -- argon2id (PHC string); NULL for an account that signs in only through its organisation's
  -- identity provider (OIDC).
  password_hash       text,
  status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  is_demo             boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz
);
CREATE INDEX app_user_organisation_idx ON app_user (organisation_id);

-- An account linked to a subject at an OpenID Connect provider.
CREATE TABLE user_identity (
  issuer      text NOT NULL,
  subject     text NOT NULL,
  provider    text NOT NULL,
  user_id     uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  linked_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX user_identity_user_idx ON user_identity (user_id);

-- Server-side sessions, shared by every app server. The cookie holds a random token; the
-- table holds only its SHA-256, so a copy of the table opens no session.
CREATE TABLE auth_session (
  id_hash          text PRIMARY KEY,
  user_id          uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  method           text NOT NULL CHECK (method IN ('password', 'oidc')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  last_seen_at     timestamptz NOT NULL DEFAULT now(),
  idle_expires_at  timestamptz NOT NULL,
  expires_at       timestamptz NOT NULL
);
CREATE INDEX auth_session_user_idx ON auth_session (user_id);
CREATE INDEX auth_session_expires_idx ON auth_session (expires_at);

-- Failed sign-ins, per account and per client address (both stored as hashes), counted over
-- a sliding window by every app server alike.
CREATE TABLE login_failure (
  id        bigserial PRIMARY KEY,
  key_kind  text NOT NULL CHECK (key_kind IN ('account', 'address')),
  key_hash  text NOT NULL,
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_key_idx ON login_failure (key_kind, key_hash, at);

-- An OIDC sign-in in progress: bound to the browser by a cookie whose hash is the key; used once.
CREATE TABLE oidc_login_state (
  id_hash        text PRIMARY KEY,
  provider       text NOT NULL,
  state          text NOT NULL,
  nonce          text NOT NULL,
  code_verifier  text NOT NULL,
  return_to      text NOT NULL,
  expires_at     timestamptz NOT NULL
);

-- Secrets the app servers share (e.g. the key that binds CSRF tokens to a session), created
-- once at first start.
CREATE TABLE server_secret (
  name        text PRIMARY KEY,
  value       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------------------------
-- Audit trail: who (and on behalf of which organisation) did what to which resource, when,
-- with what outcome. Written in the same transaction as the change or the read it records.
-- No payloads: names of changed fields and coded values only.

CREATE TABLE audit_event (
  id                     bigserial PRIMARY KEY,
  at                     timestamptz NOT NULL DEFAULT clock_timestamp(),
  request_id             text,
  actor_user_id          uuid,
  actor_role             text,
  actor_organisation_id  uuid,
  auth_method            text,
  action                 text NOT NULL,
  resource_type          text NOT NULL,
  resource_id            text,
  coalition_id           uuid,
  outcome                text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  source_address         text,
  detail                 jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_event_at_idx ON audit_event (at);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id, at);
CREATE INDEX audit_event_coalition_idx ON audit_event (coalition_id, at);
CREATE INDEX audit_event_resource_idx ON audit_event (resource_type, resource_id);

-- Append-only: the database itself refuses to change or remove an audit event, whatever the
-- application does. (A server deployment also grants the application role only INSERT and
-- SELECT on this table: see docs/security.md.)
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- ---------------------------------------------------------------------------------------------
-- Local coalitions

CREATE TABLE coalition (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  status                text NOT NULL CHECK (status IN ('verkennend', 'in-oprichting', 'actief', 'gestopt')),
  status_since          date NOT NULL DEFAULT CURRENT_DATE,
  description           text CHECK (length(description) <= 4000),
  lead_organisation_id  uuid NOT NULL REFERENCES organisation (id),
  is_demo               boolean NOT NULL DEFAULT false,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);

-- The gemeenten a coalition covers: one, or several for a regional coalition.
CREATE TABLE coalition_area (
  coalition_id  uuid NOT NULL REFERENCES coalition (id) ON DELETE CASCADE,
  area_code     text NOT NULL REFERENCES area (code),
  PRIMARY KEY (coalition_id, area_code)
);
CREATE INDEX coalition_area_code_idx ON coalition_area (area_code);

-- A partner of a coalition, by type. organisation_id links a registered organisation: its
-- users are then members of the coalition (they see its working data, as the policy allows).
CREATE TABLE coalition_partner (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  coalition_id     uuid NOT NULL REFERENCES coalition (id) ON DELETE CASCADE,
  partner_type     text NOT NULL CHECK (partner_type IN ('gemeente', 'jgz', 'verloskunde', 'kraamzorg', 'ziekenhuis', 'huisarts', 'wijkteam', 'zorgverzekeraar', 'overig')),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  organisation_id  uuid REFERENCES organisation (id),
  joined_on        date,
  note             text CHECK (length(note) <= 2000),
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, coalition_id),
  UNIQUE (coalition_id, organisation_id)
);
CREATE INDEX coalition_partner_coalition_idx ON coalition_partner (coalition_id);
CREATE INDEX coalition_partner_organisation_idx ON coalition_partner (organisation_id);

-- Ketenafspraken.
CREATE TABLE chain_agreement (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  coalition_id  uuid NOT NULL REFERENCES coalition (id) ON DELETE CASCADE,
  subject       text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
  description   text CHECK (length(description) <= 4000),
  action_line   integer NOT NULL CHECK (action_line BETWEEN 1 AND 3),
  start_date    date,
  review_date   date,
  status        text NOT NULL CHECK (status IN ('concept', 'vastgesteld', 'in-uitvoering', 'geevalueerd', 'beeindigd')),
  document_url  text CHECK (document_url ~ '^https?://'),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, coalition_id),
  CHECK (review_date IS NULL OR start_date IS NULL OR review_date >= start_date)
);
CREATE INDEX chain_agreement_coalition_idx ON chain_agreement (coalition_id);

CREATE TABLE chain_agreement_party (
  agreement_id  uuid NOT NULL,
  coalition_id  uuid NOT NULL,
  partner_id    uuid NOT NULL,
  PRIMARY KEY (agreement_id, partner_id),
  FOREIGN KEY (agreement_id, coalition_id) REFERENCES chain_agreement (id, coalition_id) ON DELETE CASCADE,
  FOREIGN KEY (partner_id, coalition_id) REFERENCES coalition_partner (id, coalition_id)
);
CREATE INDEX chain_agreement_party_partner_idx ON chain_agreement_party (partner_id);

-- Local goals, each under one of the six national goals of the programme.
CREATE TABLE local_goal (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  coalition_id    uuid NOT NULL REFERENCES coalition (id) ON DELETE CASCADE,
  national_goal   integer NOT NULL CHECK (national_goal BETWEEN 1 AND 6),
  description     text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  indicator_id    text REFERENCES indicator (id),
  baseline_value  double precision,
  baseline_year   integer CHECK (baseline_year BETWEEN 2000 AND 2100),
  target_value    double precision,
  target_year     integer CHECK (target_year BETWEEN 2000 AND 2100),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, coalition_id),
  CHECK (target_value IS NULL OR (indicator_id IS NOT NULL AND target_year IS NOT NULL))
);
CREATE INDEX local_goal_coalition_idx ON local_goal (coalition_id);

-- The plan: an intervention from the menukaart (validated against the published menukaart
-- when written; the menukaart is versioned, so no foreign key) or an item in free text.
CREATE TABLE plan_item (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  coalition_id     uuid NOT NULL REFERENCES coalition (id) ON DELETE CASCADE,
  intervention_id  text,
  title            text CHECK (length(title) BETWEEN 1 AND 300),
  description      text CHECK (length(description) <= 4000),
  target_reach     integer CHECK (target_reach >= 0),
  funding_route    text,
  status           text NOT NULL CHECK (status IN ('idee', 'gepland', 'in-uitvoering', 'gerealiseerd', 'gestopt')),
  local_goal_id    uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, coalition_id),
  CHECK (intervention_id IS NOT NULL OR title IS NOT NULL),
  FOREIGN KEY (local_goal_id, coalition_id) REFERENCES local_goal (id, coalition_id) ON DELETE SET NULL (local_goal_id)
);
CREATE INDEX plan_item_coalition_idx ON plan_item (coalition_id);

CREATE TABLE progress_update (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  coalition_id    uuid NOT NULL REFERENCES coalition (id) ON DELETE CASCADE,
  update_date     date NOT NULL,
  body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  author_user_id  uuid NOT NULL REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX progress_update_coalition_idx ON progress_update (coalition_id, update_date);

-- ---------------------------------------------------------------------------------------------
-- Funding (the impuls for local coalitions)

CREATE TABLE funding_budget_line (
  id            text PRIMARY KEY,
  label_nl      text NOT NULL,
  label_en      text NOT NULL,
  from_year     integer NOT NULL,
  to_year       integer NOT NULL,
  amount_cents  bigint NOT NULL CHECK (amount_cents >= 0),
  source        text NOT NULL,
  CHECK (to_year >= from_year)
);

CREATE TABLE funding_application (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  coalition_id          uuid NOT NULL REFERENCES coalition (id),
  amount_cents          bigint NOT NULL CHECK (amount_cents > 0),
  period_start          date NOT NULL,
  period_end            date NOT NULL,
  purpose               text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 4000),
  status                text NOT NULL CHECK (status IN ('ingediend', 'goedgekeurd', 'afgewezen', 'ingetrokken')),
  submitted_by          uuid NOT NULL REFERENCES app_user (id),
  submitted_at          timestamptz NOT NULL DEFAULT now(),
  decided_by            uuid REFERENCES app_user (id),
  decided_at            timestamptz,
  decision_reason       text CHECK (length(decision_reason) <= 4000),
  granted_amount_cents  bigint CHECK (granted_amount_cents > 0),
  budget_line_id        text REFERENCES funding_budget_line (id),
  budget_year           integer,
  UNIQUE (id, coalition_id),
  CHECK (period_end >= period_start),
  CHECK (status <> 'goedgekeurd' OR (granted_amount_cents IS NOT NULL AND budget_line_id IS NOT NULL AND budget_year IS NOT NULL AND decided_by IS NOT NULL)),
  CHECK (status <> 'afgewezen' OR (decision_reason IS NOT NULL AND decided_by IS NOT NULL)),
  CHECK (granted_amount_cents IS NULL OR granted_amount_cents <= amount_cents)
);
CREATE INDEX funding_application_coalition_idx ON funding_application (coalition_id);
CREATE INDEX funding_application_status_idx ON funding_application (status);

CREATE TABLE funding_application_item (
  application_id  uuid NOT NULL,
  coalition_id    uuid NOT NULL,
  plan_item_id    uuid NOT NULL,
  PRIMARY KEY (application_id, plan_item_id),
  FOREIGN KEY (application_id, coalition_id) REFERENCES funding_application (id, coalition_id) ON DELETE CASCADE,
  FOREIGN KEY (plan_item_id, coalition_id) REFERENCES plan_item (id, coalition_id)
);
CREATE INDEX funding_application_item_plan_idx ON funding_application_item (plan_item_id);
