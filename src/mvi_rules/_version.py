"""The library version (the ruleset version lives in rulesets/catalogue.yaml)."""

__version__ = "0.1.0"
