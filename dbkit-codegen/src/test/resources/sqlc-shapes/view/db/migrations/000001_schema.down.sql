DROP VIEW second_view;
DROP VIEW first_view;
DROP TABLE foo;
