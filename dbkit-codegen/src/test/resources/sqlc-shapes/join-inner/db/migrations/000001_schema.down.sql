DROP TABLE handled_events;
DROP TABLE events;
