CREATE TABLE other_things (id int);
