DROP PROCEDURE insert_data(integer, integer);
DROP TABLE tbl;
