CREATE TABLE bar (id bigserial PRIMARY KEY, note text);
