package dev.keel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** NOT NULL, PRIMARY KEY and UNIQUE: violations are rejected with their SQLSTATE and leave nothing behind. */
final class ConstraintTest {

    private final SQLEngine db = SQLEngine.inMemory();

    @BeforeEach
    void schema() {
        db.executeScript("""
                CREATE TABLE accounts(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, code VARCHAR(4), n INTEGER);
                CREATE UNIQUE INDEX accounts_code ON accounts(code, n);
                INSERT INTO accounts VALUES (1, 'a@x', 'A', 1), (2, 'b@x', 'B', 1);
                """);
    }

    private List<List<Object>> all() {
        return db.query("SELECT * FROM accounts ORDER BY id").rows().stream()
                .map(Row::values)
                .toList();
    }

    @Test
    void insert_duplicatePrimaryKey_isRejectedWith23505() {
        List<List<Object>> before = all();

        assertThatThrownBy(() -> db.execute("INSERT INTO accounts VALUES (1, 'c@x', 'C', 1)"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("UNIQUE constraint failed: accounts.id")
                .extracting(e -> ((SqlException) e).sqlState())
                .isEqualTo("23505");
        assertThat(all()).isEqualTo(before);
    }

    @Test
    void insert_null_intoNotNull_isRejectedWith23502() {
        assertThatThrownBy(() -> db.execute("INSERT INTO accounts(id, code) VALUES (3, 'C')"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("NOT NULL constraint failed: accounts.email")
                .extracting(e -> ((SqlException) e).sqlState())
                .isEqualTo("23502");
    }

    @Test
    void insert_multiRow_withALateViolation_leavesNoRowBehind() {
        List<List<Object>> before = all();

        assertThatThrownBy(() -> db.execute(
                        "INSERT INTO accounts VALUES (3, 'c@x', 'C', 1), (4, 'd@x', 'D', 1), " + "(5, 'a@x', 'E', 1)"))
                .hasMessageContaining("accounts.email");
        assertThat(all()).isEqualTo(before);
        assertThat(db.query("SELECT id FROM accounts WHERE email = 'c@x'").rows())
                .isEmpty();
    }

    @Test
    void compositeUniqueIndex_rejectsSameKey_allowsNulls() {
        assertThatThrownBy(() -> db.execute("INSERT INTO accounts VALUES (3, 'c@x', 'A', 1)"))
                .hasMessageContaining("accounts.code, accounts.n")
                .hasMessageContaining("accounts_code");
        db.execute("INSERT INTO accounts VALUES (3, 'c@x', NULL, 1), (4, 'd@x', NULL, 1)");

        assertThat(db.query("SELECT count(*) FROM accounts WHERE code IS NULL")
                        .rows()
                        .getFirst()
                        .get(0))
                .isEqualTo(2L);
    }

    @Test
    void update_intoADuplicate_isRejected_andChangesNothing() {
        List<List<Object>> before = all();

        assertThatThrownBy(() -> db.execute("UPDATE accounts SET email = 'a@x'"))
                .hasMessageContaining("accounts.email");
        assertThat(all()).isEqualTo(before);
    }

    @Test
    void update_swappingKeysInOneStatement_followsRowOrder_andFailsAtomically() {
        assertThatThrownBy(() -> db.execute("UPDATE accounts SET id = 3 - id")).hasMessageContaining("accounts.id");
        assertThat(all()).extracting(r -> r.getFirst()).containsExactly(1L, 2L);
    }

    @Test
    void insertOrReplace_replacesEveryConflictingRow() {
        db.execute("INSERT OR REPLACE INTO accounts VALUES (1, 'b@x', 'Z', 9)");

        assertThat(all()).containsExactly(List.of(1L, "b@x", "Z", 9L));
    }

    @Test
    void insertOrIgnore_skipsConflictingRows_only() {
        assertThat(db.execute("INSERT OR IGNORE INTO accounts VALUES (1, 'z@x', 'Z', 1), (3, 'c@x', 'C', 1)"))
                .isEqualTo(1);
        assertThat(all()).extracting(r -> r.get(1)).containsExactly("a@x", "b@x", "c@x");
    }

    @Test
    void integerPrimaryKey_rejectsNonIntegers_andAssignsNextRowid() {
        assertThatThrownBy(() -> db.execute("INSERT INTO accounts VALUES ('x', 'c@x', 'C', 1)"))
                .hasMessageContaining("datatype mismatch: accounts.id")
                .extracting(e -> ((SqlException) e).sqlState())
                .isEqualTo("22000");
        db.execute("INSERT INTO accounts(email) VALUES ('c@x')");

        assertThat(db.query("SELECT id FROM accounts WHERE email = 'c@x'")
                        .rows()
                        .getFirst()
                        .get(0))
                .isEqualTo(3L);
    }

    @Test
    void createUniqueIndex_overDuplicates_isRejected_andNotCreated() {
        db.execute("INSERT INTO accounts VALUES (3, 'c@x', 'Q', 7), (4, 'd@x', 'Q', 8)");

        assertThatThrownBy(() -> db.execute("CREATE UNIQUE INDEX dup ON accounts(code)"))
                .hasMessageContaining("'Q'");
        assertThatThrownBy(() -> db.execute("DROP INDEX dup")).hasMessageContaining("no such index: dup");
    }

    @Test
    void dropIndex_ofAConstraint_isRejected() {
        assertThatThrownBy(() -> db.execute("DROP INDEX sqlite_autoindex_accounts_1"))
                .hasMessageContaining("cannot be dropped");
    }
}
