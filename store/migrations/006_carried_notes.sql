-- Avtal schema step 6: notes carried to a new version of their document.
-- When a new version of a document is imported, each note on a clause the
-- new version continues is copied onto the new clause. The copy says which
-- version the note was written on, and whether the clause's words have
-- changed since, so that a note about words that are gone is seen as such.

-- The version of the document the note was written on; NULL for a note
-- written on this very clause.
ALTER TABLE clause_notes ADD COLUMN written_on TEXT;
-- 1 when the clause's heading or body changed after the note was written.
ALTER TABLE clause_notes ADD COLUMN changed INTEGER NOT NULL DEFAULT 0;
