"""French law the tool applies: public holidays, the consumer's withdrawal period, company
identifiers.

Pure functions on dates and strings, standard library only: they hold no state but caches,
read no clock and no configuration, so the callers decide the day, the time zone and the
region.
"""
