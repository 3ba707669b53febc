-- Data migration: the budget lines of the Kansrijke Start programme against which the impuls
-- for local coalitions is granted. Amounts from the programme (€41 million for 2018–2021) and
-- the minister's announcement of February 2020 (€2.5 million extra, from 2020, for more
-- coalitions). The programme team can add lines later; these ids are stable.

INSERT INTO funding_budget_line (id, label_nl, label_en, from_year, to_year, amount_cents, source) VALUES
  ('actieprogramma-2018-2021', 'Actieprogramma Kansrijke Start 2018–2021', 'Action programme Kansrijke Start 2018–2021', 2018, 2021, 4100000000, 'Actieprogramma Kansrijke Start (VWS, 2018), hoofdstuk 6: €41 miljoen voor 2018–2021'),
  ('extra-coalities-2020', 'Extra middelen lokale coalities (vanaf 2020)', 'Additional funds for local coalitions (from 2020)', 2020, 2021, 250000000, 'VWS, februari 2020: €2,5 miljoen extra voor meer lokale coalities')
ON CONFLICT (id) DO NOTHING;
