DROP TABLE calendar_notes;
