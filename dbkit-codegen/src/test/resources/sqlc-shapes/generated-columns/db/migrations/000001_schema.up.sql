CREATE TABLE descriptions (
    serial_no bigint GENERATED ALWAYS AS IDENTITY,
    id        varchar(32) GENERATED ALWAYS AS (md5(txt)) STORED,
    txt       text,
    PRIMARY KEY (id)
);
