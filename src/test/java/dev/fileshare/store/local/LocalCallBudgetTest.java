package dev.fileshare.store.local;

import dev.fileshare.core.SignedTransferUrls;
import dev.fileshare.core.StoreCallBudget;
import dev.fileshare.core.StoreCalls;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.TransferUrls;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite statements of each request, held to the budget in {@code docs/architecture.md}: counted on the
 * store's JDBC connections, each statement executed as {@code SQLite <verb>(<table>)} and each commit (one
 * transaction, one fsync of the write-ahead log) as {@code SQLite COMMIT}, or {@code SQLite COMMIT(unsynced)} on the
 * connection whose commits do not wait for the disk.
 */
class LocalCallBudgetTest extends StoreCallBudget {
    private final StoreCalls calls = new StoreCalls();

    @TempDir
    static Path dataDir;

    @Override
    protected Stores open() {
        return LocalStore.open(dataDir, Clock.systemUTC(), connection -> counting(connection, calls));
    }

    @Override
    protected StoreCalls calls() {
        return calls;
    }

    @Override
    protected Map<String, SortedMap<String, Integer>> budget() {
        return budgetIn(Path.of("docs/architecture.md"));
    }

    @Override
    protected TransferUrls transferUrls(Stores stores) {
        return new SignedTransferUrls(new byte[32], Duration.ofMinutes(15), Clock.systemUTC());
    }

    private static final Pattern TABLE = Pattern.compile("\\b(?:FROM|INTO|UPDATE)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> EXECUTIONS =
            Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

    /** {@code connection}, counting each statement it prepares as it is executed, and each commit. */
    private static Connection counting(Connection connection, StoreCalls calls) {
        String commit = synchronous(connection) >= FULL ? "SQLite COMMIT" : "SQLite COMMIT(unsynced)";
        return proxy(Connection.class, connection, (method, args) -> {
            if (method.getName().equals("commit")) {
                calls.add(commit);
            }
            Object result = invoke(connection, method, args);
            if (method.getName().equals("prepareStatement")) {
                String name = name((String) args[0]);
                PreparedStatement statement = (PreparedStatement) result;
                return proxy(PreparedStatement.class, statement, (m, a) -> {
                    if (EXECUTIONS.contains(m.getName()) && (a == null || a.length == 0)) {
                        calls.add(name);
                    }
                    return invoke(statement, m, a);
                });
            }
            return result;
        });
    }

    /** SQLite's {@code PRAGMA synchronous} level: FULL (2) syncs the write-ahead log on every commit. */
    private static final int FULL = 2;

    private static int synchronous(Connection connection) {
        try (Statement s = connection.createStatement();
                ResultSet level = s.executeQuery("PRAGMA synchronous")) {
            level.next();
            return level.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code SQLite SELECT(files)}: the statement's verb and the first table it names. */
    private static String name(String sql) {
        String verb = sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        Matcher table = TABLE.matcher(sql);
        return "SQLite " + verb + (table.find() ? "(" + table.group(1) + ")" : "");
    }

    @FunctionalInterface
    private interface Call {
        Object on(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> call.on(method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
