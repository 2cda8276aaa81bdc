-- Numbering new projects looks up codes by prefix (533401-2024-%): a pattern index serves it on any collation.
create index projects_code_prefix on projects (code text_pattern_ops);
