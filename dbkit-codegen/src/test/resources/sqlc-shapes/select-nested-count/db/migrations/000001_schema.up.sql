CREATE TABLE forums (id integer PRIMARY KEY, title text NOT NULL);
CREATE TABLE threads (id integer PRIMARY KEY, forum_id integer NOT NULL REFERENCES forums (id));
