/*
 * Generates the dev.keel.sql.jdbc.Unsupported* classes: every method of a java.sql interface, each throwing
 * SQLFeatureNotSupportedException (or answering false/0 for DatabaseMetaData's capability queries), so that the
 * driver's real classes hold only what keel supports. Run from sql/ with a JDK 25 (then ./keel fmt):
 *
 *   D=src/main/java/dev/keel/sql/jdbc
 *   java tools/GenerateUnsupportedJdbc.java java.sql.ResultSet UnsupportedResultSetUpdates updates - $D/UnsupportedResultSetUpdates.java
 *   java tools/GenerateUnsupportedJdbc.java java.sql.ResultSet UnsupportedResultSet noupdates UnsupportedResultSetUpdates $D/UnsupportedResultSet.java
 *   java tools/GenerateUnsupportedJdbc.java java.sql.Connection UnsupportedConnection all - $D/UnsupportedConnection.java
 *   java tools/GenerateUnsupportedJdbc.java java.sql.Statement UnsupportedStatement all - $D/UnsupportedStatement.java
 *   java tools/GenerateUnsupportedJdbc.java java.sql.PreparedStatement UnsupportedPreparedStatement declared KeelStatement $D/UnsupportedPreparedStatement.java
 *   java tools/GenerateUnsupportedJdbc.java java.sql.DatabaseMetaData UnsupportedCapabilities neutral - $D/UnsupportedCapabilities.java caps
 *   java tools/GenerateUnsupportedJdbc.java java.sql.DatabaseMetaData UnsupportedDatabaseMetaData neutral UnsupportedCapabilities $D/UnsupportedDatabaseMetaData.java nocaps
 *   java tools/GenerateUnsupportedJdbc.java java.sql.ResultSetMetaData UnsupportedResultSetMetaData all - $D/UnsupportedResultSetMetaData.java
 */
import java.lang.reflect.*;
import java.util.*;
import java.nio.file.*;

public class GenerateUnsupportedJdbc {
    static String typeName(Type t) {
        return t.getTypeName().replace("$", ".");
    }
    public static void main(String[] a) throws Exception {
        Class<?> iface = Class.forName(a[0]);
        String cls = a[1];
        String mode = a[2]; boolean neutral = mode.equals("neutral"); String sup = a[3];
        StringBuilder out = new StringBuilder();
        out.append("package dev.keel.sql.jdbc;\n\n");
        out.append("/**\n * Every method of {@link " + iface.getName() + "} that keel does not support, each failing with a\n"
            + " * {@link java.sql.SQLFeatureNotSupportedException} that names it" + (neutral ? " (or, for the capability queries,\n * answering no)" : "") + ". Generated from the interface by reflection, so\n"
            + " * that the driver's classes hold only what they do support. Not thread-safe.\n */\n");
        out.append("@SuppressWarnings(\"unused\")\n");
        out.append("abstract class " + cls + (sup.equals("-") ? "" : " extends " + sup) + " implements " + iface.getName() + " {\n");
        if (sup.equals("KeelStatement")) {
            out.append("\n    " + cls + "(KeelConnection connection) {\n        super(connection);\n    }\n");
        }
        Method[] ms = mode.equals("declared") ? iface.getDeclaredMethods() : iface.getMethods();
        Arrays.sort(ms, Comparator.comparing(Method::getName).thenComparing(m -> Arrays.toString(m.getParameterTypes())));
        Set<String> seen = new HashSet<>();
        for (Method m : ms) {
            if (m.isDefault() || Modifier.isStatic(m.getModifiers())) continue;
            boolean upd = m.getName().startsWith("update");
            if (mode.equals("updates") && !upd) continue;
            if (mode.equals("noupdates") && upd) continue;
            boolean cap = m.getName().startsWith("supports");
            if (a.length > 5 && a[5].equals("caps") && !cap) continue;
            if (a.length > 5 && a[5].equals("nocaps") && cap) continue;
            String sig = m.getName() + Arrays.toString(m.getParameterTypes());
            if (!seen.add(sig)) continue;
            if (m.getName().equals("isWrapperFor") || m.getName().equals("unwrap")) continue;
            out.append("\n");
            if (m.isAnnotationPresent(Deprecated.class)) out.append("    @Deprecated\n");
            out.append("    @Override\n    public ");
            TypeVariable<Method>[] tps = m.getTypeParameters();
            if (tps.length > 0) {
                List<String> ps = new ArrayList<>();
                for (TypeVariable<Method> tv : tps) ps.add(tv.getName());
                out.append("<").append(String.join(", ", ps)).append("> ");
            }
            out.append(typeName(m.getGenericReturnType())).append(" ").append(m.getName()).append("(");
            Type[] pts = m.getGenericParameterTypes();
            List<String> params = new ArrayList<>();
            for (int i = 0; i < pts.length; i++) {
                String tn = typeName(pts[i]);
                if (m.isVarArgs() && i == pts.length - 1) tn = tn.substring(0, tn.length() - 2) + "...";
                params.add(tn + " arg" + i);
            }
            List<String> thrown = new ArrayList<>();
            for (Class<?> e : m.getExceptionTypes()) thrown.add(e.getName());
            out.append(String.join(", ", params)).append(")");
            if (!thrown.isEmpty()) out.append(" throws ").append(String.join(", ", thrown));
            out.append(" {\n");
            Class<?> rt = m.getReturnType();
            if (neutral && rt == boolean.class) out.append("        return false;\n");
            else if (neutral && rt == int.class) out.append("        return 0;\n");
            else {
                String msg = "\"" + iface.getSimpleName() + "." + m.getName() + " is not supported by keel\"";
                if (thrown.contains("java.sql.SQLException")) out.append("        throw new java.sql.SQLFeatureNotSupportedException(" + msg + ");\n");
                else if (thrown.contains("java.sql.SQLClientInfoException")) out.append("        throw new java.sql.SQLClientInfoException(" + msg + ", null);\n");
                else out.append("        throw new UnsupportedOperationException(" + msg + ");\n");
            }
            out.append("    }\n");
        }
        if (sup.equals("-")) {
            out.append("""

                @Override
                public boolean isWrapperFor(Class<?> type) {
                    return type.isInstance(this);
                }

                @Override
                public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
                    if (type.isInstance(this)) {
                        return type.cast(this);
                    }
                    throw new java.sql.SQLException("not a wrapper for " + type.getName());
                }
            """);
        }
        out.append("}\n");
        Files.writeString(Path.of(a[4]), out.toString());
    }
}
