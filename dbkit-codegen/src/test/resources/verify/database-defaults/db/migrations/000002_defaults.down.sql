DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET role', current_database()); END $$;
