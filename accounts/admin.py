"""Django's own admin shows nothing of people: its user form could switch «active» off
without a block record, end of sessions or audit (regulation §6.7), and set passwords
past the credentials service. People, orders and Wagtail's Users screen are the doors."""
