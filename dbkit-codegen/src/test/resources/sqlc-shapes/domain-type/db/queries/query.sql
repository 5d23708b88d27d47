-- name: ListSubscribers :many
SELECT * FROM subscribers;

-- name: AddSubscriber :exec
INSERT INTO subscribers (address, quota) VALUES ($1, $2);
