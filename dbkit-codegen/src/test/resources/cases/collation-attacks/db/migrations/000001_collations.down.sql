DROP TABLE settings, loose_notes, notes, tenants;
DROP COLLATION hexsame;
