-- name: BooksWithAuthors :many
SELECT * FROM books JOIN authors ON authors.author_id = books.author_id;

-- name: EveryPair :many
SELECT * FROM authors, books;

-- name: AuthorsAndTitles :many
SELECT authors.*, books.title FROM authors JOIN books USING (author_id);
