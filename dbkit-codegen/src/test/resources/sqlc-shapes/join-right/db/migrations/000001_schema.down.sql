DROP TABLE staff;
DROP TABLE departments;
