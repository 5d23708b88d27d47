-- A collation that calls different strings equal: every hex digit is the same letter to it, so any two uuid-shaped
-- tenant ids compare equal. A migration's owner may create one (no superuser needed).
CREATE COLLATION hexsame (provider = icu, locale = 'und', deterministic = false,
    rules = '&0=1=2=3=4=5=6=7=8=9=a=b=c=d=e=f');

CREATE TABLE tenants (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE notes (
    tenant_id TEXT NOT NULL REFERENCES tenants (id),
    id        BIGINT NOT NULL,
    body      TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- The collation on the tenant column itself: every comparison with it, and a policy's too, is inexact.
CREATE TABLE loose_notes (
    tenant_id TEXT COLLATE hexsame NOT NULL,
    id        BIGINT NOT NULL,
    key       TEXT NOT NULL,
    body      TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, key)
);

-- The collation on a unique index only: an upsert that conflicts on it reaches another tenant's row.
CREATE TABLE settings (
    tenant_id TEXT NOT NULL,
    key       TEXT NOT NULL,
    value     TEXT NOT NULL
);
CREATE UNIQUE INDEX settings_key ON settings (tenant_id COLLATE hexsame, key);

-- Round 7: a unique index and a foreign key whose tenant column is compared with bpchar's =, which ignores trailing
-- blanks ('acme ' = 'acme'): the operator class, not the collation, makes them inexact.
CREATE TABLE padded_notes (
    tenant_id TEXT NOT NULL,
    id        BIGINT NOT NULL,
    key       TEXT NOT NULL,
    body      TEXT NOT NULL
);
CREATE UNIQUE INDEX padded_notes_key ON padded_notes (tenant_id bpchar_ops, key);

CREATE TABLE projects (
    tenant_id TEXT NOT NULL,
    id        BIGINT NOT NULL
);
CREATE UNIQUE INDEX projects_padded ON projects (tenant_id bpchar_ops, id);
CREATE TABLE tasks (
    tenant_id  TEXT NOT NULL,
    id         BIGINT NOT NULL,
    project_id BIGINT NOT NULL,
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id)
);
