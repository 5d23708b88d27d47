DROP FUNCTION total_of(integer[]);
