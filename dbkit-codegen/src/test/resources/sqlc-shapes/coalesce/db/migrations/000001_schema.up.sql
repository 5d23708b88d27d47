CREATE TABLE profiles (id integer PRIMARY KEY, nick text, score integer);
