-- name: UpdateAttributeValue :one
WITH updated AS (
    UPDATE attribute_value
    SET val = CASE WHEN @set_value::boolean THEN @new_value ELSE val END
    WHERE attribute_value.id = @id
    RETURNING id, attribute, val
)
SELECT updated.id, updated.val, attribute.name
FROM updated
LEFT JOIN attribute ON attribute.id = updated.attribute;
