-- 018: the units a group stands for, the one place a filter by a group
-- (core/units.c) reads its members: a derived group joins here.
CREATE VIEW unit_member_of AS
  SELECT grp, unit FROM unit_group_member;
