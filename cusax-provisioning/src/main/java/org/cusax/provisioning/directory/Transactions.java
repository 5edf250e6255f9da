package org.cusax.provisioning.directory;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Runs a unit of JDBC work in one transaction: committed when it returns, rolled back when it throws. */
public final class Transactions {
    private Transactions() {
    }

    /** A unit of work on one connection. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public static <T> T run(DataSource db, Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DirectoryException("directory database error: " + e.getMessage(), e);
        }
    }
}
