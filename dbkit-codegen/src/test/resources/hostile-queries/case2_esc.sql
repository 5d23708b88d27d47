-- name: Innocent :one
SELECTE'\'' AS a, $q$ ' {oj x$q$ /* *}/ ; DO $$BEGIN RAISE WARNING 'EVIL RAN: read_only=%', current_setting('transaction_read_only'); END$$ ; --*/ AS b;
