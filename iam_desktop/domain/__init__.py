"""Pure domain: entities, value objects, validation and rules. No Qt, no SQL, no network."""
