DROP TABLE salaries;
