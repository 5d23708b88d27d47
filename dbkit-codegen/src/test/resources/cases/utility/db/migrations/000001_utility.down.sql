DROP PROCEDURE forget_events(interval, text);
DROP MATERIALIZED VIEW event_counts;
DROP TABLE events;
DROP TABLE tenants;
