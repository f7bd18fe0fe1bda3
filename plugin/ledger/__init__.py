"""The unit ledger (资源、权益"双挂钩", SPEC §9): balance sheets per unit, reclamation
certificates, their styles."""
