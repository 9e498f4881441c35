"""Exchange in the window: the import wizard, the export actions and the PDF documents."""
