DROP TABLE tasks, projects, padded_notes, settings, loose_notes, notes, tenants;
DROP COLLATION hexsame;
