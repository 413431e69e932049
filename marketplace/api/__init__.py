"""The JSON API (/api/v1): bearer tokens, profiles in the format of spec/PROFILES.md."""
