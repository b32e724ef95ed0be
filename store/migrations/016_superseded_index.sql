-- Avtal schema step 18: the superseded documents by an index of their own.
--
-- Search keeps the clauses of current documents. Asking each match's
-- document whether it is superseded reads a page of documents per match:
-- a rare word's window of matches lies scattered over the register, and
-- those reads were a third of its search. The superseded documents are few
-- (old versions of re-imported ones); search reads them once instead.
CREATE INDEX documents_superseded ON documents(id) WHERE superseded = 1;
