-- A database default holds for every later session: every connection of the application would start as the
-- platform role, which bypasses row-level security (the verifier's own later migrations fail for it too).
DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET role = %L', current_database(), 'dbkit_platform'); END $$;
