DROP TABLE notes;
DROP TABLE tenants;
