-- Avtal schema step 23: the triggers that keep the derived tables, one per
-- table and kind of write, and shorter.
--
-- Every connection parses the whole schema when it opens, and a short
-- program (avtal search) opens one: the 29 triggers of steps 3, 5, 12 and
-- 14 were nearly half of that text. The agreements' triggers of one kind
-- are one trigger now (an update's two stay apart: those of its data and
-- those of its listed columns, whose column lists differ), and so are the
-- events' kept and list triggers; each does what the ones it replaces did.
-- A dirty mark is an upsert that does nothing when the agreement is marked
-- already: unlike INSERT OR IGNORE, the writing statement's own conflict
-- clause (an upsert's DO UPDATE) does not override it.
DROP TRIGGER sub_policies_ai;
DROP TRIGGER sub_policies_au;
DROP TRIGGER sub_policies_ad;
DROP TRIGGER agreements_facts_ai;
DROP TRIGGER agreements_facts_au;
DROP TRIGGER kept_agreements_ai;
DROP TRIGGER kept_agreements_au;
DROP TRIGGER kept_agreements_ad;
DROP TRIGGER list_agreements_ai;
DROP TRIGGER list_agreements_au;
DROP TRIGGER list_agreements_ad;
DROP TRIGGER kept_decisions_ai;
DROP TRIGGER kept_decisions_au;
DROP TRIGGER kept_decisions_ad;
DROP TRIGGER kept_events_ai;
DROP TRIGGER kept_events_au;
DROP TRIGGER kept_events_ad;
DROP TRIGGER list_events_ai;
DROP TRIGGER list_events_au;
DROP TRIGGER list_events_ad;
DROP TRIGGER kept_incidents_ai;
DROP TRIGGER kept_incidents_au;
DROP TRIGGER kept_incidents_ad;
DROP TRIGGER kept_sub_notices_ai;
DROP TRIGGER kept_sub_notices_au;
DROP TRIGGER kept_sub_notices_ad;
DROP TRIGGER kept_sub_policies_ai;
DROP TRIGGER kept_sub_policies_au;
DROP TRIGGER kept_sub_policies_ad;

-- An agreement's sub-processor policy (sub_policies) and its facts
-- follow its data; a change of what the deadlines or the list are made of
-- marks it for both to be computed again before the transaction commits.
CREATE TRIGGER agreements_ai AFTER INSERT ON agreements BEGIN
    INSERT OR REPLACE INTO sub_policies SELECT new.id, json_extract(new.data, '$.subprocessor_policy'),
        coalesce(json_extract(new.data, '$.subprocessor_policy.transfer_basis'), '')
        WHERE json_extract(new.data, '$.subprocessor_policy') IS NOT NULL;
    UPDATE agreements SET facts = json_patch('{}', json_object(
        'id', new.data->'$.id', 'title', new.data->'$.title',
        'signed', new.data->'$.signed', 'effective', new.data->'$.effective', 'start', new.data->'$.start',
        'term', new.data->'$.term', 'rules', new.data->'$.rules', 'sample_values', new.data->'$.sample_values'))
    WHERE id = new.id;
    INSERT INTO kept_dirty VALUES (new.id) ON CONFLICT DO NOTHING;
    INSERT INTO list_dirty VALUES (new.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER agreements_data_au AFTER UPDATE OF data ON agreements BEGIN
    DELETE FROM sub_policies WHERE agreement_id = old.id;
    INSERT INTO sub_policies SELECT new.id, json_extract(new.data, '$.subprocessor_policy'),
        coalesce(json_extract(new.data, '$.subprocessor_policy.transfer_basis'), '')
        WHERE json_extract(new.data, '$.subprocessor_policy') IS NOT NULL;
    UPDATE agreements SET facts = json_patch('{}', json_object(
        'id', new.data->'$.id', 'title', new.data->'$.title',
        'signed', new.data->'$.signed', 'effective', new.data->'$.effective', 'start', new.data->'$.start',
        'term', new.data->'$.term', 'rules', new.data->'$.rules', 'sample_values', new.data->'$.sample_values'))
    WHERE id = new.id;
END;
CREATE TRIGGER agreements_au AFTER UPDATE OF id, title, supplier, status, facts, sort_key ON agreements BEGIN
    INSERT INTO kept_dirty SELECT * FROM (VALUES (old.id), (new.id))
        WHERE old.id IS NOT new.id OR old.facts IS NOT new.facts OR old.sort_key IS NOT new.sort_key ON CONFLICT DO NOTHING;
    INSERT INTO list_dirty VALUES (old.id), (new.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER agreements_ad AFTER DELETE ON agreements BEGIN
    DELETE FROM sub_policies WHERE agreement_id = old.id;
    INSERT INTO kept_dirty VALUES (old.id) ON CONFLICT DO NOTHING;
    INSERT INTO list_dirty VALUES (old.id) ON CONFLICT DO NOTHING;
END;

-- What the deadlines count from; a termination event also moves the end
-- in the list.
CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN
    INSERT INTO kept_dirty VALUES (new.agreement_id) ON CONFLICT DO NOTHING;
    INSERT INTO list_dirty SELECT new.agreement_id WHERE new.name = 'termination' ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER events_au AFTER UPDATE ON events BEGIN
    INSERT INTO kept_dirty VALUES (old.agreement_id), (new.agreement_id) ON CONFLICT DO NOTHING;
    INSERT INTO list_dirty SELECT * FROM (VALUES (old.agreement_id), (new.agreement_id))
        WHERE old.name = 'termination' OR new.name = 'termination' ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN
    INSERT INTO kept_dirty VALUES (old.agreement_id) ON CONFLICT DO NOTHING;
    INSERT INTO list_dirty SELECT old.agreement_id WHERE old.name = 'termination' ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER decisions_ai AFTER INSERT ON decisions BEGIN
    INSERT INTO kept_dirty VALUES (new.agreement_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER decisions_au AFTER UPDATE OF agreement_id, deadline_key, done_on ON decisions BEGIN
    INSERT INTO kept_dirty VALUES (old.agreement_id), (new.agreement_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER decisions_ad AFTER DELETE ON decisions BEGIN
    INSERT INTO kept_dirty VALUES (old.agreement_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER incidents_ai AFTER INSERT ON incidents BEGIN
    INSERT INTO kept_dirty VALUES (new.agreement_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER incidents_au AFTER UPDATE ON incidents BEGIN
    INSERT INTO kept_dirty VALUES (old.agreement_id), (new.agreement_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER incidents_ad AFTER DELETE ON incidents BEGIN
    INSERT INTO kept_dirty VALUES (old.agreement_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER sub_notices_ai AFTER INSERT ON sub_notices BEGIN
    INSERT INTO kept_dirty VALUES (new.agreement_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER sub_notices_au AFTER UPDATE ON sub_notices BEGIN
    INSERT INTO kept_dirty VALUES (old.agreement_id), (new.agreement_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER sub_notices_ad AFTER DELETE ON sub_notices BEGIN
    INSERT INTO kept_dirty VALUES (old.agreement_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER sub_policies_ai AFTER INSERT ON sub_policies BEGIN
    INSERT INTO kept_dirty VALUES (new.agreement_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER sub_policies_au AFTER UPDATE ON sub_policies BEGIN
    INSERT INTO kept_dirty VALUES (old.agreement_id), (new.agreement_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER sub_policies_ad AFTER DELETE ON sub_policies BEGIN
    INSERT INTO kept_dirty VALUES (old.agreement_id) ON CONFLICT DO NOTHING;
END;
