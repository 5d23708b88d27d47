DROP TABLE arrays;
