-- name: BarItems :many
SELECT * FROM bar.items;

-- name: BazItems :many
SELECT * FROM baz.items;

-- name: BothItems :many
SELECT b.name, z.price FROM bar.items b JOIN baz.items z ON z.id = b.id;
