"""The audit trail: canonical encoding, hash chain, signed checkpoints, sealed fields."""
