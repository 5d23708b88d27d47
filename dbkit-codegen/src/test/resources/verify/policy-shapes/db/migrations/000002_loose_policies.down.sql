DROP TABLE tenant_events, events, pings, planted_notes, open_notes;
