DROP TABLE foo.paths;
DROP TYPE foo.point_type;
DROP TYPE point_type;
DROP SCHEMA foo;
