CREATE TABLE dt_range (
    a int4range,
    b int8range,
    c numrange,
    d tsrange,
    e tstzrange,
    f daterange NOT NULL
);
