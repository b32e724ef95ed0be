-- Avtal schema step 5: beside each agreement's JSON, the part of it the
-- deadline engine reads (id, title, dates, term, rules) as JSON of its own,
-- kept in step by triggers. Computing a large register's deadlines mostly
-- went to decoding whole agreements; this is half the text to decode.
-- json_patch onto {} leaves out the fields an agreement does not have.

ALTER TABLE agreements ADD COLUMN facts TEXT NOT NULL DEFAULT '{}';

CREATE TRIGGER agreements_facts_ai AFTER INSERT ON agreements BEGIN
    UPDATE agreements SET facts = json_patch('{}', json_object(
        'id', new.data->'$.id', 'title', new.data->'$.title',
        'signed', new.data->'$.signed', 'effective', new.data->'$.effective', 'start', new.data->'$.start',
        'term', new.data->'$.term', 'rules', new.data->'$.rules'))
    WHERE id = new.id;
END;

CREATE TRIGGER agreements_facts_au AFTER UPDATE OF data ON agreements BEGIN
    UPDATE agreements SET facts = json_patch('{}', json_object(
        'id', new.data->'$.id', 'title', new.data->'$.title',
        'signed', new.data->'$.signed', 'effective', new.data->'$.effective', 'start', new.data->'$.start',
        'term', new.data->'$.term', 'rules', new.data->'$.rules'))
    WHERE id = new.id;
END;

-- Fill it in for the agreements already there (the trigger above does it).
UPDATE agreements SET data = data;
