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
