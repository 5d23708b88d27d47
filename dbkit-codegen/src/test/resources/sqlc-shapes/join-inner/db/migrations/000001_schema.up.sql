CREATE TABLE events (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE handled_events (
    event_id   integer NOT NULL REFERENCES events (id),
    handled_by text NOT NULL,
    PRIMARY KEY (event_id, handled_by)
);
