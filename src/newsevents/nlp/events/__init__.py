"""Event coding: PLOVER triggers, arguments from the parse, factuality, casualties, CAMEO mapping."""
