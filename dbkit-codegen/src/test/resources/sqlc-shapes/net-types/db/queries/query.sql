-- name: ListNet :many
SELECT * FROM dt_net;

-- name: InSubnet :many
SELECT a FROM dt_net WHERE a << $1::cidr;
