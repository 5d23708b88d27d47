-- name: GetNote :one
SELECTE'\'' AS a -- ' {oj x /* *}/ ; DELETE FROM notes --*/
