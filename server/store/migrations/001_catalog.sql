-- The published catalog. A catalog version is bumped once per publication that changes
-- anything; kiosks ask for what changed since the version they hold.

-- One row per publication that changed something: the version counter and its record.
CREATE TABLE catalog_versions (
  version integer PRIMARY KEY CHECK (version >= 1),
  published_at timestamptz NOT NULL,
  changes jsonb NOT NULL -- {"added":[ids],"changed":[ids],"removed":[ids]}
);

-- The current state of each service ever published. A removed service keeps its row
-- (removed_in_version set) so a delta can report the removal.
CREATE TABLE catalog_services (
  service_id text PRIMARY KEY,
  form_version integer NOT NULL CHECK (form_version >= 1),
  definition jsonb NOT NULL,
  content_hash text NOT NULL, -- SHA-256 of the canonical JSON of the whole definition
  form_hash text NOT NULL, -- the same over what validation depends on (no texts)
  changed_in_version integer NOT NULL REFERENCES catalog_versions (version),
  removed_in_version integer REFERENCES catalog_versions (version)
);
CREATE INDEX catalog_services_changed ON catalog_services (changed_in_version);
CREATE INDEX catalog_services_removed ON catalog_services (removed_in_version);

-- Every form version ever published, kept forever: an application filled offline
-- against version 3 is validated against version 3 even after version 4 is out.
CREATE TABLE catalog_form_versions (
  service_id text NOT NULL,
  form_version integer NOT NULL CHECK (form_version >= 1),
  definition jsonb NOT NULL,
  form_hash text NOT NULL,
  published_in_version integer NOT NULL REFERENCES catalog_versions (version),
  PRIMARY KEY (service_id, form_version)
);
