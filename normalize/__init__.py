"""Everything between raw bands and clean rows: column repair, text repair, roles, agency identity."""
