DROP TABLE descriptions;
