CREATE TABLE calendar_notes (day date PRIMARY KEY, note text NOT NULL);
