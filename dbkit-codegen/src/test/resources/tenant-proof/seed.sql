-- Two tenants with the same shapes of data. Everything of tenant B is recognisable: its ids start with bbbbbbbb
-- and its texts contain B-SECRET, so a statement run as tenant A that returns any of it has leaked.
INSERT INTO tenants (id, name) VALUES
    ('aaaaaaaa-0000-0000-0000-000000000000', 'Tenant A'),
    ('bbbbbbbb-0000-0000-0000-000000000000', 'Tenant B-SECRET');
INSERT INTO countries (code, name) VALUES ('DE', 'Germany'), ('FR', 'France');
INSERT INTO projects (id, tenant_id, name, code, status, country, budget) VALUES
    ('aaaaaaaa-0000-0000-0001-000000000001', 'aaaaaaaa-0000-0000-0000-000000000000', 'A project 1', 'A1', 'active', 'DE', 10),
    ('aaaaaaaa-0000-0000-0001-000000000002', 'aaaaaaaa-0000-0000-0000-000000000000', 'A project 2', 'A2', 'on_hold', NULL, NULL),
    ('bbbbbbbb-0000-0000-0001-000000000001', 'bbbbbbbb-0000-0000-0000-000000000000', 'B-SECRET project 1', 'B1', 'active', 'FR', 99),
    ('bbbbbbbb-0000-0000-0001-000000000002', 'bbbbbbbb-0000-0000-0000-000000000000', 'B-SECRET project 2', 'B2', 'archived', NULL, 98);
INSERT INTO tasks (id, tenant_id, project_id, blocked_by, title, done, assignee, estimate) VALUES
    ('aaaaaaaa-0000-0000-0002-000000000001', 'aaaaaaaa-0000-0000-0000-000000000000', 'aaaaaaaa-0000-0000-0001-000000000001', NULL, 'A task 1', false, 'ann', 3),
    ('aaaaaaaa-0000-0000-0002-000000000002', 'aaaaaaaa-0000-0000-0000-000000000000', 'aaaaaaaa-0000-0000-0001-000000000001', 'aaaaaaaa-0000-0000-0002-000000000001', 'A task 2', true, NULL, NULL),
    ('aaaaaaaa-0000-0000-0002-000000000003', 'aaaaaaaa-0000-0000-0000-000000000000', 'aaaaaaaa-0000-0000-0001-000000000002', NULL, 'A task 3', false, 'al', 5),
    ('bbbbbbbb-0000-0000-0002-000000000001', 'bbbbbbbb-0000-0000-0000-000000000000', 'bbbbbbbb-0000-0000-0001-000000000001', NULL, 'B-SECRET task 1', false, 'B-SECRET bob', 8),
    ('bbbbbbbb-0000-0000-0002-000000000002', 'bbbbbbbb-0000-0000-0000-000000000000', 'bbbbbbbb-0000-0000-0001-000000000001', 'bbbbbbbb-0000-0000-0002-000000000001', 'B-SECRET task 2', true, NULL, 13),
    ('bbbbbbbb-0000-0000-0002-000000000003', 'bbbbbbbb-0000-0000-0000-000000000000', 'bbbbbbbb-0000-0000-0001-000000000002', NULL, 'B-SECRET task 3', false, 'B-SECRET bea', NULL);
INSERT INTO milestones (id, tenant_id, project_id, title, due_on) VALUES
    ('aaaaaaaa-0000-0000-0003-000000000001', 'aaaaaaaa-0000-0000-0000-000000000000', 'aaaaaaaa-0000-0000-0001-000000000001', 'A milestone', '2026-06-01'),
    ('bbbbbbbb-0000-0000-0003-000000000001', 'bbbbbbbb-0000-0000-0000-000000000000', 'bbbbbbbb-0000-0000-0001-000000000001', 'B-SECRET milestone', '2026-07-01');
INSERT INTO task_comments (id, task_id, body) VALUES
    ('aaaaaaaa-0000-0000-0004-000000000001', 'aaaaaaaa-0000-0000-0002-000000000001', 'A comment'),
    ('bbbbbbbb-0000-0000-0004-000000000001', 'bbbbbbbb-0000-0000-0002-000000000001', 'B-SECRET comment');
INSERT INTO feature_flags (id, tenant_id, key, enabled, metadata) VALUES
    ('aaaaaaaa-0000-0000-0005-000000000001', 'aaaaaaaa-0000-0000-0000-000000000000', 'dark-mode', true, '{"owner": "A"}'),
    ('aaaaaaaa-0000-0000-0005-000000000002', 'aaaaaaaa-0000-0000-0000-000000000000', 'beta', false, '{}'),
    ('bbbbbbbb-0000-0000-0005-000000000001', 'bbbbbbbb-0000-0000-0000-000000000000', 'dark-mode', false, '{"owner": "B-SECRET"}'),
    ('bbbbbbbb-0000-0000-0005-000000000002', 'bbbbbbbb-0000-0000-0000-000000000000', 'B-SECRET-flag', true, '{}');
INSERT INTO audit_events (tenant_id, action) VALUES
    ('aaaaaaaa-0000-0000-0000-000000000000', 'A login'),
    ('bbbbbbbb-0000-0000-0000-000000000000', 'B-SECRET login');
-- The objects of 000002_more_attacks, the same way.
INSERT INTO work_items (id, tenant_id, title) VALUES
    ('aaaaaaaa-0000-0000-0006-000000000001', 'aaaaaaaa-0000-0000-0000-000000000000', 'A item'),
    ('bbbbbbbb-0000-0000-0006-000000000001', 'bbbbbbbb-0000-0000-0000-000000000000', 'B-SECRET item');
INSERT INTO documents (id, tenant_id, kind, owner_ref, body) VALUES
    ('aaaaaaaa-0000-0000-0007-000000000001', 'aaaaaaaa-0000-0000-0000-000000000000', 'note', 'aaaaaaaa-0000-0000-0002-000000000001', 'A note'),
    ('aaaaaaaa-0000-0000-0007-000000000002', 'aaaaaaaa-0000-0000-0000-000000000000', 'archive', NULL, 'A archive'),
    ('bbbbbbbb-0000-0000-0007-000000000001', 'bbbbbbbb-0000-0000-0000-000000000000', 'note', 'bbbbbbbb-0000-0000-0002-000000000001', 'B-SECRET note'),
    ('bbbbbbbb-0000-0000-0007-000000000002', 'bbbbbbbb-0000-0000-0000-000000000000', 'archive', NULL, 'B-SECRET archive');
INSERT INTO notes (id, tenant_id, body) VALUES
    ('aaaaaaaa-0000-0000-0008-000000000001', 'aaaaaaaa-0000-0000-0000-000000000000', 'A note'),
    ('bbbbbbbb-0000-0000-0008-000000000001', 'bbbbbbbb-0000-0000-0000-000000000000', 'B-SECRET note');
INSERT INTO pinned_notes (id, tenant_id, body, task_ref) VALUES
    ('aaaaaaaa-0000-0000-0008-000000000002', 'aaaaaaaa-0000-0000-0000-000000000000', 'A pinned', 'aaaaaaaa-0000-0000-0002-000000000001'),
    ('bbbbbbbb-0000-0000-0008-000000000002', 'bbbbbbbb-0000-0000-0000-000000000000', 'B-SECRET pinned', 'bbbbbbbb-0000-0000-0002-000000000001');
INSERT INTO tenant_labels (id, name, tenant_id) VALUES
    ('aaaaaaaa-0000-0000-0009-000000000001', 'A label', 'aaaaaaaa-0000-0000-0000-000000000000'),
    ('bbbbbbbb-0000-0000-0009-000000000001', 'B-SECRET label', 'bbbbbbbb-0000-0000-0000-000000000000');
INSERT INTO contacts (id, tenant_id, email) VALUES
    ('aaaaaaaa-0000-0000-000a-000000000001', 'aaaaaaaa-0000-0000-0000-000000000000', 'a@example.com'),
    ('bbbbbbbb-0000-0000-000a-000000000001', 'bbbbbbbb-0000-0000-0000-000000000000', 'B-SECRET@example.com');
INSERT INTO templates (id, tenant_id, name, settings) VALUES
    ('aaaaaaaa-0000-0000-000b-000000000001', 'aaaaaaaa-0000-0000-0000-000000000000', 'A template', '{}'),
    ('bbbbbbbb-0000-0000-000b-000000000001', 'bbbbbbbb-0000-0000-0000-000000000000', 'B-SECRET template', '{"api_key": "sk-B-SECRET"}'),
    ('cccccccc-0000-0000-000b-000000000001', NULL, 'shared template', '{}');
INSERT INTO tenant_profiles (id, billing_email) VALUES
    ('aaaaaaaa-0000-0000-0000-000000000000', 'billing@a.example'),
    ('bbbbbbbb-0000-0000-0000-000000000000', 'B-SECRET@b.example');
REFRESH MATERIALIZED VIEW project_task_counts;
REFRESH MATERIALIZED VIEW all_task_titles;
REFRESH MATERIALIZED VIEW project_rankings;
