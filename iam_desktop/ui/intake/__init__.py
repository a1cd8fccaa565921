"""The intake (presa in carico) in the app: a generic builder that turns the form definition
(``resources/forms/intake.json``) into widgets, and the keyboard-first wizard that uses it to take a person in
charge, and the same builder reused to edit a case file."""
