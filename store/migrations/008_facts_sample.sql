-- Avtal schema step 8: the deadline engine's facts also hold the
-- agreement's sample values, so every date resting on an invented value
-- can say so (model.Deadline.Sample).

DROP TRIGGER agreements_facts_ai;
DROP TRIGGER agreements_facts_au;

CREATE TRIGGER agreements_facts_ai AFTER INSERT ON agreements BEGIN
    UPDATE agreements SET facts = json_patch('{}', json_object(
        'id', new.data->'$.id', 'title', new.data->'$.title',
        'signed', new.data->'$.signed', 'effective', new.data->'$.effective', 'start', new.data->'$.start',
        'term', new.data->'$.term', 'rules', new.data->'$.rules', 'sample_values', new.data->'$.sample_values'))
    WHERE id = new.id;
END;

CREATE TRIGGER agreements_facts_au AFTER UPDATE OF data ON agreements BEGIN
    UPDATE agreements SET facts = json_patch('{}', json_object(
        'id', new.data->'$.id', 'title', new.data->'$.title',
        'signed', new.data->'$.signed', 'effective', new.data->'$.effective', 'start', new.data->'$.start',
        'term', new.data->'$.term', 'rules', new.data->'$.rules', 'sample_values', new.data->'$.sample_values'))
    WHERE id = new.id;
END;

-- Fill it in for the agreements already there (the trigger above does it).
UPDATE agreements SET data = data;
