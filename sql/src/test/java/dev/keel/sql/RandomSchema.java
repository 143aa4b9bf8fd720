package dev.keel.sql;

import java.util.List;

/**
 * The tables a {@link DifferentialTest} round created: names, column names and declared types.
 *
 * @param tables table names
 * @param columns each table's column names
 * @param types each table's column types (INTEGER, REAL or TEXT)
 */
record RandomSchema(List<String> tables, List<List<String>> columns, List<List<String>> types) {}
