"""One widget per pane; widgets never import screens."""
