CREATE TABLE dt_misc (
    m money,
    bt bit(4),
    vb varbit(8),
    bin bytea,
    x xml,
    ts tsvector,
    tz timetz,
    ch char(3),
    pt point,
    f4 real,
    f8 double precision,
    i2 smallint
);
