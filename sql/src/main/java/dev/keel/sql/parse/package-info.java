/**
 * The parser: SQL text to statements, by hand-written recursive descent.
 *
 * <p>Reading order: {@link dev.keel.sql.parse.Parser} (the entry point); {@code Lexer} and {@link dev.keel.sql.parse.Token};
 * {@code TokenCursor} (the shared position and the error messages); the grammar areas {@code ExpressionParser},
 * {@code QueryParser}, {@code StatementParser}, {@code DefinitionParser}; the syntax trees
 * {@link dev.keel.sql.parse.Expr}, {@link dev.keel.sql.parse.Query}, {@link dev.keel.sql.parse.Statement}.
 *
 * <p>Thread safety: {@link dev.keel.sql.parse.Parser} is stateless; each parse has its own cursor; the trees are
 * immutable records.
 */
@NullMarked
package dev.keel.sql.parse;

import org.jspecify.annotations.NullMarked;
