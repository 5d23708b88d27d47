DROP TABLE baz.items;
DROP TABLE bar.items;
DROP SCHEMA baz;
DROP SCHEMA bar;
