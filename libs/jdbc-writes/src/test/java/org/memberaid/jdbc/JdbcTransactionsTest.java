package org.memberaid.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * All of a transaction's work or none of it, against PostgreSQL in a schema of its own: committed
 * work is seen by another connection; work that throws, whatever it throws, leaves nothing.
 */
class JdbcTransactionsTest {

    private final TestSchema schema = new TestSchema("jdbc_transactions_test");
    private final JdbcTransactions transactions = new JdbcTransactions();
    private PGSimpleDataSource dataSource;

    @BeforeEach
    void createTable() throws SQLException {
        dataSource = schema.create("CREATE TABLE %s.entry (name TEXT PRIMARY KEY)");
        transactions.dataSource = dataSource;
    }

    @AfterEach
    void dropTable() throws SQLException {
        schema.drop();
    }

    @Test
    void commitsTheWorkAndReturnsItsResult() throws SQLException {
        int inserted = transactions.run(connection -> insert(connection, "a") + insert(connection, "b"));

        assertThat(inserted).isEqualTo(2);
        assertThat(entries()).as("seen from another connection").containsExactly("a", "b");
    }

    @Test
    void rollsBackWhenTheWorkThrowsAndLetsTheExceptionThrough() throws SQLException {
        IllegalStateException refused = new IllegalStateException("a rule the work found broken");

        assertThatThrownBy(() -> transactions.run(connection -> {
            insert(connection, "a");
            throw refused;
        })).isSameAs(refused);

        assertThat(entries()).isEmpty();
    }

    @Test
    void rollsBackAndWrapsTheDriversExceptionWhenAStatementFails() throws SQLException {
        assertThatThrownBy(() -> transactions.run(connection -> insert(connection, "a") + insert(connection, "a")))
                .isInstanceOf(JdbcTransactions.DatabaseException.class)
                .hasCauseInstanceOf(SQLException.class)
                .hasMessageContaining("entry_pkey");

        assertThat(entries()).isEmpty();
    }

    @Test
    void eachRunIsATransactionOfItsOwn() throws SQLException {
        transactions.run(connection -> insert(connection, "kept"));

        assertThatThrownBy(() -> transactions.run(connection -> insert(connection, "kept")))
                .isInstanceOf(JdbcTransactions.DatabaseException.class);

        assertThat(entries()).as("a later failure takes nothing committed before").containsExactly("kept");
    }

    private static int insert(Connection connection, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO entry (name) VALUES (?)")) {
            insert.setString(1, name);
            return insert.executeUpdate();
        }
    }

    private List<String> entries() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT name FROM entry ORDER BY name");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
