"""PDF writers (reportlab), one module per document. Fonts come from ``resources/fonts`` so a printed page does
not depend on the machine."""
