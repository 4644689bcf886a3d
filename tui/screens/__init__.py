"""The screens of the reader: each is handed its data by the app."""
