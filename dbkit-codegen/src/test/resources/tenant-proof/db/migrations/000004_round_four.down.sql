DROP SEQUENCE note_numbers;
DROP FUNCTION platform_task_count();
DROP FUNCTION evil.note_count();
DROP TABLE defaulted_notes, partial_notes, indexed_notes, vetted_notes, checked_notes;
DROP FUNCTION evil.norm(TEXT), evil.body_ok(TEXT);
