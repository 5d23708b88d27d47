CREATE TABLE authors (author_id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE books (
    book_id   integer PRIMARY KEY,
    author_id integer NOT NULL REFERENCES authors (author_id),
    title     text NOT NULL,
    pages     integer
);
