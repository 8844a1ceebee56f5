SELECT f.unit AS unit, NULL AS person,
       'finding:' || f.finding || ',rectification:' || r.rectification AS evidence,
       '群众举报问题' || f.finding || '发现三个月后整改仍未开始:约谈单位主要负责人' AS reason,
       'finding:' || f.finding AS key
  FROM rule_finding f JOIN rule_rectification r ON r.finding = f.finding
 WHERE f.campaign = :campaign AND f.origin = 'citizen_report'
   AND date(f.found_on, '+3 months') < :as_of
   AND NOT EXISTS (SELECT 1 FROM rule_rectification_update x
                    WHERE x.rectification = r.rectification AND x.updated_on <= :as_of)
 ORDER BY f.unit, f.finding