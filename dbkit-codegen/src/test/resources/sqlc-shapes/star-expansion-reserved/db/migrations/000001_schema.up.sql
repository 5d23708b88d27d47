CREATE TABLE "group" (
    "from"   text,
    "select" text,
    "order"  integer NOT NULL
);
