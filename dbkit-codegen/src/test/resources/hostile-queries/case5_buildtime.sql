-- name: Innocent :one
SELECTE'\'' AS a, $q$ ' {oj x$q$ /* *}/ ; COMMIT ; START TRANSACTION READ WRITE ; CREATE TABLE written_at_build (x int) ; DO $$BEGIN RAISE WARNING 'BUILD-TIME WRITE OK: read_only=%, tables=%', current_setting('transaction_read_only'), (SELECT count(*) FROM written_at_build); END$$ ; COMMIT ; SET statement_timeout = 0 ; SELECT pg_sleep(100) ; --*/ AS b;
