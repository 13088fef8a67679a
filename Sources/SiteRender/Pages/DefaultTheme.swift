/// The default theme, compiled into the binary (docs/spec.md §4); its files are generated from
/// `themes/default/` by `scripts/embed-theme.py` into `DefaultTheme+Files.swift`.
enum DefaultTheme {}
