-- Avtal schema step 10: the objection periods of older registers moved
-- from their rules into their sub-processor policies.
--
-- Before schema 10 a register could keep an objection period (or the
-- advance notice of a change) only as a rule counted from a notice. Such
-- rules now give no deadline of their own: the calendar counts from the
-- policy (subproc.Evaluate). An agreement whose policy states neither
-- period gets them from its first rule of each kind, counted forwards from
-- the notice, with the rule's clause when the policy names none. A policy
-- that states either period already gives its deadline and is left as it
-- is, so running this again changes nothing.
WITH derived AS (
    SELECT a.id,
        (SELECT r.value->>'$.offset' FROM json_each(a.data, '$.rules') r
            WHERE r.value->>'$.kind' = 'subprocessor_objection' AND r.value->>'$.anchor' = 'event:notice_received'
                AND NOT coalesce(r.value->>'$.before', 0) AND coalesce(r.value->>'$.offset', '') != ''
            ORDER BY r.key LIMIT 1) AS objection_window,
        (SELECT r.value->>'$.offset' FROM json_each(a.data, '$.rules') r
            WHERE r.value->>'$.kind' = 'subprocessor_advance_notice' AND r.value->>'$.anchor' = 'event:notice_received'
                AND NOT coalesce(r.value->>'$.before', 0) AND coalesce(r.value->>'$.offset', '') != ''
            ORDER BY r.key LIMIT 1) AS advance_notice,
        (SELECT nullif(r.value->>'$.clause', '') FROM json_each(a.data, '$.rules') r
            WHERE r.value->>'$.kind' IN ('subprocessor_objection', 'subprocessor_advance_notice')
                AND r.value->>'$.anchor' = 'event:notice_received' AND NOT coalesce(r.value->>'$.before', 0)
                AND coalesce(r.value->>'$.offset', '') != ''
            ORDER BY r.value->>'$.kind' DESC, r.key LIMIT 1) AS clause
    FROM agreements a
    WHERE a.data->>'$.subprocessor_policy.objection_window' IS NULL
        AND a.data->>'$.subprocessor_policy.advance_notice' IS NULL
)
UPDATE agreements SET data = json_set(data, '$.subprocessor_policy', json_patch(coalesce(data->'$.subprocessor_policy', '{}'),
        json_object('objection_window', d.objection_window, 'advance_notice', d.advance_notice,
            'clause', coalesce(nullif(data->>'$.subprocessor_policy.clause', ''), d.clause))))
    FROM derived d
    WHERE d.id = agreements.id AND (d.objection_window IS NOT NULL OR d.advance_notice IS NOT NULL);
