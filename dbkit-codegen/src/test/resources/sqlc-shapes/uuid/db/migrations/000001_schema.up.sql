CREATE TABLE foo (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), other uuid);
