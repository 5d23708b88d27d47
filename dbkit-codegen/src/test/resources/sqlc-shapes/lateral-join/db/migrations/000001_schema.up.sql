CREATE TABLE blogs (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE entries (id integer PRIMARY KEY, blog_id integer NOT NULL REFERENCES blogs (id), published timestamptz NOT NULL);
