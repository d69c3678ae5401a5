// Placeholder: the Hidden States view's webview.
