"""Business rules of accounts: every change of state goes through one function here."""
