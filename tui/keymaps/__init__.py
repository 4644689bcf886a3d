"""Key presets as data: binding id = keys, one TOML file per preset."""
