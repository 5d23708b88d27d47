CREATE TABLE grids (id integer PRIMARY KEY, cells integer[][] NOT NULL);
