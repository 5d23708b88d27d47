DROP FUNCTION evens(integer);
