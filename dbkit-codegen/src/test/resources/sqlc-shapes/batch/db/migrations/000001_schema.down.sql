DROP TABLE myschema.foo;
DROP SCHEMA myschema;
