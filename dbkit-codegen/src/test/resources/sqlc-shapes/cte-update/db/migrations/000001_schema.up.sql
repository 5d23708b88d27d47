CREATE TABLE attribute (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE attribute_value (
    id        integer PRIMARY KEY,
    attribute integer NOT NULL REFERENCES attribute (id),
    val       text NOT NULL
);
