// Placeholder: the training panel's webview.
