CREATE TABLE salaries (id integer PRIMARY KEY, department text NOT NULL, amount integer NOT NULL);
