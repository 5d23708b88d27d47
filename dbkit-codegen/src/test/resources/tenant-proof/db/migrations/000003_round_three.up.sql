-- Round 3: objects for the findings that need schema (applies after 000001 and 000002).

-- A domain over the domain known_task: its CoerceToDomain node names known_task_ref, which has no CHECK of its own,
-- but PostgreSQL runs the CHECKs of every domain it is based on (task_exists, which reads every tenant's tasks).
CREATE DOMAIN known_task_ref AS known_task;

-- A composite type with a known_task attribute: its input function (record_in) runs known_task's CHECK.
CREATE TYPE task_pointer AS (task known_task);

-- A btree operator class whose support function is a SQL function of the schema that reads every tenant's tasks
-- (it fails with division by zero when its first argument is the id of a task of any tenant), and a range type
-- over uuid that uses it: range_in, range comparisons, sorts and hashes of the range call the support function,
-- but the plan names only built-in range operators and functions.
CREATE FUNCTION evil.uuid_cmp_probe(a UUID, b UUID) RETURNS INT4
    LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN a = b THEN 0
                    WHEN EXISTS (SELECT 1 FROM tasks WHERE id = a) THEN 1 / (SELECT count(*)::int4 FROM tasks WHERE false)
                    WHEN a < b THEN -1 ELSE 1 END
    $$;
CREATE OPERATOR CLASS evil.uuid_probe_ops FOR TYPE uuid USING btree AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 evil.uuid_cmp_probe(uuid, uuid);
CREATE TYPE uuid_probe_range AS RANGE (subtype = uuid, subtype_opclass = evil.uuid_probe_ops);
